import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/audit.ts';
import type { MaybeActor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** Arbitrary constant: makes appends take turns so the chain stays linear across processes. */
export const AUDIT_CHAIN_LOCK = 727_002;
export const GENESIS_HASH = '0'.repeat(64);

interface HashedFields {
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** The hash covers every field of the event and the previous hash, in a canonical (RFC 8785) form. */
export function hashEvent(fields: HashedFields): string {
  const canonical = canonicalize({ ...fields, occurredAt: fields.occurredAt.toISOString() }) ?? '';
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends an audit event. Call it with the transaction that makes the change (ARCHITECTURE rule 3),
 * so the change and its record commit or fail together.
 */
export async function appendAudit(tx: Db, actor: MaybeActor, entry: AuditEntry, ip?: string | null): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const fields: HashedFields = {
    occurredAt: new Date(),
    actorUserId: actor?.userId ?? null,
    actorLabel: actor?.label ?? 'anonymous',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: ip ?? actor?.ip ?? null,
    detail: entry.detail ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...fields, hash: hashEvent(fields) });
}

export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks the chain in order and reports the first event whose link or content does not check out. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, afterSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, count };
    for (const event of batch) {
      if (event.prevHash !== prevHash) {
        return { ok: false, count, brokenAt: event.seq, reason: 'its previous-hash does not match the event before it' };
      }
      const { seq, hash, ...fields } = event;
      if (hashEvent(fields) !== hash) {
        return { ok: false, count, brokenAt: seq, reason: 'its content does not match its hash' };
      }
      prevHash = hash;
      afterSeq = seq;
      count++;
    }
  }
}
