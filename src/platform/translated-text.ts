import type { Locale } from './i18n/i18n.ts';

/**
 * One mechanism for every name the secretariat translates (groups, branches, campaigns, regions,
 * detention sites, meeting titles, incident places): the English text sits in a column `field`, the
 * French and Arabic ones in `fieldFr` and `fieldAr` beside it. A missing translation falls back to
 * the English, which then carries lang="en" so screen readers and fonts treat it as English.
 */
export type TranslatableField = 'name' | 'title' | 'place' | 'region';
export type Translatable<F extends TranslatableField> = { [K in F]: string } & { [K in `${F}Fr` | `${F}Ar`]: string | null };

/** The text in the reader's language, or the English one, with the language it is really in. */
export function translatedText<F extends TranslatableField>(record: Translatable<F>, locale: Locale | string, field: F): { text: string; lang: string } {
  const values = record as Record<string, string | null | undefined>;
  const translated = locale === 'fr' ? values[`${field}Fr`] : locale === 'ar' ? values[`${field}Ar`] : values[field];
  return translated ? { text: translated, lang: locale } : { text: values[field] ?? '', lang: 'en' };
}

/** For attributes and page titles, where no element can carry the language. */
export function translated<F extends TranslatableField>(record: Translatable<F>, locale: Locale | string, field: F): string {
  return translatedText(record, locale, field).text;
}

/** The values a service stores: trimmed, and null where empty so the English shows. */
export function translationValues<F extends TranslatableField>(input: Partial<Record<`${F}Fr` | `${F}Ar`, string | null | undefined>>, field: F): Record<`${F}Fr` | `${F}Ar`, string | null> {
  const values = input as Record<string, string | null | undefined>;
  return { [`${field}Fr`]: values[`${field}Fr`]?.trim() || null, [`${field}Ar`]: values[`${field}Ar`]?.trim() || null } as Record<`${F}Fr` | `${F}Ar`, string | null>;
}
