import { AsyncLocalStorage } from 'node:async_hooks';

/** Digits on Arabic pages: Western (123) or Arabic-Indic (١٢٣), as the reader chose. */
export const NUMERALS = ['latn', 'arab'] as const;
export type Numerals = (typeof NUMERALS)[number];

export const isNumerals = (value: unknown): value is Numerals => typeof value === 'string' && (NUMERALS as readonly string[]).includes(value);

/**
 * The reader's choice of digits for the request being served. Every place that formats with Intl asks
 * `intlLocale` for its locale, so the choice reaches numbers and dates without threading it through
 * every view; a request starts with the default and learns the choice once the account is known.
 */
const current = new AsyncLocalStorage<{ numerals: Numerals }>();

/** Runs the rest of a request with its own digits setting (a Fastify onRequest hook's `done`). */
export function withNumerals(done: () => void): void {
  current.run({ numerals: 'latn' }, done);
}

export function setNumerals(numerals: Numerals): void {
  const store = current.getStore();
  if (store) store.numerals = numerals;
}

/** The locale to give Intl: Arabic with Arabic-Indic digits when the reader chose them. */
export function intlLocale(locale: string): string {
  return locale === 'ar' && current.getStore()?.numerals === 'arab' ? 'ar-u-nu-arab' : locale;
}
