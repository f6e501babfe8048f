import { and, asc, count, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { csvChunks, EXPORT_BATCH_SIZE, keysetBatches } from '../../platform/csv-stream.ts';
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

/**
 * Counting a million events costs more than showing a page of them, so the count stops here and the
 * page says "more than"; the filters narrow a search past it.
 */
export const AUDIT_COUNT_LIMIT = 10_000;

export interface AuditEventsPage {
  rows: AuditEventRow[];
  total: number;
  totalIsLowerBound: boolean;
  /** `before` for the next (older) page, when there is one. */
  older?: number;
  /** `after` for the previous (newer) page, when there is one. */
  newer?: number;
}

/**
 * One page of events, newest first. Pages are reached by keyset (`before`/`after` a sequence number), so
 * the thousandth page of a million events costs what the first does; `page` (an offset) still works.
 */
export async function listAuditEvents(db: Db, actor: MaybeActor, query: AuditQuery): Promise<AuditEventsPage> {
  authorize(actor, 'audit.read');
  const pageSize = query.pageSize ?? 50;
  const where = conditions(query);
  const towardNewer = query.after !== undefined && query.before === undefined;
  const keyset = query.before !== undefined ? lt(auditEvents.seq, query.before) : towardNewer ? gt(auditEvents.seq, query.after as number) : undefined;
  const offset = keyset ? 0 : ((query.page ?? 1) - 1) * pageSize;
  // One row more than the page: whether there is a page beyond, without counting.
  const found = await db
    .select()
    .from(auditEvents)
    .where(and(where, keyset))
    .orderBy(towardNewer ? asc(auditEvents.seq) : desc(auditEvents.seq))
    .limit(pageSize + 1)
    .offset(offset);
  const beyond = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (towardNewer) rows.reverse();
  const hasOlder = towardNewer ? rows.length > 0 : beyond;
  const hasNewer = towardNewer ? beyond : query.before !== undefined || offset > 0;
  const matching = db.select({ seq: auditEvents.seq }).from(auditEvents).where(where).limit(AUDIT_COUNT_LIMIT + 1).as('matching');
  const [counted] = await db.select({ n: count() }).from(matching);
  const n = counted?.n ?? 0;
  return {
    rows,
    total: Math.min(n, AUDIT_COUNT_LIMIT),
    totalIsLowerBound: n > AUDIT_COUNT_LIMIT,
    older: hasOlder ? rows.at(-1)?.seq : undefined,
    newer: hasNewer ? rows[0]?.seq : undefined,
  };
}

const AUDIT_CSV_COLUMNS = ['seq', 'occurred_at_utc', 'actor', 'action', 'entity_type', 'entity_id', 'ip', 'detail', 'hash'];

/**
 * Every matching event as CSV, newest first, read `batchSize` events at a time by sequence number, so the
 * export of a million events keeps the memory of one batch (issue 20).
 */
export function exportAuditCsv(db: Db, actor: MaybeActor, query: AuditQuery, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<string> {
  authorize(actor, 'audit.read');
  const where = conditions(query);
  const batches = keysetBatches<AuditEventRow>(
    (last) =>
      db
        .select()
        .from(auditEvents)
        .where(and(where, last ? lt(auditEvents.seq, last.seq) : undefined))
        .orderBy(desc(auditEvents.seq))
        .limit(batchSize),
    batchSize,
  );
  return csvChunks(AUDIT_CSV_COLUMNS, batches, (e) => [e.seq, e.occurredAt.toISOString(), e.actorLabel, e.action, e.entityType, e.entityId, e.ip, JSON.stringify(e.detail), e.hash]);
}
