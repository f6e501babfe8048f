import { type ListedEntity, listedName, noDetails, oneLine } from './entities.ts';
import { csvRows } from './csv-rows.ts';
import { ListFileError } from './list-file-error.ts';
import { say } from '../../platform/i18n/say.ts';

/** "19/06/1951" → 1951-06-19; "00/00/1951" → 1951 (the UK list writes unknown parts as 00). */
function ukDate(value: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!match) return '';
  const [, day, month, year] = match as unknown as [string, string, string, string];
  return day === '00' || month === '00' ? year : `${year}-${month}-${day}`;
}

const pushNew = <T>(values: T[], value: T, same: (a: T, b: T) => boolean = (a, b) => a === b) => {
  if (value && !values.some((existing) => same(existing, value))) values.push(value);
};

/**
 * The UK sanctions list as OFSI publishes it (consolidated list CSV), read as a stream: a "Last
 * Updated" line, a header, then one row per name, the rows of one listing sharing its Group ID.
 */
export async function readUkCsv(chunks: AsyncIterable<string>, file = 'UK CSV', startsWithLastUpdated = true): Promise<ListedEntity[]> {
  const byGroup = new Map<string, ListedEntity & { raw: Record<string, string>[] }>();
  let checkedHeader = false;
  const rows = csvRows<Record<string, string>>(chunks, file, { columns: (header: string[]) => header.map((name) => name.trim()), from_line: startsWithLastUpdated ? 2 : 1, skip_empty_lines: true, relax_column_count: true, trim: true });
  for await (const { row } of rows) {
    if (!checkedHeader) {
      for (const needed of ['Name 6', 'Group ID', 'Group Type']) if (!(needed in row)) throw new ListFileError(say('problem.listUkColumnMissing', { file, column: needed }));
      checkedHeader = true;
    }
    const group = row['Group ID'] ?? '';
    if (!group) continue;
    const name = [row['Name 1'], row['Name 2'], row['Name 3'], row['Name 4'], row['Name 5'], row['Name 6']].filter(Boolean).join(' ');
    let entity = byGroup.get(group);
    if (!entity) {
      const type = (row['Group Type'] ?? '').toLowerCase();
      entity = { ...noDetails(), ref: `UK:${group}`, list: 'UK', kind: type === 'individual' ? 'person' : type === 'ship' ? 'vessel' : 'organisation', names: [], listedOn: ukDate(row['Listed On'] ?? '') || null, raw: [] };
      byGroup.set(group, entity);
    }
    entity.raw.push(row);
    // "(UN Ref):QDi.299" in the record's other information: the UN listing it implements.
    for (const match of (row['Other Information'] ?? '').matchAll(/\(UN Ref\):\s*([A-Z]{2,3}[ie]\.\d{3})/g)) {
      entity.sameAs ??= [];
      pushNew(entity.sameAs, `UN:${match[1]}`);
    }
    const primary = /^primary name$/i.test(row['Alias Type'] ?? '');
    if (name) entity.names[primary ? 'unshift' : 'push'](listedName(name, primary ? 'primary' : /low/i.test(row['Alias Quality'] ?? '') ? 'low' : 'good'));
    if (row['Name Non-Latin Script']) entity.names.push(listedName(row['Name Non-Latin Script'], 'good'));
    pushNew(entity.birthDates, ukDate(row.DOB ?? ''));
    pushNew(entity.birthPlaces, oneLine([row['Town of Birth'], row['Country of Birth']]));
    for (const nationality of (row.Nationality ?? '').split(/[,;]|\(\d+\)/).map((value) => value.trim())) pushNew(entity.nationalities, nationality);
    const sameDocument = (a: { type: string; number: string }, b: { type: string; number: string }) => a.type === b.type && a.number === b.number;
    if (row['Passport Number']) pushNew(entity.documents, { type: 'Passport', number: row['Passport Number'], ...(row['Passport Details'] ? { note: row['Passport Details'] } : {}) }, sameDocument);
    if (row['National Identification Number']) pushNew(entity.documents, { type: 'National identification number', number: row['National Identification Number'], ...(row['National Identification Details'] ? { note: row['National Identification Details'] } : {}) }, sameDocument);
    pushNew(entity.addresses, oneLine([row['Address 1'], row['Address 2'], row['Address 3'], row['Address 4'], row['Address 5'], row['Address 6'], row['Post/Zip Code'], row.Country]));
    pushNew(entity.programmes, row.Regime ?? '');
  }
  if (byGroup.size === 0) throw new ListFileError(say('problem.listNoEntries', { file }));
  return [...byGroup.values()];
}
