import countries from 'i18n-iso-countries';
import type { Db } from '../client.ts';
import { branches } from '../schema/threats.ts';
import { readCsv } from './data-files.ts';
import { nameTranslations } from './translations.ts';

/** Names in branches.csv that are not ISO short names, or are regions made of known countries. */
const REGION_COUNTRIES: Record<string, string[]> = {
  Syria: ['SYR'],
  'Lake Chad Basin': ['NGA', 'NER', 'TCD', 'CMR'],
};

/** Country names in a region as branches.csv words it: "Sahel (Mali; Niger; Burkina Faso)" → MLI, NER, BFA. */
export function countriesNamedIn(region: string): string[] {
  const names = region.split(/[;()]/).map((part) => part.trim()).filter(Boolean);
  const codes = names.flatMap((name) => REGION_COUNTRIES[name] ?? [countries.getAlpha3Code(name, 'en')].filter((code): code is string => Boolean(code)));
  return [...new Set(codes)];
}

export function slugOf(shortName: string): string {
  return shortName.toLowerCase().split('/')[0]?.trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') ?? '';
}

/** The branches and affiliates of branches.csv, with their aliases and sources (public reference data). */
export async function loadBranches(db: Db): Promise<number> {
  const names = nameTranslations('branch');
  const regions = nameTranslations('region');
  const rows = readCsv('branches.csv').map((row) => ({
    slug: slugOf(row.short_name ?? ''),
    name: row.name ?? '',
    nameFr: names(row.name ?? '').fr,
    nameAr: names(row.name ?? '').ar,
    shortName: row.short_name ?? '',
    aliases: (row.also_known_as ?? '').split(';').map((alias) => alias.trim()).filter(Boolean),
    region: row.region ?? '',
    regionFr: regions(row.region ?? '').fr,
    regionAr: regions(row.region ?? '').ar,
    countryIso3s: countriesNamedIn(row.region ?? ''),
    source: row.source ?? '',
    confidence: row.confidence || null,
  }));
  await db.insert(branches).values(rows).onConflictDoNothing();
  return rows.length;
}
