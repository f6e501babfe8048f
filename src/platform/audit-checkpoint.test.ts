import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import type { Database } from '../db/client.ts';
import { systemActor } from './actor.ts';
import { appendAudit, verifyAuditChain } from './audit.ts';
import { parseCheckpoint, startAuditCheckpoints, takeCheckpoint, verifyAgainstCheckpoint } from './audit-checkpoint.ts';

const keyPem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const signingKey = keyPem();

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function append(count: number) {
  for (let i = 0; i < count; i++) {
    await database.db.transaction((tx) => appendAudit(tx, systemActor('test'), { action: 'test.event', entityType: 'test', entityId: String(i) }));
  }
}

/** What a superuser can do: turn the append-only trigger off, delete the newest events, turn it back on. */
async function cutTail(events: number) {
  await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`);
  await database.db.execute(sql`DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT ${events})`);
  await database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER USER`);
}

describe('audit checkpoints', () => {
  it('notices events cut off the end of the chain, which the hash chain alone cannot', async () => {
    await append(4);
    const checkpoint = parseCheckpoint(JSON.stringify(await takeCheckpoint(database.db, signingKey)));
    expect(checkpoint.seq).toBeGreaterThanOrEqual(4);
    expect(checkpoint.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await verifyAgainstCheckpoint(database.db, checkpoint, signingKey)).toMatchObject({ ok: true });
    // Later events do not spoil an older checkpoint.
    await append(2);
    expect(await verifyAgainstCheckpoint(database.db, checkpoint, signingKey)).toMatchObject({ ok: true });

    await cutTail(3);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const verdict = await verifyAgainstCheckpoint(database.db, checkpoint, signingKey);
    expect(verdict.ok).toBe(false);
    expect(verdict).toMatchObject({ reason: expect.stringContaining(`the chain no longer reaches event ${checkpoint.seq} of the checkpoint taken ${checkpoint.writtenAt}`) });
  });

  it('refuses a checkpoint whose fields were changed, or that another key signed', async () => {
    await append(1);
    const checkpoint = await takeCheckpoint(database.db, signingKey);
    const moved = await verifyAgainstCheckpoint(database.db, { ...checkpoint, seq: checkpoint.seq - 1 }, signingKey);
    expect(moved).toEqual({ ok: false, reason: 'the checkpoint’s signature does not match AUDIT_SIGNING_KEY' });
    const otherKey = await verifyAgainstCheckpoint(database.db, await takeCheckpoint(database.db, keyPem()), signingKey);
    expect(otherKey).toEqual({ ok: false, reason: 'the checkpoint’s signature does not match AUDIT_SIGNING_KEY' });
    expect(() => parseCheckpoint('{"seq": 1}')).toThrow('the checkpoint file is not a coalition-desk-audit-checkpoint/1 checkpoint');
  });

  it('writes a signed checkpoint to the log every hour and once more when the server stops', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const logged: { auditCheckpoint: Awaited<ReturnType<typeof takeCheckpoint>> }[] = [];
    try {
      const stop = startAuditCheckpoints(database.db, signingKey, { info: (object) => logged.push(object as never), error: () => {} });
      expect(logged).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(3_600_000);
      await vi.waitFor(() => expect(logged).toHaveLength(1));
      await append(1);
      await stop();
      expect(logged).toHaveLength(2);
      expect(logged[1]?.auditCheckpoint.seq).toBe((logged[0]?.auditCheckpoint.seq ?? 0) + 1);
      for (const { auditCheckpoint } of logged) expect(await verifyAgainstCheckpoint(database.db, auditCheckpoint, signingKey)).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
