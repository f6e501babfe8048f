import { remembered } from '../remembered.ts';

/**
 * Intl formatters, made once per locale and options and kept: building one costs far more than using
 * it (a funding page formats hundreds of sums). The combinations are few — three languages, two kinds of
 * digits, a handful of option sets — and the cache is bounded all the same.
 */
const MAX_CACHED = 500;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return remembered(numberFormats, MAX_CACHED, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return remembered(dateTimeFormats, MAX_CACHED, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** "a, b and c" in the reader's language (Arabic joins with "و", never a Latin comma). */
export function listOf(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(items);
}

/** Between the parts of an address ("square, city, country"): Arabic writes its own comma. */
export function partsSeparator(locale: string): string {
  return locale.startsWith('ar') ? '، ' : ', ';
}

/** A calendar day (YYYY-MM-DD) written the reader's way, "26 August 2021", "26 août 2021", "26 أغسطس 2021"; the locale is Intl's (intlLocale). */
export function calendarDayIn(locale: string, isoDay: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

/**
 * A date known to the year, the month or the day ("2023", "2023-06", "2023-06-08") written the reader's way
 * at that precision and no finer: "2023", "June 2023", "8 June 2023". Anything else is shown as written.
 */
export function partialDateIn(locale: string, value: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (day) return calendarDayIn(locale, value);
  const options: Intl.DateTimeFormatOptions = month ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return dateTimeFormat(locale, options).format(new Date(`${year}-${month ?? '01'}-01T00:00:00Z`));
}
