import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ListedEntity } from './entities.ts';
import { publicationDate } from './list-dates.ts';
import { readEuXml } from './eu-list.ts';
import { ListFileError } from './list-file-error.ts';
import { type ListSource, pathSource, readHead, textChunks } from './list-source.ts';
import { readOfacCsv } from './ofac-list.ts';
import { readUkCsv } from './uk-list.ts';
import { readUnXml } from './un-list.ts';
import { say } from '../../platform/i18n/say.ts';

export { ListFileError } from './list-file-error.ts';

export interface ReadList {
  entities: ListedEntity[];
  fileNames: string[];
  /** SHA-256 of the list's files' bytes, in the order read. */
  sha256: string;
  /** The day the publisher generated the file, when the file says (YYYY-MM-DD). */
  publishedOn?: string;
}

/** OFAC's companion files, read with their primary file. */
const OFAC_SETS = {
  'sdn.csv': { list: 'OFAC-SDN', alias: 'alt.csv', addresses: 'add.csv', comments: 'sdn_comments.csv' },
  'cons_prim.csv': { list: 'OFAC-CONS', alias: 'cons_alt.csv', addresses: 'cons_add.csv', comments: 'cons_comments.csv' },
} as const;
const COMPANIONS = new Set<string>(Object.values(OFAC_SETS).flatMap((set) => [set.alias, set.addresses, set.comments]));


/**
 * Reads list files as streams, the format told by the content (UN, EU, UK) or by OFAC's file names,
 * into entities grouped by list. Any malformed file raises a ListFileError naming it and where it
 * broke, before anything is written anywhere.
 */
export async function readListFiles(sources: ListSource[]): Promise<Map<ListedEntity['list'], ReadList>> {
  const lists = new Map<ListedEntity['list'], ReadList>();
  const add = (list: ListedEntity['list'], read: ReadList) => {
    const entry = lists.get(list);
    if (!entry) lists.set(list, read);
    else {
      const publishedOn = entry.publishedOn ?? read.publishedOn;
      lists.set(list, { entities: [...entry.entities, ...read.entities], fileNames: [...entry.fileNames, ...read.fileNames], sha256: createHash('sha256').update(entry.sha256 + read.sha256).digest('hex'), ...(publishedOn ? { publishedOn } : {}) });
    }
  };
  const byBase = new Map(sources.map((source) => [path.basename(source.name).toLowerCase(), source]));
  for (const source of sources) {
    const base = path.basename(source.name).toLowerCase();
    const hash = createHash('sha256');
    const ofac = OFAC_SETS[base as keyof typeof OFAC_SETS];
    if (ofac) {
      const companions = { alias: byBase.get(ofac.alias), addresses: byBase.get(ofac.addresses), comments: byBase.get(ofac.comments) };
      const entities = await readOfacCsv({ primary: source, ...Object.fromEntries(Object.entries(companions).filter(([, file]) => file)) }, ofac.list, hash);
      add(ofac.list, { entities, fileNames: [source.name, ...Object.values(companions).flatMap((file) => (file ? [file.name] : []))], sha256: hash.digest('hex') });
      continue;
    }
    if (COMPANIONS.has(base)) continue;
    const head = await readHead(source);
    const chunks = textChunks(source, hash);
    let entities: ListedEntity[];
    let list: ListedEntity['list'];
    if (head.includes('<CONSOLIDATED_LIST')) [list, entities] = ['UN', await readUnXml(chunks, source.name)];
    else if (/<export[\s>]/.test(head) || head.includes('sanctionEntity')) [list, entities] = ['EU', await readEuXml(chunks, source.name)];
    else if (/^\uFEFF?Last Updated/i.test(head)) [list, entities] = ['UK', await readUkCsv(chunks, source.name, true)];
    else if (head.includes('Name 6') && head.includes('Group ID')) [list, entities] = ['UK', await readUkCsv(chunks, source.name, false)];
    else throw new ListFileError(say('problem.listUnknownFormat', { file: source.name, known: say('problem.listKnownFormats') }));
    const publishedOn = publicationDate(head);
    add(list, { entities, fileNames: [source.name], sha256: hash.digest('hex'), ...(publishedOn ? { publishedOn } : {}) });
  }
  if (lists.size === 0) throw new ListFileError(say('problem.listNone', { known: say('problem.listKnownFormats') }));
  return lists;
}

/**
 * List files and directories on disk, for the command line and the tools. A directory means its .xml
 * and .csv files (a README beside them is not a list); a file named on its own must be a list.
 */
export function listSources(paths: string[]): ListSource[] {
  return paths.flatMap((entry) => {
    if (!fs.existsSync(entry)) throw new ListFileError(say('problem.listNoSuchFile', { file: entry }));
    const files = fs.statSync(entry).isDirectory()
      ? fs
          .readdirSync(entry)
          .filter((name) => /\.(xml|csv)$/i.test(name))
          .map((name) => path.join(entry, name))
      : [entry];
    return files.map(pathSource);
  });
}

/** Every entity of the list files and directories given, whatever list they belong to. */
export async function loadListFiles(paths: string[]): Promise<ListedEntity[]> {
  return [...(await readListFiles(listSources(paths))).values()].flatMap((list) => list.entities);
}
