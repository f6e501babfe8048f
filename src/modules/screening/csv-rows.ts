import { Readable, pipeline } from 'node:stream';
import { type Options, parse } from 'csv-parse';
import { ListFileError } from './list-file-error.ts';
import { say } from '../../platform/i18n/say.ts';

/**
 * Parses CSV text arriving in chunks, yielding each record with the line it ends on, so a reader can
 * say where a file breaks. A parse error names the file and line.
 */
export async function* csvRows<Row>(chunks: AsyncIterable<string>, file: string, options: Options): AsyncGenerator<{ row: Row; line: number }> {
  const parser = parse({ ...options, info: true });
  // pipeline, not pipe: an error reading the file reaches the loop below instead of being lost.
  pipeline(Readable.from(chunks), parser, () => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) yield { row: record, line: info.lines };
  } catch (error) {
    if (error instanceof ListFileError) throw error;
    throw new ListFileError(say('problem.listNotCsv', { file, line: (error as { lines?: number }).lines ?? '?', detail: (error as Error).message }));
  } finally {
    parser.destroy();
  }
}
