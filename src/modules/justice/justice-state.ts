import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { verifiedRepatriationsTo } from '../detention/repatriations.service.ts';
import { chainsOf } from './justice-chain.ts';
import { allJustice } from './justice.service.ts';

/** One state's verified justice figures over time, beside its repatriations from the detention module. */
export async function stateJustice(db: Db, actor: MaybeActor, iso3: string) {
  const rows = (await allJustice(db, actor, { state: iso3, verifiedOnly: true }, 'justice-state')).reverse();
  const repatriations = await verifiedRepatriationsTo(db, actor, iso3);
  return { rows, repatriations, ...chainsOf(rows, repatriations) };
}
