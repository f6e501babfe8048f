import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/schema/identity.ts';
import { loadDemoRecords } from '../src/demo/demo.ts';
import { systemActor } from '../src/platform/actor.ts';
import { buildTestApp, FORM_HEADERS, form, makeUser, sessionCookieFrom, TEST_PASSWORD, type TestContext } from './helpers/app.ts';

/**
 * An Arabic reader who signs in under /ar/ stays under /ar/: on every page they can reach by following
 * links, and after every redirect. Found by users: form posts sent them back to the English addresses.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  await loadDemoRecords(ctx.db, systemActor('test (demo data)'));
});
afterAll(() => ctx.close());

// The demo data set's accounts (src/demo/demo.ts), one per role.
const DEMO_ROLES: { role: Role; partnerIso3?: string; groupSlugs?: string[] }[] = [
  { role: 'secretariat-admin' },
  { role: 'secretariat-officer', groupSlugs: ['small-group'] },
  { role: 'co-chair', partnerIso3: 'USA', groupSlugs: ['small-group'] },
  { role: 'delegate', partnerIso3: 'FRA', groupSlugs: ['small-group'] },
  { role: 'analyst', groupSlugs: ['counter-isis-finance-group'] },
];

/**
 * Same-site addresses that rightly carry no /ar/:
 * - `/assets/…`: static files (styles, scripts, images) are the same bytes in every language;
 * - `/api/…`: the JSON API and its documentation answer in data, not in a page's language;
 * - `/en/…`, `/fr/…`: the language switch names the language it leads to.
 * Downloads and exports (CSV, spreadsheets, calendars) are ordinary routes: they keep /ar/ like any
 * page, so their headings come in Arabic, and need no exception.
 */
const LANGUAGE_NEUTRAL = /^\/(?:assets|api|en|fr)(?:[/?#]|$)/;
const UNDER_ARABIC = /^\/ar(?:[/?#]|$)/;
/** Link targets whose request would change something or fetch a file rather than a page: checked, not followed. */
const NOT_FOLLOWED = /\.(?:csv|xlsx|ics|pdf|json|svg|png)(?:[?#]|$)|\/(?:export|download|calendar\.ics)(?:[/?#]|$)/;
const PAGES_PER_ROLE = 60;

/** Every same-site address a page links to or submits to: links, image-map areas, form actions and form buttons. */
function addressesOn(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<(?:a|area)\b[^>]*?\shref="([^"]*)"|<form\b[^>]*?\saction="([^"]*)"|<(?:button|input)\b[^>]*?\sformaction="([^"]*)"/g)) {
    const address = (match[1] ?? match[2] ?? match[3] ?? '').replaceAll('&amp;', '&');
    if (address.startsWith('/') && !address.startsWith('//')) found.push(address);
  }
  return found;
}

/** Signs in through the sign-in form under /ar/, as a browser does; returns the session cookie and the redirect. */
async function signInUnderArabic(email: string) {
  const page = await ctx.app.inject({ method: 'GET', url: '/ar/sign-in' });
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const response = await ctx.app.inject({ method: 'POST', url: '/ar/sign-in', headers: { ...FORM_HEADERS, origin: ctx.config.publicUrl }, payload: form({ email, password: TEST_PASSWORD, formToken }) });
  const cookieValue = sessionCookieFrom(response);
  if (!cookieValue) throw new Error(`sign-in answered ${response.statusCode} without a session`);
  return { cookie: `__Host-cd_session=${cookieValue}`, status: response.statusCode, location: String(response.headers.location) };
}

/** Follows links from the home page and the navigation, breadth first, up to a bound; lists every address that leaves Arabic. */
async function crawl(cookie: string): Promise<{ visited: number; problems: string[] }> {
  const queue = ['/ar'];
  const seen = new Set(queue);
  const problems: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < PAGES_PER_ROLE) {
    const url = queue.shift() as string;
    const response = await ctx.app.inject({ method: 'GET', url, headers: { cookie } });
    visited++;
    if (response.statusCode >= 300 && response.statusCode < 400) {
      const location = String(response.headers.location);
      if (!UNDER_ARABIC.test(location)) problems.push(`${url} redirects to ${location}`);
      continue;
    }
    if (!String(response.headers['content-type']).startsWith('text/html')) continue;
    if (!response.body.includes('<html lang="ar" dir="rtl">')) problems.push(`${url} is not in Arabic`);
    for (const address of addressesOn(response.body)) {
      if (LANGUAGE_NEUTRAL.test(address)) continue;
      if (!UNDER_ARABIC.test(address)) {
        problems.push(`${url} links to ${address}`);
        continue;
      }
      // One page of each list is enough: other pages and sort orders have the same links.
      const page = address.split('#')[0] as string;
      const shape = page.replace(/\?.*$/, '');
      if (seen.has(shape) || NOT_FOLLOWED.test(page)) continue;
      seen.add(shape);
      queue.push(page);
    }
  }
  return { visited, problems };
}

describe('an Arabic reader stays under /ar/', () => {
  it.each(DEMO_ROLES)('$role: signing in, every link and every redirect on the pages reached keep /ar/', async ({ role, partnerIso3, groupSlugs }) => {
    const user = await makeUser(ctx.db, role, { partnerIso3, groupSlugs });
    const signIn = await signInUnderArabic(user.email);
    expect(signIn.status).toBe(303);
    expect(signIn.location).toMatch(UNDER_ARABIC);
    const { visited, problems } = await crawl(signIn.cookie);
    expect(visited).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('sends an anonymous reader to the Arabic sign-in page, and back to the Arabic page they asked for', async () => {
    const user = await makeUser(ctx.db, 'secretariat-officer');
    const asked = await ctx.app.inject({ method: 'GET', url: '/ar/account/tokens' });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/ar/sign-in?next=%2Faccount%2Ftokens');
    const page = await ctx.app.inject({ method: 'GET', url: String(asked.headers.location) });
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const next = /name="next" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const signedIn = await ctx.app.inject({ method: 'POST', url: '/ar/sign-in', headers: { ...FORM_HEADERS, origin: ctx.config.publicUrl }, payload: form({ email: user.email, password: TEST_PASSWORD, formToken, next }) });
    expect(signedIn.headers.location).toBe('/ar/account/tokens');
  });

  it('answers a form posted under /ar/ with a redirect under /ar/, except the language switch, which names its language', async () => {
    const user = await makeUser(ctx.db, 'secretariat-officer');
    const { cookie } = await signInUnderArabic(user.email);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await ctx.app.inject({ method: 'GET', url: '/ar/account', headers: { cookie } })).body)?.[1] ?? '';
    const post = (url: string, fields: Record<string, string>) => ctx.app.inject({ method: 'POST', url, headers: { cookie, ...FORM_HEADERS }, payload: form({ _csrf: csrf, ...fields }) });

    const meeting = await post('/ar/meetings', { title: 'اجتماع تجريبي', format: 'other', setting: 'virtual', startsLocal: '2025-01-01T10:00', endsLocal: '2025-01-01T11:00', timeZone: 'UTC' });
    expect(meeting.statusCode).toBe(303);
    expect(meeting.headers.location).toMatch(/^\/ar\/meetings\/[0-9a-f-]{36}$/);

    const numerals = await post('/ar/account/numerals', { numerals: 'arab' });
    expect(numerals.headers.location).toBe('/ar/account');

    // The switch from Arabic to French goes to the French address, not under /ar/.
    const switched = await post('/ar/account/language', { locale: 'fr', returnTo: '/meetings?lang=ar' });
    expect(switched.headers.location).toBe('/fr/meetings');
  });
});
