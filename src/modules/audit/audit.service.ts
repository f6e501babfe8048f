import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { toCsv } from '../../platform/csv.ts';
import * as repo from './audit.repo.ts';
import type { AuditEventRow } from './audit.repo.ts';
import type { AuditQuery } from './audit.schema.ts';

export type { AuditEventRow } from './audit.repo.ts';

/**
 * Counting a million events costs more than showing a page of them, so the count stops here and the
 * page says "more than"; the filters narrow a search past it.
 */
export const AUDIT_COUNT_LIMIT = 10_000;

export async function listAuditEvents(db: Db, actor: MaybeActor, query: AuditQuery): Promise<{ rows: AuditEventRow[]; total: number; totalIsLowerBound: boolean }> {
  authorize(actor, 'audit.read');
  const pageSize = query.pageSize ?? 50;
  const rows = await repo.findEvents(db, query, pageSize, ((query.page ?? 1) - 1) * pageSize);
  const n = await repo.countEvents(db, query, AUDIT_COUNT_LIMIT + 1);
  return { rows, total: Math.min(n, AUDIT_COUNT_LIMIT), totalIsLowerBound: n > AUDIT_COUNT_LIMIT };
}

export async function exportAuditCsv(db: Db, actor: MaybeActor, query: AuditQuery): Promise<string> {
  authorize(actor, 'audit.read');
  const rows = await repo.findEvents(db, query, 100_000);
  return toCsv(
    ['seq', 'occurred_at_utc', 'actor', 'action', 'entity_type', 'entity_id', 'ip', 'detail', 'hash'],
    rows.map((e) => [e.seq, e.occurredAt.toISOString(), e.actorLabel, e.action, e.entityType, e.entityId, e.ip, JSON.stringify(e.detail), e.hash]),
  );
}
