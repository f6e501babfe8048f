import countries from 'i18n-iso-countries';
import type { Db } from '../../db/client.ts';
import { type Gazetteer, type GazetteerEntry, groupVariants, prefixVariants, referenceGazetteer } from './gazetteer.ts';
import { type RegistryNames, registryNames, registryStamp } from './gazetteer.repo.ts';

/**
 * The gazetteer of the live registry: what the platform holds now (a partner added this morning, a
 * group's French name, a branch's new alias, a meeting's city), over the reference one (every state's
 * names and capitals, regions as readouts write them). Kept until the registry's stamp changes.
 */
let cached: { stamp: string; gazetteer: Gazetteer } | undefined;

export async function liveGazetteer(db: Db): Promise<{ stamp: string; gazetteer: Gazetteer }> {
  const stamp = await registryStamp(db);
  if (cached?.stamp !== stamp) cached = { stamp, gazetteer: gazetteerOf(await registryNames(db)) };
  return cached;
}

const withNew = <T extends GazetteerEntry>(entries: T[], added: T[]): T[] => {
  const byCanonical = new Map(entries.map((entry) => [entry.canonical.toLowerCase(), entry]));
  for (const entry of added) {
    const known = byCanonical.get(entry.canonical.toLowerCase());
    if (known) byCanonical.set(entry.canonical.toLowerCase(), { ...known, variants: [...new Set([...known.variants, ...entry.variants])] });
    else byCanonical.set(entry.canonical.toLowerCase(), entry);
  }
  return [...byCanonical.values()];
};
const named = (values: (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => !!value && value.length > 2))];

/** The reference gazetteer with the registry's names merged in, each under the registry's English name. */
export function gazetteerOf(names: RegistryNames): Gazetteer {
  const reference = referenceGazetteer();
  const partners = withNew(
    reference.partners,
    names.partners.map((partner) => ({ canonical: partner.nameEn, iso3: partner.iso3 ?? undefined, variants: named([partner.nameEn, partner.nameFr, partner.nameAr]) })),
  );
  const groups = withNew(
    reference.groups,
    names.groups.map((group) => ({ canonical: group.name.replace(/ \(.*?\)$/, ''), kind: group.kind, variants: named([...groupVariants(group.name), group.nameFr, group.nameAr]) })),
  );
  const branches = withNew(
    reference.branches,
    names.branches.filter((branch) => branch.shortName !== 'ISIS core').map((branch) => {
      const all = [branch.shortName, branch.name, ...branch.aliases];
      return { canonical: branch.shortName, variants: named([...all, ...all.flatMap(prefixVariants)]) };
    }),
  );
  const theaters = withNew(reference.theaters, names.theaters.filter((theater) => theater.nameEn !== 'Global').map((theater) => ({ canonical: theater.nameEn, variants: named([theater.nameEn, theater.nameFr]), arabic: theater.nameAr })));
  const cities = new Map(reference.cities);
  const partnerByIso3 = new Map(names.partners.filter((partner) => partner.iso3).map((partner) => [partner.iso3 as string, partner.nameEn]));
  for (const place of names.meetingPlaces) {
    const country = place.countryIso3 ? (partnerByIso3.get(place.countryIso3) ?? countries.getName(place.countryIso3, 'en') ?? null) : null;
    if (country && !cities.has(place.city)) cities.set(place.city, country);
  }
  return { partners, groups, branches, theaters, cities };
}
