import { intlLocale } from '../../platform/i18n/request-language.ts';
import Decimal from 'decimal.js';
import { code as currencyRecord } from 'currency-codes';
import { numberFormat } from '../../platform/i18n/formatters.ts';
import { remembered } from '../../platform/remembered.ts';

/**
 * Money is exact: amounts are decimal strings, arithmetic is decimal.js (never binary floats), and
 * rounding happens once, when a figure is shown, half-even to the currency's minor units.
 * Cross rates are the one other rounding: RATE_DECIMALS places, half-even, when a contribution is recorded.
 */
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
export type Exact = Decimal;
export const RATE_DECIMALS = 12;

export function exact(value: string | number | Decimal): Decimal {
  return new Exact(value);
}

export function sum(values: Iterable<string | Decimal>): Decimal {
  let total = new Exact(0);
  for (const value of values) total = total.plus(value);
  return total;
}

/** Minor units by code, looked up once each: `currency-codes` searches its whole list on every call, and a funding page asks hundreds of times. */
const minorUnitsByCode = new Map<string, number | undefined>();

/** ISO 4217 currencies in use (the list `currency-codes` carries), with their minor units. */
export function minorUnits(currency: string): number | undefined {
  if (minorUnitsByCode.has(currency)) return minorUnitsByCode.get(currency);
  const digits = currencyRecord(currency)?.digits;
  // Bounded: only well-formed codes are kept (anything typed into a form could arrive here).
  if (/^[A-Z]{3}$/.test(currency)) minorUnitsByCode.set(currency, digits);
  return digits;
}

export function isIsoCurrency(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency) && minorUnits(currency) !== undefined;
}

/** The rate from one currency to another given each one's units per euro (EUR itself is 1). */
export function crossRate(fromUnitsPerEur: string, toUnitsPerEur: string): Decimal {
  return exact(toUnitsPerEur).div(fromUnitsPerEur).toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/** amount × rate, exact (a 4-place amount times a 12-place rate has at most 16 places). */
export function convert(amount: string | Decimal, rate: string | Decimal): Decimal {
  return exact(amount).times(rate);
}

/** The one rounding: half-even to the currency's minor units. */
export function roundForDisplay(amount: string | Decimal, currency: string): Decimal {
  return exact(amount).toDecimalPlaces(minorUnits(currency) ?? 2, Decimal.ROUND_HALF_EVEN);
}

/** Formatters by Intl locale and fraction digits: numberFormat's key is built with JSON.stringify on every call. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
const MAX_MONEY_FORMATS = 100;

function moneyFormat(locale: string, shownDigits: number): Intl.NumberFormat {
  return remembered(moneyFormats, MAX_MONEY_FORMATS, `${locale}|${shownDigits}`, () => numberFormat(locale, { minimumFractionDigits: shownDigits, maximumFractionDigits: shownDigits }));
}

export type AmountProblem = string;

/**
 * Reads an amount as a person types it: digits with at most one decimal separator, "." or ",".
 * Thousands separators are refused because "1,000" could be a thousand or one.
 */
export function parseAmount(text: string, currency: string | undefined, decimalSeparator?: '.' | ','): { value: Decimal; separator?: '.' | ',' } | { problem: AmountProblem } {
  const trimmed = text.trim();
  const match = /^(\d+)(?:([.,])(\d+))?$/.exec(trimmed);
  if (!match) return { problem: `"${text}" is not an amount: write digits with at most one decimal separator and no thousands separators (e.g. 1500000 or 1500000.50)` };
  const [, whole, separator, fraction = ''] = match as unknown as [string, string, '.' | ',' | undefined, string | undefined];
  if (separator && decimalSeparator && separator !== decimalSeparator) {
    return { problem: `uses "${separator}" as its decimal separator where the rest of the file uses "${decimalSeparator}"` };
  }
  const value = exact(`${whole}.${fraction || '0'}`);
  if (value.isZero()) return { problem: 'must be more than zero' };
  const digits = currency ? minorUnits(currency) : undefined;
  if (digits !== undefined && fraction.replace(/0+$/, '').length > digits) {
    return { problem: `${currency} has ${digits} decimal place${digits === 1 ? '' : 's'}; "${trimmed}" has more` };
  }
  if (value.greaterThanOrEqualTo('1e20')) return { problem: 'is too large' };
  return { value, separator };
}

/**
 * A rounded amount as the reader's locale writes it, with the currency code (codes are unambiguous across
 * locales). Exact to the minor unit, but a whole amount reads without ".00" ("USD 5,000,000"); exports
 * keep every digit.
 */
export function formatMoney(amount: string | Decimal, currency: string, locale: string): string {
  const digits = minorUnits(currency) ?? 2;
  const roundedValue = roundForDisplay(amount, currency);
  const shownDigits = roundedValue.isInteger() ? 0 : digits;
  const rounded = roundedValue.toFixed(shownDigits);
  const formatted = moneyFormat(intlLocale(locale), shownDigits).format(rounded as unknown as number);
  return `${currency} ${formatted}`;
}

/** "USD 600 million": the headline's form. Intl rounds half-even here too (the figure is already exact). */
export function formatMoneyCompact(amount: string | Decimal, currency: string, locale: string): string {
  const formatted = numberFormat(intlLocale(locale), { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1, roundingMode: 'halfEven' } as Intl.NumberFormatOptions).format(
    exact(amount).toFixed(0) as unknown as number,
  );
  return `${currency} ${formatted}`;
}

/** Whole percent, half-even; undefined when there is no goal to measure against. */
export function percentOf(part: string | Decimal, whole: string | Decimal | null | undefined): number | undefined {
  if (whole === null || whole === undefined || exact(whole).isZero()) return undefined;
  return exact(part).div(whole).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}
