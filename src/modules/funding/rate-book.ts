import type { Db } from '../../db/client.ts';
import { daysBefore } from '../../platform/calendar-day.ts';
import { crossRate, type Exact, exact } from './money.ts';
import { ratesOf } from './rates.repo.ts';
import { say } from '../../platform/i18n/say.ts';

/** ECB publishes no rates on weekends and TARGET holidays: a contribution takes the latest rate at most this many days old. */
export const RATE_LOOKBACK_DAYS = 7;

export type RateLookup = { rate: Exact; rateDate: string } | { problem: string };

/** The reference rates of a few currencies, held in memory so a million contributions convert without a query each. */
export class RateBook {
  private readonly loaded = new Set<string>();
  private readonly lookups = new Map<string, RateLookup>();
  private constructor(private readonly byCurrency: Map<string, { dates: string[]; values: string[] }>) {}

  static async load(db: Db, currencies: string[]): Promise<RateBook> {
    const book = new RateBook(new Map());
    await book.ensure(db, currencies);
    return book;
  }

  /** Loads the series of any of these currencies not yet held (a file's currencies are known only as it is read). */
  async ensure(db: Db, currencies: string[]): Promise<void> {
    const wanted = [...new Set(currencies.filter((c) => c !== 'EUR' && !this.loaded.has(c)))];
    if (!wanted.length) return;
    for (const currency of wanted) this.loaded.add(currency);
    for (const row of await ratesOf(db, wanted)) {
      let series = this.byCurrency.get(row.currency);
      if (!series) {
        series = { dates: [], values: [] };
        this.byCurrency.set(row.currency, series);
      }
      series.dates.push(row.rateDate);
      series.values.push(row.unitsPerEur);
    }
    // Earlier answers may have said "no rate" for a currency just loaded.
    this.lookups.clear();
  }

  /** Units per euro on or shortly before `date`; the euro is 1 by definition. */
  private unitsPerEur(currency: string, date: string): { value: string; rateDate: string } | undefined {
    if (currency === 'EUR') return { value: '1', rateDate: date };
    const series = this.byCurrency.get(currency);
    if (!series) return undefined;
    // Binary search for the last date on or before `date` (dates are sorted, ISO strings compare as dates).
    let low = 0;
    let high = series.dates.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((series.dates[middle] as string) <= date) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0 || (series.dates[found] as string) < daysBefore(date, RATE_LOOKBACK_DAYS)) return undefined;
    return { value: series.values[found] as string, rateDate: series.dates[found] as string };
  }

  /** Units of `to` per unit of `from` on `date`, or a message naming the currency and date that has no rate — never 1.0 by default. */
  rate(from: string, to: string, date: string): RateLookup {
    // A file has few distinct days and currencies: each pair and day is looked up and divided once.
    const key = `${from}${to}${date}`;
    let found = this.lookups.get(key);
    if (!found) {
      found = this.lookUp(from, to, date);
      this.lookups.set(key, found);
    }
    return found;
  }

  private lookUp(from: string, to: string, date: string): RateLookup {
    if (from === to) return { rate: exact(1), rateDate: date };
    const fromRate = this.unitsPerEur(from, date);
    const toRate = this.unitsPerEur(to, date);
    const missing = !fromRate ? from : !toRate ? to : undefined;
    if (missing || !fromRate || !toRate) {
      return { problem: say('problem.noRate', { currency: String(missing), date, days: RATE_LOOKBACK_DAYS }) };
    }
    return { rate: crossRate(fromRate.value, toRate.value), rateDate: [fromRate.rateDate, toRate.rateDate].sort()[0] as string };
  }
}
