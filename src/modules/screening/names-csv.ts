import { parse } from 'csv-parse/sync';
import { say } from '../../platform/i18n/say.ts';

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
  if (rows.length && (!headers.includes('id') || !headers.includes('name'))) throw new Error(say('problem.namesColumns'));
  return rows.map((row) => ({ id: row.id ?? '', name: row.name ?? '', dob: row.dob || undefined, nationality: row.nationality || undefined }));
}
