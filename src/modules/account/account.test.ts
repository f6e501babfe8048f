import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.ts';
import { loginFailures, recoveryCodes, users } from '../../db/schema/identity.ts';
import { sessions } from '../../db/schema/identity.ts';
import { currentTotpCode } from '../../platform/totp.ts';
import { sha256 } from '../../platform/tokens.ts';
import { FORM_HEADERS, postForm, TEST_PASSWORD, buildTestApp, form, loginAs, makeUser, sessionCookieFrom, signedIn, userRow } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';
import { SESSION_COOKIE } from '../../platform/session.ts';

const suite = httpSuite(undefined, { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '50' });

async function signInForm() {
  const page = await suite.ctx.app.inject({ method: 'GET', url: '/sign-in' });
  const token = page.body.match(/name="formToken" value="([^"]+)"/)?.[1];
  if (!token) throw new Error('sign-in page has no form token');
  return token;
}

/** A browser posts its own origin with the form; tests give a client address and cookies where they matter. */
const SAME_ORIGIN = { origin: 'http://localhost' };

async function postSignIn(email: string, password: string, extraHeaders: Record<string, string> = {}, remoteAddress = '127.0.0.1') {
  const formToken = await signInForm();
  return suite.ctx.app.inject({ method: 'POST', url: '/sign-in', remoteAddress, headers: { ...FORM_HEADERS, ...SAME_ORIGIN, ...extraHeaders }, payload: form({ email, password, formToken, _csrf: '' }) });
}

function deviceCookieFrom(response: { headers: Record<string, unknown> }): string | undefined {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [String(header)] : [];
  return cookies.map((line) => /^__Host-cd_device=([^;]+)/.exec(line)?.[1]).find(Boolean);
}

/** As if the throttling window's clock had moved on: every failure recorded happened that much earlier. */
async function ageFailures(seconds: number) {
  await suite.ctx.db.update(loginFailures).set({ at: sql`${loginFailures.at} - make_interval(secs => ${seconds})` });
}

