import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/audit.ts';
import type { MaybeActor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** Arbitrary constant: makes appends take turns so the chain stays linear across processes (also in migration 0043). */
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

/** How the canonical form of every event ends: the previous hash is the last key in canonical order. */
const PREVIOUS_HASH_LAST = ',"prevHash":""}';

/**
 * The canonical form of an event up to its previous hash (`…,"prevHash":"`): the database appends the
 * hash it reads under the chain's lock and `"}`, and hashes the whole, which is what `hashEvent` hashes.
 */
export function canonicalHead(fields: Omit<HashedFields, 'prevHash'>): string {
  const canonical = canonicalize({ ...fields, occurredAt: fields.occurredAt.toISOString(), prevHash: '' }) ?? '';
  if (!canonical.endsWith(PREVIOUS_HASH_LAST)) throw new Error('an audit event\'s previous hash must come last in its canonical form');
  return canonical.slice(0, -2);
}

/**
 * Appends an audit event. Call it with the transaction that makes the change (ARCHITECTURE rule 3),
 * so the change and its record commit or fail together; an event that records no change (a read of
 * restricted figures) may be appended alone. One statement (migration 0043): the chain's lock, the last
 * hash and the insert, so appends take turns for one round trip each.
 */
export async function appendAudit(db: Db, actor: MaybeActor, entry: AuditEntry, ip?: string | null): Promise<void> {
  const fields = {
    occurredAt: new Date(),
    actorUserId: actor?.userId ?? null,
    actorLabel: actor?.label ?? 'anonymous',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: ip ?? actor?.ip ?? null,
    detail: entry.detail ?? {},
  };
  await db.execute(
    sql`SELECT append_audit_event(${fields.occurredAt.toISOString()}::timestamptz, ${fields.actorUserId}::uuid, ${fields.actorLabel}, ${fields.action}, ${fields.entityType}, ${fields.entityId}, ${fields.ip}, ${JSON.stringify(fields.detail)}::jsonb, ${canonicalHead(fields)})`,
  );
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
