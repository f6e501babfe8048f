import { describe, expect, it } from 'vitest';
import { groupId, loginAs, partnerId, type SignedInClient } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const get = (client: SignedInClient | null, url = '/') => suite.ctx.app.inject({ method: 'GET', url, headers: client ? { cookie: client.headers.cookie } : {} });

/** The headings of a page's sections, in order. */
const headings = (html: string) => [...html.matchAll(/<h2 id="[\w-]+-heading">([^<]*)<\/h2>/g)].map((match) => match[1]);

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const cochair = await loginAs(ctx, 'co-chair', { partnerIso3: 'USA' }); // of the United States, a co-lead of the Counter ISIS Finance Group
  const delegate = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' }); // of France
  const analyst = await loginAs(ctx, 'analyst');
  const finance = await groupId(ctx.db, 'counter-isis-finance-group');
  const nextYear = new Date().getUTCFullYear() + 1;
  const meeting = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/meetings',
    headers: officer.headers,
    payload: { title: 'Home test: CIFG meeting', format: 'working-group', groupId: finance, setting: 'virtual', startsLocal: `${nextYear}-02-10T09:00`, endsLocal: `${nextYear}-02-10T12:00`, timeZone: 'UTC', classification: 'public' },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  const meetingId = meeting.json().id;
  await ctx.app.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/agenda`, headers: officer.headers, payload: { title: 'Home test: financing of ISIS-K' } });
  const earlier = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/meetings',
    headers: officer.headers,
    payload: { title: 'Home test: earlier meeting', format: 'working-group', groupId: finance, setting: 'virtual', startsLocal: '2019-11-05T09:00', endsLocal: '2019-11-05T12:00', timeZone: 'UTC', classification: 'coalition' },
  });
  const taskedAt = earlier.json().id;
  for (const [title, dueOn] of [
    ['Home test: due later', `${nextYear}-06-01`],
    ['Home test: overdue', '2020-01-15'],
  ]) {
    const tasking = await ctx.app.inject({ method: 'POST', url: '/api/v1/taskings', headers: officer.headers, payload: { meetingId: taskedAt, groupId: finance, title, dueOn, classification: 'coalition' } });
    expect(tasking.statusCode, tasking.body).toBe(201);
  }
  const campaign = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/funding/campaigns',
    headers: officer.headers,
    payload: { name: 'Home test drive', startsOn: `${nextYear}-01-01`, endsOn: `${nextYear}-12-31`, currency: 'USD', goalAmount: '670000000', source: 'test', classification: 'public' },
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const rates = await ctx.app.inject({ method: 'POST', url: '/api/v1/funding/rates/import?source=test', headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: `Date,USD,\n${nextYear}-01-02,1.1,\n` });
  expect(rates.statusCode, rates.body).toBe(200);
  const reported = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/funding/campaigns/${campaign.json().id}/contributions`,
    headers: delegate.headers,
    payload: { partnerId: await partnerId(ctx.db, 'FRA'), stage: 'pledge', amount: '1000000', currency: 'USD', contributedOn: `${nextYear}-01-02`, source: 'statement' },
  });
  expect(reported.statusCode, reported.body).toBe(201);
  return { officer, cochair, delegate, analyst };
});

describe('the public front page', () => {
  it('shows readouts, the pledge drive, members, upcoming public meetings and the incident map, and sets no cookie', async () => {
    const page = await get(null);
    expect(page.statusCode).toBe(200);
    expect(headings(page.body)).toEqual(['Latest readouts', 'Current pledge drive', 'Members', 'Upcoming public meetings', 'Incidents on the map', 'Your privacy']);
    expect(page.body).toContain('Home test drive');
    // The delegate's pledge is not verified: the public sees none of it.
    expect(page.body).not.toContain('1,000,000');
    // Nothing verified yet: each stage says it is not recorded, never "USD 0" or "0%".
    const drive = page.body.slice(page.body.indexOf('class="pledge-drive"'));
    expect(drive.match(/Not recorded|not recorded/g)?.length).toBe(3);
    const table = drive.slice(drive.indexOf('<table'), drive.indexOf('</table>'));
    expect(table).toContain('USD 670 million');
    expect(table).not.toMatch(/USD 0<|>0%</);
    expect(page.body).toMatch(/\d+ partners/);
    expect(page.body).toContain('Home test: CIFG meeting');
    expect(page.body).toContain('Home test: financing of ISIS-K');
    expect(page.body).not.toContain('My desk');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('speaks French and Arabic', async () => {
    expect(headings((await get(null, '/fr/')).body)).toContain('Derniers comptes rendus');
    expect(headings((await get(null, '/ar/')).body)).toContain('أحدث الملخصات');
  });
});

describe('my desk', () => {
  it('shows the secretariat what waits for verification, ingestion, screening and taskings, overdue first', async () => {
    const page = await get(suite.officer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>My desk</h1>');
    expect(headings(page.body)).toEqual([
      'Readouts to clear and returned drafts',
      'Taskings due, overdue first',
      'Awaiting verification',
      'New screening alerts',
      'Ingested readouts to review',
      'Upcoming meetings',
      'Current pledge drive',
      'Detention totals and trend',
      'Latest incidents',
    ]);
    expect(page.body).toContain('<a href="/funding/review">1 contribution awaits verification</a>');
    const overdue = page.body.indexOf('Home test: overdue');
    const later = page.body.indexOf('Home test: due later');
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(later);
    expect(page.body).toContain('overdue since 2020-01-15');
  });

  it('shows a co-chair readouts to clear and their groups’ taskings, and nothing to verify', async () => {
    const sections = headings((await get(suite.cochair)).body);
    expect(sections).toContain('Readouts to clear and returned drafts');
    expect(sections).toContain('Taskings due, overdue first');
    expect(sections).not.toContain('Awaiting verification');
    expect(sections).not.toContain('New screening alerts');
    expect(sections).not.toContain('Ingested readouts to review');
  });

  it('shows a delegate and an analyst only what their roles may read', async () => {
    const delegateSections = headings((await get(suite.delegate)).body);
    expect(delegateSections).not.toContain('Readouts to clear and returned drafts');
    expect(delegateSections).not.toContain('Awaiting verification');
    expect(delegateSections).toContain('Current pledge drive');
    const analystSections = headings((await get(suite.analyst)).body);
    expect(analystSections).toContain('New screening alerts');
    expect(analystSections).not.toContain('Readouts to clear and returned drafts');
    expect(analystSections).not.toContain('Ingested readouts to review');
  });
});
