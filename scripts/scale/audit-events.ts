/**
 * Audit events appended to the real hash chain: each is hashed exactly as `appendAudit` hashes it, so
 * `coalition-desk audit verify` still passes over a million generated events. Hashing must happen in
 * order, in JavaScript, so these are inserted in batches rather than by one set-based statement.
 */
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { auditEvents } from '../../src/db/schema/audit.ts';
import { users } from '../../src/db/schema/identity.ts';
import { AUDIT_CHAIN_LOCK, GENESIS_HASH, hashEvent } from '../../src/platform/audit.ts';
import type { Advance } from './records.ts';

const BATCH = 4_000;

interface Subjects {
  meetingIds: string[];
  readoutIds: string[];
  taskingIds: string[];
}

const KINDS = [
  { action: 'meeting.updated', entityType: 'meeting', pick: (s: Subjects) => s.meetingIds },
  { action: 'readout.edited', entityType: 'readout', pick: (s: Subjects) => s.readoutIds },
  { action: 'readout.published', entityType: 'readout', pick: (s: Subjects) => s.readoutIds },
  { action: 'taskings.update-posted', entityType: 'tasking', pick: (s: Subjects) => s.taskingIds },
  { action: 'taskings.tasking-changed', entityType: 'tasking', pick: (s: Subjects) => s.taskingIds },
] as const;

export async function appendAuditEvents(db: Db, total: number, tag: string, subjects: Subjects, advance: Advance): Promise<void> {
  const actors = await db.select({ id: users.id, label: users.displayName }).from(users);
  if (actors.length === 0) throw new Error('no user to attribute the generated audit events to: load the demo data first');
  let written = 0;
  while (written < total) {
    const size = Math.min(BATCH, total - written);
    await db.transaction(async (tx) => {
      // appendAudit's lock: a server appending at the same time waits instead of forking the chain.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
      let prevHash = last?.hash ?? GENESIS_HASH;
      const rows = [];
      for (let i = 0; i < size; i++) {
        const n = written + i;
        const kind = KINDS[n % KINDS.length] as (typeof KINDS)[number];
        const ids = kind.pick(subjects);
        const actor = actors[n % actors.length] as (typeof actors)[number];
        const fields = {
          occurredAt: new Date(),
          actorUserId: actor.id,
          actorLabel: actor.label,
          action: kind.action,
          entityType: kind.entityType,
          entityId: ids[n % ids.length] ?? null,
          ip: '127.0.0.1',
          detail: { generated: tag, n },
          prevHash,
        };
        const hash = hashEvent(fields);
        rows.push({ ...fields, hash });
        prevHash = hash;
      }
      await tx.insert(auditEvents).values(rows);
    });
    written += size;
    advance(size);
  }
}
