import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { csvChunks, EXPORT_BATCH_SIZE, keysetBatches } from '../../platform/csv-stream.ts';
import * as repo from './audit.repo.ts';
import type { AuditEventRow } from './audit.repo.ts';
import type { AuditQuery } from './audit.schema.ts';

export type { AuditEventRow } from './audit.repo.ts';

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
  const towardNewer = query.after !== undefined && query.before === undefined;
  const keyset = query.before !== undefined || towardNewer;
  const offset = keyset ? 0 : ((query.page ?? 1) - 1) * pageSize;
  // One row more than the page: whether there is a page beyond, without counting.
  const found = await repo.findEvents(db, query, pageSize + 1, { before: query.before, after: query.after, offset });
  const beyond = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (towardNewer) rows.reverse();
  const hasOlder = towardNewer ? rows.length > 0 : beyond;
  const hasNewer = towardNewer ? beyond : query.before !== undefined || offset > 0;
  const n = await repo.countEvents(db, query, AUDIT_COUNT_LIMIT + 1);
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
  const batches = keysetBatches<AuditEventRow>((last) => repo.findEvents(db, query, batchSize, last ? { before: last.seq } : {}), batchSize,
  );
  return csvChunks(AUDIT_CSV_COLUMNS, batches, (e) => [e.seq, e.occurredAt.toISOString(), e.actorLabel, e.action, e.entityType, e.entityId, e.ip, JSON.stringify(e.detail), e.hash]);
}
