import { asc, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../db/schema/audit.ts';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../../test/helpers/app.ts';
import { httpSuite } from '../../test/helpers/http-suite.ts';
import { systemActor } from './actor.ts';
import { appendAudit, hashEvent, verifyAuditChain } from './audit.ts';

const suite = httpSuite(async (ctx) => {
  const admin = await loginAs(ctx, 'secretariat-admin');
  return { admin };
});

describe('audit trail', () => {
  it('chains every event to the one before it', async () => {
    for (let i = 0; i < 5; i++) {
      await suite.ctx.db.transaction((tx) => appendAudit(tx, systemActor('test'), { action: 'test.event', entityType: 'test', entityId: String(i), detail: { i, text: 'ا ب ت <b>' } }));
    }
    const verdict = await verifyAuditChain(suite.ctx.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.count).toBeGreaterThanOrEqual(5);
  });

  it('keeps the chain linear when appends race, each one statement with no transaction of its own', async () => {
    const before = await verifyAuditChain(suite.ctx.db);
    // Quotes, backslashes, Arabic, markup and astral characters: the database finishes the hash over the
    // canonical text the application wrote, so any byte of difference would break the chain.
    const detail = (i: number) => ({ i, 'ا': '“quoted” \\ </script> 𝄞', nested: { z: [1.5, null, true], a: 'é' } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(suite.ctx.db, systemActor('race'), { action: 'test.race', entityType: 'race', entityId: String(i), detail: detail(i) })));
    expect(await verifyAuditChain(suite.ctx.db)).toEqual({ ok: true, count: before.count + 20 });
    const raced = await suite.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.race')).orderBy(asc(auditEvents.seq));
    expect(raced.map((event) => Number(event.entityId)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(raced.map((event) => event.hash)).toEqual(raced.map(({ seq, hash, ...fields }) => hashEvent(fields)));
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    // Drizzle wraps the database's error; the trigger's own message is its cause.
    const refusal = (statement: ReturnType<typeof sql>) =>
      suite.ctx.db.execute(statement).then(
        () => 'accepted',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`UPDATE audit_events SET action = 'forged'`)).toBe('audit_events is append-only: UPDATE is not allowed');
    expect(await refusal(sql`DELETE FROM audit_events`)).toBe('audit_events is append-only: DELETE is not allowed');
    expect(await refusal(sql`TRUNCATE audit_events`)).toBe('audit_events is append-only: TRUNCATE is not allowed');
  });

  it('keeps no audit event when the change it records fails', async () => {
    const before = (await verifyAuditChain(suite.ctx.db)).count;
    await expect(
      suite.ctx.db.transaction(async (tx) => {
        await appendAudit(tx, systemActor('test'), { action: 'doomed', entityType: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verifyAuditChain(suite.ctx.db)).count).toBe(before);
  });

  it('reads as sentences with changed fields before and after, never raw JSON or a server path', async () => {
    await suite.ctx.db.transaction((tx) =>
      appendAudit(tx, systemActor('Officer A'), {
        action: 'readouts.cleared-sample',
        entityType: 'readout',
        entityId: 'r-1',
        detail: { files: ['/srv/coalition/data/sanctions/un/UN_consolidated.xml'], changes: { title: { from: 'Old title', to: 'New title' } } },
      }),
    );
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/admin/audit?action=readouts.cleared-sample', headers: suite.admin.headers });
    expect(page.body).toContain('Officer A: cleared sample (readout)');
    expect(page.body).toMatch(/<th scope="row">title<\/th><td><bdi>Old title<\/bdi><\/td><td><bdi>New title<\/bdi><\/td>/);
    expect(page.body).toContain('UN_consolidated.xml');
    expect(page.body).not.toContain('/srv/coalition');
    expect(page.body).not.toContain('{&quot;');
    expect(page.body).not.toContain('{"');
  });

  it('shows administrators a filtered page and a CSV export', async () => {
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/admin/audit?action=test.event', headers: suite.admin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('test.event');
    expect(page.body).not.toContain('user.created');
    expect(page.body).toContain('&lt;b>');
    const csv = await suite.ctx.app.inject({ method: 'GET', url: '/admin/audit/export.csv?action=test.event', headers: suite.admin.headers });
    expect(csv.body.startsWith('\uFEFF')).toBe(true); // so spreadsheet programs read UTF-8
    expect(csv.body.slice(1).split('\r\n')[0]).toBe('seq,occurred_at_utc,actor,action,entity_type,entity_id,ip,detail,hash');
    expect(csv.body.split('\r\n').filter((l) => l.includes('test.event'))).toHaveLength(5);
    const json = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/audit?entityType=test&pageSize=2', headers: suite.admin.headers });
    expect(json.json().items).toHaveLength(2);
    expect(json.json().total).toBe(5);
  });

  // Last: it breaks the chain of this file's database on purpose.
  it('finds the first event whose content was changed behind its back', async () => {
    await suite.ctx.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    const [target] = await suite.ctx.db.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.action, 'test.event')).orderBy(asc(auditEvents.seq)).limit(1).offset(2);
    await suite.ctx.db.execute(sql`UPDATE audit_events SET detail = '{"i": 99}'::jsonb WHERE seq = ${target?.seq}`);
    await suite.ctx.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    const verdict = await verifyAuditChain(suite.ctx.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: Number(target?.seq), reason: 'its content does not match its hash' });
  });
});
