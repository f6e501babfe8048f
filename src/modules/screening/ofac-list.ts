import type { Hash } from 'node:crypto';
import { type EntityKind, type IdentityDocument, type ListedEntity, listedName, noDetails, oneLine } from './entities.ts';
import { csvRows } from './csv-rows.ts';
import { ListFileError } from './list-file-error.ts';
import { type ListSource, textChunks } from './list-source.ts';
import { say } from '../../platform/i18n/say.ts';

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** Identity documents as OFAC's remarks name them ("Passport A123 (Iraq)"): the types seen more than a few times in the SDN list. */
const DOCUMENT_TYPES = ['Passport', 'Diplomatic Passport', 'National ID No.', 'Cedula No.', 'C.U.R.P.', 'Registration Number', 'R.F.C.', 'RFC', 'Tax ID No.', 'Registration ID', 'Identification Number', 'Company Number', 'Business Registration Number', 'NIT #', 'D.N.I.', 'SSN', "Driver's License No.", 'Travel Document Number', 'Residency Number', 'Electoral Registry No.'];
const DOCUMENT = new RegExp(`^(?:alt\\. )?(${DOCUMENT_TYPES.map((type) => type.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')).join('|')}) ([A-Z0-9][A-Z0-9 ./-]*?)(?: \\(([^)]+)\\))?(?:[;,]? (.*))?$`, 'i');

const ofacValue = (value: string | undefined) => (value === undefined || value.trim() === '-0-' ? '' : value.trim());

function ofacKind(type: string): EntityKind {
  const value = type.trim().toLowerCase();
  return value === 'individual' ? 'person' : value === 'vessel' ? 'vessel' : value === 'aircraft' ? 'aircraft' : 'organisation';
}

/** "DOB 01 Jan 1970; alt. DOB 1971; POB Baghdad, Iraq; nationality Iraq; Passport A123 (Iraq)" → the entry's details. */
function readRemarks(entity: ListedEntity, remarks: string): void {
  for (const item of remarks.split(';').map((part) => part.trim().replace(/\.$/, ''))) {
    const birth = /^(?:alt\. )?DOB (?:circa )?(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})/.exec(item);
    if (birth) {
      const [, day, month, year] = birth as unknown as [string, string | undefined, string | undefined, string];
      const monthNumber = month ? MONTHS[month.toLowerCase()] : undefined;
      entity.birthDates.push(day && monthNumber ? `${year}-${monthNumber}-${day.padStart(2, '0')}` : year);
      continue;
    }
    const place = /^(?:alt\. )?POB (.+)$/.exec(item);
    if (place?.[1]) entity.birthPlaces.push(place[1].trim());
    const nationality = /^(?:alt\. )?(?:[Nn]ationality|citizen) ([A-Z][A-Za-z ]+)$/.exec(item);
    if (nationality?.[1]) entity.nationalities.push(nationality[1].trim());
    const document = DOCUMENT.exec(item);
    if (document) {
      const [, type, number, country, note] = document as unknown as [string, string, string, string | undefined, string | undefined];
      const entry: IdentityDocument = { type, number: number.trim(), ...(country ? { country } : {}), ...(note ? { note } : {}) };
      entity.documents.push(entry);
    }
  }
}

interface OfacFiles {
  primary: ListSource;
  alias?: ListSource;
  addresses?: ListSource;
  comments?: ListSource;
}

/**
 * OFAC's legacy CSV layout, for the SDN list (sdn.csv, alt.csv, add.csv, sdn_comments.csv) and the
 * consolidated non-SDN list (cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv), each file
 * read as a stream: primary rows, then aliases, addresses and the remarks that overflowed, joined on
 * the entry number.
 */
export async function readOfacCsv(files: OfacFiles, list: 'OFAC-SDN' | 'OFAC-CONS', hash: Hash): Promise<ListedEntity[]> {
  const byNumber = new Map<string, ListedEntity & { raw: { primary: string[]; aliases: string[][]; addresses: string[][]; comments: string[] } }>();
  const remarks = new Map<string, string>();
  /** Rows of one file, each checked to start with an entry number; OFAC ends its files with a Ctrl-Z line. */
  async function* rowsOf(source: ListSource, columns: number, which: string): AsyncGenerator<string[]> {
    for await (const { row, line } of csvRows<string[]>(textChunks(source, hash), source.name, { relax_column_count: true, skip_empty_lines: true, relax_quotes: true })) {
      if (row.join('').trim() === '\u001a') continue;
      if (row.length < columns || !/^\d+$/.test((row[0] ?? '').trim())) throw new ListFileError(say('problem.listNotOfacRow', { file: source.name, which, line, columns }));
      yield row;
    }
  }
  for await (const row of rowsOf(files.primary, 12, 'primary')) {
    const number = (row[0] as string).trim();
    byNumber.set(number, {
      ...noDetails(),
      ref: `${list}:${number}`,
      list,
      kind: ofacKind(ofacValue(row[2])),
      names: [listedName(ofacValue(row[1]), 'primary')],
      programmes: ofacValue(row[3]).split(/\]\s*\[|;/).map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean),
      raw: { primary: row, aliases: [], addresses: [], comments: [] },
    });
    remarks.set(number, ofacValue(row[11]));
  }
  if (byNumber.size === 0) throw new ListFileError(say('problem.listNoEntries', { file: files.primary.name }));
  if (files.alias) {
    for await (const row of rowsOf(files.alias, 4, 'alias')) {
      const entity = byNumber.get((row[0] as string).trim());
      const name = ofacValue(row[3]);
      if (!entity || !name) continue;
      // OFAC marks weak aliases "weak" in the alias remarks.
      entity.names.push(listedName(name, /weak/i.test(ofacValue(row[4])) ? 'low' : 'good'));
      entity.raw.aliases.push(row);
    }
  }
  if (files.addresses) {
    for await (const row of rowsOf(files.addresses, 5, 'address')) {
      const entity = byNumber.get((row[0] as string).trim());
      const address = oneLine([ofacValue(row[2]), ofacValue(row[3]), ofacValue(row[4])]);
      if (!entity || !address) continue;
      entity.addresses.push(address);
      entity.raw.addresses.push(row);
    }
  }
  if (files.comments) {
    // Remarks longer than the primary file's field continue here, cut mid-word: joined as they are.
    for await (const row of rowsOf(files.comments, 2, 'comments')) {
      const number = (row[0] as string).trim();
      const entity = byNumber.get(number);
      if (!entity) continue;
      remarks.set(number, (remarks.get(number) ?? '') + ofacValue(row[1]));
      entity.raw.comments.push(ofacValue(row[1]));
    }
  }
  for (const [number, entity] of byNumber) readRemarks(entity, remarks.get(number) ?? '');
  return [...byNumber.values()];
}
