import type { Classification } from '../../db/schema/common.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';

/**
 * Reading restricted justice figures is itself audited (ASVS V7.1.3), as detention figures are: who
 * looked at which restricted records, even though nothing changed. Public and coalition ones are not logged.
 */
export async function auditRestrictedJusticeRead(db: Db, actor: MaybeActor, view: string, records: readonly { id: string; classification: Classification }[], entityId: string | null = null): Promise<void> {
  const restricted = records.filter((record) => record.classification === 'restricted');
  if (restricted.length === 0) return;
  // Nothing changes with it, so it is appended alone: one statement, no transaction of its own.
  await appendAudit(db, actor, { action: 'justice.viewed', entityType: 'justice-record', entityId, detail: { view, restrictedRecords: restricted.length, ids: restricted.slice(0, 50).map((record) => record.id) } });
}
