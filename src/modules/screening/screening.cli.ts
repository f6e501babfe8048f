import fs from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../../db/client.ts';
import { systemActor } from '../../platform/actor.ts';
import { listSources, loadListFiles } from './list-files.ts';
import { readNames } from './names-csv.ts';
import { currentScreener, importListFiles } from './sanctions-lists.service.ts';
import { DEFAULT_THRESHOLD, type Hit, Screener } from './matcher.ts';

/** One output line: one hit per reference, with the matched listed name, the explanation and its subject (the same number for one person on several lists). */
export function hitLine(id: string, hits: Hit[]) {
  return JSON.stringify({ id, hits: hits.map((hit) => ({ ref: hit.ref, score: hit.score, name: hit.name, subject: hit.subject, explanation: hit.explanation })) });
}

type WithDatabase = <T>(work: (database: Database) => Promise<T>) => Promise<T>;

export function registerScreeningCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('screening-import')
    .argument('<files...>', 'list files or directories: the UN consolidated XML, the EU financial-sanctions XML, the UK consolidated CSV, OFAC sdn.csv (+ alt.csv, add.csv, sdn_comments.csv), cons_prim.csv (+ cons_alt.csv, cons_add.csv, cons_comments.csv)')
    .description('Import sanctions lists into the database as new dated versions, all or nothing')
    .action((paths: string[]) =>
      withDatabase(async (database) => {
        try {
          for (const version of await importListFiles(database.db, systemActor(), listSources(paths))) console.log(`Imported ${version.list}: ${version.entityCount} entries (sha256 ${version.fileSha256.slice(0, 12)}…).`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('screen')
    .description('Screen names against sanctions lists, one JSON object per input row on standard output')
    .option('--list <file...>', 'list files or directories (UN or EU XML, UK CSV, OFAC sdn/alt/add or cons_prim/cons_alt/cons_add CSV); read without touching the database')
    .requiredOption('--input <file>', 'CSV with the columns id,name and optionally dob,nationality')
    .option('--top <k>', 'at most this many hits per name', '3')
    .option('--threshold <t>', `only hits scoring at least this (0–1, default ${DEFAULT_THRESHOLD})`, String(DEFAULT_THRESHOLD))
    .option('--json', 'write JSON lines (the only output format)')
    .action(async (options: { list?: string[]; input: string; top: string; threshold: string }) => {
      const top = Number(options.top);
      const threshold = Number(options.threshold);
      if (!Number.isInteger(top) || top < 1) throw new Error(`--top must be a whole number of at least 1, not "${options.top}"`);
      if (!(threshold >= 0 && threshold <= 1)) throw new Error(`--threshold must be between 0 and 1, not "${options.threshold}"`);
      const rows = readNames(fs.readFileSync(options.input, 'utf8'));
      // Without --list, the lists in force in the database.
      const screener = options.list?.length
        ? new Screener(await loadListFiles(options.list))
        : await withDatabase(async (database) => {
            try {
              return await currentScreener(database.db);
            } finally {
              await database.close();
            }
          });
      for (const row of rows) process.stdout.write(`${hitLine(row.id, row.name.trim() ? screener.screen(row, { top, threshold }) : [])}\n`);
    });
}
