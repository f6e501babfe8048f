import type { Db } from '../db/client.ts';
import { identityEpoch as epochTable } from '../db/schema/identity.ts';

/** Built once per database handle: every signed-in request on PostgreSQL sends it. */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
const prepare = (db: Db) => db.select({ epoch: epochTable.epoch }).from(epochTable).prepare('identity_epoch');

/**
 * The count of changes to sessions, accounts, memberships and tokens (migration identity_epoch): 0 until
 * the first change makes its row.
 */
export async function identityEpoch(db: Db): Promise<number> {
  let query = prepared.get(db);
  if (!query) {
    query = prepare(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute();
  return row?.epoch ?? 0;
}
