import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { instanceSecrets } from '../db/schema/identity.ts';
import { randomToken } from './tokens.ts';

/**
 * A secret shared by every process on the same database, made on first use. Keeping it in the
 * database (not in each process) lets any process check what another signed.
 */
export async function instanceSecret(db: Db, name: string): Promise<string> {
  await db.insert(instanceSecrets).values({ name, value: randomToken() }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, name));
  if (!row) throw new Error(`instance secret ${name} could not be stored`);
  return row.value;
}
