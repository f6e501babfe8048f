import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

/**
 * A backup is gzip-compressed JSON Lines: a header naming the format, the schema migrations the data
 * was written under and each table's columns; one line per row (values in PostgreSQL's own text form,
 * keyed by the header's column order); and a trailer with the row counts and the SHA-256 of every line
 * before it. Text values and named columns keep it readable by later versions, and by people.
 */
export const BACKUP_FORMAT = 'coalition-desk-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The last schema migration applied to the database backed up (its tag and journal time). */
  migration: { tag: string; when: number };
  tables: { name: string; columns: string[] }[];
}

export interface BackupRow {
  table: string;
  row: (string | null)[];
}

interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
  sha256: string;
}

export class BackupFileError extends Error {}

export class BackupWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly gzip = zlib.createGzip();
  private readonly file: fs.WriteStream;
  private readonly counts: Record<string, number> = {};
  private readonly done: Promise<void>;

  constructor(path: string) {
    this.file = fs.createWriteStream(path, { flags: 'wx' });
    this.gzip.pipe(this.file);
    this.done = new Promise((resolve, reject) => {
      this.file.on('finish', resolve);
      this.file.on('error', reject);
      this.gzip.on('error', reject);
    });
  }

  async header(header: BackupHeader): Promise<void> {
    for (const table of header.tables) this.counts[table.name] = 0;
    await this.line(header);
  }

  async row(table: string, row: (string | null)[]): Promise<void> {
    this.counts[table] = (this.counts[table] ?? 0) + 1;
    await this.line({ table, row } satisfies BackupRow);
  }

  /** Writes the trailer and waits until the file is on disk. */
  async finish(): Promise<Record<string, number>> {
    const trailer: BackupTrailer = { end: true, rows: this.counts, sha256: this.hash.digest('hex') };
    this.gzip.end(`${JSON.stringify(trailer)}\n`);
    await this.done;
    return this.counts;
  }

  private async line(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.update(text);
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }
}

/**
 * Reads a backup line by line, checking as it goes; the last thing it does is compare the checksum and
 * the counts, so a caller that must not act on a damaged file reads it through once first (`verifyBackup`).
 */
export async function* readBackup(path: string): AsyncGenerator<BackupHeader | BackupRow> {
  if (!fs.existsSync(path)) throw new BackupFileError(`${path}: no such file`);
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  const lines = linesOf(path, fs.createReadStream(path).pipe(zlib.createGunzip()));
  let lineNumber = 0;
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (trailer) throw new BackupFileError(`${path}: line ${lineNumber} follows the end marker`);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new BackupFileError(`${path}: line ${lineNumber} is not JSON`);
      }
      if (!header) {
        header = checkedHeader(path, value);
        hash.update(`${text}\n`);
        yield header;
      } else if ((value as BackupTrailer).end === true) {
        trailer = value as BackupTrailer;
      } else {
        const row = value as BackupRow;
        const shape = header.tables.find((table) => table.name === row.table);
        if (!shape || !Array.isArray(row.row) || row.row.length !== shape.columns.length) throw new BackupFileError(`${path}: line ${lineNumber} is not a row of a table the header names`);
        counts[row.table] = (counts[row.table] ?? 0) + 1;
        hash.update(`${text}\n`);
        yield row;
      }
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError(`${path}: damaged (${(error as Error).message}) after line ${lineNumber}`);
  }
  if (!header) throw new BackupFileError(`${path}: empty`);
  if (!trailer) throw new BackupFileError(`${path}: cut short — no end marker after line ${lineNumber}`);
  if (hash.digest('hex') !== trailer.sha256) throw new BackupFileError(`${path}: the checksum does not match the contents; the file was changed or damaged`);
  for (const table of header.tables) {
    if ((counts[table.name] ?? 0) !== (trailer.rows[table.name] ?? 0)) throw new BackupFileError(`${path}: ${table.name} has ${counts[table.name] ?? 0} rows, the end marker says ${trailer.rows[table.name] ?? 0}`);
  }
}

/**
 * No row comes near this (the largest text a record holds is a 2 MB ingested document); a longer line
 * is a damaged file or a decompression bomb, and is refused before it fills the memory.
 */
const MAX_LINE_CHARACTERS = 64 * 1024 * 1024;

/** Lines of a stream; a stream error (a gzip file cut short, say) rejects the iteration. */
async function* linesOf(path: string, stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // The unfinished line is kept in pieces: joining on every chunk would copy a long line over and over.
  let pieces: string[] = [];
  let pendingLength = 0;
  const take = (text: string): string[] => {
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lines.push(pieces.join('') + text.slice(start, end));
      pieces = [];
      pendingLength = 0;
      start = end + 1;
    }
    const rest = text.slice(start);
    pieces.push(rest);
    pendingLength += rest.length;
    if (pendingLength > MAX_LINE_CHARACTERS) throw new BackupFileError(`${path}: a line longer than ${MAX_LINE_CHARACTERS / 1_048_576} MB: not a backup this version wrote (damaged, or a decompression bomb)`);
    return lines;
  };
  for await (const chunk of stream) yield* take(decoder.write(chunk as Buffer));
  const last = take(decoder.end()).concat(pieces.join(''));
  yield* last.filter((line, index) => index < last.length - 1 || line !== '');
}

function checkedHeader(path: string, value: unknown): BackupHeader {
  const header = value as BackupHeader;
  if (header?.format !== BACKUP_FORMAT) throw new BackupFileError(`${path}: not a Coalition Desk backup`);
  if (header.formatVersion > BACKUP_FORMAT_VERSION) throw new BackupFileError(`${path}: written in backup format ${header.formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION} — upgrade Coalition Desk first`);
  if (!Array.isArray(header.tables) || typeof header.migration?.when !== 'number') throw new BackupFileError(`${path}: the header is incomplete`);
  return header;
}

/** Reads the whole file once: its header and row counts if every check passes. */
export async function verifyBackup(path: string): Promise<{ header: BackupHeader; rows: number }> {
  let header: BackupHeader | null = null;
  let rows = 0;
  for await (const line of readBackup(path)) {
    if ('format' in line) header = line;
    else rows++;
  }
  return { header: header as BackupHeader, rows };
}
