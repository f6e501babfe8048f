import { THEATERS } from '../../db/seed/theaters.ts';
import { buildReferenceGazetteer } from './reference-gazetteer.ts';

/** One name the extractor looks for, and what it stands for. */
export interface GazetteerEntry {
  /** The registry's name for it (what the extraction reports). */
  canonical: string;
  /** Every way of writing it the extractor recognises. */
  variants: string[];
  /** A state's ISO 3166-1 alpha-3 code, through which its demonyms are found. */
  iso3?: string;
  /** Its Arabic name, found with the letters Arabic joins to a word ("للعراق": for Iraq). */
  arabic?: string;
}

export interface Gazetteer {
  theaters: GazetteerEntry[];
  branches: GazetteerEntry[];
  groups: (GazetteerEntry & { kind: string })[];
  partners: GazetteerEntry[];
  /** City → country, for meeting places, incident places and references. */
  cities: Map<string, string>;
  /** The states' capitals: a meeting held in one is a diplomatic meeting, whose host is not a place of the fight. */
  capitals?: string[];
}

/**
 * Places where the coalition meets or the affiliates strike, beyond the meeting cities of the reference
 * data: the capitals and cities readouts name most. City → country as the partner registry writes it.
 */
export const KNOWN_CITIES: Record<string, string> = {
  Kabul: 'Afghanistan', Jalalabad: 'Afghanistan', Baghdad: 'Iraq', Mosul: 'Iraq', Erbil: 'Iraq', Kirkuk: 'Iraq', Damascus: 'Syria', Raqqa: 'Syria', 'Deir ez-Zor': 'Syria', Hasakah: 'Syria',
  Maiduguri: 'Nigeria', Abuja: 'Nigeria', Bamako: 'Mali', Ouagadougou: 'Burkina Faso', Mogadishu: 'Somalia', Kampala: 'Uganda', Beni: 'Democratic Republic of the Congo', Palma: 'Mozambique', Maputo: 'Mozambique',
  Kerman: 'Iran', Moscow: 'Russia', Istanbul: 'Türkiye', Cairo: 'Egypt', Tripoli: 'Libya', Tunis: 'Tunisia', Rabat: 'Morocco', Nairobi: 'Kenya', Dakar: 'Senegal', Accra: 'Ghana', Nouakchott: 'Mauritania',
  Berlin: 'Germany', Copenhagen: 'Denmark', Oslo: 'Norway', Stockholm: 'Sweden', 'The Hague': 'Netherlands', Ottawa: 'Canada', Canberra: 'Australia', Tokyo: 'Japan', Doha: 'Qatar', Muscat: 'Oman', Vienna: 'Austria', Geneva: 'Switzerland', Lisbon: 'Portugal', Warsaw: 'Poland', Athens: 'Greece', Bratislava: 'Slovakia',
};

/** Theater names as readouts write them, beyond the registry's own ("the Sahel", "Lake Chad Basin"). */
export const THEATER_VARIANTS: Record<string, string[]> = {
  'West Africa and the Lake Chad Basin': ['West Africa', 'Lake Chad Basin', 'Lake Chad region', 'Coastal West Africa'],
  'East Africa and Somalia': ['East Africa', 'Somalia'],
  Global: [],
};

/**
 * The regions readouts name, as French writes them ("bassin du lac Tchad", "Afrique de l’Est"), and the coast of West
 * Africa in its several word orders: other writings of the regions above, reported under the English name.
 */
export const THEATER_VARIANTS_FR: Record<string, string[]> = {
  'West Africa': ["Afrique de l'Ouest", 'Afrique de l’Ouest', 'Afrique occidentale'],
  'Lake Chad Basin': ['bassin du lac Tchad', 'Bassin du lac Tchad', 'bassin du Lac Tchad'],
  // English writings too: the coast's states are named in several word orders.
  'Coastal West Africa': ['coastal West Africa', 'Coastal West African', 'coastal West African', 'coastal states of West Africa', "Afrique de l'Ouest côtière", 'Afrique de l’Ouest côtière', "pays côtiers d'Afrique de l'Ouest", 'pays côtiers d’Afrique de l’Ouest'],
  'East Africa': ["Afrique de l'Est", 'Afrique de l’Est', 'Afrique orientale'],
  'Central Asia': ['Asie centrale'],
  'South Asia': ['Asie du Sud'],
  'Southeast Asia': ['Asie du Sud-Est'],
  'North Africa': ['Afrique du Nord'],
  'Southern Africa': ['Afrique australe'],
  'Middle East': ['Moyen-Orient', 'Proche-Orient'],
};

