import countries from 'i18n-iso-countries';
import countriesArabic from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import countriesEnglish from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import countriesFrench from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { fromGazetteer, type Gazetteer } from './gazetteer.ts';

countries.registerLocale(countriesEnglish);
countries.registerLocale(countriesFrench);
countries.registerLocale(countriesArabic);

/** "the Republic of", "the United Republic of", "the Kingdom of the": a state's form before its name, in English. */
const STATE_FORM_EN =
  /^(?:the\s+)?(?:(?:United|Federal|Islamic|Democratic|Plurinational|Hashemite|Socialist|People['’]s|Arab|Bolivarian|Cooperative|Independent|Oriental|Co-operative)\s+)*(?:Republic|Kingdom|Sultanate|State|Principality|Grand\s+Duchy|Emirate|Commonwealth|Federation|Confederation)\s+of\s+(?:the\s+)?/i;
/** The same in French: "la République unie de", "le Royaume du", "l'État de". */
const STATE_FORM_FR = /^(?:(?:la|le|l['’])\s*)?(?:République|Royaume|Sultanat|État|Principauté|Grand-Duché|Émirat|Fédération|Confédération)(?:\s+\p{Ll}+)*\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])/iu;
/** The same in Arabic: "جمهورية مولدوفا" (the Republic of Moldova), "مملكة", "دولة", "سلطنة". */
const STATE_FORM_AR = /^(?:جمهورية|مملكة|دولة|سلطنة|إمارة)\s+/u;
/** A French article before a name: "la Guinée", "l’Ouganda", "الكاميرون". */
const ARTICLE = /^(?:(?:la|le|les|du|des|de\s+la|de\s+l['’]|de|d['’]|l['’])\s*)/i;

/**
 * A new member's name as the registry writes it: the partner's name for any of its names ("the Republic of
 * Moldova" → "Moldova", "la Guinée" → "Guinea"), through the registry's names and the ISO country names in
 * English, French and Arabic (i18n-iso-countries); a state not yet in the registry by its short English name;
 * null for words that name no state.
 */
export function memberNamed(gazetteer: Gazetteer, written: string): string | null {
  const known = fromGazetteer(gazetteer, 'partner-names', () => new Map(gazetteer.partners.flatMap((partner) => partner.variants.map((variant) => [variant.toLowerCase(), partner.canonical] as const))));
  const byIso3 = fromGazetteer(gazetteer, 'partner-by-iso3', () => new Map(gazetteer.partners.filter((partner) => partner.iso3).map((partner) => [partner.iso3 as string, partner.canonical])));
  const plain = written.trim();
  const forms = [plain, plain.replace(STATE_FORM_EN, ''), plain.replace(STATE_FORM_FR, ''), plain.replace(ARTICLE, ''), plain.replace(STATE_FORM_AR, '')];
  for (const form of forms) {
    const partner = known.get(form.toLowerCase());
    if (partner) return partner;
  }
  for (const form of forms)
    for (const language of ['en', 'fr', 'ar'] as const) {
      const code = countries.getAlpha3Code(form, language);
      if (code) return byIso3.get(code) ?? countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en') ?? null;
    }
  return null;
}

/** Where a list of new members is written, and the list itself. */
interface Named {
  list: string;
  start: number;
  end: number;
  /** Whether an item the registry and the country names do not know is still a member (an English proper name) or is dropped. */
  keepUnknown: boolean;
}

const ENGLISH = [
  /\bwelcom(?:ed|es|ing)\s+((?:[^.;]{0,160}?))\s+as\s+(?:the\s+|an?\s+)?(?:Coalition[’']s\s+|its\s+|their\s+)?(?:\d+\w*\s+|newest\s+|new\s+)*(?:members?|partners?)\b/gi,
  /\bwelcom(?:ed|es|ing)\s+(?:the\s+|its\s+|their\s+)?(?:newest|new)\s+(?:members?|partners?)(?:\s+of the Coalition)?[,:]?\s+([^.;]{0,160})/gi,
];
/** "ont salué l’adhésion de la Guinée et du Bénin", "ont accueilli le Togo comme nouveau membre". */
const FRENCH = [
  /(?<!\p{L})adhésion\s+(?:de\s+la\s+|du\s+|de\s+l['’]|des\s+|de\s+|d['’])([^.;()]{1,120}?)(?=\s*(?:[,.;(]|\s(?:à|au|comme|en\s+tant|qui|devenue?)(?!\p{L})))/giu,
  /(?<!\p{L})(?:accueilli|salué)\s+([^.;]{1,120}?)\s+(?:comme|en\s+tant\s+que)\s+(?:\d+\w*\s+|nouve(?:au|l|lle)x?\s+)*membres?(?!\p{L})/giu,
];
/** "رحب المشاركون بانضمام غينيا إلى التحالف": the joining of a state to the Coalition. */
const ARABIC = /(?<!\p{L})[وب]?انضمام\s+([^.،؛]{1,80}?)\s+(?:إلى|الى)\s+التحالف/gu;

function listsIn(text: string): Named[] {
  const found: Named[] = [];
  const each = (pattern: RegExp, keepUnknown: boolean) => {
    for (const match of text.matchAll(pattern)) found.push({ list: match[1] ?? '', start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, keepUnknown });
  };
  for (const pattern of ENGLISH) each(pattern, true);
  for (const pattern of FRENCH) each(pattern, false);
  each(ARABIC, false);
  // "Benin and Togo have formally joined the Coalition": the names just before, read in a bounded window
  // with one separator per word, so a long all-capitals line cannot make the pattern backtrack.
  for (const joined of text.matchAll(/\bjoined\s+the\s+(?:Global\s+)?Coalition\b/g)) {
    const at = joined.index ?? 0;
    const windowStart = Math.max(0, at - 200);
    const list = /((?:[A-Z][\w'’-]*(?:,\s*|\s+)(?:and\s+)?){0,11}[A-Z][\w'’-]*)\s+(?:(?:has|have|formally|officially)\s+)*$/.exec(text.slice(windowStart, at));
    if (list?.[1]) found.push({ list: list[1], start: windowStart + list.index, end: at + joined[0].length, keepUnknown: true });
  }
  return found;
}

/** An English item the registry does not know yet is a member when it reads as a name ("Fredonia", "the Republic of Fredonia" without its form). */
const ENGLISH_NAME = /^[A-Z][\p{L}'’-]*(?:\s+(?:of|and|the|[A-Z][\p{L}'’-]*)){0,4}$/u;

/**
 * Partners welcomed as new members: "welcomed Togo and Ghana as new members", "Benin joined the
 * Coalition as its 87th member", "welcomed its newest members, X and Y", "l’adhésion de la Guinée",
 * "بانضمام غينيا إلى التحالف". Each by the registry's name for it.
 */
export function newMembersIn(text: string, gazetteer: Gazetteer): { members: string[]; spans: { start: number; end: number }[] } {
  const lists = listsIn(text);
  const members = lists.flatMap(({ list, keepUnknown }) =>
    list
      .split(/,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+|\s*،\s*|\s+و(?=\p{L})/u)
      .map((item) => item.trim())
      .flatMap((item) => {
        const named = memberNamed(gazetteer, item);
        if (named) return [named];
        const english = item.replace(STATE_FORM_EN, '').replace(/^the\s+/i, '');
        return keepUnknown && ENGLISH_NAME.test(english) ? [english] : [];
      }),
  );
  return { members: [...new Set(members)], spans: lists.map(({ start, end }) => ({ start, end })) };
}
