import { readCsv } from './data-files.ts';

/** Kinds of names: translations.csv (sourced) and demo-translations.csv (the demo data's own). */
export type NameKind = 'group' | 'branch' | 'site' | 'meeting' | 'campaign' | 'region' | 'place';

/**
 * French and Arabic for the English names of one kind, from both translation files. Empty cells stay
 * null, so the English shows, marked lang="en".
 */
export function nameTranslations(kind: NameKind): (english: string) => { fr: string | null; ar: string | null } {
  const rows = [...readCsv('translations.csv'), ...readCsv('demo-translations.csv')].filter((row) => row.kind === kind);
  const byEnglish = new Map(rows.map((row) => [row.english, row]));
  return (english) => {
    const row = byEnglish.get(english);
    return { fr: row?.french || null, ar: row?.arabic || null };
  };
}
