import { stringify } from 'csv-stringify/sync';
import { isolateBidi } from './bidi-controls.ts';

/** Spreadsheets run a cell that starts with = + - @ as a formula; a leading apostrophe keeps it text (CSV injection). */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 CSV with CRLF line ends and a header row, every cell made safe for spreadsheets. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    // Bidi controls stored before they were isolated at input are isolated here too.
    rows.map((row) => row.map((cell) => isolateBidi(spreadsheetSafe(cell === null || cell === undefined ? '' : String(cell))))),
    { header: true, columns: [...columns], record_delimiter: 'windows' },
  );
}
