import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { type EntityKind, type ListedEntity, listedName } from './entities.ts';
import { asArray, text } from './xml-values.ts';
import { parseEuXml, parseUkCsv } from './eu-uk-files.ts';
import { ListFileError } from './list-file-error.ts';

export { ListFileError } from './list-file-error.ts';

/** OFAC's legacy CSV files are Latin-1; the other lists are UTF-8. */
export function listFileEncoding(name: string): BufferEncoding {
  return /(^|\/)(sdn|alt|add|sdn_comments|cons_prim|cons_alt|cons_add|cons_comments)\.csv$/i.test(name) ? 'latin1' : 'utf8';
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };


/** UN name fields often carry several spellings, in brackets or after semicolons: each is its own name. */
function nameParts(value: unknown): string[] {
  return text(value)
    .split(/[();]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The UN Security Council Consolidated List (XML): individuals and entities with aliases, original-script names, births and nationalities. */
export function parseUnXml(xml: string, file = 'UN XML'): ListedEntity[] {
  let document: Record<string, unknown>;
  try {
    document = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new ListFileError(`${file}: not readable as XML: ${(error as Error).message}`);
  }
  const root = document.CONSOLIDATED_LIST as Record<string, Record<string, unknown>> | undefined;
  if (!root) throw new ListFileError(`${file}: no CONSOLIDATED_LIST element; is this the UN consolidated list?`);
  const entities: ListedEntity[] = [];
  for (const [collection, tag, kind] of [['INDIVIDUALS', 'INDIVIDUAL', 'person'], ['ENTITIES', 'ENTITY', 'organisation']] as const) {
    for (const record of asArray(root[collection]?.[tag] as Record<string, unknown>[] | undefined)) {
      const primary = [record.FIRST_NAME, record.SECOND_NAME, record.THIRD_NAME, record.FOURTH_NAME].map(text).filter(Boolean).join(' ');
      const names = [listedName(primary, 'primary')];
      for (const part of nameParts(record.NAME_ORIGINAL_SCRIPT)) names.push(listedName(part, 'good'));
      for (const alias of asArray(record[`${tag}_ALIAS`] as Record<string, unknown>[] | undefined)) {
        for (const part of nameParts(alias.ALIAS_NAME)) names.push(listedName(part, text(alias.QUALITY) === 'Low' ? 'low' : 'good'));
      }
      const births = asArray(record.INDIVIDUAL_DATE_OF_BIRTH as Record<string, unknown>[] | undefined).flatMap((birth) => [text(birth.DATE), text(birth.YEAR), text(birth.FROM_YEAR), text(birth.TO_YEAR)].filter(Boolean));
      const nationalities = asArray((record.NATIONALITY as Record<string, unknown> | undefined)?.VALUE as string | string[] | undefined).map(text).filter(Boolean);
      entities.push({ ref: `UN:${text(record.REFERENCE_NUMBER)}`, list: 'UN', kind, names, birthDates: births, nationalities, programmes: [text(record.UN_LIST_TYPE)].filter(Boolean), listedOn: text(record.LISTED_ON) || null });
    }
  }
  if (entities.length === 0) throw new ListFileError(`${file}: the list holds no individuals or entities`);
  return entities;
}

function ofacKind(type: string): EntityKind {
  const value = type.trim().toLowerCase();
  return value === 'individual' ? 'person' : value === 'vessel' ? 'vessel' : value === 'aircraft' ? 'aircraft' : 'organisation';
}

const ofacValue = (value: string | undefined) => (value === undefined || value.trim() === '-0-' ? '' : value.trim());

/** "DOB 01 Jan 1970; alt. DOB 1971; nationality Iraq" in OFAC remarks → dates and nationalities. */
function ofacRemarks(remarks: string) {
  const birthDates = [...remarks.matchAll(/DOB (?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})/g)].map(([, day, month, year]) => (day && month && MONTHS[month.toLowerCase()] ? `${year}-${MONTHS[month.toLowerCase()]}-${day.padStart(2, '0')}` : (year as string)));
  const nationalities = [...remarks.matchAll(/[Nn]ationality ([A-Z][A-Za-z ]+?)(?:[;.]|$)/g)].map(([, country]) => (country as string).trim());
  return { birthDates, nationalities };
}

/**
 * OFAC's legacy CSV layout, for the SDN list (sdn.csv + alt.csv) and the consolidated non-SDN list
 * (cons_prim.csv + cons_alt.csv): primary rows and alias rows joined on the entry number.
 */
export function parseOfacCsv(primaryCsv: string, aliasCsv: string | null, list: 'OFAC-SDN' | 'OFAC-CONS', file: string = list): ListedEntity[] {
  const rows = (csv: string, columns: number, which: string): string[][] => {
    let parsed: string[][];
    try {
      parsed = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
    } catch (error) {
      throw new ListFileError(`${file} (${which}): not readable as CSV at line ${(error as { lines?: number }).lines ?? '?'}: ${(error as Error).message}`);
    }
    const bad = parsed.findIndex((row) => row.length < columns || !/^\d+$/.test((row[0] ?? '').trim()));
    if (bad >= 0 && parsed[bad]?.join('').trim() !== '\u001a') throw new ListFileError(`${file} (${which}): line ${bad + 1} is not an OFAC ${which} row (expected ${columns} columns starting with the entry number)`);
    return parsed.filter((row) => /^\d+$/.test((row[0] ?? '').trim()));
  };
  const byNumber = new Map<string, ListedEntity>();
  for (const row of rows(primaryCsv, 12, 'primary')) {
    const number = (row[0] as string).trim();
    const { birthDates, nationalities } = ofacRemarks(ofacValue(row[11]));
    byNumber.set(number, {
      ref: `${list}:${number}`,
      list,
      kind: ofacKind(ofacValue(row[2])),
      names: [listedName(ofacValue(row[1]), 'primary')],
      birthDates,
      nationalities,
      programmes: ofacValue(row[3]).split(/\]\s*\[|;/).map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean),
      listedOn: null,
    });
  }
  if (aliasCsv) {
    for (const row of rows(aliasCsv, 4, 'alias')) {
      const entity = byNumber.get((row[0] as string).trim());
      const name = ofacValue(row[3]);
      // OFAC marks weak aliases "weak" in the alias remarks.
      if (entity && name) entity.names.push(listedName(name, /weak/i.test(ofacValue(row[4])) ? 'low' : 'good'));
    }
  }
  if (byNumber.size === 0) throw new ListFileError(`${file}: no entries`);
  return [...byNumber.values()];
}

