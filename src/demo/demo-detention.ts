import countries from 'i18n-iso-countries';
import { createSite, addSnapshot } from '../modules/detention/sites.service.ts';
import { reportRepatriation } from '../modules/detention/repatriations.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../db/client.ts';
import { readCsv } from '../db/seed/data-files.ts';
import { nameTranslations } from '../db/seed/translations.ts';

/**
 * The two camps of camp_population.csv. The CSV gives no coordinates, operator or region: these are
 * public knowledge, approximate, and say so in the source.
 */
const SITES = {
  'al-Hol': { region: 'al-Hasakah Governorate, north-east Syria', latitude: 36.377, longitude: 41.149, operator: 'Autonomous Administration of North and East Syria until Jan 2026, then the Syrian state', knownFrom: '2016' },
  Roj: { region: 'al-Hasakah Governorate (near al-Malikiyah), north-east Syria', latitude: 36.99, longitude: 42.16, operator: 'Autonomous Administration of North and East Syria (SDF)', knownFrom: '2017' },
} as const;

/** A citation a reader can follow: each population figure carries its own publisher and link. */
const SITE_SOURCE = 'Population figures: UN OCHA, REACH and press reporting, cited with each figure below; coordinates and operator approximate, from public reporting';

/** Nationality counts written out in the source's words ("Iraqis 30,897", "~29,000 Iraqis"). */
const NATIONALITY_WORDS: [RegExp, string][] = [
  [/Iraqis/, 'IRQ'],
  [/Syrians/, 'SYR'],
  [/third-country nationals/, 'third-countries'],
];

function countNear(text: string, word: RegExp): number | undefined {
  const after = new RegExp(`${word.source}\\s+([\\d,]+)`).exec(text);
  const before = new RegExp(`~?([\\d,]+)\\s+${word.source}`).exec(text);
  const digits = (after ?? before)?.[1];
  return digits ? Number(digits.replaceAll(',', '')) : undefined;
}

/** The breakdown a row's text states as counts; percentages and households are left in the note. */
function breakdownOf(text: string) {
  const nationalities = NATIONALITY_WORDS.flatMap(([word, key]) => {
    const count = countNear(text, word);
    return count === undefined ? [] : [{ key, count }];
  });
  const children = /~?([\d,]+) children(?! under)/.exec(text)?.[1];
  const categories = children ? [{ key: 'children', count: Number(children.replaceAll(',', '')) }] : [];
  return { nationalities, categories };
}

/** Public sources, but detention figures stay restricted unless a source is first-hand (confidence high). */
const classificationOf = (confidence: string | undefined) => (confidence === 'high' ? ('public' as const) : undefined);

export async function loadDemoDetention(db: Db, actor: Actor): Promise<void> {
  const siteIds = new Map<string, string>();
  const names = nameTranslations('site');
  const regions = nameTranslations('region');
  for (const [name, facts] of Object.entries(SITES)) {
    const translations = { nameFr: names(name).fr, nameAr: names(name).ar, regionFr: regions(facts.region).fr, regionAr: regions(facts.region).ar };
    const site = await createSite(db, actor, { name, ...translations, kind: 'displaced-persons-camp', countryIso3: 'SYR', ...facts, source: SITE_SOURCE, classification: 'public' });
    siteIds.set(name, site.id);
  }
  for (const row of readCsv('camp_population.csv')) {
    const siteId = siteIds.get(row.site ?? '');
    if (!siteId) throw new Error(`camp_population.csv: unknown site ${row.site}`);
    const total = row.population ? Number(row.population) : null;
    const breakdown = breakdownOf(row.breakdown ?? '');
    await addSnapshot(db, actor, siteId, {
      asOf: row.date,
      total,
      // The sources' breakdowns never cover every person counted.
      partial: breakdown.nationalities.length + breakdown.categories.length > 0,
      ...breakdown,
      note: row.breakdown ?? '',
      source: row.source ?? '',
      confidence: row.confidence || null,
      classification: classificationOf(row.confidence),
    });
  }
  for (const row of readCsv('repatriations.csv')) {
    const iso3 = row.country?.startsWith('Multiple') ? null : (countries.getAlpha3Code(row.country ?? '', 'en') ?? null);
    const number = (text: string | undefined) => (text ? Number(text) : null);
    await reportRepatriation(db, actor, {
      receivingIso3: iso3,
      period: row.date_or_period ?? '',
      cumulative: /cumulative/i.test(row.date_or_period ?? ''),
      siteId: /al-Hol/.test(row.notes ?? '') ? siteIds.get('al-Hol') : null,
      people: number(row.people),
      women: number(row.women),
      children: number(row.children),
      men: number(row.men),
      note: row.notes ?? '',
      source: row.source ?? '',
      confidence: row.confidence || null,
      classification: classificationOf(row.confidence),
    });
  }
}
