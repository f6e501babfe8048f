import { AsyncLocalStorage } from 'node:async_hooks';

/** Digits on Arabic pages: Western (123) or Arabic-Indic (١٢٣), as the reader chose. */
export const NUMERALS = ['latn', 'arab'] as const;
export type Numerals = (typeof NUMERALS)[number];

export const isNumerals = (value: unknown): value is Numerals => typeof value === 'string' && (NUMERALS as readonly string[]).includes(value);

/**
 * The language and digits of the request being served. Every place that formats with Intl asks
 * `intlLocale` for its locale, and messages made deep in a service (a validation problem) ask
 * `requestLocale`, so neither has to be threaded through every call; a request starts with English
 * and Western digits and learns the reader's choice once the account is known.
 */
const current = new AsyncLocalStorage<{ locale: string; numerals: Numerals }>();

/** Runs the rest of a request with its own language settings (a Fastify onRequest hook's `done`). */
export function withRequestLanguage(done: () => void): void {
  current.run({ locale: 'en', numerals: 'latn' }, done);
}

export function setRequestLanguage(locale: string, numerals: Numerals | undefined): void {
  const store = current.getStore();
  if (!store) return;
  store.locale = locale;
  if (numerals) store.numerals = numerals;
}

/** The reader's language for messages made outside the views; English outside a request (the command line). */
export const requestLocale = (): string => current.getStore()?.locale ?? 'en';

/** The locale to give Intl: Arabic with Arabic-Indic digits when the reader chose them. */
export function intlLocale(locale: string): string {
  return locale === 'ar' && current.getStore()?.numerals === 'arab' ? 'ar-u-nu-arab' : locale;
}
