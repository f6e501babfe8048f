import { countries as countryFacts } from 'countries-list';
import countries from 'i18n-iso-countries';
import countriesEnglish from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { readCsv } from '../../db/seed/data-files.ts';
import { THEATERS } from '../../db/seed/theaters.ts';
import { nameTranslations } from '../../db/seed/translations.ts';
import { branchVariants, type Gazetteer, groupVariants, KNOWN_CITIES, splitList, THEATER_COUNTRIES, THEATER_VARIANTS, THEATER_VARIANTS_FR } from './gazetteer.ts';

/**
 * Builds the gazetteer of the reference data the registry is seeded with: the partners' CSV with every
 * state's names, the capitals of countries-list, the meetings' cities, theaters, branches and groups.
 * The command line's build runs this once and puts its answer in place of this file (scripts/build-cli.mjs),
 * so the command reads no CSV file and loads neither CSV parser nor country list when it starts.
 */
export function buildReferenceGazetteer(): Gazetteer {
  // The states' English names: registered here too, for this file is also run on its own (at build time).
  countries.registerLocale(countriesEnglish);
  const partners = readCsv('partners.csv').map((row) => {
    const name = row.name ?? '';
    const variants = [name, ...(row.iso3 ? [countries.getName(row.iso3, 'en', { select: 'official' }) ?? '', ...(countries.getName(row.iso3, 'en', { select: 'all' }) ?? [])] : [])];
    const bracketed = /^(.*?) \((.*?)\)$/.exec(name);
    if (bracketed) variants.push(bracketed[1] as string, bracketed[2] as string);
    return { canonical: name, iso3: row.iso3 || undefined, variants: [...new Set(variants.filter((variant) => variant.length > 2))] };
  });
  const cities = new Map<string, string>(Object.entries(KNOWN_CITIES));
  // Every state's capital (countries-list): most meetings are held in one. Named as the registry names the state.
  const registryName = new Map(partners.filter((partner) => partner.iso3).map((partner) => [partner.iso3 as string, partner.canonical]));
  const capitals: string[] = [];
  for (const [iso2, facts] of Object.entries(countryFacts)) {
    const iso3 = countries.alpha2ToAlpha3(iso2);
    for (const capital of facts.capital.split(',').map((name) => name.trim())) {
      if (capital && !cities.has(capital)) cities.set(capital, (iso3 && registryName.get(iso3)) || facts.name);
      if (capital) capitals.push(capital);
    }
  }
  for (const row of readCsv('meetings.csv')) if (row.city && row.country && !cities.has(row.city)) cities.set(row.city.replace(/, D\.C\.$/, ''), row.country);
  // French names too: a French readout still names its theaters (Irak, Syrie, Sahel).
  // A region is reported as the text names it when that is an English name ("Lake Chad Basin", "East Africa"), and by the registry's English name otherwise ("Irak" → "Iraq").
  const theaterNames = THEATERS.filter((theater) => theater.nameEn !== 'Global').flatMap((theater) => [
    { canonical: theater.nameEn, variants: [theater.nameEn, theater.nameFr], arabic: theater.nameAr },
    ...(THEATER_VARIANTS[theater.nameEn] ?? []).map((variant) => ({ canonical: variant, variants: [variant] })),
  ]);
  const theaters = [...theaterNames, ...THEATER_COUNTRIES.map((name) => ({ canonical: name, variants: name === 'Türkiye' ? [name, 'Turkey'] : name === 'Democratic Republic of the Congo' ? [name, 'DRC', 'DR Congo'] : [name] }))].map((theater) => ({
    ...theater,
    variants: [...theater.variants, ...(THEATER_VARIANTS_FR[theater.canonical] ?? [])],
  }));
  const translated = nameTranslations('branch');
  const branches = readCsv('branches.csv')
    .filter((row) => row.short_name !== 'ISIS core')
    .map((row) => {
      const name = row.name ?? '';
      const { fr, ar } = translated(name);
      return { canonical: row.short_name ?? '', variants: branchVariants({ name, shortName: row.short_name ?? '', nameFr: fr, nameAr: ar, aliases: splitList(row.also_known_as) }) };
    });
  const groups = readCsv('groups.csv').map((row) => ({ canonical: (row.name ?? '').replace(/ \(.*?\)$/, ''), kind: row.kind ?? 'other', variants: groupVariants(row.name ?? '') }));
  return { theaters, branches, groups, partners, cities, capitals };
}