/** Countries in the branches' regions, reported as theaters when a readout discusses them (not Jordan: a partner that hosts and trains, not a place of the fight). */
export const THEATER_COUNTRIES = ['Pakistan', 'Mali', 'Niger', 'Burkina Faso', 'Nigeria', 'Chad', 'Cameroon', 'Democratic Republic of the Congo', 'Uganda', 'Libya', 'Yemen', 'Egypt', 'Philippines', 'Tunisia', 'Bangladesh', 'India', 'Lebanon', 'Türkiye', 'Central Asia', 'South Asia', 'Southeast Asia', 'Asia', 'North Africa', 'Southern Africa', 'Middle East', 'Benin', 'Togo', 'Ghana', 'Iran'];

export const splitList = (value: string | undefined) => (value ?? '').split(';').map((part) => part.trim()).filter(Boolean);

/** Generic words a working group's name carries that do not tell it from another. */
const GROUP_FILLER = /\b(working|group|focus|coalition|the|\(.*?\))\b/gi;

/** "Counter ISIS Finance Group (CIFG)" → the words that name it: "counter isis finance", and its acronym. */
export function groupVariants(name: string): string[] {
  const acronym = /\(([A-Z]{3,6})\)/.exec(name)?.[1];
  const inBrackets = /\(([^)]*?)\)/.exec(name)?.[1];
  const core = name.replace(/\(.*?\)/g, '').replace(GROUP_FILLER, ' ').replace(/\s+/g, ' ').trim();
  const variants = [core];
  if (acronym) variants.push(acronym);
  if (inBrackets && !acronym) variants.push(inBrackets.replace(GROUP_FILLER, ' ').replace(/\s+/g, ' ').trim());
  if (/finance/i.test(core)) variants.push('Countering ISIS Finance', 'Counter-ISIS Finance', 'Countering-ISIS Finance', 'Counter ISIL Finance', 'Counter-ISIL Finance');
  if (/stabili[sz]ation/i.test(core)) variants.push('Stabilization', 'Stabilisation');
  if (/foreign terrorist fighters/i.test(core)) variants.push('FTF');
  return [...new Set(variants.filter(Boolean))];
}

/**
 * An affiliate's name as each of the group's names writes it: "ISIS-Khorasan" is also "ISIL-Khorasan",
 * "IS-Khorasan", "Daesh-Khorasan" and "Daesh Khorasan"; "ISKP" is also "IS-KP" and "ISIS-KP"; "Islamic State's
 * Khorasan Province" is also "Islamic State Khorasan Province".
 */
