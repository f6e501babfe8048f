/**
 * Funding at scale: 1,000,000 contributions (every partner, 15 yearly campaigns, 12 currencies).
 * Measures the `coalition-desk funding import FILE` command (wall time and peak memory, at a tenth of
 * the rows and at all of them, to show memory stays flat as the file grows) and the campaign page's
 * aggregate queries (p50/p95 over repeated runs, as a ratio to one plain SUM over the same rows).
 * Usage: npm run bench:funding [-- --rows 1000000 --runs 40]
 * Set DATABASE_URL (an empty PostgreSQL database) to measure on PostgreSQL instead of PGlite.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { loadReferenceData } from '../src/reference/reference-data.ts';
import { fundingCampaigns, fundingContributions } from '../src/db/schema/funding.ts';
import { partners } from '../src/db/schema/partners.ts';
import { campaignPageData } from '../src/modules/funding/campaign-page-data.ts';
import { campaignSummary, createCampaign } from '../src/modules/funding/campaigns.service.ts';
import { translator } from '../src/platform/i18n/i18n.ts';
import { importRates } from '../src/modules/funding/rates.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { option } from './lib.ts';

const rows = option('rows', 1_000_000);
const runs = option('runs', 40);
const YEARS = Array.from({ length: 15 }, (_, index) => 2010 + index);
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'SEK', 'NOK', 'DKK', 'CAD', 'AUD', 'CHF', 'PLN', 'CZK'];
const STAGES = ['pledge', 'pledge', 'commitment', 'disbursement'];
const actor = systemActor('benchmark');

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-bench-funding-'));
const dataDir = path.join(workDir, 'data');
const open = () => (process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : openPglite({ dataDir }));

/** Daily rates for every weekday of the 15 years, in the ECB layout, drifting a little so conversions differ. */
function ratesCsv(): string {
  const lines = [`Date,${CURRENCIES.filter((c) => c !== 'EUR').join(',')},`];
  const base = [1.2, 1.0, 0.85, 130, 10, 10, 7.45, 1.5, 1.6, 1.1, 4.3, 25];
  for (let day = new Date(Date.UTC(2010, 0, 1)); day.getUTCFullYear() < 2025; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const drift = 1 + Math.sin(day.getTime() / 8.64e9) * 0.05;
    const values = CURRENCIES.map((currency, index) => (currency === 'EUR' ? null : ((base[index] as number) * drift).toFixed(4))).filter((value) => value !== null);
    lines.push(`${day.toISOString().slice(0, 10)},${values.join(',')},`);
  }
  return lines.join('\n');
}

/** A contributions CSV of `count` rows, written as a stream so the generator's memory stays small too. */
function writeContributions(file: string, count: number, partnerKeys: string[]): void {
  const out = fs.openSync(file, 'w');
  let chunk = 'campaign,partner,stage,amount,currency,date,source\n';
  for (let i = 0; i < count; i += 1) {
    const year = YEARS[i % YEARS.length] as number;
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const currency = CURRENCIES[i % CURRENCIES.length] as string;
    const amount = currency === 'JPY' ? String(1_000_000 + (i % 9973) * 1000) : `${10_000 + (i % 99_991)}.${String(i % 100).padStart(2, '0')}`;
    chunk += `Bench campaign ${year},${partnerKeys[i % partnerKeys.length]},${STAGES[i % STAGES.length]},${amount},${currency},${year}-${month}-${day},bench row ${i}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

/** Runs the real command in its own process; /usr/bin/time reports its peak resident memory. */
function runImport(file: string): { seconds: number; peakMb: number | null; output: string } {
  const started = performance.now();
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const timeFile = path.join(workDir, 'time.txt');
  const command = fs.existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, 'bin/coalition-desk.mjs', 'funding', 'import', file]] : [process.execPath, ['bin/coalition-desk.mjs', 'funding', 'import', file]];
  const output = execFileSync(command[0] as string, command[1] as string[], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const seconds = (performance.now() - started) / 1000;
  const peakKb = fs.existsSync(timeFile) ? Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
  return { seconds, peakMb: Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : null, output: output.trim() };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main() {
  let database = await open();
  await database.migrate();
  await loadReferenceData(database.db);
  const partnerRows = await database.db.select({ iso3: partners.iso3, nameEn: partners.nameEn }).from(partners);
  const partnerKeys = partnerRows.map((row) => row.iso3 ?? row.nameEn).filter((key) => !key.includes(','));
  await importRates(database.db, actor, ratesCsv(), 'benchmark rates');
  for (const year of YEARS) {
    await createCampaign(database.db, actor, { name: `Bench campaign ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, currency: 'USD', goalAmount: '700000000', source: 'benchmark' });
  }
  await database.close();

  const smallFile = path.join(workDir, 'small.csv');
  const fullFile = path.join(workDir, 'full.csv');
  writeContributions(smallFile, Math.round(rows / 10), partnerKeys);
  writeContributions(fullFile, rows, partnerKeys);
  const fileMb = fs.statSync(fullFile).size / 1_048_576;
  const small = runImport(smallFile);
  const full = runImport(fullFile);

  database = await open();
  const [largest] = await database.db
    .select({ id: fundingContributions.campaignId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(fundingContributions)
    .groupBy(fundingContributions.campaignId)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  const campaignId = largest?.id as string;
  const [campaign] = await database.db.select().from(fundingCampaigns).where(eq(fundingCampaigns.id, campaignId));
  const timeIt = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i += 1) {
      const started = performance.now();
      await work();
      if (i >= 3) times.push(performance.now() - started);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const baseline = await timeIt(() => database.db.select({ total: sql`sum(${fundingContributions.amountInCampaignCurrency})` }).from(fundingContributions).where(eq(fundingContributions.campaignId, campaignId)));
  const summary = await timeIt(() => campaignSummary(database.db, actor, campaignId));
  const t = translator('en');
  const page = await timeIt(() => campaignPageData(database.db, actor, t, 'en', campaignId, {}));
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });

  console.log(`\nFunding benchmark on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} — ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`Import (coalition-desk funding import, one transaction, checked row by row):`);
  console.log(`  ${Math.round(rows / 10).toLocaleString('en')} rows: ${small.seconds.toFixed(1)} s, peak ${small.peakMb ?? '?'} MB RSS  (${small.output})`);
  console.log(`  ${rows.toLocaleString('en')} rows: ${full.seconds.toFixed(1)} s, peak ${full.peakMb ?? '?'} MB RSS  (${full.output})  [target: under 120 s]`);
  if (small.peakMb && full.peakMb) console.log(`  memory, full ÷ tenth: ${(full.peakMb / small.peakMb).toFixed(2)} (flat ≈ 1.0; the full file is ${fileMb.toFixed(0)} MB)`);
  console.log(`Campaign page aggregates, largest campaign (${largest?.n.toLocaleString('en')} contributions, ${campaign?.name}), ${runs} runs:`);
  console.log(`  baseline: one SUM over the campaign  p50 ${baseline.p50.toFixed(1)} ms  p95 ${baseline.p95.toFixed(1)} ms`);
  console.log(`  campaign summary (all breakdowns)    p50 ${summary.p50.toFixed(1)} ms  p95 ${summary.p95.toFixed(1)} ms  ratio p95 ${(summary.p95 / baseline.p95).toFixed(2)}`);
  console.log(`  campaign page data (summary, names,  p50 ${page.p50.toFixed(1)} ms  p95 ${page.p95.toFixed(1)} ms  ratio p95 ${(page.p95 / baseline.p95).toFixed(2)}  [target: p95 under 100 ms on PostgreSQL]`);
  console.log(`    every table of the page)`);
}

await main();
