import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { GENESIS_HASH, verifyAuditChain } from './audit.ts';

/**
 * A signed statement of the audit chain's head: its last event's sequence number and hash, and the
 * time. The hash chain shows that nothing was changed; only a checkpoint kept elsewhere shows that
 * nothing was cut off the end (ASVS V7.3.3). The Ed25519 key lives outside the database
 * (AUDIT_SIGNING_KEY), so whoever can rewrite the table cannot forge a checkpoint.
 */
export const CHECKPOINT_FORMAT = 'coalition-desk-audit-checkpoint/1';

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  seq: number;
  hash: string;
  /** When the head event happened. */
  occurredAt: string | null;
  /** When the checkpoint was taken. */
  writtenAt: string;
  /** Ed25519 signature (base64) over the fields above in canonical form; null when no key is configured. */
  signature: string | null;
}

type Signed = Omit<AuditCheckpoint, 'signature'>;

function signedBytes(fields: Signed): Buffer {
  const { format, seq, hash, occurredAt, writtenAt } = fields;
  return Buffer.from(canonicalize({ format, seq, hash, occurredAt, writtenAt }) ?? '');
}

/** The private key from PEM text; refuses anything but Ed25519. */
export function ed25519PrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an Ed25519 key is needed, got ${key.asymmetricKeyType}`);
  return key;
}

export async function takeCheckpoint(db: Db, signingKeyPem: string | undefined, now = new Date()): Promise<AuditCheckpoint> {
  const [head] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash, occurredAt: auditEvents.occurredAt }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const fields: Signed = {
    format: CHECKPOINT_FORMAT,
    seq: head?.seq ?? 0,
    hash: head?.hash ?? GENESIS_HASH,
    occurredAt: head?.occurredAt.toISOString() ?? null,
    writtenAt: now.toISOString(),
  };
  const signature = signingKeyPem ? sign(null, signedBytes(fields), ed25519PrivateKey(signingKeyPem)).toString('base64') : null;
  return { ...fields, signature };
}

export type CheckpointVerdict = { ok: true; count: number } | { ok: false; reason: string };

/** Reads a checkpoint file's text; a malformed one is refused with the reason. */
export function parseCheckpoint(text: string): AuditCheckpoint {
  let value: Partial<AuditCheckpoint>;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the checkpoint file is not JSON');
  }
  if (value.format !== CHECKPOINT_FORMAT || typeof value.seq !== 'number' || typeof value.hash !== 'string' || typeof value.writtenAt !== 'string') {
    throw new Error(`the checkpoint file is not a ${CHECKPOINT_FORMAT} checkpoint`);
  }
  return value as AuditCheckpoint;
}

/**
 * Checks the checkpoint's signature with the configured key, then that the chain is intact and still
 * reaches the checkpoint's event with the checkpoint's hash: events cut off the end fail here.
 */
export async function verifyAgainstCheckpoint(db: Db, checkpoint: AuditCheckpoint, signingKeyPem: string | undefined): Promise<CheckpointVerdict> {
  if (!signingKeyPem) return { ok: false, reason: 'AUDIT_SIGNING_KEY is not set: the checkpoint’s signature cannot be checked' };
  if (!checkpoint.signature) return { ok: false, reason: 'the checkpoint is not signed' };
  const publicKey = createPublicKey(ed25519PrivateKey(signingKeyPem));
  if (!verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'))) {
    return { ok: false, reason: 'the checkpoint’s signature does not match AUDIT_SIGNING_KEY' };
  }
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return { ok: false, reason: `the chain is broken at event ${chain.brokenAt}: ${chain.reason}` };
  if (checkpoint.seq === 0) return { ok: true, count: chain.count };
  const [event] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, checkpoint.seq));
  if (!event) {
    return { ok: false, reason: `the chain no longer reaches event ${checkpoint.seq} of the checkpoint taken ${checkpoint.writtenAt}: it holds ${chain.count} events` };
  }
  if (event.hash !== checkpoint.hash) return { ok: false, reason: `event ${checkpoint.seq} no longer has the hash the checkpoint taken ${checkpoint.writtenAt} recorded` };
  return { ok: true, count: chain.count };
}

const HOUR_MS = 3_600_000;

/**
 * Writes a checkpoint to the server log every hour and once more when stopped, so the log shipped off
 * the host anchors the chain's tail. Returns the function that stops it (and writes the last one).
 */
export function startAuditCheckpoints(db: Db, signingKeyPem: string | undefined, log: { info(object: object, message: string): void; error(object: object, message: string): void }): () => Promise<void> {
  const write = () =>
    takeCheckpoint(db, signingKeyPem).then(
      (auditCheckpoint) => log.info({ auditCheckpoint }, 'audit checkpoint'),
      (err: unknown) => log.error({ err }, 'audit checkpoint failed'),
    );
  const timer = setInterval(write, HOUR_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}
