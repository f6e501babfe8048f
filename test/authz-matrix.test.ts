import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/db/schema/identity.ts';
import { FORM_HEADERS, TEST_PASSWORD, type TestContext, type TestUser, buildTestApp, form, makeUser, signedIn } from './helpers/app.ts';

/**
 * The permission matrix, written independently of the code: who may reach each route.
 * A route registered without a row here fails the test, so no route ships unreviewed.
 */
type Who = 'anonymous' | Role;
const EVERYONE: Who[] = ['anonymous', ...ROLES];
const SIGNED_IN: Who[] = [...ROLES];
const SECRETARIAT: Who[] = ['secretariat-admin', 'secretariat-officer'];
const ADMIN: Who[] = ['secretariat-admin'];
const PEOPLE_EDITORS: Who[] = ['secretariat-admin', 'secretariat-officer', 'delegate'];
const READOUT_DESK: Who[] = ['secretariat-admin', 'secretariat-officer', 'co-chair'];
/** Delegates report their own partner's money and repatriations; the secretariat anyone's. */
const REPORTERS: Who[] = ['secretariat-admin', 'secretariat-officer', 'delegate'];
/** Analysts record incidents with the secretariat. */
const THREAT_WRITERS: Who[] = ['secretariat-admin', 'secretariat-officer', 'analyst'];
/** May reach the report-back routes; the service then admits only the tasked group's co-leads besides the secretariat. */
/** Analysts and the secretariat; members of the Counter ISIS Finance Group too (tested in the module). */
const SCREENERS: Who[] = ['secretariat-admin', 'secretariat-officer', 'analyst'];
const TASKING_REPORTERS: Who[] = ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate'];
/** Machine endpoints: no session opens them, only their own bearer token (tested with the route). */
const NOBODY: Who[] = [];

