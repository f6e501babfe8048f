import fs from 'node:fs';
import type { Hash } from 'node:crypto';
import { Readable } from 'node:stream';

/** A list file that can be opened (more than once: once to tell its format, once to read it) as a byte stream. */
export interface ListSource {
  name: string;
  open(): Readable;
}

/** An uploaded file, or text (written in the file's own encoding: OFAC's CSV files are Latin-1). */
export const bufferSource = (name: string, content: Buffer | string): ListSource => {
  const bytes = typeof content === 'string' ? Buffer.from(content, listFileEncoding(name)) : content;
  return { name, open: () => Readable.from([bytes]) };
};

export const pathSource = (file: string): ListSource => ({ name: file, open: () => fs.createReadStream(file) });

/** OFAC's legacy CSV files are Latin-1; the other lists are UTF-8. */
export function listFileEncoding(name: string): 'latin1' | 'utf8' {
  return /(^|\/)(sdn|alt|add|sdn_comments|cons_prim|cons_alt|cons_add|cons_comments)\.csv$/i.test(name) ? 'latin1' : 'utf8';
}

/** The first bytes of a file as text, enough to tell its format; the stream is closed after. */
export async function readHead(source: ListSource, bytes = 4096): Promise<string> {
  const stream = source.open();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes).toString(listFileEncoding(source.name));
}

/**
 * The file's text, chunk by chunk, with every byte fed to `hash` on the way (the version's SHA-256 is
 * of the bytes as uploaded). UTF-8 is decoded across chunk boundaries and its byte-order mark dropped.
 */
export async function* textChunks(source: ListSource, hash: Hash): AsyncGenerator<string> {
  const latin1 = listFileEncoding(source.name) === 'latin1';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source.open()) {
    hash.update(chunk as Buffer);
    yield latin1 ? (chunk as Buffer).toString('latin1') : decoder.decode(chunk as Buffer, { stream: true });
  }
  if (!latin1) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}
