import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { isolateBidi } from './bidi-controls.ts';
import { spreadsheetSafe } from './csv.ts';

type Cell = string | number | null | undefined;

/** Rows an export reads from the database at a time: its memory stays the same whatever the table's size. */
export const EXPORT_BATCH_SIZE = 1000;

function lines(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map((cell) => isolateBidi(spreadsheetSafe(cell === null || cell === undefined ? '' : String(cell))))),
    { record_delimiter: 'windows' },
  );
}

/**
 * Reads a query a batch at a time by keyset (each batch starts after the last row of the one before), so a
 * million rows are never in memory together and no batch is slowed by an OFFSET over the rows before it.
 */
export async function* keysetBatches<T>(readAfter: (last: T | undefined) => Promise<T[]>, batchSize: number): AsyncGenerator<T[]> {
  let last: T | undefined;
  for (;;) {
    const batch = await readAfter(last);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    last = batch[batch.length - 1];
  }
}

/** The CSV text of an export, chunk by chunk: the header row first, then each batch's rows (same rules as toCsv). */
export async function* csvChunks<T>(columns: readonly string[], batches: AsyncIterable<T[]>, cells: (row: T) => readonly Cell[]): AsyncGenerator<string> {
  // The byte-order mark makes spreadsheet programs read it as UTF-8 (Arabic names stay legible).
  yield `\uFEFF${lines([columns])}`;
  for await (const batch of batches) yield lines(batch.map(cells));
}

/** Sends an export as it is read: the reply starts with the first batch and never holds the whole file. */
export function sendCsvStream(reply: FastifyReply, filename: string, chunks: AsyncIterable<string>): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(Readable.from(chunks));
}