const MATRIX: Record<string, Who[]> = {
  'GET /': EVERYONE,
  'GET /cookies': EVERYONE,
  'GET /healthz': EVERYONE,
  'GET /readyz': EVERYONE,
  'GET /metrics': NOBODY,
  'GET /assets/*': EVERYONE,
  'GET /api/docs': EVERYONE,
  'GET /api/docs/static/index.html': EVERYONE,
  'GET /api/docs/static/swagger-initializer.js': EVERYONE,
  'GET /api/docs/json': EVERYONE,
  'GET /api/docs/yaml': EVERYONE,
  'GET /api/docs/static/*': EVERYONE,
  'GET /sign-in': EVERYONE,
  'POST /sign-in': EVERYONE,
  // Open to all; with no provider configured (as here) each answers 404 for the unknown provider.
  'GET /sign-in/oidc/:provider': EVERYONE,
  'GET /sign-in/oidc/:provider/callback': EVERYONE,
  'GET /sign-in/second-factor': SIGNED_IN,
  'POST /sign-in/second-factor': SIGNED_IN,
  'POST /sign-out': SIGNED_IN,
  'GET /account': SIGNED_IN,
  'GET /account/second-factor': SIGNED_IN,
  'POST /account/second-factor': SIGNED_IN,
  'POST /account/language': SIGNED_IN,
  'POST /account/numerals': SIGNED_IN,
  'GET /account/tokens': SIGNED_IN,
  'POST /account/tokens': SIGNED_IN,
  'POST /account/tokens/:id/revoke': SIGNED_IN,
  'GET /api/v1/me': SIGNED_IN,
  'GET /api/v1/account/tokens': SIGNED_IN,
  'POST /api/v1/account/tokens': SIGNED_IN,
  'DELETE /api/v1/account/tokens/:id': SIGNED_IN,
  'GET /admin/users': ADMIN,
  'GET /admin/users/new': ADMIN,
  'POST /admin/users': ADMIN,
  'POST /admin/users/:id/disable': ADMIN,
  'POST /admin/users/:id/enable': ADMIN,
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'POST /api/v1/users/:id/disable': ADMIN,
  'GET /partners': EVERYONE,
  'GET /partners/export.csv': EVERYONE,
  'GET /partners/import': SECRETARIAT,
  'POST /partners/import': SECRETARIAT,
  'GET /partners/new': SECRETARIAT,
  'POST /partners': SECRETARIAT,
  'GET /partners/:id': EVERYONE,
  'GET /partners/:id/edit': SECRETARIAT,
  'POST /partners/:id': SECRETARIAT,
  'GET /people': SIGNED_IN,
  'GET /people/export.csv': SIGNED_IN,
  'GET /people/new': PEOPLE_EDITORS,
  'POST /people': PEOPLE_EDITORS,
  'GET /people/:id/edit': PEOPLE_EDITORS,
  'POST /people/:id': PEOPLE_EDITORS,
  'GET /groups': EVERYONE,
  'GET /groups/export.csv': EVERYONE,
  'GET /groups/new': SECRETARIAT,
  'POST /groups': SECRETARIAT,
  'GET /groups/:id': EVERYONE,
  'GET /groups/:id/edit': SECRETARIAT,
  'POST /groups/:id': SECRETARIAT,
  'GET /api/v1/partners': EVERYONE,
  'POST /api/v1/partners': SECRETARIAT,
  'GET /api/v1/partners/export.csv': EVERYONE,
  'POST /api/v1/partners/import': SECRETARIAT,
  'GET /api/v1/partners/:id': EVERYONE,
  'PUT /api/v1/partners/:id': SECRETARIAT,
  'GET /api/v1/people': SIGNED_IN,
  'POST /api/v1/people': PEOPLE_EDITORS,
  'GET /api/v1/people/:id': SIGNED_IN,
  'PUT /api/v1/people/:id': PEOPLE_EDITORS,
  'GET /api/v1/groups': EVERYONE,
  'POST /api/v1/groups': SECRETARIAT,
  'GET /api/v1/groups/:id': EVERYONE,
  'PUT /api/v1/groups/:id': SECRETARIAT,
  'GET /meetings': EVERYONE,
  'GET /meetings/new': SECRETARIAT,
  'POST /meetings': SECRETARIAT,
  'GET /meetings/theaters': EVERYONE,
  'POST /meetings/theaters': SECRETARIAT,
  'GET /meetings/topics/:topic': EVERYONE,
  'GET /meetings/:id': EVERYONE,
  'GET /meetings/:id/calendar.ics': EVERYONE,
  'GET /meetings/:id/edit': SECRETARIAT,
  'POST /meetings/:id': SECRETARIAT,
  'POST /meetings/:id/participants': SECRETARIAT,
  'POST /meetings/:id/participants/:itemId/remove': SECRETARIAT,
  'POST /meetings/:id/agenda': SECRETARIAT,
  'POST /meetings/:id/agenda/:itemId': SECRETARIAT,
  'POST /meetings/:id/agenda/:itemId/remove': SECRETARIAT,
  'POST /meetings/:id/links': SECRETARIAT,
  'GET /groups/:id/meetings.ics': EVERYONE,
  'GET /account/calendar': SIGNED_IN,
  'POST /account/calendar/token': SIGNED_IN,
  'POST /account/calendar/token/revoke': SIGNED_IN,
  'GET /api/v1/meetings': EVERYONE,
  'POST /api/v1/meetings': SECRETARIAT,
  'GET /api/v1/meetings/:id': EVERYONE,
  'PUT /api/v1/meetings/:id': SECRETARIAT,
  'POST /api/v1/meetings/:id/participants': SECRETARIAT,
  'POST /api/v1/meetings/:id/agenda': SECRETARIAT,
  'PUT /api/v1/meetings/:id/agenda/:itemId': SECRETARIAT,
  'POST /api/v1/meetings/:id/links': SECRETARIAT,
  'GET /readouts': EVERYONE,
  'GET /readouts/feed.atom': EVERYONE,
  'GET /readouts/:year/:slug': EVERYONE,
  'GET /api/v1/readouts': EVERYONE,
  'GET /desk/readouts': READOUT_DESK,
  'POST /meetings/:id/readouts': SECRETARIAT,
  'GET /desk/readouts/:id': READOUT_DESK,
  'POST /desk/readouts/:id': SECRETARIAT,
  'POST /desk/readouts/:id/submit': SECRETARIAT,
  'POST /desk/readouts/:id/clearance': READOUT_DESK,
  'POST /desk/readouts/:id/publish': SECRETARIAT,
  'POST /desk/readouts/:id/withdraw': SECRETARIAT,
  'GET /desk/readouts/:id/diff': READOUT_DESK,
  'POST /desk/readouts/:id/translations/:locale': SECRETARIAT,
  'PUT /api/v1/readouts/:id/translations/:locale': SECRETARIAT,
  'GET /admin/audit': ADMIN,
  'GET /admin/audit/export.csv': ADMIN,
  'GET /api/v1/audit': ADMIN,
  'GET /funding': SIGNED_IN,
  'GET /funding/campaigns/new': SECRETARIAT,
  'POST /funding/campaigns': SECRETARIAT,
  'GET /funding/campaigns/:id': SIGNED_IN,
  'GET /funding/campaigns/:id/edit': SECRETARIAT,
  'POST /funding/campaigns/:id': SECRETARIAT,
  'GET /funding/campaigns/:id/export': SIGNED_IN,
  'GET /funding/campaigns/:id/iati.json': SIGNED_IN,
  'GET /funding/campaigns/:id/contributions/new': REPORTERS,
  'POST /funding/campaigns/:id/contributions': REPORTERS,
  'GET /funding/campaigns/:id/contributions/import': REPORTERS,
  'POST /funding/campaigns/:id/contributions/import': REPORTERS,
  'GET /funding/contributions/:id': SIGNED_IN,
  'POST /funding/contributions/:id/verify': SECRETARIAT,
  'POST /funding/contributions/:id/reject': SECRETARIAT,
  'POST /funding/contributions/:id/correct': REPORTERS,
  'GET /funding/review': SECRETARIAT,
  'GET /funding/rates': SIGNED_IN,
  'POST /funding/rates/import': SECRETARIAT,
  'GET /funding/compare': SIGNED_IN,
  'GET /funding/compare/export': SIGNED_IN,
  'GET /stabilization': EVERYONE,
  'GET /stabilization/:id': EVERYONE,
  'GET /api/v1/funding/campaigns': SIGNED_IN,
  'POST /api/v1/funding/campaigns': SECRETARIAT,
  'GET /api/v1/funding/campaigns/:id': SIGNED_IN,
  'PUT /api/v1/funding/campaigns/:id': SECRETARIAT,
  'GET /api/v1/funding/campaigns/:id/contributions': SIGNED_IN,
  'POST /api/v1/funding/campaigns/:id/contributions': REPORTERS,
  'POST /api/v1/funding/campaigns/:id/contributions/import': REPORTERS,
  'GET /api/v1/funding/contributions/:id': SIGNED_IN,
  'POST /api/v1/funding/contributions/:id/verify': SECRETARIAT,
  'POST /api/v1/funding/contributions/:id/reject': SECRETARIAT,
  'PUT /api/v1/funding/contributions/:id': REPORTERS,
  'POST /api/v1/funding/rates/import': SECRETARIAT,
  'GET /camps': EVERYONE,
  'GET /detention': SIGNED_IN,
  'GET /detention/sites/new': SECRETARIAT,
  'POST /detention/sites': SECRETARIAT,
  'GET /detention/sites/:id': SIGNED_IN,
  'GET /detention/snapshots/:id': SIGNED_IN,
  'GET /detention/sites/:id/edit': SECRETARIAT,
  'POST /detention/sites/:id': SECRETARIAT,
  'POST /detention/sites/:id/snapshots': SECRETARIAT,
  'GET /detention/nationalities': SIGNED_IN,
  'GET /detention/map': SIGNED_IN,
  'GET /detention/import': REPORTERS,
  'POST /detention/import': REPORTERS,
  'POST /api/v1/detention/import': REPORTERS,
  'GET /detention/repatriations': SIGNED_IN,
  'GET /detention/repatriations/new': REPORTERS,
  'POST /detention/repatriations': REPORTERS,
  'GET /detention/repatriations/:id': SIGNED_IN,
  'POST /detention/repatriations/:id/verify': SECRETARIAT,
  'POST /detention/repatriations/:id/correct': REPORTERS,
  'GET /api/v1/detention/sites': SIGNED_IN,
  'POST /api/v1/detention/sites': SECRETARIAT,
  'GET /api/v1/detention/sites/:id': SIGNED_IN,
  'POST /api/v1/detention/sites/:id/snapshots': SECRETARIAT,
  'GET /api/v1/detention/nationalities': SIGNED_IN,
  'GET /api/v1/detention/repatriations': SIGNED_IN,
  'POST /api/v1/detention/repatriations': REPORTERS,
  'POST /api/v1/detention/repatriations/:id/verify': SECRETARIAT,
  'PUT /api/v1/detention/repatriations/:id': REPORTERS,
  'GET /justice': EVERYONE,
  'GET /justice/states/:iso3': EVERYONE,
  'GET /justice/records': EVERYONE,
  'GET /justice/records/new': REPORTERS,
  'POST /justice/records': REPORTERS,
  'GET /justice/records/:id': EVERYONE,
  'POST /justice/records/:id/verify': SECRETARIAT,
  'POST /justice/records/:id/correct': REPORTERS,
  'GET /justice/import': REPORTERS,
  'POST /justice/import': REPORTERS,
  'POST /api/v1/justice/import': REPORTERS,
  'GET /api/v1/justice/cases': EVERYONE,
  'POST /api/v1/justice/cases': REPORTERS,
  'GET /api/v1/justice/cases/:id': EVERYONE,
  'GET /api/v1/justice/cases/:id/history': SIGNED_IN,
  'PUT /api/v1/justice/cases/:id': REPORTERS,
  'POST /api/v1/justice/cases/:id/verify': SECRETARIAT,
  'GET /threats': EVERYONE,
  'GET /threats/incidents.csv': EVERYONE,
  'GET /threats/map': EVERYONE,
  'GET /threats/branches/:slug': EVERYONE,
  'GET /threats/branches/:slug/names': SECRETARIAT,
  'POST /threats/branches/:slug/names': SECRETARIAT,
  'GET /threats/incidents/new': THREAT_WRITERS,
  'POST /threats/incidents': THREAT_WRITERS,
  'GET /threats/incidents/:id': EVERYONE,
  'GET /threats/import': THREAT_WRITERS,
  'POST /threats/import': THREAT_WRITERS,
  'GET /api/v1/threats/branches': EVERYONE,
  'GET /api/v1/threats/incidents': EVERYONE,
  'POST /api/v1/threats/incidents': THREAT_WRITERS,
  'GET /api/v1/threats/incidents/:id': EVERYONE,
  'POST /api/v1/threats/incidents/import': THREAT_WRITERS,
  'GET /taskings': EVERYONE,
  'GET /taskings/mine': SIGNED_IN,
  'GET /taskings/new': SECRETARIAT,
  'POST /taskings': SECRETARIAT,
  'GET /taskings/:id': EVERYONE,
  'POST /taskings/:id': TASKING_REPORTERS,
  'POST /taskings/:id/updates': TASKING_REPORTERS,
  'GET /groups/:id/work': EVERYONE,
  'GET /commitments': EVERYONE,
  'GET /commitments/new': SECRETARIAT,
  'GET /commitments/:id': EVERYONE,
  'POST /commitments': SECRETARIAT,
  'POST /commitments/:id/status': SECRETARIAT,
  'GET /api/v1/taskings': EVERYONE,
  'POST /api/v1/taskings': SECRETARIAT,
  'GET /api/v1/taskings/:id': EVERYONE,
  'POST /api/v1/taskings/:id/changes': TASKING_REPORTERS,
  'POST /api/v1/taskings/:id/updates': TASKING_REPORTERS,
  'GET /api/v1/commitments': EVERYONE,
  'POST /api/v1/commitments': SECRETARIAT,
  'POST /api/v1/commitments/:id/status': SECRETARIAT,
  'GET /screening': SCREENERS,
  'POST /screening': SCREENERS,
  'GET /screening/lists': SCREENERS,
  'POST /screening/lists': SCREENERS,
  'GET /screening/lists/:id/changes': SCREENERS,
  'POST /api/v1/screening/screen': SCREENERS,
  'POST /screening/decisions': SCREENERS,
  'GET /screening/decisions': SCREENERS,
  'POST /api/v1/screening/decisions': SCREENERS,
  'GET /screening/batches': SCREENERS,
  'POST /screening/batches': SCREENERS,
  'GET /screening/batches/:id': SCREENERS,
  'GET /screening/batches/:id/results': SCREENERS,
  'POST /screening/batches/:id/decisions': SCREENERS,
  'GET /screening/alerts': SCREENERS,
  'GET /api/v1/screening/alerts': SCREENERS,
  'POST /api/v1/ingest/extract': SECRETARIAT,
  'POST /api/v1/ingest/documents': SECRETARIAT,
  'GET /api/v1/ingest/documents/:id': SECRETARIAT,
  'POST /api/v1/ingest/documents/:id/facts/:factId': SECRETARIAT,
  'GET /ingest': SECRETARIAT,
  'POST /ingest': SECRETARIAT,
  'GET /ingest/:id': SECRETARIAT,
  'POST /ingest/:id/facts/:factId': SECRETARIAT,
  'POST /api/v1/screening/batches': SCREENERS,
  'GET /api/v1/screening/batches/:id': SCREENERS,
  'GET /api/v1/screening/batches/:id/results': SCREENERS,
};

