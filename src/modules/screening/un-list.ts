import type { IdentityDocument, ListedEntity } from './entities.ts';
import { listedName, oneLine } from './entities.ts';
import { ListFileError } from './list-file-error.ts';
import { xmlRecords, type XmlRecord } from './xml-records.ts';
import { asArray, children, text } from './xml-values.ts';
import { say } from '../../platform/i18n/say.ts';

/** UN name fields often carry several spellings, in brackets or after semicolons: each is its own name. */
function nameParts(value: XmlRecord[string] | undefined): string[] {
  return text(value)
    .split(/[();]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const RECORD_TAGS = new Set(['INDIVIDUAL', 'ENTITY']);

function unEntity(tag: string, record: XmlRecord): ListedEntity {
  const primary = [record.FIRST_NAME, record.SECOND_NAME, record.THIRD_NAME, record.FOURTH_NAME].map(text).filter(Boolean).join(' ');
  const names = [listedName(primary, 'primary')];
  for (const part of nameParts(record.NAME_ORIGINAL_SCRIPT)) names.push(listedName(part, 'good'));
  for (const alias of children(record[`${tag}_ALIAS`])) {
    for (const part of nameParts(alias.ALIAS_NAME)) names.push(listedName(part, text(alias.QUALITY) === 'Low' ? 'low' : 'good'));
  }
  const documents = children(record.INDIVIDUAL_DOCUMENT).flatMap((document): IdentityDocument[] => {
    const number = text(document.NUMBER);
    if (!number) return [];
    const country = text(document.ISSUING_COUNTRY) || text(document.COUNTRY_OF_ISSUE);
    const note = oneLine([text(document.TYPE_OF_DOCUMENT2), text(document.DATE_OF_ISSUE) && `issued ${text(document.DATE_OF_ISSUE)}`, text(document.CITY_OF_ISSUE), text(document.NOTE)]);
    return [{ type: text(document.TYPE_OF_DOCUMENT) || 'Document', number, ...(country ? { country } : {}), ...(note ? { note } : {}) }];
  });
  const place = (entry: XmlRecord) => oneLine([text(entry.STREET), text(entry.CITY), text(entry.STATE_PROVINCE), text(entry.ZIP_CODE), text(entry.COUNTRY), text(entry.NOTE) && `(${text(entry.NOTE)})`]);
  return {
    ref: `UN:${text(record.REFERENCE_NUMBER)}`,
    list: 'UN',
    kind: tag === 'INDIVIDUAL' ? 'person' : 'organisation',
    names,
    birthDates: children(record.INDIVIDUAL_DATE_OF_BIRTH).flatMap((birth) => [text(birth.DATE), text(birth.YEAR), text(birth.FROM_YEAR), text(birth.TO_YEAR)].filter(Boolean)),
    birthPlaces: children(record.INDIVIDUAL_PLACE_OF_BIRTH).map(place).filter(Boolean),
    nationalities: children(record.NATIONALITY).flatMap((nationality) => asArray(nationality.VALUE).map(text)).filter(Boolean),
    documents,
    addresses: children(record[`${tag}_ADDRESS`]).map(place).filter(Boolean),
    programmes: [text(record.UN_LIST_TYPE)].filter(Boolean),
    listedOn: text(record.LISTED_ON) || null,
    raw: record,
  };
}

/** The UN Security Council Consolidated List (XML), read as a stream: individuals and entities with everything the list says of them. */
export async function readUnXml(chunks: AsyncIterable<string>, file = 'UN XML'): Promise<ListedEntity[]> {
  const entities: ListedEntity[] = [];
  for await (const { tag, record } of xmlRecords(chunks, { file, root: 'CONSOLIDATED_LIST', records: RECORD_TAGS })) {
    const entity = unEntity(tag, record);
    if (entity.ref === 'UN:') throw new ListFileError(say('problem.listNoReference', { file, kind: tag.toLowerCase(), number: entities.length + 1 }));
    entities.push(entity);
  }
  if (entities.length === 0) throw new ListFileError(say('problem.listNoIndividuals', { file }));
  return entities;
}
