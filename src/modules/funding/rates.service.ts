import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import { parseEcbRates } from './ecb-csv.ts';
import { RateBook } from './rate-book.ts';
import * as repo from './rates.repo.ts';
import { say } from '../../platform/i18n/say.ts';

export function listRates(db: Db, actor: MaybeActor, query: repo.RateListQuery) {
  authorize(actor, 'funding.read');
  return repo.listRates(db, { ...query, currency: query.currency?.toUpperCase() });
}

/** The reference rates of these currencies, held in memory for converting many sums (ingest's amounts in US dollars). */
export function rateBookOf(db: Db, actor: MaybeActor, currencies: string[]): Promise<RateBook> {
  authorize(actor, 'funding.read');
  return RateBook.load(db, currencies);
}

export function rateCurrencies(db: Db, actor: MaybeActor) {
  authorize(actor, 'funding.read');
  return repo.rateCurrencies(db);
}

/** Imports an ECB reference-rate file, all or nothing; a rate already held for a day is replaced. */
export async function importRates(db: Db, actor: MaybeActor, csvText: string, source: string) {
  authorize(actor, 'rate.write');
  const { rates, problems } = parseEcbRates(csvText);
  if (!source.trim()) problems.unshift({ line: 0, field: 'source', message: say('problem.ratesSourceNeeded') });
  if (problems.length) throw new ImportRejected(problems.slice(0, 200));
  const dates = rates.map((rate) => rate.rateDate).sort();
  const currencies = [...new Set(rates.map((rate) => rate.currency))].sort();
  const summary = { imported: rates.length, currencies, from: dates[0] ?? null, to: dates.at(-1) ?? null };
  await db.transaction(async (tx) => {
    await repo.upsertRates(tx, rates, source.trim());
    await appendAudit(tx, actor, { action: 'funding.rates-imported', entityType: 'exchange-rates', entityId: null, detail: { ...summary, source: source.trim() } });
  });
  return summary;
}
