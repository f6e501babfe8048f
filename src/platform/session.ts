import Tokens from '@fastify/csrf';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions } from '../db/schema/identity.ts';
import type { IdentityCache } from './identity-cache.ts';
import { randomToken, sha256 } from './tokens.ts';

/** `__Host-` binds the cookie to this host, path / and HTTPS (ASVS V3.4.4). */
export const SESSION_COOKIE = '__Host-cd_session';

export const SESSION_COOKIE_OPTIONS = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
} as const;

/**
 * `password`: the password was right and a second factor is owed; `enrol`: the account must set up a
 * second factor before anything else; `full`: signed in.
 */
export type SessionStage = 'password' | 'enrol' | 'full';

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** The settings that bound a session, as the entry reads them (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). */
export interface SessionSettings {
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
}

/** The configured idle and absolute limits of a session (ASVS V3.3.1, V3.3.2). */
export function sessionTimeouts(config: SessionSettings): SessionTimeouts {
  return { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
}

// Tokens bound to the session's own secret (synchronizer pattern, ASVS V4.2.2); no user-info binding needed.
const csrfTokens = new Tokens({ userInfo: false });

export interface NewSession {
  cookieValue: string;
  csrfSecret: string;
}

export async function createSession(
  db: Db,
  userId: string,
  stage: SessionStage,
  timeouts: SessionTimeouts,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const cookieValue = randomToken();
  const csrfSecret = await csrfTokens.secret();
  await db.insert(sessions).values({
    idHash: sha256(cookieValue),
    userId,
    csrfSecret,
    stage,
    expiresAt: new Date(Date.now() + timeouts.absoluteHours * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  return { cookieValue, csrfSecret };
}

export type SessionRow = typeof sessions.$inferSelect;

/** Built once per database handle, not per request: the lookup runs whenever a session is not cached. */
const sessionByHash = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();
function prepareSessionLookup(db: Db) {
  return db.select().from(sessions).where(eq(sessions.idHash, sql.placeholder('idHash'))).prepare('session_by_hash');
}
function sessionLookup(db: Db) {
  let query = sessionByHash.get(db);
  if (!query) {
    query = prepareSessionLookup(db);
    sessionByHash.set(db, query);
  }
  return query;
}

/**
 * Finds a live session; an idle or expired one is deleted and reads as none (ASVS V3.3.1, V3.3.2).
 * With a cache, a session seen before is not read again until the database announces a change to it.
 */
export async function findLiveSession(db: Db, cookieValue: string, timeouts: SessionTimeouts, cache?: IdentityCache): Promise<SessionRow | null> {
  const idHash = sha256(cookieValue);
  const now = Date.now();
  const idleLimitOf = (session: SessionRow) => session.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000;
  let row = cache?.get<SessionRow>('sessions', idHash);
  // Another process may have seen this session since our copy was made: ask the table before calling it idle.
  if (row && now > idleLimitOf(row)) row = undefined;
  if (!row) {
    const generation = cache?.generation() ?? 0;
    [row] = await sessionLookup(db).execute({ idHash });
    if (!row) return null;
    cache?.keep('sessions', idHash, row, row.userId, generation);
  }
  if (now > idleLimitOf(row) || now > row.expiresAt.getTime()) {
    cache?.drop('sessions', idHash);
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  // Touch at most once a minute: one write per request would double the cost of every page.
  if (now - row.lastSeenAt.getTime() > 60_000) {
    const generation = cache?.generation() ?? 0;
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.idHash, idHash));
    row = { ...row, lastSeenAt: new Date(now) };
    cache?.keep('sessions', idHash, row, row.userId, generation);
  }
  return row;
}

export async function deleteSession(db: Db, cookieValue: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(cookieValue)));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions that can no longer be used; lookups already ignore them, this keeps the table small. */
export async function deleteExpiredSessions(db: Db, timeouts: SessionTimeouts): Promise<number> {
  const idleCutoff = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  const removed = await db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, idleCutoff))).returning({ idHash: sessions.idHash });
  return removed.length;
}

export function csrfTokenFor(session: Pick<SessionRow, 'csrfSecret'>): string {
  return csrfTokens.create(session.csrfSecret);
}

export function isValidCsrfToken(session: Pick<SessionRow, 'csrfSecret'>, token: unknown): boolean {
  return typeof token === 'string' && csrfTokens.verify(session.csrfSecret, token);
}
