/**
 * Figures derived from many rows (the funding overview, the number of readouts waiting, the groups
 * with their members, theaters and branches) are kept in the
 * process's memory (platform/figure-cache.ts), yet a change shows on the next page whichever path made
 * it: a request through this process, a service called directly, or plain SQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCampaign } from '../src/modules/funding/campaigns.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { buildTestApp, loginAs, type SignedInClient, type TestContext } from './helpers/app.ts';

let ctx: TestContext;
let officer: SignedInClient;

beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
});
afterAll(() => ctx.close());

const get = (url: string) => ctx.app.inject({ url, headers: officer.headers });
/** Statements a page sends beyond the signed-in check that every request makes on PostgreSQL (the identity epoch). */
async function statementsFor(url: string): Promise<number> {
  const before = ctx.database.queryCount();
  expect((await get(url)).statusCode).toBe(200);
  return ctx.database.queryCount() - before - (ctx.database.kind === 'postgres' ? 1 : 0);
}
/** PGlite delivers the database's notice before the write returns; PostgreSQL a moment after the commit. */
const onceNoticed = (assertion: () => Promise<void>) => vi.waitFor(assertion, { timeout: 5_000, interval: 10 });

describe('figures kept in memory', () => {
  it('are read once: the funding overview, seen again, sends nothing to the database', async () => {
    expect(await statementsFor('/funding')).toBeGreaterThan(0);
    expect(await statementsFor('/funding')).toBe(0);
  });

  it('show a campaign created outside any request on the next visit', async () => {
    await get('/funding');
    await createCampaign(ctx.db, systemActor('test'), { name: 'Figures cache drive 2031', startsOn: '2031-01-01', endsOn: '2031-12-31', currency: 'USD', goalAmount: '1000', source: 'test' });
    await onceNoticed(async () => expect((await get('/funding')).body).toContain('Figures cache drive 2031'));
  });

  it('show a change made by plain SQL on the next visit', async () => {
    await get('/funding');
    await ctx.db.execute(sql`update funding_campaigns set name = 'Renamed by hand 2031' where name = 'Figures cache drive 2031'`);
    await onceNoticed(async () => expect((await get('/funding')).body).toContain('Renamed by hand 2031'));
  });

  it('read the readouts waiting again once a readout changes', async () => {
    await get('/funding');
    expect(await statementsFor('/funding')).toBe(0);
    await ctx.db.execute(sql`update readouts set updated_at = updated_at where false`);
    await onceNoticed(async () => expect(await statementsFor('/funding')).toBe(1));
  });
  it('keep the groups a form offers: seen again, a partner form sends nothing; a group renamed by plain SQL shows on the next visit', async () => {
    await get('/partners/new');
    expect(await statementsFor('/partners/new')).toBe(0);
    await ctx.db.execute(sql`update groups set name = 'Kept list renamed 2031' where slug = 'small-group'`);
    await onceNoticed(async () => expect((await get('/partners/new')).body).toContain('Kept list renamed 2031'));
  });

  it('read the groups again once a membership or a partner changes', async () => {
    for (const change of [sql`update group_members set role = role where false`, sql`update partners set name_en = name_en where false`]) {
      await get('/partners/new');
      expect(await statementsFor('/partners/new')).toBe(0);
      await ctx.db.execute(change);
      await onceNoticed(async () => expect(await statementsFor('/partners/new')).toBeGreaterThan(0));
    }
  });

  it('keep the theaters and branches a form offers until one changes', async () => {
    await get('/taskings/new');
    const kept = await statementsFor('/taskings/new');
    await ctx.db.execute(sql`update theaters set name_en = 'Kept theater renamed' where slug = (select slug from theaters order by position limit 1)`);
    await onceNoticed(async () => expect((await get('/taskings/new')).body).toContain('Kept theater renamed'));
    expect(await statementsFor('/taskings/new')).toBe(kept);
    await ctx.db.execute(sql`update branches set name = name where false`);
    await onceNoticed(async () => expect(await statementsFor('/taskings/new')).toBe(kept + 1));
  });

  it('keep the figures rendered in each language apart', async () => {
    await get('/funding');
    const french = (await get('/funding?lang=fr')).body;
    const figures = french.slice(french.indexOf('class="funding-figures"'));
    expect(figures).toContain('<caption class="visually-hidden">Financement de la stabilisation</caption>');
    expect(figures).not.toContain('Stabilization funding');
  });
});
