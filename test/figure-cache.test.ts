/**
 * Figures derived from many rows (the funding overview, the number of readouts waiting, the groups
 * with their members, theaters and branches) are kept in the
 * process's memory (platform/figure-cache.ts), yet a change shows on the next page whichever path made
 * it: a request through this process, a service called directly, or plain SQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCampaign } from '../src/modules/funding/campaigns.service.ts';
import { createMeeting } from '../src/modules/meetings/meetings.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { buildTestApp, loginAs, partnerId, type SignedInClient, type TestContext } from './helpers/app.ts';

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

  it("keep a campaign page's figures until its funding or its partners' names change, and its contributions' count with them", async () => {
    const campaign = await createCampaign(ctx.db, systemActor('test'), { name: 'Kept campaign page 2032', startsOn: '2032-01-01', endsOn: '2032-12-31', currency: 'USD', goalAmount: '1000', source: 'test' });
    const partner = await partnerId(ctx.db, 'ITA');
    await ctx.db.execute(sql`insert into funding_contributions (campaign_id, partner_id, stage, amount, currency, rate_to_campaign, rate_date, amount_in_campaign_currency, contributed_on, source, status)
      values (${campaign.id}, ${partner}, 'pledge', 400, 'USD', 1, '2032-02-01', 400, '2032-02-01', 'test', 'verified')`);
    const url = `/funding/campaigns/${campaign.id}`;
    await onceNoticed(async () => expect((await get(url)).body).toContain('USD 400'));
    // Seen again (once the insert's notice has passed): only the page of contributions is read.
    await get(url);
    expect(await statementsFor(url)).toBe(1);
    await ctx.db.execute(sql`update partners set name_en = 'Kept partner renamed' where id = ${partner}`);
    await onceNoticed(async () => expect((await get(url)).body).toContain('<th scope="row">Kept partner renamed</th>'));
    await ctx.db.execute(sql`update funding_contributions set amount = 700, amount_in_campaign_currency = 700 where campaign_id = ${campaign.id}`);
    // The stage total, in the kept part of the page (the contributions below it are read on every visit).
    await onceNoticed(async () => expect((await get(url)).body).toContain('<strong><span class="money-text" dir="ltr">USD 700</span></strong>'));
    await ctx.db.execute(sql`insert into funding_contributions (campaign_id, partner_id, stage, amount, currency, rate_to_campaign, rate_date, amount_in_campaign_currency, contributed_on, source, status)
      values (${campaign.id}, ${partner}, 'commitment', 100, 'USD', 1, '2032-03-01', 100, '2032-03-01', 'test', 'verified')`);
    await onceNoticed(async () => expect((await get(url)).body).toContain('<p role="status">2 results'));
  });

  it('keep the meetings list and the meeting page\'s choices until a meeting changes', async () => {
    const actor = systemActor('test');
    const later = await createMeeting(ctx.db, actor, { title: 'Kept list meeting 2099', format: 'small-group-ministers', setting: 'virtual', startsLocal: '2099-06-01T10:00', endsLocal: '2099-06-01T12:00', timeZone: 'UTC' });
    const earlier = await createMeeting(ctx.db, actor, { title: 'Kept choice meeting 2098', format: 'small-group-ministers', setting: 'virtual', startsLocal: '2098-06-01T10:00', endsLocal: '2098-06-01T12:00', timeZone: 'UTC' });
    await onceNoticed(async () => expect((await get('/meetings')).body).toContain('Kept list meeting 2099'));
    expect(await statementsFor('/meetings')).toBe(0);
    await ctx.db.execute(sql`update meetings set title = 'Kept list meeting renamed' where id = ${later.id}`);
    await onceNoticed(async () => expect((await get('/meetings')).body).toContain('Kept list meeting renamed'));
    const page = `/meetings/${later.id}`;
    await onceNoticed(async () => expect((await get(page)).body).toContain('2098-06-01 · Kept choice meeting 2098'));
    await ctx.db.execute(sql`update meetings set title = 'Kept choice renamed' where id = ${earlier.id}`);
    await onceNoticed(async () => expect((await get(page)).body).toContain('2098-06-01 · Kept choice renamed'));
  });
});