describe('sign-in with a password', () => {
  it('signs a demo-style user straight in with a fresh __Host- session cookie', async () => {
    const user = await makeUser(suite.ctx.db, 'delegate');
    const response = await postSignIn(user.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const cookie = sessionCookieFrom(response);
    const partners = await suite.ctx.app.inject({ method: 'GET', url: '/partners', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    expect(partners.statusCode).toBe(200);
    expect(partners.body).toContain(user.email);
  });

  it('answers a wrong password with one message that does not reveal whether the account exists', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    const wrong = await postSignIn(user.email, 'not the password');
    const unknown = await postSignIn('nobody@test.example', 'whatever password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('The e-mail address or the password is not right.');
    expect(unknown.body).toContain('The e-mail address or the password is not right.');
    expect(sessionCookieFrom(wrong)).toBeUndefined();
  });

  it('records every attempt, failed or not, in the audit trail', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    await postSignIn(user.email, 'bad guess');
    await postSignIn(user.email, TEST_PASSWORD);
    const events = await suite.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    const actions = events.map((e) => e.action);
    expect(actions).toContain('sign-in.failed');
    expect(actions).toContain('sign-in.succeeded');
    expect(events.find((e) => e.action === 'sign-in.failed')?.ip).toBe('127.0.0.1');
  });

  it('slows down one account from one address after repeated failures, but never locks the holder out from elsewhere', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    for (let i = 0; i < 3; i++) expect((await postSignIn(user.email, `wrong ${i}`, {}, '203.0.113.7')).statusCode).toBe(401);
    const slowed = await postSignIn(user.email, TEST_PASSWORD, {}, '203.0.113.7');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.body).toContain('Too many failed sign-ins for this account from your network address. Wait 30 seconds before trying again.');
    expect(slowed.headers['retry-after']).toBe('30');
    // The holder, at another address, signs straight in: the guesses did not lock the account.
    const holder = await postSignIn(user.email, TEST_PASSWORD, {}, '198.51.100.20');
    expect(holder.statusCode).toBe(303);
    expect(sessionCookieFrom(holder)).toBeTruthy();
  });

  it('doubles the wait after each further failure, and lets the right password in once the wait is over', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    for (let i = 0; i < 3; i++) await postSignIn(user.email, `wrong ${i}`, {}, '203.0.113.8');
    await ageFailures(31);
    expect((await postSignIn(user.email, 'wrong again', {}, '203.0.113.8')).statusCode).toBe(401);
    const longer = await postSignIn(user.email, TEST_PASSWORD, {}, '203.0.113.8');
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('60');
    await ageFailures(61);
    expect((await postSignIn(user.email, TEST_PASSWORD, {}, '203.0.113.8')).statusCode).toBe(303);
  });

  it('hands a signed, HttpOnly device cookie to a browser that signs in, which then passes while others are slowed down', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    const first = await postSignIn(user.email, TEST_PASSWORD, {}, '192.0.2.50');
    const device = deviceCookieFrom(first);
    expect(device).toBeTruthy();
    const line = ([first.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('__Host-cd_device=')) ?? '';
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/Secure/);
    expect(line).toMatch(/Path=\//);
    // Someone behind the same address guesses until the (account, address) pair is slowed down…
    for (let i = 0; i < 3; i++) await postSignIn(user.email, `guess ${i}`, {}, '192.0.2.50');
    expect((await postSignIn(user.email, TEST_PASSWORD, {}, '192.0.2.50')).statusCode).toBe(429);
    // …the holder's browser, from that very address, is not.
    const known = await postSignIn(user.email, TEST_PASSWORD, { cookie: `__Host-cd_device=${device}` }, '192.0.2.50');
    expect(known.statusCode).toBe(303);
    // A forged or another account's device cookie counts for nothing.
    const forged = `${device?.slice(0, -4)}AAAA`;
    expect((await postSignIn(user.email, TEST_PASSWORD, { cookie: `__Host-cd_device=${forged}` }, '192.0.2.50')).statusCode).toBe(429);
    // The cookie is listed with the strictly necessary ones.
    const cookies = (await suite.ctx.app.inject({ method: 'GET', url: '/cookies' })).body;
    expect(cookies).toContain('<code>__Host-cd_device</code>');
    expect(cookies).toContain('so failed sign-ins from elsewhere never block you here');
  });

  it('tells the holder how many failures there were since the previous sign-in, on the page they land on and in the audit trail', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    expect((await postSignIn(user.email, TEST_PASSWORD, {}, '192.0.2.60')).headers.location).toBe('/');
    await postSignIn(user.email, 'guess 1', {}, '198.51.100.61');
    await postSignIn(user.email, 'guess 2', {}, '198.51.100.62');
    const next = await postSignIn(user.email, TEST_PASSWORD, {}, '192.0.2.60');
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe('/account?next=%2F');
    const page = await suite.ctx.app.inject({ method: 'GET', url: next.headers.location as string, headers: { cookie: `${SESSION_COOKIE}=${sessionCookieFrom(next)}` } });
    expect(page.body).toMatch(/2 failed sign-in attempts on your account before your sign-in of [^.]+\. If you did not make them, tell the secretariat\./);
    expect(page.body).toContain('<a href="/">Continue</a>');
    const [succeeded] = await suite.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, 'sign-in.succeeded'))).orderBy(desc(auditEvents.seq)).limit(1);
    expect(succeeded?.detail).toMatchObject({ failuresSincePreviousSignIn: 2 });
    // The next clean sign-in goes straight on.
    expect((await postSignIn(user.email, TEST_PASSWORD, {}, '192.0.2.60')).headers.location).toBe('/');
  });

  it('refuses a sign-in post that says neither where it comes from (no Origin, Referer or Sec-Fetch-Site)', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    const formToken = await signInForm();
    const bare = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in', headers: FORM_HEADERS, payload: form({ email: user.email, password: TEST_PASSWORD, formToken }) });
    expect(bare.statusCode).toBe(403);
    expect(bare.body).toContain('This sign-in form has expired or came from another site.');
    expect(sessionCookieFrom(bare)).toBeUndefined();
    const viaReferer = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in', headers: { ...FORM_HEADERS, referer: 'http://localhost/sign-in' }, payload: form({ email: user.email, password: TEST_PASSWORD, formToken: await signInForm() }) });
    expect(viaReferer.statusCode).toBe(303);
    const viaFetchMetadata = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in', headers: { ...FORM_HEADERS, 'sec-fetch-site': 'same-origin' }, payload: form({ email: user.email, password: TEST_PASSWORD, formToken: await signInForm() }) });
    expect(viaFetchMetadata.statusCode).toBe(303);
  });

  it('takes each sign-in form token once: a replayed post is refused', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    const formToken = await signInForm();
    const post = () => suite.ctx.app.inject({ method: 'POST', url: '/sign-in', headers: { ...FORM_HEADERS, ...SAME_ORIGIN }, payload: form({ email: user.email, password: TEST_PASSWORD, formToken }) });
    expect((await post()).statusCode).toBe(303);
    const replay = await post();
    expect(replay.statusCode).toBe(403);
    expect(sessionCookieFrom(replay)).toBeUndefined();
  });

  it('refuses a sign-in posted from another site', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    const response = await postSignIn(user.email, TEST_PASSWORD, { origin: 'https://evil.example', host: 'localhost' });
    expect(response.statusCode).toBe(403);
    expect(sessionCookieFrom(response)).toBeUndefined();
  });

  it('refuses a disabled account', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    await suite.ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await postSignIn(user.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('only redirects to paths on this site after sign-in', async () => {
    const user = await makeUser(suite.ctx.db, 'analyst');
    const formToken = await signInForm();
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in', headers: { ...FORM_HEADERS, ...SAME_ORIGIN }, payload: form({ email: user.email, password: TEST_PASSWORD, formToken, next: '//evil.example/x' }) });
    expect(response.headers.location).toBe('/');
  });
});