let ctx: TestContext;
const users = new Map<Role, TestUser>();
beforeAll(async () => {
  ctx = await buildTestApp();
  for (const role of ROLES) users.set(role, await makeUser(ctx.db, role));
});
afterAll(() => ctx.close());

/** A concrete URL for a route pattern: ids that exist nowhere, a known static file for wildcards. */
function concreteUrl(pattern: string): string {
  return pattern
    .replaceAll(':id', '00000000-0000-4000-8000-000000000000')
    .replaceAll(':itemId', '00000000-0000-4000-8000-000000000001')
    .replaceAll(':factId', '00000000-0000-4000-8000-000000000002')
    .replace(':locale', 'fr')
    .replace(':provider', 'ministry')
    .replace(':topic', 'stabilization')
    .replace(':year/:slug', '2021/no-such-readout')
    .replace(':slug', 'isis-k')
    .replace(':iso3', 'FRA')
    .replace('/assets/*', '/assets/app.css')
    .replace('/api/docs/static/*', '/api/docs/static/index.css');
}

async function request(key: string, who: Who) {
  const [method, pattern] = key.split(' ') as [string, string];
  const headers: Record<string, string> = {};
  if (who !== 'anonymous') {
    // A fresh session each time, so a sign-out row cannot spoil the next one.
    const client = await signedIn(ctx, users.get(who) as TestUser);
    Object.assign(headers, client.headers);
  }
  if (key === 'POST /sign-in') {
    // The sign-in form needs its own token and real credentials to show it is open to all.
    const page = await ctx.app.inject({ method: 'GET', url: '/sign-in' });
    const formToken = page.body.match(/name="formToken" value="([^"]+)"/)?.[1] ?? '';
    const csrf = headers['x-csrf-token'] ?? '';
    const credentials = { email: users.get('analyst')?.email ?? '', password: TEST_PASSWORD };
    return ctx.app.inject({ method: 'POST', url: '/sign-in', headers: { ...headers, ...FORM_HEADERS, origin: 'http://localhost' }, payload: form({ ...credentials, formToken, _csrf: csrf }) });
  }
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return ctx.app.inject({ method: method as 'GET', url: concreteUrl(pattern), headers, ...(hasBody ? { payload: {} } : {}) });
}

