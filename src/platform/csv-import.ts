import { HttpProblem } from './errors.ts';

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
