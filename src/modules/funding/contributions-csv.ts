import { say } from '../../platform/i18n/say.ts';
import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize, can } from '../../platform/authz.ts';
import { ImportRejected, type RowProblem } from '../../platform/csv-import.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { checkInput } from '../../platform/validate.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { listPartners } from '../partners/partners.repo.ts';
import { type CheckedContribution, checkContribution, reviewFields } from './contribution-checks.ts';
import { todayUtc } from '../../platform/calendar-day.ts';
import { type CampaignRow, insertContributions, listCampaigns } from './funding.repo.ts';
import { ContributionInput } from './funding.schema.ts';
import { deferTotals, recomputeTotals, refreshStatistics } from './funding-totals.repo.ts';
import { RateBook } from './rate-book.ts';

/** CSV header ↔ contribution field. `campaign` may be left out when the import names one campaign. */
const COLUMNS = {
  campaign: 'campaign',
  partner: 'partnerId',
  stage: 'stage',
  amount: 'amount',
  currency: 'currency',
  date: 'contributedOn',
  channel: 'channel',
  theater: 'theaterSlug',
  source: 'source',
} as const;
const REQUIRED = ['partner', 'stage', 'amount', 'currency', 'date', 'source'] as const;
const FIELD_TO_COLUMN = new Map<string, string>(Object.entries(COLUMNS).map(([column, field]) => [field, column]));
const INSERT_BATCH = 1000;
const MAX_PROBLEMS = 200;
/** Imports this large change the table enough to mislead the query planner until autovacuum catches up. */
const ANALYZE_AFTER_ROWS = 10_000;

export interface ImportOptions {
  /** The campaign every row belongs to, when the file has no `campaign` column. */
  campaignId?: string;
  /** Called now and then with the bytes read so far: the command line's progress bar. */
  onProgress?: (bytesRead: number, rows: number) => void;
}

export interface ImportResult {
  imported: number;
  campaigns: string[];
}

/** Every required column present, none unknown (a misspelt header must not silently drop a column). */
function headerProblems(headers: string[], campaignChosen: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const column of REQUIRED) if (!headers.includes(column)) problems.push({ field: column, message: say('problem.columnMissing') });
  if (!campaignChosen && !headers.includes('campaign')) problems.push({ field: 'campaign', message: say('problem.campaignColumnMissing') });
  for (const header of headers) if (!(header in COLUMNS)) problems.push({ field: header, message: say('problem.unknownColumn', { known: Object.keys(COLUMNS).join(', ') }) });
  return problems;
}

function lookupPartners(rows: { id: string; iso3: string | null; nameEn: string; nameFr: string }[]) {
  const byKey = new Map<string, string>();
  for (const row of rows) {
    if (row.iso3) byKey.set(row.iso3.toLowerCase(), row.id);
    byKey.set(row.nameEn.toLowerCase(), row.id);
    byKey.set(row.nameFr.toLowerCase(), row.id);
  }
  return byKey;
}

/**
 * Imports contributions from CSV, streaming, all or nothing: rows are checked and inserted in batches
 * inside one transaction, and any problem rolls the whole file back. Memory stays flat whatever the
 * file's size. Partners are named by ISO code or name; delegates may import their own partner's rows only.
 */
