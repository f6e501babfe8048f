import { and, asc, count, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import type { AuditQuery } from './audit.schema.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;

function conditions(query: AuditQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditEvents.entityId, query.entityId));
  if (query.actor) where.push(eq(auditEvents.actorLabel, query.actor));
  if (query.from) where.push(gte(auditEvents.occurredAt, new Date(`${query.from}T00:00:00Z`)));
  // `to` is inclusive: the whole of that UTC day.
  if (query.to) where.push(lt(auditEvents.occurredAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  return and(...where);
}

/** Where a page of events starts: before or after a sequence number (keyset), or at an offset. */
export interface EventsFrom {
  before?: number;
  after?: number;
  offset?: number;
}

/**
 * Events matching the filters, newest first — or oldest first when reading `after` a sequence number,
 * toward newer events (the caller turns them round).
 */
export function findEvents(db: Db, query: AuditQuery, limit: number, from: EventsFrom = {}): Promise<AuditEventRow[]> {
  const towardNewer = from.after !== undefined && from.before === undefined;
  const keyset = from.before !== undefined ? lt(auditEvents.seq, from.before) : towardNewer ? gt(auditEvents.seq, from.after as number) : undefined;
  return db
    .select()
    .from(auditEvents)
    .where(and(conditions(query), keyset))
    .orderBy(towardNewer ? asc(auditEvents.seq) : desc(auditEvents.seq))
    .limit(limit)
    .offset(from.offset ?? 0);
}

/** How many events match, counted no further than `upTo` (a count past it is only "more than"). */
export async function countEvents(db: Db, query: AuditQuery, upTo: number): Promise<number> {
  const matching = db.select({ seq: auditEvents.seq }).from(auditEvents).where(conditions(query)).limit(upTo).as('matching');
  const [counted] = await db.select({ n: count() }).from(matching);
  return counted?.n ?? 0;
}
