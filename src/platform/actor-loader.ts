import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens, userGroups, users } from '../db/schema/identity.ts';
import type { Actor } from './actor.ts';
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
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
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

/** The actor behind a session's user; null when the account is gone or disabled. */
export async function loadActor(db: Db, userId: string, ip: string): Promise<Actor | null> {
  const [row] = await queriesFor(db).byUser.execute({ userId });
  return row ? toActor(row, ip) : null;
}

/** The actor behind a personal API token that is live (not revoked, not expired) and whose account is enabled. */
export async function loadActorByApiToken(db: Db, token: string, ip: string): Promise<Actor | null> {
  const [row] = await queriesFor(db).byToken.execute({ tokenHash: sha256(token) });
  if (!row) return null;
  // Record use at most once a minute: a write on every call would double the cost of the API.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  return toActor(row, ip);
}
