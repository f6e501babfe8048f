import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens, userGroups, users } from '../db/schema/identity.ts';
import type { Actor } from './actor.ts';
import type { IdentityCache } from './identity-cache.ts';
import { sha256 } from './tokens.ts';

/** A user with their group memberships, in one query: this runs on every signed-in request. */
const actorColumns = {
  userId: users.id,
  email: users.email,
  role: users.role,
  partnerId: users.partnerId,
  locale: users.locale,
  numerals: users.numerals,
  groupIds: sql<string[]>`coalesce(array_agg(${userGroups.groupId}::text) filter (where ${userGroups.groupId} is not null), '{}'::text[])`,
};

type ActorRow = { userId: string; email: string; role: Actor['role']; partnerId: string | null; locale: string | null; numerals: string; groupIds: string[] };

function toActor(row: ActorRow, ip: string): Actor {
  return { userId: row.userId, label: row.email, role: row.role, partnerId: row.partnerId, groupIds: row.groupIds, ip, locale: row.locale, numerals: row.numerals };
}

/**
 * These two queries run on every signed-in request, so they are prepared once per database handle:
 * PostgreSQL then plans them once per connection instead of on every call.
 */
function preparedQueries(db: Db) {
  const byUser = db
    .select(actorColumns)
    .from(users)
    .leftJoin(userGroups, eq(userGroups.userId, users.id))
    .where(and(eq(users.id, sql.placeholder('userId')), isNull(users.disabledAt)))
    .groupBy(users.id)
    .prepare('actor_by_user');
  const byToken = db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(userGroups, eq(userGroups.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`), isNull(users.disabledAt)))
    .groupBy(users.id, apiTokens.id)
    .prepare('actor_by_token');
  return { byUser, byToken };
}

const prepared = new WeakMap<Db, ReturnType<typeof preparedQueries>>();
function queriesFor(db: Db) {
  let queries = prepared.get(db);
  if (!queries) {
    queries = preparedQueries(db);
    prepared.set(db, queries);
  }
  return queries;
}

/** What is kept of a token: the actor comes from the account's own copy, so a change to the account reaches both. */
interface TokenCopy {
  tokenId: string;
  userId: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

/** The actor behind a session's user; null when the account is gone or disabled. */
export async function loadActor(db: Db, userId: string, ip: string, cache?: IdentityCache): Promise<Actor | null> {
  const kept = cache?.get<ActorRow>('actors', userId);
  if (kept) return toActor(kept, ip);
  const generation = cache?.generation() ?? 0;
  const [row] = await queriesFor(db).byUser.execute({ userId });
  if (!row) return null;
  cache?.keep('actors', userId, row, userId, generation);
  return toActor(row, ip);
}

/** The actor behind a personal API token that is live (not revoked, not expired) and whose account is enabled. */
export async function loadActorByApiToken(db: Db, token: string, ip: string, cache?: IdentityCache): Promise<Actor | null> {
  const tokenHash = sha256(token);
  const now = Date.now();
  let copy = cache?.get<TokenCopy>('tokens', tokenHash);
  let actor: Actor | null = null;
  if (copy && copy.expiresAt.getTime() > now) actor = await loadActor(db, copy.userId, ip, cache);
  if (!actor) {
    const generation = cache?.generation() ?? 0;
    const [row] = await queriesFor(db).byToken.execute({ tokenHash });
    if (!row) return null;
    copy = { tokenId: row.tokenId, userId: row.userId, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt };
    cache?.keep('tokens', tokenHash, copy, row.userId, generation);
    cache?.keep('actors', row.userId, row, row.userId, generation);
    actor = toActor(row, ip);
  }
  // Record use at most once a minute: a write on every call would double the cost of the API.
  if (copy && (!copy.lastUsedAt || now - copy.lastUsedAt.getTime() > 60_000)) {
    const generation = cache?.generation() ?? 0;
    await db.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(eq(apiTokens.id, copy.tokenId));
    cache?.keep('tokens', tokenHash, { ...copy, lastUsedAt: new Date(now) }, copy.userId, generation);
  }
  return actor;
}
