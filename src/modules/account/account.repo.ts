import { and, count, countDistinct, desc, eq, gt, isNull, lt, max, min, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/audit.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, loginFailures, oidcFlows, recoveryCodes, userIdentities, users } from '../../db/schema/identity.ts';
import { partners } from '../../db/schema/partners.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { Numerals } from '../../platform/i18n/request-language.ts';

export type UserRow = typeof users.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Where failures are counted: an account tried from one address, or one browser's device cookie. */
export type FailureCounter = { scope: 'pair'; account: string; address: string } | { scope: 'device'; nonce: string };

function counterCondition(counter: FailureCounter, since: Date) {
  return counter.scope === 'pair'
    ? and(eq(loginFailures.scope, 'pair'), eq(loginFailures.key, counter.account), eq(loginFailures.address, counter.address), gt(loginFailures.at, since))
    : and(eq(loginFailures.scope, 'device'), eq(loginFailures.key, counter.nonce), gt(loginFailures.at, since));
}

/** The number of failures on a counter since a time, and when the last one happened. */
export async function recentFailures(db: Db, counter: FailureCounter, since: Date): Promise<{ count: number; last: Date | null }> {
  const [row] = await db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(counterCondition(counter, since));
  return { count: row?.n ?? 0, last: row?.last ?? null };
}

/** How many different accounts failed from one address since a time, and when the earliest of those failures was. */
export async function accountsFailedFromAddress(db: Db, address: string, since: Date): Promise<{ accounts: number; oldest: Date | null }> {
  const [row] = await db
    .select({ n: countDistinct(loginFailures.key), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.scope, 'pair'), eq(loginFailures.address, address), gt(loginFailures.at, since)));
  return { accounts: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** Has this account already failed from this address (so trying it again adds no new account to the address's count)? */
export async function hasFailedFromAddress(db: Db, account: string, address: string, since: Date): Promise<boolean> {
  return (await recentFailures(db, { scope: 'pair', account, address }, since)).count > 0;
}

export async function recordFailure(db: Db, counter: FailureCounter): Promise<void> {
  await db
    .insert(loginFailures)
    .values(counter.scope === 'pair' ? { scope: 'pair', key: counter.account, address: counter.address } : { scope: 'device', key: counter.nonce });
}

/** A successful sign-in wipes the slate of the counter it was judged by. */
export async function clearFailures(db: Db, counter: FailureCounter): Promise<void> {
  await db.delete(loginFailures).where(counterCondition(counter, new Date(0)));
}

/** Failed sign-ins on an account since its last successful one, read from the audit trail. */
export async function failuresSinceLastSignIn(db: Db, userId: string): Promise<number> {
  const [last] = await db
    .select({ seq: max(auditEvents.seq) })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId), eq(auditEvents.action, 'sign-in.succeeded')));
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId), eq(auditEvents.action, 'sign-in.failed'), gt(auditEvents.seq, last?.seq ?? 0)),
    );
  return row?.n ?? 0;
}

/** What the account's latest successful sign-in reported about the failures before it. */
export async function lastSignInReport(db: Db, userId: string): Promise<{ at: Date; failures: number } | null> {
  const [row] = await db
    .select({ at: auditEvents.occurredAt, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId), eq(auditEvents.action, 'sign-in.succeeded')))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!row) return null;
  const failures = (row.detail as { failuresSincePreviousSignIn?: unknown }).failuresSincePreviousSignIn;
  return { at: row.at, failures: typeof failures === 'number' ? failures : 0 };
}

export async function unusedRecoveryCodes(db: Db, userId: string) {
  return db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function markRecoveryCodeUsed(db: Db, id: string): Promise<boolean> {
  const updated = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return updated.length === 1;
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

/** The last TOTP time step used, so a code is good once. */
export async function setTotpLastStep(db: Db, userId: string, step: number): Promise<void> {
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
}

/** A new TOTP secret, inactive until enrolment is confirmed. */
export async function setPendingTotpSecret(db: Db, userId: string, secret: string): Promise<void> {
  await db.update(users).set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
}

export async function enableTotp(db: Db, userId: string, step: number): Promise<void> {
  await db.update(users).set({ totpEnabledAt: new Date(), totpLastStep: step }).where(eq(users.id, userId));
}

export async function setLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function setNumerals(db: Db, userId: string, numerals: Numerals): Promise<void> {
  await db.update(users).set({ numerals }).where(eq(users.id, userId));
}

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('token insert returned nothing');
  return row;
}

/** Revokes one of the user's own live tokens; false when there is none with that id. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

export type OidcFlowRow = typeof oidcFlows.$inferSelect;

/** Starts a sign-in at a provider, forgetting those started more than `minutes` ago. */
export async function insertOidcFlow(db: Db, values: typeof oidcFlows.$inferInsert, minutes: number): Promise<void> {
  await db.delete(oidcFlows).where(lt(oidcFlows.createdAt, sql`now() - make_interval(mins => ${minutes})`));
  await db.insert(oidcFlows).values(values);
}

/** Takes the flow out, so it is used once. */
export async function takeOidcFlow(db: Db, idHash: string): Promise<OidcFlowRow | undefined> {
  const [flow] = await db.delete(oidcFlows).where(eq(oidcFlows.idHash, idHash)).returning();
  return flow;
}

export async function findIdentity(db: Db, provider: string, subject: string) {
  const [identity] = await db.select().from(userIdentities).where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  return identity;
}

export async function linkIdentity(db: Db, values: typeof userIdentities.$inferInsert): Promise<void> {
  await db.insert(userIdentities).values(values);
}

export async function partnerIdByIso3(db: Db, iso3: string): Promise<string | null> {
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.iso3, iso3));
  return partner?.id ?? null;
}
