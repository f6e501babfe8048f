import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLASH_COOKIE, flashKindOf } from '../src/platform/flash.ts';
import { buildTestApp, postForm, type SignedInClient, type TestContext, loginAs } from './helpers/app.ts';

let ctx: TestContext;
let officer: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
});
afterAll(() => ctx.close());

const setCookies = (response: { headers: Record<string, unknown> }) => [response.headers['set-cookie'] ?? []].flat().map(String);
const flashCookieOf = (response: { headers: Record<string, unknown> }) => setCookies(response).find((cookie) => cookie.startsWith(`${FLASH_COOKIE}=`));
const STATUS = /<p class="flash" role="status">([^<]*)<\/p>/;

const meeting = { title: 'Flash test meeting', format: 'ministerial', setting: 'virtual', startsLocal: '2030-05-01T10:00', endsLocal: '2030-05-01T12:00', timeZone: 'UTC', classification: 'coalition' };

describe('the confirmation after an action', () => {
  it('says once, on the page the form redirects to, what was done, in the reader’s language', async () => {
    const created = await postForm(ctx, officer, '/meetings', meeting);
    expect(created.statusCode).toBe(303);
    const cookie = flashCookieOf(created);
    expect(cookie).toMatch(new RegExp(`^${FLASH_COOKIE}=created;.*HttpOnly.*Secure`, 'i'));
    const location = String(created.headers.location);

    const shown = await ctx.app.inject({ method: 'GET', url: location, headers: { cookie: `${officer.headers.cookie}; ${FLASH_COOKIE}=created` } });
    expect(STATUS.exec(shown.body)?.[1]).toBe('Created and saved.');
    // Read once: the same response clears it, so a reload says nothing.
    expect(flashCookieOf(shown)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    const reloaded = await ctx.app.inject({ method: 'GET', url: location, headers: { cookie: officer.headers.cookie } });
    expect(reloaded.body).not.toMatch(STATUS);

    const french = await ctx.app.inject({ method: 'GET', url: `/fr${location}`, headers: { cookie: `${officer.headers.cookie}; ${FLASH_COOKIE}=created` } });
    expect(STATUS.exec(french.body)?.[1]).toBe('Créé et enregistré.');
    const arabic = await ctx.app.inject({ method: 'GET', url: `/ar${location}`, headers: { cookie: `${officer.headers.cookie}; ${FLASH_COOKIE}=created` } });
    expect(STATUS.exec(arabic.body)?.[1]).toBe('تم الإنشاء والحفظ.');
  });

  it('confirms an edit as saved, and names nothing after a form that is sent back with problems', async () => {
    const created = await postForm(ctx, officer, '/meetings', meeting);
    const location = String(created.headers.location);
    const edited = await postForm(ctx, officer, location, { ...meeting, title: 'Flash test meeting, renamed', version: '1' });
    expect(edited.statusCode).toBe(303);
    expect(flashCookieOf(edited)).toMatch(new RegExp(`^${FLASH_COOKIE}=saved;`));
    const refused = await postForm(ctx, officer, '/meetings', { ...meeting, title: '' });
    expect(refused.statusCode).toBe(400);
    expect(flashCookieOf(refused)).toBeUndefined();
  });

  it('sets nothing for anonymous visitors and shows no message from a cookie it did not set', async () => {
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/meetings', headers: { cookie: `${FLASH_COOKIE}=published` } });
    expect(anonymous.body).not.toMatch(STATUS);
    const forged = await ctx.app.inject({ method: 'GET', url: '/meetings', headers: { cookie: `${officer.headers.cookie}; ${FLASH_COOKIE}=<script>` } });
    expect(forged.body).not.toMatch(STATUS);
    const signIn = await ctx.app.inject({ method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=nobody%40example.org&password=wrong' });
    expect(flashCookieOf(signIn)).toBeUndefined();
  });

  it('names each kind of action from its route', () => {
    expect(flashKindOf('/meetings')).toBe('created');
    expect(flashKindOf('/meetings/:id')).toBe('saved');
    expect(flashKindOf('/meetings/:id/agenda/:itemId/remove')).toBe('removed');
    expect(flashKindOf('/desk/readouts/:id/publish')).toBe('published');
    expect(flashKindOf('/funding/contributions/:id/verify')).toBe('verified');
    expect(flashKindOf('/detention/import')).toBe('imported');
    expect(flashKindOf('/screening/decisions')).toBe('decided');
    expect(flashKindOf('/funding/campaigns/:id/contributions')).toBe('created');
    expect(flashKindOf('/commitments/:id/status')).toBe('saved');
  });
});