function deniedHow(response: { statusCode: number; headers: Record<string, unknown> }): string | null {
  if (response.statusCode === 401 || response.statusCode === 403) return String(response.statusCode);
  if (response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in')) return 'redirect to sign-in';
  return null;
}

describe('permission matrix', () => {
  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const registered = ctx.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((route) => !(route in MATRIX)), 'routes without a row').toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !registered.includes(route)), 'rows without a route').toEqual([]);
  });

  for (const [key, allowed] of Object.entries(MATRIX)) {
    it(`${key}: allowed for ${allowed.length === EVERYONE.length ? 'everyone' : allowed.length === 0 ? 'no session (a bearer token only)' : allowed.join(', ')}`, async () => {
      for (const who of EVERYONE) {
        const response = await request(key, who);
        expect(response.statusCode, `${key} as ${who}`).toBeLessThan(500);
        const denial = deniedHow(response);
        if (allowed.includes(who)) {
          expect(denial, `${key} should be open to ${who} (got ${response.statusCode})`).toBeNull();
        } else {
          expect(denial, `${key} should be closed to ${who} (got ${response.statusCode})`).not.toBeNull();
          if (who === 'anonymous' && pattern(key).startsWith('/api/v1/')) expect(response.statusCode).toBe(401);
          // A signed-in user lacks the one credential a machine endpoint takes: 401, as for anyone.
          if (who !== 'anonymous') expect(response.statusCode).toBe(allowed === NOBODY ? 401 : 403);
        }
      }
    });
  }
});

function pattern(key: string): string {
  return key.split(' ')[1] ?? '';
}
