import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The reference data files the registry is seeded with (and the ingest gazetteers are built from). */
export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export function readCsv(name: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'), { columns: true, skip_empty_lines: true });
}
