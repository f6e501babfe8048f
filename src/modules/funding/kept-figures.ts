import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { type FigureCache, keptList, readerKey } from '../../platform/figure-cache.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';

/**
 * Partner names in the reader's language, read and sorted once per kind of reader until partners change:
 * a change to partners announces the `groups` topic (migration 0041), which drops this copy.
 */
export function keptPartnerDirectory(db: Db, actor: MaybeActor, locale: Locale, kept: FigureCache | undefined): Promise<Awaited<ReturnType<typeof partnerDirectory>>> {
  return keptList(kept, 'groups', `partner-directory|${readerKey(actor)}|${locale}`, () => partnerDirectory(db, actor, locale));
}

const serials = new WeakMap<object, number>();
let lastSerial = 0;

/**
 * A number naming this very object. A figure rendered from kept lists of other topics (partner names,
 * theaters) is kept under a key holding their serials: once either topic changes, its list is read
 * again as a new object, so the figure is rendered afresh instead of showing the old names.
 */
export function copySerial(value: object): number {
  let serial = serials.get(value);
  if (serial === undefined) {
    serial = ++lastSerial;
    serials.set(value, serial);
  }
  return serial;
}