export interface ListFile {
  name: string;
  content: string;
}

/**
 * Parses list files, the format told by the content (UN XML) or by the OFAC file names (sdn/alt,
 * cons_prim/cons_alt), into entities grouped by list.
 */
export function parseListFiles(files: ListFile[]): Map<ListedEntity['list'], { entities: ListedEntity[]; fileNames: string[] }> {
  const lists = new Map<ListedEntity['list'], { entities: ListedEntity[]; fileNames: string[] }>();
  const add = (list: ListedEntity['list'], entities: ListedEntity[], fileNames: string[]) => {
    const entry = lists.get(list) ?? { entities: [], fileNames: [] };
    entry.entities.push(...entities);
    entry.fileNames.push(...fileNames);
    lists.set(list, entry);
  };
  const byName = new Map(files.map((file) => [path.basename(file.name).toLowerCase(), file]));
  for (const file of files) {
    const base = path.basename(file.name).toLowerCase();
    const head = file.content.slice(0, 500);
    if (head.includes('<CONSOLIDATED_LIST') || (head.trimStart().startsWith('<?xml') && base.includes('un'))) {
      add('UN', parseUnXml(file.content, file.name), [file.name]);
    } else if (head.includes('<export') || head.includes('sanctionEntity')) {
      add('EU', parseEuXml(file.content, file.name), [file.name]);
    } else if (/^\uFEFF?Last Updated/i.test(head) || (head.includes('Name 6') && head.includes('Group ID'))) {
      add('UK', parseUkCsv(file.content, file.name), [file.name]);
    } else if (base === 'sdn.csv' || base === 'cons_prim.csv') {
      const list = base === 'sdn.csv' ? 'OFAC-SDN' : 'OFAC-CONS';
      const alias = byName.get(base === 'sdn.csv' ? 'alt.csv' : 'cons_alt.csv');
      add(list, parseOfacCsv(file.content, alias?.content ?? null, list, file.name), alias ? [file.name, alias.name] : [file.name]);
    } else if (!['alt.csv', 'cons_alt.csv', 'add.csv', 'cons_add.csv', 'sdn_comments.csv', 'cons_comments.csv'].includes(base)) {
      // Alias files are read with their primary file; addresses and remark overflow are not needed for matching.
      throw new ListFileError(`${file.name}: not a known list format (the UN consolidated XML, the EU financial-sanctions XML, OFSI's UK consolidated CSV, or OFAC's sdn.csv/alt.csv or cons_prim.csv/cons_alt.csv)`);
    }
  }
  if (lists.size === 0) throw new ListFileError('no list among the files: give the UN consolidated XML, or sdn.csv (with alt.csv), or cons_prim.csv (with cons_alt.csv)');
  return lists;
}

/** Reads list files and directories from disk for the command line (OFAC files are Latin-1). */
export function loadListFiles(paths: string[]): ListedEntity[] {
  const files = paths.flatMap((entry) => {
    if (!fs.existsSync(entry)) throw new ListFileError(`${entry}: no such file or directory`);
    return fs.statSync(entry).isDirectory() ? fs.readdirSync(entry).map((name) => path.join(entry, name)) : [entry];
  });
  const read = files.map((file) => ({ name: file, content: fs.readFileSync(file, listFileEncoding(file)) }));
  return [...parseListFiles(read).values()].flatMap((list) => list.entities);
}
