import { type NameToken, tokenize } from './normalize.ts';

export type EntityKind = 'person' | 'organisation' | 'vessel' | 'aircraft';

export interface ListedName {
  full: string;
  tokens: NameToken[];
  /** Primary name, a good alias, or a weak one (UN "Low", OFAC weak a.k.a.): weak ones count for less. */
  quality: 'primary' | 'good' | 'low';
  /** Written in the original (non-Latin) script. */
  originalScript: boolean;
}

/** One listed person, organisation, vessel or aircraft, whatever list it comes from. */
export interface ListedEntity {
  /** The list's own reference: UN:QDi.123, OFAC-SDN:1234, OFAC-CONS:5678, EU:EU.27.28, UK:6908555. */
  ref: string;
  list: 'UN' | 'OFAC-SDN' | 'OFAC-CONS' | 'EU' | 'UK';
  kind: EntityKind;
  names: ListedName[];
  /** Years or full dates of birth, as given (YYYY or YYYY-MM-DD). */
  birthDates: string[];
  nationalities: string[];
  programmes: string[];
  listedOn: string | null;
  /** For entries read from the database: what a decision on a hit is remembered against. */
  fingerprint?: string;
}

export function listedName(full: string, quality: ListedName['quality']): ListedName {
  return { full, tokens: tokenize(full), quality, originalScript: /[^\p{Script=Latin}\p{Script=Common}\p{M}]/u.test(full) };
}