export function prefixVariants(name: string): string[] {
  const prefixed = /^(?:ISIS|ISIL|IS|Daesh)[-\s](.+)$/.exec(name);
  const joined = /^IS([A-Z]{2,4})$/.exec(name);
  const rest = prefixed?.[1] ?? joined?.[1];
  const variants = rest ? ['ISIS', 'ISIL', 'IS', 'Daesh'].flatMap((prefix) => [`${prefix}-${rest}`, ...(rest.length > 3 ? [`${prefix} ${rest}`] : [])]) : [];
  if (/^Islamic State['’]s /.test(name)) variants.push(name.replace(/['’]s /, ' '), name.replace(/['’]s /, ' - '));
  // "ISIS-Khorasan" also names the Khorasan affiliate where the registry wrote "IS-Khorasan"; a bare "IS-K" is too short to be safe.
  return variants.filter((variant) => !/^IS-[A-Z]$/.test(variant));
}

/** A branch as the registry keeps it: its names in three languages and the aliases users have added. */
export interface BranchNames {
  name: string;
  shortName: string;
  nameFr?: string | null;
  nameAr?: string | null;
  aliases: string[];
}

/**
 * The pieces of a translated branch name that readouts write on their own: "État islamique au Sahel" and
 * "État islamique du Grand Sahara" from "État islamique au Sahel (anciennement État islamique du Grand Sahara)",
 * "ولاية خراسان" from "تنظيم داعش - ولاية خراسان" (the province after the organisation's name).
 */
function translatedPieces(name: string | null | undefined): string[] {
  if (!name) return [];
  const bracketed = /\((?:anciennement\s+|formerly\s+)?([^)]*?)(?:\s+سابقا)?\)/u.exec(name)?.[1];
  const plain = name.replace(/\s*\(.*?\)/g, '').trim();
  const province = /\s[-–]\s(ولاية\s.+|Province\s.+)$/u.exec(plain)?.[1];
  return [name, plain, ...(bracketed ? [bracketed] : []), ...(province ? [province] : [])];
}

/**
 * Every way the extractor recognises a branch: its short names, its name with and without brackets, its French
 * and Arabic names and their parts, the aliases, each under every prefix of the group ("ISIS-", "IS ", "Daesh-"),
 * French names also without the capital's accent ("Etat islamique"), as pages typed without accents write them.
 */
export function branchVariants(branch: BranchNames): string[] {
  // "Islamic State - Sahel Province (formerly …)" is also written "Islamic State Sahel Province".
  const plainName = branch.name.replace(/\s*\(.*?\)/g, '').replace(/\s+-\s+/g, ' ').trim();
  const named = [...branch.shortName.split('/').map((part) => part.trim()), ...branch.aliases, branch.name, plainName, ...translatedPieces(branch.nameFr), ...translatedPieces(branch.nameAr)];
  const unaccented = named.filter((variant) => variant.includes('État')).map((variant) => variant.replaceAll('État', 'Etat'));
  const written = [...named, ...unaccented];
  // "l’Ouest" is typed with either apostrophe; an Arabic name takes the letters joined before it ("وولاية خراسان": and the Khorasan province).
  const curly = written.filter((variant) => variant.includes("'")).map((variant) => variant.replaceAll("'", '’'));
  const joined = written.filter((variant) => /^\p{Script=Arabic}/u.test(variant)).flatMap((variant) => ['و', 'ب', 'ل', 'ف'].map((letter) => letter + variant));
  return [...new Set([...written, ...curly, ...joined, ...named.flatMap(prefixVariants)].filter((variant) => variant.length > 2))];
}

let cached: Gazetteer | undefined;

/**
 * The registry's names as gazetteers, from the reference data the registry is seeded with (partners,
 * groups, branches, theaters, meeting places), so the extractor runs the same offline and in the server.
 * Built once a process; the command line's build has it built already (scripts/build-cli.mjs).
 */
export function referenceGazetteer(): Gazetteer {
  cached ??= buildReferenceGazetteer();
  return cached;
}

/** The registry theater a reported region belongs to ("Lake Chad Basin" → west-africa), for the meeting's agenda. */
export function theaterSlugOf(name: string): string | null {
  const theater = THEATERS.find((each) => each.nameEn === name || each.nameFr === name || (THEATER_VARIANTS[each.nameEn] ?? []).includes(name));
  return theater?.slug ?? null;
}

const derived = new WeakMap<Gazetteer, Map<string, unknown>>();

/** Something built from a gazetteer once (a pattern over all its names, a lookup table) and kept with it. */
export function fromGazetteer<T>(gazetteer: Gazetteer, key: string, build: () => T): T {
  let cache = derived.get(gazetteer);
  if (!cache) {
    cache = new Map();
    derived.set(gazetteer, cache);
  }
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key) as T;
}

/** The gazetteer's spelling of a city however it is cased ("ROME" → "Rome"), from a table built once. */
export function cityNamed(gazetteer: Gazetteer, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const byLowerCase = fromGazetteer(gazetteer, 'cities-by-lower-case', () => new Map([...gazetteer.cities.keys()].map((city) => [city.toLowerCase(), city])));
  return byLowerCase.get(name.toLowerCase());
}
