import countries from 'i18n-iso-countries';
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { listTheaters, meetingPlacesKnownToAll, meetingPlacesStamp } from '../meetings/meetings.service.ts';
import { namesKnownToAll, partnerNamesStamp } from '../partners/partners.service.ts';
import { listBranches } from '../threats/threats.service.ts';
import { type BranchNames, branchVariants, type Gazetteer, type GazetteerEntry, groupVariants, referenceGazetteer } from './gazetteer.ts';

/**
 * The registry's names, as the modules that keep them give them: partners and groups (three languages;
 * only records every partner may read, so a restricted record's name never surfaces in anyone's
 * extraction), branches and their aliases, theaters, and the cities of meetings. Names only.
 */
export interface RegistryNames {
  partners: { nameEn: string; nameFr: string; nameAr: string; iso3: string | null }[];
  groups: { name: string; nameFr: string | null; nameAr: string | null; kind: string }[];
  branches: BranchNames[];
  theaters: { nameEn: string; nameFr: string; nameAr: string }[];
  meetingPlaces: { city: string; countryIso3: string | null }[];
}

/**
 * The gazetteer of the live registry: what the platform holds now (a partner added this morning, a
 * group's French name, a branch's new alias, a meeting's city), over the reference one (every state's
 * names and capitals, regions as readouts write them). Kept until the registry's stamp changes: each
 * module's own stamp of its names, and a digest of the branches (a short list, read whole).
 */
let cached: { stamp: string; gazetteer: Gazetteer } | undefined;

export async function liveGazetteer(db: Db, actor: MaybeActor): Promise<{ stamp: string; gazetteer: Gazetteer }> {
  const branches = (await listBranches(db, actor)).map((branch) => ({ name: branch.name, shortName: branch.shortName, nameFr: branch.nameFr, nameAr: branch.nameAr, aliases: branch.aliases }));
  const branchesDigest = createHash('sha256').update(JSON.stringify(branches)).digest('hex');
  const stamp = [await partnerNamesStamp(db, actor), await meetingPlacesStamp(db, actor), branchesDigest].join('|');
  if (cached?.stamp !== stamp) {
    const { partners, groups } = await namesKnownToAll(db, actor);
    const theaters = (await listTheaters(db)).map((theater) => ({ nameEn: theater.nameEn, nameFr: theater.nameFr, nameAr: theater.nameAr }));
    cached = { stamp, gazetteer: gazetteerOf({ partners, groups, branches, theaters, meetingPlaces: await meetingPlacesKnownToAll(db, actor) }) };
  }
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
    names.branches.filter((branch) => branch.shortName !== 'ISIS core').map((branch) => ({ canonical: branch.shortName, variants: branchVariants(branch) })),
  );
  const theaters = withNew(reference.theaters, names.theaters.filter((theater) => theater.nameEn !== 'Global').map((theater) => ({ canonical: theater.nameEn, variants: named([theater.nameEn, theater.nameFr]), arabic: theater.nameAr })));
  const cities = new Map(reference.cities);
  const partnerByIso3 = new Map(names.partners.filter((partner) => partner.iso3).map((partner) => [partner.iso3 as string, partner.nameEn]));
  for (const place of names.meetingPlaces) {
    const country = place.countryIso3 ? (partnerByIso3.get(place.countryIso3) ?? countries.getName(place.countryIso3, 'en') ?? null) : null;
    if (country && !cities.has(place.city)) cities.set(place.city, country);
  }
  return { partners, groups, branches, theaters, cities, capitals: reference.capitals };
}
