import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvents } from '../../../scripts/scale/audit-events.ts';
import { buildTestApp, loginAs, type SignedInClient, type TestContext } from '../../../test/helpers/app.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { AUDIT_COUNT_LIMIT } from './audit.service.ts';

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
});
