import type { Db } from '../../db/client.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { remembered } from '../../platform/remembered.ts';
import { countryName, isKnownAlpha3 } from '../partners/countries.ts';
import { listPartners } from '../partners/partners.service.ts';

/** User-assigned codes the ISO tables do not name, as institutions use them. */
const USER_ASSIGNED: Record<string, Record<Locale, string>> = {
  XKX: { en: 'Kosovo', fr: 'Kosovo', ar: 'كوسوفو' },
};

export function isKnownState(iso3: string): boolean {
  return isKnownAlpha3(iso3) && (!/^X/.test(iso3) || iso3 in USER_ASSIGNED);
}

/** States' names by language and code, looked up once: a page names the same few states in every table. The names are fixed data. */
const MAX_NAMES = 2_000;
const stateNames = new Map<string, string>();

/** The state's name in the reader's language; a mechanism (UNITAD) is its own name. */
export function jurisdictionName(record: { stateIso3: string | null; mechanism: string | null }, locale: Locale): string {
  if (record.mechanism) return record.mechanism;
  const iso3 = record.stateIso3 ?? '';
  return remembered(stateNames, MAX_NAMES, `${locale}|${iso3}`, () => USER_ASSIGNED[iso3]?.[locale] ?? countryName(iso3, locale) ?? iso3);
}

/** The Coalition partner that is this state, if it is one: its delegates report its figures. */
export async function partnerIdOfState(db: Db, iso3: string): Promise<string | null> {
  const name = USER_ASSIGNED[iso3]?.en;
  const { rows } = await listPartners(db, null, { q: name ?? iso3, pageSize: 20 });
  const partner = rows.find((row) => (name ? row.nameEn === name : row.iso3 === iso3));
  return partner?.id ?? null;
}
