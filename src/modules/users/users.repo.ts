import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userGroups, users } from '../../db/schema/identity.ts';

export type UserRow = typeof users.$inferSelect;

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(sql`lower(${users.email})`));
}

/** Whether an account has this address already, whatever its case. */
export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return Boolean(clash);
}

export async function insertUser(db: Db, values: typeof users.$inferInsert, groupIds: readonly string[] = []): Promise<UserRow> {
  const [user] = await db.insert(users).values(values).returning();
  if (!user) throw new Error('user insert returned nothing');
  if (groupIds.length) await db.insert(userGroups).values(groupIds.map((groupId) => ({ userId: user.id, groupId })));
  return user;
}

/** When the account was provisioned pending approval, if it was and still is; undefined for no such account. */
export async function pendingSince(db: Db, userId: string): Promise<Date | null | undefined> {
  const [row] = await db.select({ pendingSince: users.pendingSince }).from(users).where(eq(users.id, userId));
  return row?.pendingSince;
}

/** Disables the account, or enables it (which also ends a pending approval); undefined for no such account. */
export async function setDisabled(db: Db, userId: string, disabled: boolean): Promise<UserRow | undefined> {
  const [user] = await db
    .update(users)
    .set({ disabledAt: disabled ? new Date() : null, ...(disabled ? {} : { pendingSince: null }), version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
    .returning();
  return user;
}
