import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Database } from '../../db/client.ts';
import { systemActor } from '../../platform/actor.ts';
import { importContributionsCsv } from './contributions-csv.ts';
import { importRates } from './rates.service.ts';

type WithDatabase = <T>(work: (database: Database) => Promise<T>) => Promise<T>;

/** A progress bar on standard error, in megabytes of the file read, so it works for any file size. */
function progressBar(totalBytes: number) {
  const bar = new SingleBar({
    format: 'Importing [{bar}] {percentage}% | {value}/{total} MB | {rows} rows | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 5000,
  });
  const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
  bar.start(megabytes(totalBytes), 0, { rows: 0 });
  return {
    update: (bytes: number, rows: number) => bar.update(megabytes(bytes), { rows }),
    stop: () => bar.stop(),
  };
}

export function registerFundingCommands(program: Command, withDatabase: WithDatabase): void {
  const funding = program.command('funding').description('Stabilization funding');
  funding
    .command('import')
    .argument('<file>', 'CSV with columns campaign (name, unless --campaign), partner, stage, amount, currency, date, source, and optionally channel, theater')
    .description('Import contributions from a CSV file, streaming, all or nothing; figures are recorded as verified by the secretariat')
    .option('--campaign <id>', 'the campaign every row belongs to, when the file has no campaign column')
    .action((file: string, options: { campaign?: string }) =>
      withDatabase(async (database) => {
        const size = fs.statSync(file).size;
        const started = performance.now();
        const bar = progressBar(size);
        try {
          const result = await importContributionsCsv(database.db, systemActor(), fs.createReadStream(file), { campaignId: options.campaign, onProgress: bar.update });
          bar.stop();
          console.log(`Imported ${result.imported} contributions into ${result.campaigns.length} campaign(s) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        } finally {
          bar.stop();
          await database.close();
        }
      }),
    );
  funding
    .command('rates')
    .argument('<file>', "reference rates in the European Central Bank's CSV layout (Date, then one column per currency)")
    .requiredOption('--source <text>', 'where the rates come from, e.g. "ECB euro reference rates, downloaded 2026-11-27"')
    .description('Import exchange reference rates, all or nothing; a rate already held for a day is replaced')
    .action((file: string, options: { source: string }) =>
      withDatabase(async (database) => {
        try {
          const result = await importRates(database.db, systemActor(), fs.readFileSync(file, 'utf8'), options.source);
          console.log(`Imported ${result.imported} rates for ${result.currencies.join(', ')} from ${result.from} to ${result.to}.`);
        } finally {
          await database.close();
        }
      }),
    );
}
