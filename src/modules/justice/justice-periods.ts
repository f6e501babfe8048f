import { isIsoDay } from '../../platform/calendar-day.ts';
import { dateTimeFormat } from '../../platform/i18n/formatters.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import { remembered } from '../../platform/remembered.ts';
import { firstDay } from '../detention/detention-checks.ts';

/** YYYY, YYYY-MM or YYYY-MM-DD: a date at the precision the source gives. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(text: string): boolean {
  return PARTIAL_DATE.test(text) && (text.length < 10 || isIsoDay(text));
}

/** The last day a partial date names: 2018 → 2018-12-31, 2019-02 → 2019-02-28. */
export function lastDay(partial: string): string {
  if (partial.length === 10) return partial;
  const year = Number(partial.slice(0, 4));
  const month = partial.length === 7 ? Number(partial.slice(5, 7)) : 12;
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export { firstDay };

export interface Period {
  /** Null: the source gives a running total with no start. */
  periodStart: string | null;
  periodEnd: string;
}

/** The days a period covers, for comparing periods: an open start reaches back to the beginning. */
export function periodDays(period: Period): { from: string; to: string } {
  return { from: period.periodStart ? firstDay(period.periodStart) : '0000-01-01', to: lastDay(period.periodEnd) };
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const one = periodDays(a);
  const two = periodDays(b);
  return one.from <= two.to && two.from <= one.to;
}

/** Same start and end at the same precision: only then are two figures about the same period. */
export function samePeriod(a: Period, b: Period): boolean {
  return (a.periodStart ?? '') === (b.periodStart ?? '') && a.periodEnd === b.periodEnd;
}

/**
 * Partial dates written out, by Intl locale tag and date: a page writes the same few dozen periods again
 * and again (each figure in several tables), and formatting a date costs far more than looking it up.
 * The words depend on nothing else, so they never go stale; the map is bounded all the same.
 */
const MAX_WRITTEN_DATES = 5_000;
const writtenDates = new Map<string, string>();

/** A partial date in the reader's language at its own precision: a year stays a year, a month a month. */
export function partialDateText(partial: string, locale: Locale): string {
  const tag = intlLocale(locale);
  return remembered(writtenDates, MAX_WRITTEN_DATES, `${tag}|${partial}`, () => formatPartialDate(partial, tag));
}

function formatPartialDate(partial: string, tag: string): string {
  const [year, month, day] = partial.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return dateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, 0, 1));
  if (day === undefined) return dateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  return dateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
