import { type EntityKind, type ListedEntity, listedName, oneLine } from './entities.ts';
import { ListFileError } from './list-file-error.ts';
import { xmlRecords, type XmlRecord } from './xml-records.ts';
import { children, text } from './xml-values.ts';
import { say } from '../../platform/i18n/say.ts';

const RECORD_TAGS = new Set(['sanctionEntity']);

/**
 * One sanctionEntity of the EU financial-sanctions (FSF) XML: names in nameAlias elements
 * (strong="false" marks a weak alias); births, citizenships, identifications, addresses and the
 * regulation's programme, all as attributes.
 */
function euEntity(record: XmlRecord): ListedEntity {
  const subject = text(children(record.subjectType)[0]?.code);
  const kind: EntityKind = subject === 'person' ? 'person' : 'organisation';
  const aliases = children(record.nameAlias).filter((alias) => text(alias.wholeName));
  const births = children(record.birthdate);
  return {
    ref: `EU:${text(record.euReferenceNumber) || text(record.logicalId)}`,
    list: 'EU',
    // The UN reference the EU record gives for the same listing (unitedNationId="QDi.006").
    ...(text(record.unitedNationId) ? { sameAs: [`UN:${text(record.unitedNationId)}`] } : {}),
    kind,
    names: aliases.map((alias, index) => listedName(text(alias.wholeName), index === 0 ? 'primary' : text(alias.strong) === 'false' ? 'low' : 'good')),
    birthDates: births.map((birth) => text(birth.birthdate) || text(birth.year)).filter(Boolean),
    birthPlaces: births.map((birth) => oneLine([text(birth.place), text(birth.city), text(birth.region), text(birth.countryDescription)])).filter(Boolean),
    nationalities: children(record.citizen).map((citizen) => text(citizen.countryDescription)).filter(Boolean),
    documents: children(record.identification)
      .filter((document) => text(document.number))
      .map((document) => {
        const country = text(document.countryDescription);
        const note = text(document.remark);
        return { type: text(document.identificationTypeDescription) || text(document.identificationTypeCode) || 'Document', number: text(document.number), ...(country ? { country } : {}), ...(note ? { note } : {}) };
      }),
    addresses: children(record.address)
      .map((address) => oneLine([text(address.street), text(address.poBox), text(address.city), text(address.region), text(address.zipCode), text(address.place), text(address.countryDescription)]))
      .filter(Boolean),
    programmes: children(record.regulation).map((regulation) => text(regulation.programme)).filter(Boolean),
    listedOn: text(record.designationDate) || null,
    raw: record,
  };
}

/** The EU consolidated financial-sanctions list, read as a stream. */
export async function readEuXml(chunks: AsyncIterable<string>, file = 'EU XML'): Promise<ListedEntity[]> {
  const entities: ListedEntity[] = [];
  for await (const { record } of xmlRecords(chunks, { file, root: 'export', records: RECORD_TAGS })) {
    const entity = euEntity(record);
    if (entity.names.length > 0) entities.push(entity);
  }
  if (entities.length === 0) throw new ListFileError(say('problem.listNoNamedEntries', { file }));
  return entities;
}
