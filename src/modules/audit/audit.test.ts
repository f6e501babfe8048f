import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvents } from '../../../scripts/scale/audit-events.ts';
import { buildTestApp, loginAs, type SignedInClient, type TestContext } from '../../../test/helpers/app.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { systemActor } from '../../platform/actor.ts';
import { AUDIT_COUNT_LIMIT, exportAuditCsv } from './audit.service.ts';

describe('the audit trail page', () => {
  let ctx: TestContext;
  let admin: SignedInClient;
  beforeAll(async () => {
    ctx = await buildTestApp();
    admin = await loginAs(ctx, 'secretariat-admin');
  });
  afterAll(() => ctx.close());

  it('counts exactly up to ten thousand events and says "more than" past it, with a verifiable chain', { timeout: 120_000 }, async () => {
    const few = await ctx.app.inject({ url: '/api/v1/audit', headers: admin.headers });
    expect(few.json().totalIsLowerBound).toBe(false);
    expect(few.json().total).toBeLessThan(AUDIT_COUNT_LIMIT);

    await appendAuditEvents(ctx.db, AUDIT_COUNT_LIMIT + 1, 'audit-test', { meetingIds: [], readoutIds: [], taskingIds: [] }, () => {});
    const many = await ctx.app.inject({ url: '/api/v1/audit', headers: admin.headers });
    expect(many.json()).toMatchObject({ total: AUDIT_COUNT_LIMIT, totalIsLowerBound: true });
    expect(many.json().items).toHaveLength(50);
    const page = await ctx.app.inject({ url: '/admin/audit', headers: admin.headers });
    expect(page.body).toContain('More than 10,000 events');

    // A filter brings the count back under the limit, counted exactly.
    const filtered = await ctx.app.inject({ url: '/api/v1/audit?action=user.created', headers: admin.headers });
    expect(filtered.json()).toMatchObject({ totalIsLowerBound: false });
    expect(filtered.json().total).toBeGreaterThanOrEqual(1);
    // The generated events are hashed into the chain like any other.
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, count: AUDIT_COUNT_LIMIT + 1 + few.json().total });
  });

  it('exports every matching event as CSV, read and sent a batch at a time', async () => {
    // 25 events about one record of their own, so a filter finds exactly them among the others.
    const entityId = randomUUID();
    await appendAuditEvents(ctx.db, 25, 'export-test', { meetingIds: [entityId], readoutIds: [entityId], taskingIds: [entityId] }, () => {});
    const query = { entityId };
    const expected = (await ctx.app.inject({ url: `/api/v1/audit?pageSize=200&entityId=${entityId}`, headers: admin.headers })).json();
    expect(expected.total).toBe(25);

    // Batches of 10: the first chunk is the header, then each batch's rows, and only the first batch has been
    // read from the database when the first rows are handed on.
    const chunks: string[] = [];
    const statementsBefore = ctx.database.queryCount();
    const statementsAtChunk: number[] = [];
    for await (const chunk of exportAuditCsv(ctx.db, systemActor('test'), query, 10)) {
      chunks.push(chunk);
      statementsAtChunk.push(ctx.database.queryCount() - statementsBefore);
    }
    const dataChunks = chunks.slice(1).map((chunk) => chunk.trimEnd().split('\r\n'));
    expect(chunks[0]?.startsWith('\uFEFFseq,occurred_at_utc,actor,action')).toBe(true);
    expect(dataChunks.length).toBe(Math.ceil(expected.total / 10));
    expect(dataChunks.every((lines) => lines.length <= 10)).toBe(true);
    expect(statementsAtChunk[1]).toBe(1);
    // Nothing lost or repeated between batches: newest first, every event once.
    const seqs = dataChunks.flat().map((line) => Number(line.split(',')[0]));
    expect(seqs).toEqual(expected.items.map((item: { seq: number }) => item.seq));

    // Over HTTP the same file arrives, marked as a CSV download.
    const response = await ctx.app.inject({ url: `/admin/audit/export.csv?entityId=${entityId}`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.split('\r\n').filter(Boolean)).toHaveLength(expected.total + 1);
  });

  it('pages through events by sequence number, forward and back, each event once', async () => {
    const entityId = randomUUID();
    await appendAuditEvents(ctx.db, 25, 'keyset-test', { meetingIds: [entityId], readoutIds: [entityId], taskingIds: [entityId] }, () => {});
    const page = async (extra: string) => (await ctx.app.inject({ url: `/api/v1/audit?entityId=${entityId}&pageSize=10${extra}`, headers: admin.headers })).json();
    const first = await page('');
    const second = await page(`&before=${first.older}`);
    const third = await page(`&before=${second.older}`);
    const seqs = (p: { items: { seq: number }[] }) => p.items.map((item) => item.seq);
    expect([first, second, third].map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(first.newer).toBeUndefined();
    expect(third.older).toBeUndefined();
    const all = [...seqs(first), ...seqs(second), ...seqs(third)];
    expect(new Set(all).size).toBe(25);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    // Back from the last page: the same events as the page before it.
    expect(seqs(await page(`&after=${third.newer}`))).toEqual(seqs(second));
    expect(seqs(await page(`&after=${second.newer}`))).toEqual(seqs(first));
    // The page links to the next one by key.
    const html = (await ctx.app.inject({ url: `/admin/audit?entityId=${entityId}&pageSize=10`, headers: admin.headers })).body;
    expect(html).toContain(`rel="next"`);
    expect(html).toContain(`before=${first.older}`);
  });
});