export async function importContributionsCsv(db: Db, actor: MaybeActor, input: Readable, options: ImportOptions = {}): Promise<ImportResult> {
  authorize(actor, 'contribution.write');
  const [partners, campaigns] = await Promise.all([listPartners(db, actor, { pageSize: 10_000 }), listCampaigns(db, actor)]);
  const partnerIds = lookupPartners(partners.rows);
  const campaignsByKey = new Map<string, CampaignRow>();
  for (const campaign of campaigns) {
    campaignsByKey.set(campaign.id, campaign);
    campaignsByKey.set(campaign.name.toLowerCase(), campaign);
  }
  const fixedCampaign = options.campaignId ? campaignsByKey.get(options.campaignId) : undefined;
  if (options.campaignId && !fixedCampaign) throw new InvalidInput([{ field: 'campaignId', message: say('problem.noSuchCampaign') }]);
  const rates = await RateBook.load(db, campaigns.map((campaign) => campaign.currency));
  const today = todayUtc();
  const hash = createHash('sha256');
  let bytesRead = 0;
  // Counted and hashed on the way through (a 'data' listener would start the flow before the parser is attached).
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytesRead += chunk.length;
        done(null, chunk);
      },
    }),
  );

  const problems: RowProblem[] = [];
  let problemCount = 0;
  const report = (line: number, found: FieldProblem[]) => {
    for (const problem of found) {
      problemCount += 1;
      if (problems.length < MAX_PROBLEMS) problems.push({ line, field: FIELD_TO_COLUMN.get(problem.field) ?? problem.field, message: problem.message });
    }
  };
  const touched = new Set<string>();
  let imported = 0;
  let line = 1;
  let decimalSeparator: '.' | ',' | undefined;

  const result = await db.transaction(async (tx) => {
    await deferTotals(tx);
    const parser = counted.pipe(parse({ columns: (header: string[]) => header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true }));
    let batch: CheckedContribution[] = [];
    // One batch is written while the next is read and checked: the database and the parser overlap.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      // Once a problem is found nothing will be kept, so the rest is only checked, not written.
      if (batch.length && problemCount === 0) {
        const rows = batch.map((values) => ({ ...values, ...reviewFields(actor), reportedBy: actor?.userId ?? null }));
        await writing;
        writing = insertContributions(tx, rows);
        // Awaited before the next batch or at the end; this only keeps a failure from going unobserved meanwhile.
        writing.catch(() => undefined);
      }
      batch = [];
    };
    let headerChecked = false;
    try {
      for await (const record of parser as AsyncIterable<Record<string, string>>) {
        line += 1;
        if (!headerChecked) {
          headerChecked = true;
          const problemsInHeader = headerProblems(Object.keys(record), Boolean(fixedCampaign));
          if (problemsInHeader.length) {
            report(1, problemsInHeader);
            break;
          }
        }
        const campaign = fixedCampaign ?? campaignsByKey.get((record.campaign ?? '').toLowerCase());
        const partnerId = partnerIds.get((record.partner ?? '').toLowerCase());
        const rowProblems: FieldProblem[] = [];
        if (!campaign) rowProblems.push({ field: 'campaign', message: say('problem.noCampaignNamed', { name: record.campaign ?? '' }) });
        if (!partnerId) rowProblems.push({ field: 'partnerId', message: say('problem.noPartnerNamed', { name: record.partner ?? '' }) });
        else if (!can(actor, 'contribution.write', { partnerId })) rowProblems.push({ field: 'partnerId', message: say('problem.ownPartnerOnly') });
        if (rowProblems.length || !campaign || !partnerId) {
          report(line, rowProblems);
          continue;
        }
        let typed: ContributionInput;
        try {
          typed = checkInput(ContributionInput, {
            partnerId,
            stage: record.stage,
            amount: record.amount,
            currency: record.currency,
            contributedOn: record.date,
            channel: record.channel || null,
            theaterSlug: record.theater || null,
            source: record.source,
          });
        } catch (error) {
          if (!(error instanceof InvalidInput)) throw error;
          report(line, error.fields ?? []);
          continue;
        }
        await rates.ensure(tx, [typed.currency.toUpperCase()]);
        const checked = checkContribution(typed, { campaign, rates, today, decimalSeparator });
        if (!checked.values) {
          report(line, checked.problems);
          continue;
        }
        decimalSeparator ??= checked.separator;
        touched.add(campaign.id);
        batch.push(checked.values);
        imported += 1;
        if (batch.length >= INSERT_BATCH) {
          await flush();
          options.onProgress?.(bytesRead, imported);
        }
      }
    } catch (error) {
      const csvLine = (error as { lines?: number }).lines;
      if (csvLine === undefined) throw error;
      report(csvLine, [{ field: '(file)', message: say('problem.csvUnreadable', { detail: (error as Error).message }) }]);
    }
    if (line === 1 && problemCount === 0) report(1, [{ field: '(file)', message: say('problem.noDataRows') }]);
    await flush();
    await writing;
    options.onProgress?.(bytesRead, imported);
    if (problemCount > 0) {
      if (problemCount > problems.length) problems.push({ line: 0, field: '(file)', message: say('problem.moreProblems', { count: problemCount - problems.length }) });
      throw new ImportRejected(problems);
    }
    await recomputeTotals(tx, [...touched]);
    if (imported >= ANALYZE_AFTER_ROWS) await refreshStatistics(tx);
    await appendAudit(tx, actor, {
      action: 'funding.contributions-imported',
      entityType: 'funding-campaign',
      entityId: touched.size === 1 ? [...touched][0] : null,
      detail: { rows: imported, campaigns: [...touched], sha256: hash.digest('hex') },
    });
    return { imported, campaigns: [...touched] };
  });
  return result;
}
