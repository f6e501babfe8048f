import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, makeUser, TEST_PASSWORD, type TestContext, userRow } from '../../../test/helpers/app.ts';
import { currentTotpCode } from '../../platform/totp.ts';
import { passThroughProvider, startIdentityProvider, type TestIdentityProvider } from '../../../test/helpers/identity-provider.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { auditEvents, partners, userIdentities, users } from '../../db/schema/index.ts';

const PUBLIC_URL = 'http://desk.test';
let idp: TestIdentityProvider;
let ctx: TestContext;

beforeAll(async () => {
  idp = await startIdentityProvider(`${PUBLIC_URL}/sign-in/oidc/ministry/callback`);
  const providers = [{ id: 'ministry', name: 'Ministère de test', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, partner: 'FRA', mfa: { claim: 'amr', values: ['otp', 'mfa'] } }];
  ctx = await buildTestApp({ PUBLIC_URL, OIDC_PROVIDERS: JSON.stringify(providers) });
});
afterAll(async () => {
  await ctx?.close();
  await idp?.close();
});

/** The whole round trip a browser makes: our start page, the provider, our callback. */
async function signInThroughProvider(subject: string, flowCookieOverride?: string) {
  idp.signInAs(subject);
  const start = await ctx.app.inject({ method: 'GET', url: '/sign-in/oidc/ministry?next=/taskings' });
  expect(start.statusCode).toBe(303);
  const flowCookie = String(start.headers['set-cookie']).split(';')[0] as string;
  expect(flowCookie).toMatch(/^__Host-cd_oidc=/);
  const callback = new URL(await passThroughProvider(String(start.headers.location), PUBLIC_URL));
  const finish = await ctx.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: flowCookieOverride ?? flowCookie } });
  const session = [start, finish].flatMap((response) => [response.headers['set-cookie']].flat()).map(String).find((line) => line.startsWith('__Host-cd_session=') && !line.startsWith('__Host-cd_session=;'));
  return { finish, session: session?.split(';')[0], callback, flowCookie };
}

/** The device cookie a response sets, with its attributes, if any. */
const deviceCookieLine = (response: { headers: Record<string, unknown> }) => ([response.headers['set-cookie']].flat().filter(Boolean) as string[]).find((line) => line.startsWith('__Host-cd_device='));

/** A password sign-in as a browser posts it: the form's token, the page's own origin, the browser's cookies. */
async function postSignIn(email: string, password: string, cookie: string | undefined, remoteAddress: string) {
  const page = await ctx.app.inject({ method: 'GET', url: '/sign-in' });
  const formToken = page.body.match(/name="formToken" value="([^"]+)"/)?.[1] ?? '';
  const payload = new URLSearchParams({ email, password, formToken, _csrf: '' }).toString();
  return ctx.app.inject({ method: 'POST', url: '/sign-in', remoteAddress, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL, ...(cookie ? { cookie } : {}) }, payload });
}

const auditActions = async (userId: string) => (await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, userId))).map((event) => event.action);

