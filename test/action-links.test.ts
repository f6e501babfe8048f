import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/db/schema/identity.ts';
import { buildTestApp, groupId, loginAs, partnerId, type SignedInClient, type TestContext } from './helpers/app.ts';

/**
 * Every link a page offers must lead somewhere its reader may go: an Edit link that answers 403 is a
 * promise the platform breaks. Each role opens the main pages and follows every link on them.
 */
let ctx: TestContext;
const clients = new Map<Role, SignedInClient>();
let recordPages: string[] = [];

beforeAll(async () => {
  ctx = await buildTestApp();
  for (const role of ROLES) clients.set(role, await loginAs(ctx, role, role === 'delegate' || role === 'co-chair' ? { partnerIso3: role === 'delegate' ? 'FRA' : 'USA' } : {}));
  const officer = clients.get('secretariat-officer') as SignedInClient;
  const france = await partnerId(ctx.db, 'FRA');
  const italy = await partnerId(ctx.db, 'ITA');
  // People of two partners: the French delegate may edit the first only.
  for (const [partner, name] of [[france, 'Delegate of France (links test)'], [italy, 'Delegate of Italy (links test)']] as const) {
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/people', headers: officer.headers, payload: { partnerId: partner, name, classification: 'coalition' } });
    expect(created.statusCode, created.body).toBe(201);
  }
  const meeting = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/meetings',
    headers: officer.headers,
    payload: { title: 'Links test meeting', format: 'working-group', groupId: await groupId(ctx.db, 'counter-isis-finance-group'), setting: 'virtual', startsLocal: '2024-07-23T09:00', endsLocal: '2024-07-23T17:00', timeZone: 'UTC', classification: 'coalition' },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  recordPages = [`/partners/${france}`, `/partners/${italy}`, `/meetings/${meeting.json().id}`, `/groups/${await groupId(ctx.db, 'counter-isis-finance-group')}`];
});
afterAll(() => ctx.close());

const START_PAGES = ['/', '/partners', '/people', '/groups', '/meetings', '/readouts', '/desk/readouts', '/taskings', '/commitments', '/funding', '/detention', '/threats', '/stabilization'];

function linksOn(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)]
    .map((match) => (match[1] as string).replaceAll('&amp;', '&'))
    .filter((href) => !href.startsWith('/assets/') && !/(export|\.csv|\.xlsx|\.ics|\.json|\.atom|feed)/.test(href) && !/^\/(fr|ar)\//.test(href));
}

describe('links a page offers', () => {
  for (const role of ROLES) {
    it(`lead ${role} only where ${role} may go (no 403)`, async () => {
      const client = clients.get(role) as SignedInClient;
      const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: client.headers.cookie } });
      const offered = new Set<string>();
      for (const page of [...START_PAGES, ...recordPages]) {
        const response = await get(page);
        if (response.statusCode !== 200) continue;
        for (const href of linksOn(response.body)) offered.add(href);
      }
      const forbidden: string[] = [];
      for (const href of offered) {
        if (href.startsWith('/sign-out')) continue;
        const response = await get(href);
        if (response.statusCode === 403) forbidden.push(href);
      }
      expect(forbidden).toEqual([]);
      expect(offered.size).toBeGreaterThan(10);
    });
  }
});
