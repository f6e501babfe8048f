import type { ListedEntity } from './entities.ts';

/** A name as its parts' keys in a fixed order: spelling, script and word order set aside. */
const nameKey = (tokens: ListedEntity['names'][number]['tokens']) =>
  tokens
    .filter((token) => !token.particle)
    .map((token) => token.key)
    .sort()
    .join(' ');

const documentNumber = (number: string) => number.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

const nameKeys = new WeakMap<ListedEntity, Set<string>>();
/** An entity's names as keys (two parts or more: a single word says too little), computed once. */
function namesOf(entity: ListedEntity): Set<string> {
  let keys = nameKeys.get(entity);
  if (!keys) {
    keys = new Set(entity.names.map((name) => nameKey(name.tokens)).filter((key) => key.includes(' ')));
    nameKeys.set(entity, keys);
  }
  return keys;
}

/** Why two entries are taken for the same person or body, or undefined when they are not. */
export type SubjectLink = 'cross-reference' | 'document' | 'name-and-birth';

/**
 * Two entries describe the same person or body when one record names the other's reference as itself
 * (an EU or UK record citing its UN listing), when they share an identity-document number, or when they
 * share a name of two parts or more and a birth year within one (organisations: the name alone).
 */
export function subjectLink(a: ListedEntity, b: ListedEntity): SubjectLink | undefined {
  if (a.sameAs?.includes(b.ref) || b.sameAs?.includes(a.ref)) return 'cross-reference';
  if (a.kind !== b.kind) return undefined;
  const numbers = new Set(a.documents.map((document) => documentNumber(document.number)).filter((number) => number.length >= 5));
  if (b.documents.some((document) => numbers.has(documentNumber(document.number)))) return 'document';
  // Lists disagree on a birth year by one as often as not (1954 on one, 1955 on the other).
  const years = a.birthDates.map((date) => Number(date.slice(0, 4)));
  const bornAlike = a.kind !== 'person' || b.birthDates.some((date) => years.some((year) => Math.abs(year - Number(date.slice(0, 4))) <= 1));
  if (!bornAlike) return undefined;
  const names = namesOf(a);
  for (const key of namesOf(b)) if (names.has(key)) return 'name-and-birth';
  return undefined;
}

export function sameSubject(a: ListedEntity, b: ListedEntity): boolean {
  return a === b || subjectLink(a, b) !== undefined;
}

/** For each entity, the number of its subject: entities that are the same subject share one (first seen first). */
export function groupSubjects(entities: ListedEntity[]): number[] {
  const subjects: number[] = [];
  entities.forEach((entity, index) => {
    const earlier = entities.findIndex((other, otherIndex) => otherIndex < index && sameSubject(other, entity));
    subjects.push(earlier >= 0 ? (subjects[earlier] as number) : index);
  });
  return subjects;
}