describe('sign-in through a partner’s identity provider', () => {
  it('provisions an unknown person pending approval, then signs them in with the provider’s second factor once approved', async () => {
    idp.accounts.set('amina-7', { email: 'amina.haddad@diplomatie.test', email_verified: true, name: 'Amina Haddad', amr: ['pwd', 'otp'] });
    const first = await signInThroughProvider('amina-7');
    expect(first.finish.statusCode).toBe(200);
    expect(first.finish.body).toContain('Your account awaits approval');
    expect(first.session).toBeUndefined();
    const [user] = await ctx.db.select().from(users).where(eq(users.email, 'amina.haddad@diplomatie.test'));
    const [france] = await ctx.db.select().from(partners).where(eq(partners.iso3, 'FRA'));
    expect(user).toMatchObject({ role: 'delegate', partnerId: france?.id, displayName: 'Amina Haddad' });
    expect(user?.pendingSince).not.toBeNull();
    expect(await auditActions(user?.id as string)).toEqual(expect.arrayContaining(['user.provisioned', 'identity.linked']));

    const admin = await loginAs(ctx, 'secretariat-admin');
    const listed = await ctx.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: admin.headers.cookie } });
    expect(listed.body).toContain('Awaiting approval');
    const approved = await ctx.app.inject({ method: 'POST', url: `/admin/users/${user?.id}/enable`, headers: { cookie: admin.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${admin.csrfToken}` });
    expect(approved.statusCode).toBe(303);
    expect(await auditActions(user?.id as string)).toContain('user.approved');

    const again = await signInThroughProvider('amina-7');
    expect(again.finish.statusCode).toBe(303);
    expect(again.finish.headers.location).toBe('/taskings');
    const account = await ctx.app.inject({ method: 'GET', url: '/account', headers: { cookie: again.session as string } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('amina.haddad@diplomatie.test');
    const [signIn] = (await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user?.id as string), eq(auditEvents.action, 'sign-in.succeeded')))).slice(-1);
    expect(signIn?.detail).toEqual({ provider: 'ministry', secondFactor: 'checked by the provider', failuresSincePreviousSignIn: 0 });
  });

  it('links an existing account by its verified address, and asks for the local second factor when the provider checked none', async () => {
    const local = await makeUser(ctx.db, 'co-chair', { totpRequired: true });
    idp.accounts.set('local-1', { email: local.email.toUpperCase(), email_verified: true, name: 'Co-chair', amr: ['pwd'] });
    const { finish, session } = await signInThroughProvider('local-1');
    expect(finish.statusCode).toBe(303);
    expect(finish.headers.location).toBe('/account/second-factor');
    // The session the provider's answer gave opens the second-factor set-up page, and shows its QR code.
    const enrol = await ctx.app.inject({ method: 'GET', url: '/account/second-factor', headers: { cookie: session as string } });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.body).toContain('<svg');
    const [identity] = await ctx.db.select().from(userIdentities).where(eq(userIdentities.subject, 'local-1'));
    expect(identity?.userId).toBe(local.id);
    // Only enrolment is open to this session, not the platform.
    expect((await ctx.app.inject({ method: 'GET', url: '/taskings', headers: { cookie: session as string } })).statusCode).not.toBe(200);
  });

  it('hands the browser a device cookie when the provider completes the sign-in, which then spares it the slow-down others get', async () => {
    const local = await makeUser(ctx.db, 'delegate');
    idp.accounts.set('device-1', { email: local.email, email_verified: true, name: 'Delegate', amr: ['pwd', 'otp'] });
    const { finish } = await signInThroughProvider('device-1');
    expect(finish.statusCode).toBe(303);
    const line = deviceCookieLine(finish) ?? '';
    expect(line).toMatch(/^__Host-cd_device=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(line).toContain('HttpOnly');
    expect(line).toContain('Secure');
    expect(line).toContain('SameSite=Strict');
    const device = line.split(';')[0] as string;
    // Someone behind the same address guesses the account's password until that address is slowed down…
    for (let i = 0; i < 6; i++) await postSignIn(local.email, `guess ${i}`, undefined, '198.51.100.7');
    expect((await postSignIn(local.email, TEST_PASSWORD, undefined, '198.51.100.7')).statusCode).toBe(429);
    // …the browser the provider signed in, from that very address, is not.
    const known = await postSignIn(local.email, TEST_PASSWORD, device, '198.51.100.7');
    expect(known.statusCode, known.body).toBe(303);
  });

  it('tells the holder, when the provider signs them in, of the failed attempts on their account since their previous sign-in', async () => {
    const local = await makeUser(ctx.db, 'delegate');
    idp.accounts.set('told-1', { email: local.email, email_verified: true, name: 'Delegate', amr: ['otp'] });
    for (let i = 0; i < 2; i++) await postSignIn(local.email, `guess ${i}`, undefined, '198.51.100.9');
    const { finish, session } = await signInThroughProvider('told-1');
    expect(finish.statusCode).toBe(303);
    expect(finish.headers.location).toBe('/account?next=%2Ftaskings');
    const account = await ctx.app.inject({ method: 'GET', url: String(finish.headers.location), headers: { cookie: session as string } });
    expect(account.body).toMatch(/2 failed sign-in attempts on your account before your sign-in of [^.]+\. If you did not make them, tell the secretariat\./);
  });

  it('hands the device cookie out once the second factor is set up, when the provider checked none', async () => {
    const local = await makeUser(ctx.db, 'analyst', { totpRequired: true });
    idp.accounts.set('device-2', { email: local.email, email_verified: true, name: 'Analyst', amr: ['pwd'] });
    const { finish, session } = await signInThroughProvider('device-2');
    expect(finish.headers.location).toBe('/account/second-factor');
    // Half a sign-in marks nothing.
    expect(deviceCookieLine(finish)).toBeUndefined();
    const enrol = await ctx.app.inject({ method: 'GET', url: '/account/second-factor', headers: { cookie: session as string } });
    const csrf = enrol.body.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
    const secret = (await userRow(ctx.db, local.id))?.totpSecret as string;
    const confirmed = await ctx.app.inject({ method: 'POST', url: '/account/second-factor', headers: { cookie: session as string, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ code: currentTotpCode(secret), _csrf: csrf }).toString() });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(deviceCookieLine(confirmed)).toMatch(/^__Host-cd_device=[^;]+;.*HttpOnly/);
  });

  it('refuses an address the provider does not vouch for, a callback without its flow, and a flow used twice', async () => {
    idp.accounts.set('unverified-1', { email: 'someone@elsewhere.test', email_verified: false, name: 'Someone', amr: ['pwd', 'otp'] });
    const unverified = await signInThroughProvider('unverified-1');
    expect(unverified.finish.statusCode).toBe(401);
    expect(unverified.finish.body).toContain('did not vouch for an e-mail address');
    expect(await ctx.db.select().from(users).where(eq(users.email, 'someone@elsewhere.test'))).toEqual([]);

    idp.accounts.set('amina-8', { email: 'amina.haddad@diplomatie.test', email_verified: true, name: 'Amina Haddad', amr: ['otp'] });
    const stranger = await signInThroughProvider('amina-8', '__Host-cd_oidc=planted-by-someone-else');
    expect(stranger.finish.statusCode).toBe(401);
    expect(stranger.finish.body).toContain('started elsewhere, has expired or was used already');
    expect(stranger.session).toBeUndefined();

    const once = await signInThroughProvider('amina-7');
    expect(once.finish.statusCode).toBe(303);
    const replay = await ctx.app.inject({ method: 'GET', url: `${once.callback.pathname}${once.callback.search}`, headers: { cookie: once.flowCookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('offers each provider on the sign-in page, and lists its cookie', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.body).toContain('href="/sign-in/oidc/ministry"');
    expect(page.body).toContain('Sign in with Ministère de test');
    expect((await ctx.app.inject({ method: 'GET', url: '/cookies' })).body).toContain('__Host-cd_oidc');
    expect((await ctx.app.inject({ method: 'GET', url: '/sign-in/oidc/nobody' })).statusCode).toBe(404);
  });

  it('refuses a configuration that would be unsafe or cannot work, naming it', () => {
    const one = (extra: Record<string, unknown>) => JSON.stringify([{ id: 'm', name: 'M', issuer: 'https://id.example', clientId: 'c', clientSecret: 's', partner: 'FRA', ...extra }]);
    expect(() => loadConfig({ OIDC_PROVIDERS: one({}) })).toThrow('OIDC_PROVIDERS needs PUBLIC_URL');
    expect(() => loadConfig({ PUBLIC_URL: PUBLIC_URL, OIDC_PROVIDERS: one({ issuer: 'http://id.example' }) })).toThrow('OIDC_PROVIDERS[0].issuer must be an https:// URL (http:// only on this machine), got "http://id.example"');
    expect(() => loadConfig({ PUBLIC_URL: PUBLIC_URL, OIDC_PROVIDERS: one({ partner: 'France' }) })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: PUBLIC_URL, OIDC_PROVIDERS: '{' })).toThrow('OIDC_PROVIDERS must be a JSON array of providers');
  });
});
