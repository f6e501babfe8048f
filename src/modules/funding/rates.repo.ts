import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { exchangeRates } from '../../db/schema/funding.ts';
import type { ReferenceRate } from './ecb-csv.ts';

const UPSERT_BATCH = 1000;

export async function upsertRates(tx: Db, rates: ReferenceRate[], source: string): Promise<void> {
  for (let start = 0; start < rates.length; start += UPSERT_BATCH) {
    await tx
      .insert(exchangeRates)
      .values(rates.slice(start, start + UPSERT_BATCH).map((rate) => ({ ...rate, source })))
      .onConflictDoUpdate({
        target: [exchangeRates.currency, exchangeRates.rateDate],
        set: { unitsPerEur: sql`excluded.units_per_eur`, source: sql`excluded.source`, importedAt: sql`now()` },
      });
  }
}

/** Every rate of the given currencies, oldest first: the bulk importer looks them up in memory. */
export function ratesOf(db: Db, currencies: string[]) {
  return db
    .select({ currency: exchangeRates.currency, rateDate: exchangeRates.rateDate, unitsPerEur: exchangeRates.unitsPerEur })
    .from(exchangeRates)
    .where(inArray(exchangeRates.currency, currencies))
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.rateDate));
}

export interface RateListQuery {
  currency?: string;
  page?: number;
  pageSize?: number;
}

export async function listRates(db: Db, query: RateListQuery) {
  const where = query.currency ? eq(exchangeRates.currency, query.currency) : undefined;
  const pageSize = query.pageSize ?? 50;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(exchangeRates)
      .where(where)
      .orderBy(desc(exchangeRates.rateDate), asc(exchangeRates.currency))
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db.select({ total: count() }).from(exchangeRates).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function rateCurrencies(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ currency: exchangeRates.currency }).from(exchangeRates).orderBy(asc(exchangeRates.currency));
  return rows.map((row) => row.currency);
}
