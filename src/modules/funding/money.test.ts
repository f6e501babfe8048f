import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { convert, exact, formatMoney, formatMoneyCompact, parseAmount, percentOf, roundForDisplay, sum } from './money.ts';

describe('money', () => {
  it('rounds once, half-even, to the currency’s minor units', () => {
    expect(roundForDisplay('0.125', 'USD').toFixed()).toBe('0.12');
    expect(roundForDisplay('0.135', 'USD').toFixed()).toBe('0.14');
    expect(roundForDisplay('2.5', 'JPY').toFixed()).toBe('2');
    expect(roundForDisplay('1.0005', 'KWD').toFixed()).toBe('1');
    expect(formatMoney('1234567.125', 'USD', 'en')).toBe('USD 1,234,567.12');
    expect(formatMoney('1234567.5', 'JPY', 'fr')).toBe('JPY 1\u202f234\u202f568');
    // Whole amounts read without ".00"; a fraction keeps every minor unit.
    expect(formatMoney('5000000', 'USD', 'en')).toBe('USD 5,000,000');
    expect(formatMoney('5000000.10', 'USD', 'en')).toBe('USD 5,000,000.10');
  });

  it('writes the headline form in each language', () => {
    expect(formatMoneyCompact('600000000', 'USD', 'en')).toBe('USD 600 million');
    expect(formatMoneyCompact('670000000', 'USD', 'fr')).toBe('USD 670 millions');
    expect(percentOf('600000000', '670000000')).toBe(90);
    expect(percentOf('1', null)).toBeUndefined();
  });

  it('reads amounts strictly and says what is wrong', () => {
    expect(parseAmount('1500000.50', 'USD')).toMatchObject({ separator: '.' });
    expect(parseAmount('1500000,50', 'EUR')).toMatchObject({ separator: ',' });
    expect(parseAmount('1,500,000', 'USD')).toEqual({ problem: expect.stringContaining('no thousands separators') });
    expect(parseAmount('12.5', 'USD', ',')).toEqual({ problem: 'uses "." as its decimal separator where the rest of the file uses ","' });
    expect(parseAmount('١٠٠', 'USD')).toEqual({ problem: expect.stringContaining('is not an amount') });
    expect(parseAmount('0.00', 'USD')).toEqual({ problem: 'must be more than zero' });
  });
});

/** Amounts with up to 4 decimals and rates with up to 12, as the database stores them. */
const amount = fc.bigInt({ min: 1n, max: 10n ** 16n }).map((minor) => exact(minor.toString()).div(10_000).toFixed());
const rate = fc.bigInt({ min: 1n, max: 10n ** 15n }).map((units) => exact(units.toString()).div(10n ** 12n).toFixed());

describe('money properties', () => {
  test.prop([fc.array(amount, { minLength: 1, maxLength: 40 }), fc.integer()])('a total does not depend on the order of entry', (amounts, seed) => {
    const shuffled = [...amounts].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || a.localeCompare(b));
    expect(sum(shuffled).equals(sum(amounts))).toBe(true);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), amount), { minLength: 1, maxLength: 40 }), fc.array(rate, { minLength: 5, maxLength: 5 })])(
    'converting then summing equals summing per currency then converting; displayed totals differ by at most one rounding',
    (entries, rates) => {
      const convertedThenSummed = sum(entries.map(([currency, value]) => convert(value, rates[currency] as string)));
      const perCurrency = [0, 1, 2, 3, 4].map((currency) => sum(entries.filter(([c]) => c === currency).map(([, value]) => value)));
      const summedThenConverted = sum(perCurrency.map((total, currency) => convert(total, rates[currency] as string)));
      // Exact arithmetic: equal to the last digit.
      expect(convertedThenSummed.equals(summedThenConverted)).toBe(true);
      // Rounding each currency's converted total for display, then adding, strays from the once-rounded
      // total by at most half a cent per currency: the documented reason to round only once.
      const roundedEach = sum(perCurrency.map((total, currency) => roundForDisplay(convert(total, rates[currency] as string), 'USD')));
      expect(roundedEach.minus(roundForDisplay(convertedThenSummed, 'USD')).abs().lessThanOrEqualTo(exact('0.005').times(5).plus('0.005'))).toBe(true);
    },
  );
});
