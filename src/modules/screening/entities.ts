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

/** A passport, national identity card or registration number as the list gives it. */
export interface IdentityDocument {
  type: string;
  number: string;
  country?: string;
  note?: string;
}

/** What a reviewer reads beside the names: none of it is used for matching except births and nationalities. */
export interface ListedDetails {
  /** Years or full dates of birth, as given (YYYY or YYYY-MM-DD). */
  birthDates: string[];
  /** Places of birth as one line each ("Samarra, Iraq"). */
  birthPlaces: string[];
  nationalities: string[];
  documents: IdentityDocument[];
  /** Addresses as one line each ("Ibex House, The Minories, London EC3N 1DY, United Kingdom"). */
  addresses: string[];
  programmes: string[];
  listedOn: string | null;
}

/** One listed person, organisation, vessel or aircraft, whatever list it comes from. */
export interface ListedEntity extends ListedDetails {
  /** The list's own reference: UN:QDi.123, OFAC-SDN:1234, OFAC-CONS:5678, EU:EU.27.28, UK:6908555. */
  ref: string;
  list: 'UN' | 'OFAC-SDN' | 'OFAC-CONS' | 'EU' | 'UK';
  kind: EntityKind;
  names: ListedName[];
  /** The record as the list file has it (XML element as an object, CSV rows by column), kept for the reviewer. */
  raw?: unknown;
  /** References on other lists that this record itself names as the same listing (the UN reference of an EU or UK record). */
  sameAs?: string[];
  /** For entries read from the database: what a decision on a hit is remembered against. */
  fingerprint?: string;
}

export function listedName(full: string, quality: ListedName['quality']): ListedName {
  return { full, tokens: tokenize(full), quality, originalScript: /[^\p{Script=Latin}\p{Script=Common}\p{M}]/u.test(full) };
}

/** Parts of a place or address joined into one readable line, empty and repeated parts left out. */
export function oneLine(parts: (string | undefined)[]): string {
  const kept: string[] = [];
  for (const part of parts) {
    const value = part?.trim();
    if (value && !kept.includes(value)) kept.push(value);
  }
  return kept.join(', ');
}

/** Details with nothing known yet, for readers that fill them as they go. */
export const noDetails = (): ListedDetails => ({ birthDates: [], birthPlaces: [], nationalities: [], documents: [], addresses: [], programmes: [], listedOn: null });
