import countries from 'i18n-iso-countries';
import countriesEnglish from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import countriesFrench from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import countriesArabic from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import { type Gazetteer, type GazetteerEntry, fromGazetteer } from './gazetteer.ts';
import { wordsPattern } from './text-spans.ts';

countries.registerLocale(countriesEnglish);
countries.registerLocale(countriesFrench);
countries.registerLocale(countriesArabic);

/** The names of a list of entries as one pattern and a lookup, built once per list. */
const matchers = new WeakMap<GazetteerEntry[], Map<boolean, { byVariant: Map<string, string>; pattern: RegExp }>>();
function matcherOf(entries: GazetteerEntry[], caseSensitive: boolean) {
  let byCase = matchers.get(entries);
  if (!byCase) {
    byCase = new Map();
    matchers.set(entries, byCase);
  }
  let matcher = byCase.get(caseSensitive);
  if (!matcher) {
    const byVariant = new Map(entries.flatMap((entry) => entry.variants.map((variant) => [caseSensitive ? variant : variant.toLowerCase(), entry.canonical] as const)));
    matcher = { byVariant, pattern: wordsPattern([...byVariant.keys()], caseSensitive ? 'g' : 'gi') };
    byCase.set(caseSensitive, matcher);
  }
  return matcher;
}

/** Each entry the text names, in order of first mention, once. */
function mentioned(text: string, entries: GazetteerEntry[], caseSensitive = true): { canonical: string; index: number; end: number }[] {
  const { byVariant, pattern } = matcherOf(entries, caseSensitive);
  const found: { canonical: string; index: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    const key = match[0].replace(/[\s-]+/g, (gap) => gap);
    const canonical = byVariant.get(caseSensitive ? key : key.toLowerCase()) ?? [...byVariant.entries()].find(([variant]) => variant.replace(/[\s-]+/g, ' ').toLowerCase() === key.replace(/[\s-]+/g, ' ').toLowerCase())?.[1];
    if (canonical) found.push({ canonical, index: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return found;
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * Countries and regions discussed. A place inside another name does not count: "West Africa" in
 * "Islamic State West Africa Province", "Africa" in "Africa Focus Group", "Middle East" in a speaker's
 * role, a country in a list of new members or co-leads (`masked`: the spans of those).
 */
export function theatersIn(text: string, gazetteer: Gazetteer, masked: { start: number; end: number }[] = [], meetingPlace: { city: string | null; country: string | null } | null = null): string[] {
  const inside = [
    ...masked,
    ...mentioned(text, gazetteer.branches).map((hit) => ({ start: hit.index, end: hit.end })),
    // Who took part is not where the fight is: "from France, Iraq, Italy, Lebanon, and Turkey", "at the invitation of the Republic of Niger", and ISIL's own name.
    ...[...text.matchAll(/\b(?:from|attended by|representatives of|delegations? of)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,3}\s*,\s*(?:and\s+)?(?:the\s+)?){2,}(?:and\s+)?(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,3}|\binvitation of\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s*(?:of\s+)?){1,5}|\bIslamic State (?:of|in) Iraq and (?:the Levant|(?:al-)?Sham|Syria)|(?<!\p{L})État islamique (?:d[’']|en |de l[’'])Ira[qk] et (?:du Levant|de (?:la )?Syrie|(?:d[’'])?al-Cham)|الدولة الإسلامية في العراق والشام|\b(?:meetings?|met|talks)\s+with\s+[^.;]{0,400}/gu)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length })),
    ...[...text.matchAll(/\b(?:[A-Z][\w-]*\s+){1,3}(?:Focus|Working)\s+Groups?\b|\b(?:co-led|co-chaired|co-hosted|chaired|hosted)\s+by\s+[^.;—]{0,300}|co-leads?[^.;—]{0,200}—[^—]{0,300}—/g)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length })),
  ];
  inside.push(...participantLists(text, gazetteer));
  // The same in Arabic: "co-chaired by Kuwait, the Netherlands and …" (شاركت في رئاستها), "chaired by", "with the participation of", "hosted":
  // a list of short items each closed by a comma, and one word after the last.
  for (const match of text.matchAll(/(?<!\p{L})(?:[وف]?(?:شارك|شاركت|اشترك|اشتركت)\s+في\s+رئاست?(?:ها|ه)|برئاسة|بمشاركة|[وف]?(?:ترأس|ترأست|استضاف|استضافت)(?:ها|ه)?)(?!\p{L})(?:\s*[^.،\s]+(?:\s+[^.،\s]+){0,2}\s*،){1,8}(?:\s*[^.،\s]+)?/gu)) inside.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  // "Sahel-based", "West Africa-focused": the place before a hyphenated qualifier is named, at the same offsets.
  const qualified = text.replace(/(?<=\p{L})-(?:based|focus(?:ed)?|oriented|centred|centered|wide|related|led|bound)(?!\p{L})/gu, (suffix) => ' '.repeat(suffix.length));
  const hits = [...mentioned(qualified, gazetteer.theaters), ...mentioned(qualified, frenchCountryNames(gazetteer))];
  // A name inside a longer one is the longer one's: "Tchad" in "bassin du lac Tchad" is the basin.
  const outermost = hits.filter((hit) => !hits.some((other) => other !== hit && other.index <= hit.index && other.end >= hit.end && other.end - other.index > hit.end - hit.index));
  const named = outermost.filter((hit) => !inside.some((span) => hit.index >= span.start && hit.end <= span.end) && !partOfAName(text, hit.index, hit.end) && !countryOfAnOfficeHolder(text, hit.index));
  // A president's "(Nigeria)" is his country, not a place discussed (countryOfAnOfficeHolder).
  const attacked = attackPlaces(text).filter((hit) => !inside.some((span) => hit.index >= span.start && hit.index < span.end) && !countryOfAnOfficeHolder(text, hit.index + 1));
  const taking = participants(text, gazetteer, named, meetingPlace);
  return unique([...named, ...pairedRegions(text), ...arabicTheaters(text, gazetteer, inside), ...attacked].sort((a, b) => a.index - b.index).map((hit) => hit.canonical)).filter((name) => !taking.has(name));
}

/** An office or envoy after a state's possessive: "Türkiye's representative", "Ghana’s Minister for National Security". */
const POSSESSIVE_OFFICE = /^['’]s\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:representatives?|delegates?|delegations?|ministers?|Minister|government|Government|ambassadors?|Ambassador|envoys?|Envoy|President|Foreign|Defen[cs]e|National|Permanent|Special)\b/u;

/**
 * States taking part rather than places discussed: the host of a meeting held in its capital, and a state whose
 * representative or minister speaks. Not a registry theater (Iraq hosting a meeting in Baghdad is still a place of
 * the fight): those are the gazetteer's theaters with an Arabic name, the registry's own.
 */
function participants(text: string, gazetteer: Gazetteer, named: { canonical: string; end: number }[], meetingPlace: { city: string | null; country: string | null } | null): Set<string> {
  const registryTheaters = new Set(gazetteer.theaters.filter((theater) => theater.arabic).map((theater) => theater.canonical));
  const taking = new Set<string>();
  if (meetingPlace?.city && meetingPlace.country && gazetteer.capitals?.includes(meetingPlace.city)) taking.add(meetingPlace.country);
  for (const hit of named) if (POSSESSIVE_OFFICE.test(text.slice(hit.end, hit.end + 60))) taking.add(hit.canonical);
  for (const name of registryTheaters) taking.delete(name);
  return taking;
}

/** Capitalised words that may stand before a place without making it part of another name. */
const BEFORE_PLACE = /^(?:In|On|At|From|And|The|For|With|By|To|Of|As|Both|Across|Throughout|Within|Into|Over|Including|Like|While|Also|Beyond|Between|Against|Inside|Outside|North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Northeastern|Northwestern|Southeast|Southwest|Southeastern|Southwestern|Greater|Upper|Lower|Coastal|Federal|Mission|Operation|Operations|Force|Forces|Coalition|Islamic|Republic|Kingdom|State|States|Sahel|Africa|Asia|Iraq|Syria|En|Au|Aux|Dans|Et|Le|La|Les|Du|De|Des|Vers|Pour|Par|Sur)$/;
/** Capitalised words that may follow a place in its own name ("Lake Chad Basin", "Anbar Province", "Syria Border"). */
const AFTER_PLACE = /^(?:Basin|Region|Province|Governorate|State|Border|Coast|Valley|Desert|Sea|River|Lake|Mission|And|The)$/;

/**
 * A place written inside a longer proper name is that name's, not a place discussed: "Pakistan" in
 * "Tehreek-e-Taliban Pakistan" or in a news agency's "Pakistan Point News", "Jordan" in "Jordan Daily".
 * A compass word, an article or a preposition before the place does not count ("Northern Iraq", "In Syria").
 */
function partOfAName(text: string, start: number, end: number): boolean {
  // A headline in title case capitalises every word ("Partners Discuss Syria Stabilization Efforts"): no word there tells a name.
  // Read within 300 characters either side, so a long line with many places costs the same per place.
  const before = text.slice(Math.max(0, start - 300), start);
  const after = text.slice(end, end + 300);
  const line = before.slice(before.lastIndexOf('\n') + 1) + text.slice(start, end) + after.slice(0, after.includes('\n') ? after.indexOf('\n') : after.length);
  const words = line.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  if (words.length >= 3 && words.filter((word) => /^\p{Lu}/u.test(word)).length >= words.length * 0.7) return false;
  const next = /^ (\p{Lu}[\p{L}'’-]*)/u.exec(after.slice(0, 40))?.[1];
  if (next && !AFTER_PLACE.test(next) && !/^(?:[A-Z]{2,}|\p{Lu}\p{Ll}*(?:’s|'s))$/u.test(next)) return true;
  const previous = /(?:^|[^\p{L}'’-])(\p{Lu}[\p{L}'’-]*) $/u.exec(before.slice(-40))?.[1];
  if (!previous || BEFORE_PLACE.test(previous)) return false;
  // The first word of a sentence or line stands before anything: "Syria" after "Nigeria. " is another sentence.
  const gap = text.slice(Math.max(0, start - 42), start - previous.length - 1);
  return !/(?:[.!?:;\n]\s*|^\s*)$/.test(gap);
}

/** "… Président du Conseil de sécurité, M. Jean Dupont (Chine)", "President Tinubu (Nigeria)": an office holder's country in brackets. */
function countryOfAnOfficeHolder(text: string, start: number): boolean {
  if (text[start - 1] !== '(') return false;
  return /\b(?:President|Président|Minister|Ministre|Secretary|Secrétaire|Ambassador|Ambassadeur|Envoy|Envoyé|Representative|Représentant|Chair|Governor|Gouverneur)\b/u.test(text.slice(Math.max(0, start - 120), start));
}

/**
 * Who was invited or took part, listed: "three invited countries (Chile, Peru, Ghana)", "observers: …",
 * and any list of six or more capitalised names in a row (a roll of participants, not places discussed).
 */
function participantLists(text: string, gazetteer: Gazetteer): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const item = "\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:of\\s+|d[’']|de\\s+|the\\s+)?\\p{Lu}[\\p{L}'’-]*){0,3}";
  const invited = new RegExp(`\\b(?:invit\\w*|observ\\w*|participants?|participating|particip\\w*|membres?|members?|délégations?|delegations?)\\b[^.;()]{0,40}?[(:]\\s*(?:(?:the\\s+|le\\s+|la\\s+|les\\s+|l[’'])?${item}\\s*(?:,|\\bet\\b|\\band\\b)\\s*)+(?:the\\s+|le\\s+|la\\s+|les\\s+|l[’'])?${item}`, 'gu');
  for (const match of text.matchAll(invited)) spans.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  const roll = new RegExp(`(?:(?:and\\s+|et\\s+)?(?:the\\s+)?${item}\\s*,\\s*){5,}(?:and\\s+|et\\s+)?(?:the\\s+)?${item}`, 'gu');
  for (const match of text.matchAll(roll)) {
    // "in Iraq, Syria, Afghanistan, Somalia, Mozambique and the Sahel" is a list of places discussed: a roll is of participants only when most of its names are not theaters.
    const items = match[0].split(/\s*,\s*|\s+(?:and|et)\s+/).filter(Boolean).length;
    if (mentioned(match[0], gazetteer.theaters).length * 2 >= items) continue;
    spans.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return spans;
}

/** Words of an attack, in English and French: the country where one took place is a theater, registry theater or not. */
const ATTACK = /\b(?:attacks?|attacked|bombings?|suicide|explosions?|assault|massacre|attentats?|explosion)\b/i;

/** "the attack … in the Asir region of Saudi Arabia", "l’attentat commis à X (Libye)": a country (by its English or French ISO name) after "in", "of", "à", "en" or a bracket, in a sentence about an attack; reported in English. */
function attackPlaces(text: string): { canonical: string; index: number }[] {
  const found: { canonical: string; index: number }[] = [];
  // Sentences with their offsets in one pass (no search for each one, so a text of many sentences stays linear).
  for (const piece of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const sentence = piece[0];
    if (!ATTACK.test(sentence)) continue;
    const offset = piece.index ?? 0;
    // "of" only after a part of a country ("the Asir region of Saudi Arabia"): "the Foreign Minister of Germany" is not where an attack was.
    for (const match of sentence.matchAll(/(?:(?<![\p{L}])(?:in|à|en|au)\s+|(?:region|province|governorate|state|north|south|east|west|capital|city|town|village|part|border)\s+of\s+|\()((?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/gu)) {
      const words = (match[1] as string).split(/\s+/);
      // The longest run of words that names a country: "Saudi Arabia", not "Saudi Arabia On".
      for (let length = words.length; length > 0; length--) {
        const name = words.slice(0, length).join(' ');
        const code = countries.getAlpha3Code(name, 'en') ?? countries.getAlpha3Code(name, 'fr');
        if (!code) continue;
        found.push({ canonical: countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en') ?? name, index: offset + (match.index ?? 0) });
        break;
      }
    }
  }
  return found;
}

/** "South and Central Asia", "Central and Southern Africa": two regions under one noun. */
function pairedRegions(text: string): { canonical: string; index: number }[] {
  const found: { canonical: string; index: number }[] = [];
  for (const match of text.matchAll(/\b(North|South|East|West|Central|Southern|Northern|Eastern|Western)\s+and\s+(?:North|South|East|West|Central|Southern|Northern|Eastern|Western)\s+(Africa|Asia)\b/g)) found.push({ canonical: `${match[1]} ${match[2]}`, index: match.index ?? 0 });
  return found;
}

/** A theater country's name in another language, by its ISO code (i18n-iso-countries), when it differs from those the gazetteer holds. */
function countryNameIn(theater: GazetteerEntry, language: 'fr' | 'ar'): string | undefined {
  const code = countries.getAlpha3Code(theater.canonical, 'en');
  const name = code ? countries.getName(code, language) : undefined;
  return name && !theater.variants.includes(name) ? name : undefined;
}

/** The theater countries under their French names ("Libye", "Tchad", "Cameroun"): the gazetteer's French names cover the registry's regions only. */
function frenchCountryNames(gazetteer: Gazetteer): GazetteerEntry[] {
  return fromGazetteer(gazetteer, 'theater-countries-fr', () =>
    gazetteer.theaters.flatMap((theater) => {
      const name = countryNameIn(theater, 'fr');
      return name ? [{ canonical: theater.canonical, variants: [name] }] : [];
    }),
  );
}

/** Arabic theater names with the letters Arabic joins to them: "العراق", "للعراق", "والعراق", "بالعراق"; a theater country without one in the gazetteer by its ISO Arabic name. */
function arabicTheaters(text: string, gazetteer: Gazetteer, masked: { start: number; end: number }[]): { canonical: string; index: number }[] {
  if (!/\p{Script=Arabic}/u.test(text)) return [];
  const found: { canonical: string; index: number }[] = [];
  for (const theater of gazetteer.theaters) {
    const arabic = theater.arabic ?? countryNameIn(theater, 'ar');
    if (!arabic || /\s/.test(arabic)) continue;
    const stem = arabic.replace(/^ال/, '');
    // The first mention outside a co-chair list or another name.
    for (const match of text.matchAll(new RegExp(`(?<!\\p{L})(?:[وفبك]?(?:ال|لل)|[وفبكل])?${stem}(?!\\p{L})`, 'gu'))) {
      const at = match.index ?? 0;
      if (masked.some((span) => at >= span.start && at < span.end)) continue;
      found.push({ canonical: theater.canonical, index: at });
      break;
    }
  }
  return found;
}

/** Affiliates named by any of their aliases (ISIS-K, ISKP, ISIS-Khorasan …); "ISIS" itself is the subject, not an affiliate. */
export const branchesIn = (text: string, gazetteer: Gazetteer) => unique(mentioned(text, gazetteer.branches).map((hit) => hit.canonical));
