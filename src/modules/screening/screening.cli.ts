import fs from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { loadListFiles } from './list-files.ts';
import { DEFAULT_THRESHOLD, type Hit, Screener } from './matcher.ts';

export interface ScreenRow {
  id: string;
  name: string;
  dob?: string;
  nationality?: string;
}

/** The input file: header `id,name` and optionally `dob`, `nationality`; a BOM and Windows line ends are fine. */
export function readNames(csvText: string): ScreenRow[] {
  const rows = parse(csvText.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const headers = Object.keys(rows[0] ?? {});
  if (rows.length && (!headers.includes('id') || !headers.includes('name'))) throw new Error('the input needs the columns id and name (and optionally dob, nationality)');
  return rows.map((row) => ({ id: row.id ?? '', name: row.name ?? '', dob: row.dob || undefined, nationality: row.nationality || undefined }));
}

/** One output line: the best hits with the matched listed name and the explanation. */
export function hitLine(id: string, hits: Hit[]) {
  return JSON.stringify({ id, hits: hits.map((hit) => ({ ref: hit.ref, score: hit.score, name: hit.name, explanation: hit.explanation })) });
}

export function registerScreeningCommands(program: Command): void {
  program
    .command('screen')
    .description('Screen names against sanctions lists, one JSON object per input row on standard output')
    .option('--list <file...>', 'list files or directories (UN consolidated XML, OFAC sdn/alt or cons_prim/cons_alt CSV); read without touching the database')
    .requiredOption('--input <file>', 'CSV with the columns id,name and optionally dob,nationality')
    .option('--top <k>', 'at most this many hits per name', '3')
    .option('--threshold <t>', `only hits scoring at least this (0–1, default ${DEFAULT_THRESHOLD})`, String(DEFAULT_THRESHOLD))
    .option('--json', 'write JSON lines (the only output format)')
    .action((options: { list?: string[]; input: string; top: string; threshold: string }) => {
      if (!options.list?.length) {
        throw new Error('screening against lists imported into the database is not available yet; give the list files with --list');
      }
      const top = Number(options.top);
      const threshold = Number(options.threshold);
      if (!Number.isInteger(top) || top < 1) throw new Error(`--top must be a whole number of at least 1, not "${options.top}"`);
      if (!(threshold >= 0 && threshold <= 1)) throw new Error(`--threshold must be between 0 and 1, not "${options.threshold}"`);
      const screener = new Screener(loadListFiles(options.list));
      for (const row of readNames(fs.readFileSync(options.input, 'utf8'))) {
        process.stdout.write(`${hitLine(row.id, row.name.trim() ? screener.screen(row, { top, threshold }) : [])}\n`);
      }
    });
}