describe('second factor', () => {
  it('makes a non-demo account enrol, then rotates the session id and hands out recovery codes', async () => {
    const user = await makeUser(suite.ctx.db, 'secretariat-officer', { totpRequired: true });
    const first = await postSignIn(user.email, TEST_PASSWORD);
    expect(first.headers.location).toBe('/account/second-factor');
    const enrolCookie = sessionCookieFrom(first) as string;
    const headers = { cookie: `${SESSION_COOKIE}=${enrolCookie}` };
    // Until enrolled, the account reaches nothing else.
    const blocked = await suite.ctx.app.inject({ method: 'GET', url: '/people', headers });
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe('/account/second-factor');
    // Not even pages anonymous visitors may read: the account finishes signing in first.
    const partners = await suite.ctx.app.inject({ method: 'GET', url: '/partners', headers });
    expect([partners.statusCode, partners.headers.location]).toEqual([303, '/account/second-factor']);
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
    const setup = await suite.ctx.app.inject({ method: 'GET', url: '/account/second-factor', headers });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('<svg');
    const csrf = setup.body.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
    const secret = (await userRow(suite.ctx.db, user.id))?.totpSecret as string;
    const wrong = await suite.ctx.app.inject({ method: 'POST', url: '/account/second-factor', headers: { ...headers, ...FORM_HEADERS }, payload: form({ _csrf: csrf, code: '000000' === currentTotpCode(secret) ? '111111' : '000000' }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('This code is not right');
    const done = await suite.ctx.app.inject({ method: 'POST', url: '/account/second-factor', headers: { ...headers, ...FORM_HEADERS }, payload: form({ _csrf: csrf, code: currentTotpCode(secret) }) });
    expect(done.statusCode).toBe(200);
    expect(done.body.match(/<code>[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}<\/code>/g)).toHaveLength(10);
    const fullCookie = sessionCookieFrom(done) as string;
    expect(fullCookie).not.toBe(enrolCookie);
    const oldSession = await suite.ctx.app.inject({ method: 'GET', url: '/account', headers });
    expect(oldSession.statusCode).toBe(303);
    const newSession = await suite.ctx.app.inject({ method: 'GET', url: '/account', headers: { cookie: `${SESSION_COOKIE}=${fullCookie}` } });
    expect(newSession.statusCode).toBe(200);
    expect(newSession.body).toContain('Authenticator app');
    // Stored hashed, never in clear.
    const stored = await suite.ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);
  });

  async function enrolledUser() {
    const user = await makeUser(suite.ctx.db, 'co-chair', { totpRequired: true });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await suite.ctx.db.update(users).set({ totpSecret: secret, totpEnabledAt: new Date() }).where(eq(users.id, user.id));
    await suite.ctx.db.insert(recoveryCodes).values({ userId: user.id, codeHash: sha256('aaaabbbbcccc') });
    return { user, secret };
  }

  async function passwordStage(email: string) {
    const response = await postSignIn(email, TEST_PASSWORD);
    expect(response.headers.location).toMatch(/^\/sign-in\/second-factor/);
    const cookie = sessionCookieFrom(response) as string;
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/sign-in/second-factor', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
    return { headers: { cookie: `${SESSION_COOKIE}=${cookie}`, ...FORM_HEADERS }, csrf };
  }

  it('accepts a current TOTP code once and refuses its replay', async () => {
    const { user, secret } = await enrolledUser();
    const code = currentTotpCode(secret);
    const first = await passwordStage(user.email);
    const ok = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in/second-factor', headers: first.headers, payload: form({ _csrf: first.csrf, code }) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/');
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/account', headers: { cookie: `${SESSION_COOKIE}=${sessionCookieFrom(ok)}` } })).body).toContain(user.email);
    const second = await passwordStage(user.email);
    const replay = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in/second-factor', headers: second.headers, payload: form({ _csrf: second.csrf, code }) });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('already used');
  });

  it('accepts a recovery code once', async () => {
    const { user } = await enrolledUser();
    const first = await passwordStage(user.email);
    const ok = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in/second-factor', headers: first.headers, payload: form({ _csrf: first.csrf, code: 'AAAA-bbbb-cccc' }) });
    expect(ok.statusCode).toBe(303);
    const second = await passwordStage(user.email);
    const again = await suite.ctx.app.inject({ method: 'POST', url: '/sign-in/second-factor', headers: second.headers, payload: form({ _csrf: second.csrf, code: 'aaaa-bbbb-cccc' }) });
    expect(again.statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('sign-out ends the session at once', async () => {
    const client = await loginAs(suite.ctx, 'delegate');
    const out = await postForm(suite.ctx, client, '/sign-out');
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
    const after = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: client.headers });
    expect(after.statusCode).toBe(401);
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = await loginAs(suite.ctx, 'secretariat-admin');
    const victim = await loginAs(suite.ctx, 'delegate');
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: victim.headers })).statusCode).toBe(200);
    const disable = await suite.ctx.app.inject({ method: 'POST', url: `/api/v1/users/${victim.user.id}/disable`, headers: admin.headers });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().disabled).toBe(true);
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: victim.headers })).statusCode).toBe(401);
    expect(await suite.ctx.db.select().from(sessions).where(eq(sessions.userId, victim.user.id))).toHaveLength(0);
  });

  it('ends a session that was idle longer than the idle timeout', async () => {
    const client = await loginAs(suite.ctx, 'analyst');
    await suite.ctx.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.idHash, sha256(client.cookieValue)));
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: client.headers })).statusCode).toBe(401);
  });

  it('ends a session past its absolute lifetime even when active', async () => {
    const client = await loginAs(suite.ctx, 'analyst');
    await suite.ctx.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.idHash, sha256(client.cookieValue)));
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: client.headers })).statusCode).toBe(401);
  });

  it('refuses a form post without the CSRF token of the session', async () => {
    const client = await loginAs(suite.ctx, 'analyst');
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/account/language', headers: { cookie: client.headers.cookie, ...FORM_HEADERS }, payload: form({ locale: 'fr' }) });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('did not come from this site');
    expect((await userRow(suite.ctx.db, client.user.id))?.locale).toBeNull();
  });

  it('remembers the chosen language on the account and serves it right-to-left for Arabic', async () => {
    const client = await loginAs(suite.ctx, 'delegate');
    const set = await postForm(suite.ctx, client, '/account/language', { locale: 'ar', returnTo: '/partners?lang=en' });
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe('/partners');
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/partners', headers: client.headers });
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('الشركاء');
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, authenticates with it, and revokes it', async () => {
    const client = await loginAs(suite.ctx, 'analyst');
    const created = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/account/tokens', headers: client.headers, payload: { name: 'nightly script', expiresInDays: 30 } });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(token).toMatch(/^cdt_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(client.user.email);
    const list = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/account/tokens', headers: client.headers });
    expect(list.json()).toEqual([expect.objectContaining({ id: apiToken.id, name: 'nightly script', revokedAt: null })]);
    expect(JSON.stringify(list.json())).not.toContain(token);
    const revoke = await suite.ctx.app.inject({ method: 'DELETE', url: `/api/v1/account/tokens/${apiToken.id}`, headers: client.headers });
    expect(revoke.statusCode).toBe(204);
    const after = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toContain('unknown, expired or revoked');
  });

  it("cannot revoke another user's token, and says it does not exist", async () => {
    const owner = await loginAs(suite.ctx, 'analyst');
    const other = await loginAs(suite.ctx, 'analyst');
    const created = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/account/tokens', headers: owner.headers, payload: { name: 'mine', expiresInDays: 1 } });
    const response = await suite.ctx.app.inject({ method: 'DELETE', url: `/api/v1/account/tokens/${created.json().apiToken.id}`, headers: other.headers });
    expect(response.statusCode).toBe(404);
  });

  it('refuses an expired token', async () => {
    const client = await signedIn(suite.ctx, await makeUser(suite.ctx.db, 'analyst'));
    const created = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/account/tokens', headers: client.headers, payload: { name: 'short', expiresInDays: 1 } });
    const { apiTokens } = await import('../../db/schema/identity.ts');
    await suite.ctx.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, created.json().apiToken.id));
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${created.json().token}` } })).statusCode).toBe(401);
  });

  it('names the bad field when a token request is malformed', async () => {
    const client = await loginAs(suite.ctx, 'analyst');
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/account/tokens', headers: client.headers, payload: { name: 'x', expiresInDays: 9999, colour: 'red' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.expiresInDays');
    expect(fields).toContain('body.colour');
  });
});

describe('throttling per address', () => {
  it('holds back an address only after it failed on many different accounts, not after many attempts; known browsers still pass', async () => {
    const strict = await buildTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '4', LOGIN_MAX_FAILURES_PER_ACCOUNT: '50' });
    try {
      const signIn = async (email: string, password: string, cookie = '') => {
        const page = await strict.app.inject({ method: 'GET', url: '/sign-in' });
        const formToken = page.body.match(/name="formToken" value="([^"]+)"/)?.[1] ?? '';
        return strict.app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '203.0.113.99', headers: { ...FORM_HEADERS, ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) }, payload: form({ email, password, formToken }) });
      };
      const colleague = await makeUser(strict.db, 'analyst');
      const device = deviceCookieFrom(await signIn(colleague.email, TEST_PASSWORD));
      // Six mistakes on one account are one account tried: the rest of the office is not blocked.
      for (let i = 0; i < 6; i++) expect((await signIn('typo@test.example', `nope ${i}`)).statusCode).toBe(401);
      const other = await makeUser(strict.db, 'analyst');
      expect((await signIn(other.email, TEST_PASSWORD)).statusCode).toBe(303);
      // Four different accounts tried and failed: a new account from this address must wait.
      for (let i = 1; i < 4; i++) expect((await signIn(`guess${i}@test.example`, 'nope')).statusCode).toBe(401);
      const user = await makeUser(strict.db, 'analyst');
      const blocked = await signIn(user.email, TEST_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.body).toContain('Too many failed sign-ins for your network address');
      // A browser that signed in before is not held back by the others.
      expect((await signIn(colleague.email, TEST_PASSWORD, `__Host-cd_device=${device}`)).statusCode).toBe(303);
    } finally {
      await strict.close();
    }
    // A database of its own and some twenty password hashes: more than the default time on a busy machine.
  }, 120_000);
});

describe('housekeeping', () => {
  it('removes dead sessions, old login failures and rate-limit counters of past hours, and keeps live ones', async () => {
    const { sweepExpiredRecords } = await import('../../platform/housekeeping.ts');
    const { loginFailures, rateLimitCounters } = await import('../../db/schema/identity.ts');
    const live = await loginAs(suite.ctx, 'analyst');
    const idle = await loginAs(suite.ctx, 'analyst');
    await suite.ctx.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 60 * 60_000) }).where(eq(sessions.idHash, sha256(idle.cookieValue)));
    await suite.ctx.db.insert(loginFailures).values({ scope: 'account', key: 'old@test.example', at: new Date(Date.now() - 24 * 3_600_000) });
    await suite.ctx.db.insert(rateLimitCounters).values([{ key: 'old counter', windowStart: new Date(Date.now() - 2 * 3_600_000), count: 9 }, { key: 'this minute', count: 1 }]);
    const swept = await sweepExpiredRecords(suite.ctx.db, suite.ctx.config);
    expect(swept.sessions).toBeGreaterThanOrEqual(1);
    expect(swept.loginFailures).toBeGreaterThanOrEqual(1);
    expect((await suite.ctx.db.select().from(rateLimitCounters)).map((row) => row.key)).toEqual(['this minute']);
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: live.headers })).statusCode).toBe(200);
    expect(await suite.ctx.db.select().from(sessions).where(eq(sessions.idHash, sha256(idle.cookieValue)))).toHaveLength(0);
  });
});

describe('digits on Arabic pages', () => {
  it('shows Arabic-Indic digits to a reader who chose them, Western digits by default, and records the choice', async () => {
    const reader = await loginAs(suite.ctx, 'secretariat-officer');
    const partnersPage = () => suite.ctx.app.inject({ method: 'GET', url: '/partners', headers: { cookie: reader.headers.cookie } }).then((response) => response.body);
    expect((await postForm(suite.ctx, reader, '/account/language', { locale: 'ar', returnTo: '/partners' })).statusCode).toBe(303);
    const western = /<p role="status">([^<]*)<\/p>/.exec(await partnersPage())?.[1] ?? '';
    expect(western).toMatch(/^\d+ نتيجة$/);
    expect((await postForm(suite.ctx, reader, '/account/numerals', { numerals: 'arab' })).statusCode).toBe(303);
    const eastern = /<p role="status">([^<]*)<\/p>/.exec(await partnersPage())?.[1] ?? '';
    expect(eastern).toMatch(/^[٠-٩]+ نتيجة$/);
    expect(eastern.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))).toBe(western);
    // Pages in other languages keep Western digits.
    await postForm(suite.ctx, reader, '/account/language', { locale: 'fr', returnTo: '/partners' });
    expect(/<p role="status">([^<]*)<\/p>/.exec(await partnersPage())?.[1]).toMatch(/^\d+ résultats$/);
    const [audited] = await suite.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.numerals-set'));
    expect(audited?.detail).toEqual({ numerals: 'arab' });
    expect((await postForm(suite.ctx, reader, '/account/numerals', { numerals: 'roman' })).statusCode).toBe(400);
  });
});
