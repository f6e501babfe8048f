import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { intlLocale } from './request-language.ts';

export const LOCALES = ['en', 'fr', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const CATALOGUES: Record<Locale, Record<string, string>> = { en, fr, ar };
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

const compiled = new Map<string, IntlMessageFormat>();

/** ICU MessageFormat, compiled once per locale and key. A missing key falls back to English, never to the raw key. */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    // Numbers in messages take the reader's digits: Arabic-Indic digits are Arabic with another tag.
    const tag = intlLocale(locale);
    const cacheKey = `${tag}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const source = CATALOGUES[locale][key] ?? CATALOGUES.en[key];
      if (source === undefined) throw new Error(`no message "${key}" in any catalogue`);
      format = new IntlMessageFormat(source, tag);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}

/** Picks the first supported language of an Accept-Language header, else English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => isLocale(entry.language))?.language as Locale | undefined ?? 'en';
}
