import { DATELINE_PREFIX, type DateContext, dateIn } from './dates.ts';
import type { Extraction, MeetingFormat } from './extraction.ts';
import { cityNamed as registryCity, type Gazetteer, fromGazetteer } from './gazetteer.ts';
import { groupsIn } from './extract-groups.ts';
import type { Sentence } from './text-spans.ts';

/** The sentence that says the meeting took place: who met, convened, gathered. */
const MEETING_VERB = /\b(met|meet|convened|gathered|hosted|held|co-hosted|co-chaired|chaired|took place)\b/i;
/** The same in French ("s'est tenue", "se sont réunis", "accueille") and Arabic (عقد, انعقد, اجتمع, استضاف, ترأس, with their prefixes and endings). */
// Ends with a lookahead, not \b: "a présidé" ends in a letter \b does not know.
const MEETING_VERB_FR = /\b(?:s[’']est\s+(?:tenue?s?|réunie?s?|déroulée?s?)|se\s+sont\s+(?:réunie?s|tenue?s|retrouvée?s)|(?:a|ont)\s+(?:réuni|accueilli|organisé|présidé|coprésidé|tenu)|accueill?e?(?:nt)?|réunit|réunissait)(?![\p{L}])/iu;
const MEETING_VERB_AR = /(?<!\p{L})(?:و|ف)?(?:عقد|عقدت|انعقد|انعقدت|يعقد|تعقد|اجتمع|اجتمعت|استضاف|استضافت|ترأس|ترأست|تراس|ترأسا|ترأست)(?!\p{L})/u;
const meetingVerb = (sentence: string) => MEETING_VERB.test(sentence) || MEETING_VERB_FR.test(sentence) || MEETING_VERB_AR.test(sentence);

const FORMATS: [RegExp, MeetingFormat][] = [
  // A restricted ministerial or a political directors' meeting is the Small Group's format.
  [/\bSmall Group\b|\brestricted ministerial\b|\bpolitical directors\b|\bministérielle restreinte\b|\bdirecteurs politiques\b|\bgroupe restreint\b|\bpetit groupe\b|المجموعة المصغرة/i, 'small-group'],
  [/\bMinisterial\b|\bministers? (?:of|for) (?:foreign affairs|defen[cs]e)\b|\b(?:foreign|defen[cs]e) ministers\b|\bministériel(?:le)?\b|اجتماع وزاري/i, 'ministerial'],
  [/\bFocus Group\b|\bgroupe de réflexion\b|مجموعة التركيز/i, 'focus-group'],
  [/\bWorking Group\b|\bCIFG\b|\bgroupe de travail\b|فريق (?:ال)?عمل|مجموعة (?:ال)?عمل/i, 'working-group'],
];

export function titleOf(text: string): string | null {
  const first = text.split('\n').map((line) => line.trim()).find(Boolean);
  // A title is a short line without a closing full stop; a readout that starts with its first sentence has none.
  return first && first.length <= 200 && !/[.!?]$/.test(first) ? first : null;
}

/** The registry's kinds of group that are meeting formats. */
const GROUP_FORMATS: Record<string, MeetingFormat> = { 'working-group': 'working-group', 'focus-group': 'focus-group' };

function formatOf(gazetteer: Gazetteer, ...texts: (string | null | undefined)[]): MeetingFormat | null {
  for (const text of texts) {
    if (!text) continue;
    for (const [pattern, format] of FORMATS) if (pattern.test(text)) return format;
  }
  // A registry group named however the text names it ("le Groupe de lutte contre le financement de Daech"): the meeting is of its kind.
  for (const text of texts) {
    if (!text) continue;
    const kinds = groupsIn(text, gazetteer).map((name) => gazetteer.groups.find((group) => group.canonical === name)?.kind);
    const format = kinds.map((kind) => (kind ? GROUP_FORMATS[kind] : undefined)).find(Boolean);
    if (format) return format;
  }
  return texts.some((text) => text && /\b(meetings?|conferences?|communiqu[ée]|statement|readout|council|forum|dialogue|plenary|summit|réunion|conseil|déclaration)\b|اجتماع/i.test(text)) ? 'other' : null;
}

function settingOf(text: string): Extraction['setting'] {
  const remote =
    /\b(virtual(ly)?|video ?conference|videoconferencing|online|by video|en ligne|virtuel(?:le)?)\b|(?<!\p{L})(?:visio-?conférence|vidéo-?conférence|visio|à distance)(?!\p{L})|(?<!\p{L})(?:افتراضي|افتراضيا|افتراضية|الافتراضي|الافتراضية|عن بعد|عن بُعد|عبر الفيديو|عبر الإنترنت|الاتصال المرئي|تقنية الفيديو)(?!\p{L})/iu.test(text);
  const inPerson = /\bin[- ]person\b|\ben présentiel\b|(?<!\p{L})حضوري(?:ا|ة)?(?!\p{L})/iu.test(text);
  if (/\bhybride?\b|(?<!\p{L})(?:هجين|الهجين)(?!\p{L})/iu.test(text) || (remote && inPerson)) return 'hybrid';
  if (remote) return 'virtual';
  if (inPerson) return 'in-person';
  return null;
}

/** "met in Rome", "ROME —", "in Rome, Italy": a city the gazetteer knows, or a country. */
function locationOf(texts: string[], gazetteer: Gazetteer): Extraction['location'] {
  const countryNames = fromGazetteer(gazetteer, 'partner-names', () => new Map(gazetteer.partners.flatMap((partner) => partner.variants.map((variant) => [variant.toLowerCase(), partner.canonical] as const))));
  for (const text of texts) {
    // "ROME —", "Rome, 28 June 2021 —", "Paris, le 14 mars 2024 —".
    // Read in the first 120 characters only: a dateline is short, and the lazy name makes this pattern slow on long lines.
    // "Oslo– On 3 May", "OSLO: The partners": the dash may touch the name, and a colon does the dash's work.
    const dateline = /^([A-Z][A-Za-z .'-]{0,40}?)(?:,\s*(?:le\s+)?[A-Za-z0-9 .]{0,40})?(?:\s+[—–-]|[—–]|(?<=[A-Za-z.]):)\s/.exec(text.slice(0, 120));
    const candidates = [...text.matchAll(/\b(?:met|[Mm]eeting|convened|gathered|held|hosted|took place|[Cc]onference|Ministerial)\s+(?:[\w,]+\s+){0,6}?in\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})(?:,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?/g)].map((match) => [match[1], match[2]] as const);
    if (dateline?.[1]) candidates.unshift([dateline[1].replace(/\b\w/g, (c) => c).trim(), undefined]);
    for (const [found, after] of candidates) {
      // A sentence's full stop is not part of the name ("in Rome."); "D.C." keeps its own.
      const place = found?.replace(/(?<![A-Z])\.$/, '');
      if (!place) continue;
      const cityKey = cityNamed(gazetteer, place);
      if (cityKey) return { city: cityKey, country: gazetteer.cities.get(cityKey) ?? null };
      const country = countryNames.get(place.toLowerCase());
      if (country) return { city: null, country };
      if (after && countryNames.get(after.toLowerCase())) return { city: place, country: countryNames.get(after.toLowerCase()) ?? null };
    }
  }
  return null;
}

/** Short lines near the top that are a place on its own ("Washington, DC", "Niamey 2023"): a dateline, read as "ROME —" is. */
function datelineLines(text: string): string[] {
  return text
    .slice(0, 600)
    .split('\n')
    .slice(0, 8)
    .map((line) => line.trim())
    .filter((line) => line.length > 2 && line.length <= 40 && /^\p{Lu}/u.test(line))
    .map((line) => `${line.replace(/[\s,]+(?:\d{4}|[A-Z]\.?[A-Z]\.?)$/, '')} — `);
}

/** A city the gazetteer knows named anywhere in the meeting's sentence after "in" or "at" ("…, chaired by the United States, in Brussels"). */
function cityIn(sentence: string, gazetteer: Gazetteer): Extraction['location'] {
  // Not \b: it is ASCII-only in JavaScript, so it finds no edge before "à".
  for (const match of sentence.matchAll(/(?<!\p{L})(?:in|at|à|au)\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/gu)) {
    // "in Riyadh..." (a teaser's ellipsis) names Riyadh.
    const place = (match[1] ?? '').replace(/(?<![A-Z])\.+$/, '');
    const city = cityNamed(gazetteer, place);
    if (city) return { city, country: gazetteer.cities.get(city) ?? null };
  }
  return null;
}

/** "The meeting was held in Luxembourg", "s'est tenue aujourd'hui à Paris": the sentence anywhere in the body that says where the meeting was. */
const HELD_IN = /\b(?:(?:was|were|is|are|being)\s+held|took\s+place|convened\s+[^.]{0,80}?)\s+(?:[\p{L}'’]+\s+){0,3}?(?:in|at)\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})|\bs[’']est\s+(?:tenue?s?|déroulée?s?)\s+(?:[\p{L}'’]+\s+){0,3}?à\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/u;

/**
 * Capitals whose French name is not the English one ("à Bruxelles", "au Caire", "à La Haye"): French readouts
 * name the meeting's city so. The gazetteer's names are English; this is the language's exonyms, not a list of texts' places.
 */
const FRENCH_CITIES: Record<string, string> = {
  Bruxelles: 'Brussels', Londres: 'London', Genève: 'Geneva', Caire: 'Cairo', 'Le Caire': 'Cairo', Alger: 'Algiers', Bagdad: 'Baghdad', Damas: 'Damascus', Riyad: 'Riyadh', Koweït: 'Kuwait City', 'Abou Dhabi': 'Abu Dhabi', 'Abou Dabi': 'Abu Dhabi', 'La Haye': 'The Hague', Haye: 'The Hague', Moscou: 'Moscow', Pékin: 'Beijing', Varsovie: 'Warsaw', Vienne: 'Vienna', Lisbonne: 'Lisbon', Copenhague: 'Copenhagen', Athènes: 'Athens', Mascate: 'Muscat', Téhéran: 'Tehran', Beyrouth: 'Beirut', Jérusalem: 'Jerusalem', Ndjamena: "N'Djamena", 'N’Djamena': "N'Djamena", Marrakech: 'Marrakesh', Dacca: 'Dhaka', Kaboul: 'Kabul', Mogadiscio: 'Mogadishu', Édimbourg: 'Edinburgh', Berne: 'Bern', Bucarest: 'Bucharest',
};
/** A city the gazetteer knows, by its English name or its French one. */
const cityNamed = (gazetteer: Gazetteer, name: string | undefined) => registryCity(gazetteer, name) ?? (name && FRENCH_CITIES[name] ? registryCity(gazetteer, FRENCH_CITIES[name]) : undefined);

/** Meeting cities as Arabic readouts write them (the gazetteer's names are English), for a dateline or "hosted by the capital Abu Dhabi". */
const ARABIC_CITIES: Record<string, string> = {
  أبوظبي: 'Abu Dhabi', 'أبو ظبي': 'Abu Dhabi', الرياض: 'Riyadh', بغداد: 'Baghdad', أنقرة: 'Ankara', روما: 'Rome', باريس: 'Paris', واشنطن: 'Washington', لندن: 'London', برلين: 'Berlin', بروكسل: 'Brussels', الدوحة: 'Doha', الكويت: 'Kuwait City', عمان: 'Amman', القاهرة: 'Cairo', الرباط: 'Rabat', مدريد: 'Madrid', مراكش: 'Marrakesh', جدة: 'Jeddah', المنامة: 'Manama', مسقط: 'Muscat', تونس: 'Tunis', نيامي: 'Niamey', لاهاي: 'The Hague',
};

/** An Arabic readout's place: its dateline's first word ("أبوظبي 27 مايو 2015") or the city after "العاصمة" (the capital). */
function arabicLocation(text: string, gazetteer: Gazetteer, meetingSentence?: string): Extraction['location'] {
  const head = text.slice(0, 600);
  const names = Object.keys(ARABIC_CITIES).sort((a, b) => b.length - a.length);
  // The meeting's sentence says where ("…اجتماعها السنوي في 7 أيار في بغداد"): "في" (in) before a known city.
  const said = meetingSentence ?? '';
  for (const name of names) {
    const dateline = head.trimStart().startsWith(name);
    const held = said !== '' && new RegExp(`(?<!\\p{L})(?:في|ب)\\s*${name}(?!\\p{L})`, 'u').test(said);
    if (held) {
      const city = cityNamed(gazetteer, ARABIC_CITIES[name]);
      if (city) return { city, country: gazetteer.cities.get(city) ?? null };
    }
    const capital = head.includes(`العاصمة ${name}`) || head.includes(`العاصمة ال${name}`);
    if (!dateline && !capital) continue;
    const city = cityNamed(gazetteer, ARABIC_CITIES[name]);
    if (city) return { city, country: gazetteer.cities.get(city) ?? null };
  }
  return null;
}

/** A city or country named in a "was held in" sentence. */
function heldIn(sentences: Sentence[], gazetteer: Gazetteer): Extraction['location'] {
  for (const sentence of sentences) {
    const match = HELD_IN.exec(sentence.text);
    const place = (match?.[1] ?? match?.[2])?.replace(/(?<![A-Z])\.+$/, '');
    if (!place) continue;
    const city = cityNamed(gazetteer, place) ?? cityNamed(gazetteer, place.split(/\s+/)[0]);
    if (city) return { city, country: gazetteer.cities.get(city) ?? null };
  }
  return null;
}

/**
 * A sentence about an earlier meeting ("at the last meeting", "from the previous Ministerial"), not this one.
 * The marker must stand next to the meeting word: "urged to repatriate nationals from camps … at a meeting" is this meeting's sentence.
 */
const EARLIER_MEETING = /\b(?:last|previous|earlier|from\s+the)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|ministerial)\b/i;

/** "Réunion des directeurs politiques (Paris, 14 mars 2024)": a title's closing brackets give the place, then the date. */
const TITLE_PLACE = /\(\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s*,[^()]{0,40}\d{4}\s*\)\s*$/u;
function titlePlace(title: string | null, gazetteer: Gazetteer): Extraction['location'] {
  const city = cityNamed(gazetteer, title ? TITLE_PLACE.exec(title)?.[1] : undefined);
  return city ? { city, country: gazetteer.cities.get(city) ?? null } : null;
}

/** Title, date, format, setting and place of the meeting the readout reports. */
export function meetingFacts(text: string, sentences: Sentence[], gazetteer: Gazetteer, dates: DateContext) {
  const title = titleOf(text);
  const body = sentences.filter((sentence) => sentence.text !== title);
  const told = body.filter((sentence) => meetingVerb(sentence.text) && !EARLIER_MEETING.test(sentence.text));
  // A headline says the meeting happened ("Belgium hosts the 25th meeting"); the body's first full sentence saying it tells when and where.
  const meetingSentence = told.find((sentence) => /[.!?]\s*$/.test(sentence.text)) ?? told[0] ?? null;
  // The sentence after it often says how the meeting was held ("The meeting was held in a hybrid format"): read for the setting when it speaks of the meeting.
  const following = meetingSentence ? body[body.indexOf(meetingSentence) + 1] : undefined;
  const howHeld = following && /\b(?:meeting|session|held|format|réunion|séance|tenue)\b|الاجتماع/iu.test(following.text) ? following.text : undefined;
  const opening = body.slice(0, 1).map((sentence) => sentence.text);
  // "ROME, 12 May 2022 (Agency) — The group met on Tuesday, 10 May": the dateline's date is the report's, the sentence's own is the meeting's.
  const prefix = meetingSentence ? DATELINE_PREFIX.exec(meetingSentence.text.slice(0, 120)) : null;
  const dated = meetingSentence ? (prefix ? dateIn(meetingSentence.text.slice(prefix[0].length), dates) : null) ?? dateIn(meetingSentence.text, dates) : null;
  const datelined = body[0] ? dateIn(body[0].text.slice(0, 80), dates) : null;
  // With no date where the meeting is told, the page's own date line stands for it: a statement or readout is
  // mostly published on the day it reports (a repost a month later is the exception it gets wrong).
  const date = dated?.date ?? datelined?.date ?? (dates.pageDate ? dates.pageDate.toISOString().slice(0, 10) : null);
  const location =
    locationOf([...(title ? [title] : []), ...datelineLines(text), ...opening, ...(meetingSentence ? [meetingSentence.text] : [])], gazetteer) ??
    cityIn(meetingSentence?.text ?? '', gazetteer) ??
    titlePlace(title, gazetteer) ??
    heldIn(body, gazetteer) ??
    arabicLocation(text, gazetteer, meetingSentence?.text);
  const setting = settingOf([meetingSentence?.text, ...opening, howHeld].filter(Boolean).join(' ')) ?? (location?.city ? 'in-person' : null);
  // A meeting held online has no place: a dateline's city is where the statement was issued.
  const place = setting === 'virtual' ? null : location;
  // Whether the year is the text's own: with no publication date, "on 14 March" takes the latest year the text names, a guess the reviewer is told of.
  const dateWords = dated?.text ?? datelined?.text ?? null;
  const yearGuessed = date !== null && dates.publishedOn === null && dateWords !== null && !/\d{4}|[٠-٩]{4}/.test(dateWords);
  return { title, date, yearGuessed, meetingFormat: formatOf(gazetteer, title, meetingSentence?.text, opening[0]), setting, location: place, meetingSentence };
}
