import { parse } from 'csv-parse/sync';
import { HttpProblem } from './errors.ts';
import { say } from './i18n/say.ts';

/** One problem in an uploaded file: the line (the header is line 1) and the column it is in. */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** A file that imports nothing, with every problem found, by line and column. */
export class ImportRejected extends HttpProblem {
  constructor(readonly rows: RowProblem[]) {
    super(400, 'Bad Request', `The file was not imported: ${rows.length} problem${rows.length === 1 ? '' : 's'} found.`, {
      errors: rows.map((r) => ({ field: `line ${r.line}: ${r.field}`, message: r.message })),
    });
  }
}

/** The columns an import reads: those it cannot do without, and every one it knows. */
export interface CsvColumns {
  required: readonly string[];
  known: readonly string[];
}

/**
 * An uploaded CSV file's rows as records keyed by column name (trimmed, lower case; a byte-order mark
 * ignored), checked before any row is read: the file parses, has rows but no more than `maxRows`, and
 * has the required columns and no unknown ones. Otherwise the whole file is rejected, naming the line
 * and the column, so each importer only judges its rows.
 */
export function readCsvRecords(csvText: string, maxRows: number, columns: CsvColumns): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ImportRejected([{ line: (error as { lines?: number }).lines ?? 0, field: '(file)', message: say('problem.csvUnreadable', { detail: (error as Error).message }) }]);
  }
  if (records.length === 0) throw new ImportRejected([{ line: 1, field: '(file)', message: say('problem.noDataRows') }]);
  if (records.length > maxRows) throw new ImportRejected([{ line: 1, field: '(file)', message: say('problem.tooManyRows', { max: maxRows }) }]);
  const headers = Object.keys(records[0] ?? {});
  const headerProblems: RowProblem[] = [
    ...columns.required.filter((column) => !headers.includes(column)).map((column) => ({ line: 1, field: column, message: say('problem.columnMissing') })),
    ...headers.filter((header) => !columns.known.includes(header)).map((header) => ({ line: 1, field: header, message: say('problem.unknownColumn', { known: columns.known.join(', ') }) })),
  ];
  if (headerProblems.length) throw new ImportRejected(headerProblems);
  return records;
}
