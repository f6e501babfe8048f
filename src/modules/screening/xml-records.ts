import { SaxesParser } from 'saxes';
import { ListFileError } from './list-file-error.ts';
import { say } from '../../platform/i18n/say.ts';

export type XmlValue = string | XmlRecord | XmlValue[];
export interface XmlRecord {
  [key: string]: XmlValue;
}

interface OpenElement {
  name: string;
  record: XmlRecord;
  text: string;
}

/**
 * Reads an XML list file chunk by chunk and yields each record element (INDIVIDUAL, sanctionEntity …)
 * as a plain object — attributes and child elements as keys, repeated children as arrays, text-only
 * elements as strings — so memory holds one record at a time, never the whole document. A document
 * whose root is not `root`, or that breaks part-way, raises a ListFileError naming the line and column.
 * Entities declared in a DOCTYPE are never expanded (saxes refuses them), so a "billion laughs" file
 * fails at its first reference.
 */
export async function* xmlRecords(chunks: AsyncIterable<string>, options: { file: string; root: string; records: ReadonlySet<string> }): AsyncGenerator<{ tag: string; record: XmlRecord }> {
  const parser = new SaxesParser();
  const ready: { tag: string; record: XmlRecord }[] = [];
  const open: OpenElement[] = [];
  let depth = 0;
  let sawRoot = false;
  parser.on('opentag', (tag) => {
    if (depth === 0) {
      if (tag.name !== options.root) throw new ListFileError(say('problem.listWrongRoot', { file: options.file, found: tag.name, expected: options.root }));
      sawRoot = true;
    }
    depth++;
    if (open.length || options.records.has(tag.name)) open.push({ name: tag.name, record: { ...(tag.attributes as Record<string, string>) }, text: '' });
  });
  const addText = (text: string) => {
    const top = open.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    depth--;
    const done = open.pop();
    if (!done) return;
    const text = done.text.trim();
    const hasFields = Object.keys(done.record).length > 0;
    const value: XmlValue = hasFields ? (text ? { ...done.record, '#text': text } : done.record) : text;
    const parent = open.at(-1);
    if (!parent) {
      ready.push({ tag: done.name, record: typeof value === 'string' ? { '#text': value } : (value as XmlRecord) });
      return;
    }
    const existing = parent.record[done.name];
    if (existing === undefined) parent.record[done.name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else parent.record[done.name] = [existing, value];
  });
  try {
    for await (const chunk of chunks) {
      parser.write(chunk);
      yield* ready.splice(0);
    }
    parser.close();
  } catch (error) {
    if (error instanceof ListFileError) throw error;
    throw new ListFileError(say('problem.listNotXml', { file: options.file, detail: (error as Error).message }));
  }
  yield* ready.splice(0);
  if (!sawRoot) throw new ListFileError(say('problem.listNoRoot', { file: options.file, root: options.root }));
}
