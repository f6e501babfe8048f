import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarFeedTokens } from '../../db/schema/meetings.ts';
import type { Actor, MaybeActor } from '../../platform/actor.ts';
import { loadActor } from '../../platform/actor-loader.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { HttpProblem, NotFound, Unauthenticated } from '../../platform/errors.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import { findGroup } from '../partners/partners.repo.ts';
import { meetingCalendar } from './meeting-calendar.ts';
import { listMeetings } from './meetings.repo.ts';

export async function hasLiveFeedToken(db: Db, actor: Actor): Promise<boolean> {
  if (!actor.userId) return false;
  const [row] = await db.select({ id: calendarFeedTokens.id }).from(calendarFeedTokens).where(and(eq(calendarFeedTokens.userId, actor.userId), isNull(calendarFeedTokens.revokedAt)));
  return Boolean(row);
}

/** Issues a new feed token (shown once) and revokes any earlier one, so old subscription URLs stop working. */
export async function renewFeedToken(db: Db, actor: Actor): Promise<string> {
  if (!actor.userId) throw new Unauthenticated();
  const userId = actor.userId;
  const token = `cdf_${randomToken()}`;
  await db.transaction(async (tx) => {
    await tx.update(calendarFeedTokens).set({ revokedAt: new Date() }).where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)));
    await tx.insert(calendarFeedTokens).values({ userId, tokenHash: sha256(token) });
    await appendAudit(tx, actor, { action: 'calendar-feed-token.renewed', entityType: 'user', entityId: userId });
  });
  return token;
}

export async function revokeFeedToken(db: Db, actor: Actor): Promise<void> {
  if (!actor.userId) throw new Unauthenticated();
  const userId = actor.userId;
  await db.transaction(async (tx) => {
    await tx.update(calendarFeedTokens).set({ revokedAt: new Date() }).where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)));
    await appendAudit(tx, actor, { action: 'calendar-feed-token.revoked', entityType: 'user', entityId: userId });
  });
}

/** Who reads a feed: the owner of a live token, or an anonymous visitor (public meetings only) without one. */
async function feedReader(db: Db, token: string | undefined, ip: string): Promise<MaybeActor> {
  if (!token) return null;
  const [row] = await db.select({ userId: calendarFeedTokens.userId }).from(calendarFeedTokens).where(and(eq(calendarFeedTokens.tokenHash, sha256(token)), isNull(calendarFeedTokens.revokedAt)));
  const actor = row ? await loadActor(db, row.userId, ip) : null;
  if (!actor) throw new HttpProblem(401, 'Unauthorized', 'This calendar link has been revoked or its account disabled. Get a new link from your account.');
  return actor;
}

/** A group's meetings as a subscribable iCalendar feed, limited to what the reader may see. */
export async function groupFeed(db: Db, groupId: string, token: string | undefined, ip: string, origin: string): Promise<string> {
  const reader = await feedReader(db, token, ip);
  authorize(reader, 'meeting.read');
  const group = await findGroup(db, reader, groupId);
  if (!group) throw new NotFound('group');
  const { rows } = await listMeetings(db, reader, { groupId, pageSize: 1000 });
  return meetingCalendar(rows, origin, `${group.name} · Coalition Desk`);
}
