import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { type EntityKind, type ListedEntity, listedName } from './entities.ts';
import { asArray, text } from './xml-values.ts';
import { ListFileError } from './list-file-error.ts';


/**
 * The EU consolidated financial-sanctions list (FSF XML): one sanctionEntity per listing, names in
 * nameAlias elements (strong="false" marks a weak alias), births, citizenships and the regulation's
 * programme, all as attributes.
 */
export function parseEuXml(xml: string, file = 'EU XML'): ListedEntity[] {
  let document: Record<string, unknown>;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false }).parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new ListFileError(`${file}: not readable as XML: ${(error as Error).message}`);
  }
  const root = document.export as Record<string, unknown> | undefined;
  if (!root) throw new ListFileError(`${file}: no export element; is this the EU financial-sanctions XML?`);
  const entities = asArray(root.sanctionEntity as Record<string, unknown>[] | undefined).map((record): ListedEntity => {
    const subject = text((record.subjectType as Record<string, unknown> | undefined)?.code);
    const kind: EntityKind = subject === 'person' ? 'person' : 'organisation';
    const aliases = asArray(record.nameAlias as Record<string, unknown>[] | undefined).filter((alias) => text(alias.wholeName));
    return {
      ref: `EU:${text(record.euReferenceNumber) || text(record.logicalId)}`,
      list: 'EU',
      kind,
      names: aliases.map((alias, index) => listedName(text(alias.wholeName), index === 0 ? 'primary' : text(alias.strong) === 'false' ? 'low' : 'good')),
      birthDates: asArray(record.birthdate as Record<string, unknown>[] | undefined).map((birth) => text(birth.birthdate) || text(birth.year)).filter(Boolean),
      nationalities: asArray(record.citizen as Record<string, unknown>[] | undefined).map((citizen) => text(citizen.countryDescription)).filter(Boolean),
      programmes: asArray(record.regulation as Record<string, unknown>[] | undefined).map((regulation) => text(regulation.programme)).filter(Boolean),
      listedOn: text(record.designationDate) || null,
    };
  });
  const named = entities.filter((entity) => entity.names.length > 0);
  if (named.length === 0) throw new ListFileError(`${file}: the list holds no named entries`);
  return named;
}

/** "19/06/1951" → 1951-06-19; "00/00/1951" → 1951 (the UK list writes unknown parts as 00). */
function ukDate(value: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!match) return '';
  const [, day, month, year] = match as unknown as [string, string, string, string];
  return day === '00' || month === '00' ? year : `${year}-${month}-${day}`;
}

/**
 * The UK sanctions list as OFSI publishes it (consolidated list CSV): a "Last Updated" line, a header,
 * then one row per name, the names of one listing sharing its Group ID.
 */
export function parseUkCsv(csv: string, file = 'UK CSV'): ListedEntity[] {
  const lines = csv.replace(/^\uFEFF/, '');
  const body = /^Last Updated/i.test(lines) ? lines.slice(lines.indexOf('\n') + 1) : lines;
  let rows: Record<string, string>[];
  try {
    rows = parse(body, { columns: (header: string[]) => header.map((name) => name.trim()), skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new ListFileError(`${file}: not readable as CSV at line ${(error as { lines?: number }).lines ?? '?'}: ${(error as Error).message}`);
  }
  const headers = Object.keys(rows[0] ?? {});
  for (const needed of ['Name 6', 'Group ID', 'Group Type']) if (!headers.includes(needed)) throw new ListFileError(`${file}: no "${needed}" column; is this OFSI's consolidated list CSV?`);
  const byGroup = new Map<string, ListedEntity>();
  for (const row of rows) {
    const group = row['Group ID'] ?? '';
    if (!group) continue;
    const name = [row['Name 1'], row['Name 2'], row['Name 3'], row['Name 4'], row['Name 5'], row['Name 6']].filter(Boolean).join(' ');
    let entity = byGroup.get(group);
    if (!entity) {
      const type = (row['Group Type'] ?? '').toLowerCase();
      entity = { ref: `UK:${group}`, list: 'UK', kind: type === 'individual' ? 'person' : type === 'ship' ? 'vessel' : 'organisation', names: [], birthDates: [], nationalities: [], programmes: [], listedOn: ukDate(row['Listed On'] ?? '') || null };
      byGroup.set(group, entity);
    }
    const primary = /^primary name$/i.test(row['Alias Type'] ?? '');
    if (name) entity.names[primary ? 'unshift' : 'push'](listedName(name, primary ? 'primary' : /low/i.test(row['Alias Quality'] ?? '') ? 'low' : 'good'));
    if (row['Name Non-Latin Script']) entity.names.push(listedName(row['Name Non-Latin Script'], 'good'));
    const born = ukDate(row.DOB ?? '');
    if (born && !entity.birthDates.includes(born)) entity.birthDates.push(born);
    for (const nationality of (row.Nationality ?? '').split(/[,;]|\(\d+\)/).map((value) => value.trim()).filter(Boolean)) if (!entity.nationalities.includes(nationality)) entity.nationalities.push(nationality);
    if (row.Regime && !entity.programmes.includes(row.Regime)) entity.programmes.push(row.Regime);
  }
  if (byGroup.size === 0) throw new ListFileError(`${file}: no entries`);
  return [...byGroup.values()];
}
