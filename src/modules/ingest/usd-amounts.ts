import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { convert, roundForDisplay } from '../funding/money.ts';
import { rateBookOf } from '../funding/rates.service.ts';
import type { Extraction } from './extraction.ts';
import { say } from '../../platform/i18n/say.ts';

/**
 * Fills in the US-dollar amount of sums in other currencies from the reference rates on record, at the
 * publication date, or else the meeting's day when the text states it (the rules alone, offline, cannot);
 * where no rate is on record the amount stays empty and a note says why. Never converted at 1.0.
 */
export async function withUsdAmounts(db: Db, actor: MaybeActor, extraction: Extraction, publishedOn: string | null): Promise<Extraction> {
  const foreign = extraction.money.filter((money) => money.amountUsd === null);
  if (!foreign.length) return extraction;
  // A meeting known only by its month or year has no day's rate.
  const day = publishedOn ?? (extraction.date && /^\d{4}-\d{2}-\d{2}$/.test(extraction.date) ? extraction.date : null);
  if (!day) return { ...extraction, notes: [...extraction.notes, say('ingest.note.noPublicationDate')] };
  const book = await rateBookOf(db, actor, [...new Set(foreign.map((money) => money.currency)), 'USD']);
  const notes = new Set(extraction.notes);
  const money = extraction.money.map((item) => {
    if (item.amountUsd !== null) return item;
    const rate = book.rate(item.currency, 'USD', day);
    if ('problem' in rate) {
      notes.add(say('ingest.note.notConverted', { reason: rate.problem }));
      return item;
    }
    return { ...item, amountUsd: roundForDisplay(convert(item.amount, rate.rate), 'USD').toFixed() };
  });
  return { ...extraction, money, notes: [...notes] };
}
