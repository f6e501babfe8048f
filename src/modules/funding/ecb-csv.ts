import { say } from '../../platform/i18n/say.ts';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { RowProblem } from '../../platform/csv-import.ts';
import { exact, isIsoCurrency } from './money.ts';

export interface ReferenceRate {
  currency: string;
  rateDate: string;
  unitsPerEur: string;
}

/** ECB's history file writes 2021-06-30; its daily file writes "30 June 2021". */
function isoDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = DateTime.fromFormat(trimmed, 'yyyy-MM-dd', { zone: 'UTC' });
  if (iso.isValid) return iso.toISODate() ?? undefined;
  const spelled = DateTime.fromFormat(trimmed, 'd MMMM yyyy', { zone: 'UTC', locale: 'en' });
  return spelled.isValid ? (spelled.toISODate() ?? undefined) : undefined;
}

/**
 * Reads the European Central Bank's reference-rate layout: a `Date` column, then one column per
 * currency holding units per euro, "N/A" (or empty) where no rate was set that day.
 */
export function parseEcbRates(text: string): { rates: ReferenceRate[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    return { rates: [], problems: [{ line: (error as { lines?: number }).lines ?? 0, field: '(file)', message: say('problem.csvUnreadable', { detail: (error as Error).message }) }] };
  }
  const [header, ...body] = rows;
  if (header?.[0]?.toLowerCase() !== 'date') {
    return { rates: [], problems: [{ line: 1, field: '(file)', message: say('problem.ecbLayout') }] };
  }
  if (body.length === 0) problems.push({ line: 1, field: '(file)', message: say('problem.noRates') });
  // ECB files end each line with a comma, which makes an empty last column.
  const currencies = header.slice(1).map((name) => name.toUpperCase());
  currencies.forEach((currency, index) => {
    if (currency !== '' && !isIsoCurrency(currency)) problems.push({ line: 1, field: currency, message: say('problem.notCurrency', { value: currency }) });
    if (currency === 'EUR') problems.push({ line: 1, field: currency, message: say('problem.ratesPerEuro') });
    if (currency === '' && body.some((row) => (row[index + 1] ?? '') !== '')) problems.push({ line: 1, field: `column ${index + 2}`, message: say('problem.valuesWithoutCurrency') });
  });
  const rates: ReferenceRate[] = [];
  body.forEach((row, index) => {
    const line = index + 2;
    const rateDate = isoDate(row[0] ?? '');
    if (!rateDate) {
      problems.push({ line, field: 'Date', message: say('problem.notEcbDate', { value: row[0] ?? '' }) });
      return;
    }
    currencies.forEach((currency, column) => {
      const cell = row[column + 1] ?? '';
      if (currency === '' || cell === '' || cell.toUpperCase() === 'N/A') return;
      if (!/^\d+(\.\d+)?$/.test(cell) || exact(cell).isZero()) {
        problems.push({ line, field: currency, message: say('problem.notRate', { value: cell }) });
        return;
      }
      rates.push({ currency, rateDate, unitsPerEur: cell });
    });
  });
  return { rates, problems };
}
