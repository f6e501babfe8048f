import countries from 'i18n-iso-countries';
import countriesEnglish from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import nationalities from 'i18n-nationality';
import english from 'i18n-nationality/langs/en.json' with { type: 'json' };
import french from 'i18n-nationality/langs/fr.json' with { type: 'json' };
import { type Gazetteer, fromGazetteer } from './gazetteer.ts';
import { wordsPattern } from './text-spans.ts';

countries.registerLocale(countriesEnglish);
nationalities.registerLocale(english);
nationalities.registerLocale(french);

export interface ActorMention {
  /** The partner's registry name. */
  partner: string;
  start: number;
  end: number;
}

/**
 * The registry's partners by every way a readout names them: their names (in the registry's languages),
 * and their demonyms in English and French from i18n-nationality ("Italian", "the Spanish Government",
 * "les autorités françaises"), each mapped to the registry name through the ISO code.
 */
function actorMatcher(gazetteer: Gazetteer) {
  return fromGazetteer(gazetteer, 'actors', () => {
    const byName = new Map<string, string>();
    for (const partner of gazetteer.partners) for (const variant of partner.variants) byName.set(variant.toLowerCase(), partner.canonical);
    // States outside the registry act too (a state repatriating its nationals): their English names and demonyms, after the registry's.
    const states = [...gazetteer.partners, ...Object.keys(countries.getAlpha3Codes()).flatMap((iso3) => {
      const name = countries.getName(iso3, 'en');
      return name && !gazetteer.partners.some((partner) => partner.iso3 === iso3) ? [{ canonical: name, iso3, variants: [name] }] : [];
    })];
    for (const state of states) for (const variant of state.variants) if (!byName.has(variant.toLowerCase())) byName.set(variant.toLowerCase(), state.canonical);
    for (const partner of states) {
      if (!partner.iso3) continue;
      for (const locale of ['en', 'fr']) {
        const demonym = nationalities.getName(partner.iso3, locale);
        if (!demonym || demonym.length < 4) continue;
        if (!byName.has(demonym.toLowerCase())) byName.set(demonym.toLowerCase(), partner.canonical);
        // French adjectives agree: "française", "françaises", "italiens".
        if (locale === 'fr') for (const ending of ['e', 's', 'es']) byName.set(`${demonym}${ending}`.toLowerCase(), partner.canonical);
      }
    }
    return { byName, pattern: wordsPattern([...byName.keys()], 'gi') };
  });
}

/** Every partner a piece of text names, by name or demonym, in order. */
export function actorsIn(text: string, gazetteer: Gazetteer, offset = 0): ActorMention[] {
  const { byName, pattern } = actorMatcher(gazetteer);
  const found: ActorMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const partner = byName.get(match[0].toLowerCase().replace(/[\s-]+/g, ' ')) ?? byName.get(match[0].toLowerCase());
    if (partner) found.push({ partner, start: offset + (match.index ?? 0), end: offset + (match.index ?? 0) + match[0].length });
  }
  return found;
}
