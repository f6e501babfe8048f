/**
 * Sessions and accounts are kept in the process's memory (platform/identity-cache.ts), yet signing out,
 * disabling an account, changing a role or a group, or revoking a token takes effect on the very next
 * request made through this process, and as soon as the database's notice arrives whatever else made the
 * change: a service called directly, or plain SQL.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, openPostgres } from '../src/db/client.ts';
import { userGroups, users } from '../src/db/schema/identity.ts';
import { createUser, setUserDisabled } from '../src/modules/users/users.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { createSession, csrfTokenFor, SESSION_COOKIE } from '../src/platform/session.ts';
import { buildTestApp, groupId, loginAs, makeUser, postForm, signedIn, type SignedInClient, type TestContext } from './helpers/app.ts';
import { scratchPostgres } from './helpers/database.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

const get = (client: SignedInClient, url: string) => ctx.app.inject({ url, headers: { cookie: client.headers.cookie } });
const sentToSignIn = (response: { statusCode: number; headers: Record<string, unknown> }) => response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in');

/** Statements a request sends to the database. */
async function statementsFor(client: SignedInClient, url: string): Promise<number> {
  const before = ctx.database.queryCount();
  await get(client, url);
  return ctx.database.queryCount() - before;
}

/**
 * A change made outside any request (plain SQL, a service called directly) reaches the cache through the
 * database's notice. PGlite delivers it before the write returns; PostgreSQL delivers it on the listening
 * connection a few milliseconds after the commit, so there the next request may come first. A change made
 * through this process's own requests needs no wait: it drops its copies before answering.
 */
const onceNoticed = (assertion: () => Promise<void>) => vi.waitFor(assertion, { timeout: 5_000, interval: 10 });

describe('sessions and accounts kept in memory', () => {
  // /cookies reads nothing of its own: what it sends is the session and account (/healthz reads no session at all).
  // On PostgreSQL a kept copy still costs the identity epoch's check (other processes may have changed it).
  it('are read once: a signed-in page that reads nothing else then sends nothing to the database but the epoch check', async () => {
    const client = await loginAs(ctx, 'secretariat-officer');
    expect(await statementsFor(client, '/cookies')).toBeGreaterThan(1);
    expect(await statementsFor(client, '/cookies')).toBe(ctx.database.kind === 'postgres' ? 1 : 0);
    expect((await get(client, '/account')).statusCode).toBe(200);
  });

  it('are not read at all for static files, which stay cacheable by the browser', async () => {
    const client = await signedIn(ctx, await makeUser(ctx.db, 'delegate'));
    const before = ctx.database.queryCount();
    const asset = await get(client, '/assets/app.css');
    expect(asset.statusCode).toBe(200);
    expect(ctx.database.queryCount() - before).toBe(0);
    expect(asset.headers['cache-control']).not.toContain('no-store');
  });

  it('signing out ends the session on the next request', async () => {
    const client = await loginAs(ctx, 'delegate');
    expect((await get(client, '/account')).statusCode).toBe(200);
    const out = await postForm(ctx, client, '/sign-out');
    expect(out.statusCode).toBe(303);
    expect(sentToSignIn(await get(client, '/account'))).toBe(true);
  });

  it("an administrator disabling an account ends that account's sessions on its next request", async () => {
    const admin = await loginAs(ctx, 'secretariat-admin');
    const delegate = await loginAs(ctx, 'delegate');
    expect((await get(delegate, '/account')).statusCode).toBe(200);
    expect((await postForm(ctx, admin, `/admin/users/${delegate.user.id}/disable`)).statusCode).toBe(303);
    expect(sentToSignIn(await get(delegate, '/account'))).toBe(true);
  });

  it('an account disabled outside any request (a command, another door) is refused on its next request', async () => {
    const delegate = await loginAs(ctx, 'delegate');
    expect((await get(delegate, '/account')).statusCode).toBe(200);
    await setUserDisabled(ctx.db, systemActor('test'), delegate.user.id, true);
    await onceNoticed(async () => expect(sentToSignIn(await get(delegate, '/account'))).toBe(true));
  });

  it('a role changed in the database applies to the next request', async () => {
    const admin = await loginAs(ctx, 'secretariat-admin');
    expect((await get(admin, '/admin/users')).statusCode).toBe(200);
    await ctx.db.update(users).set({ role: 'analyst' }).where(eq(users.id, admin.user.id));
    await onceNoticed(async () => expect((await get(admin, '/admin/users')).statusCode).toBe(403));
  });

  it('a group joined or left applies to the next request', async () => {
    const client = await loginAs(ctx, 'delegate');
    const finance = await groupId(ctx.db, 'counter-isis-finance-group');
    const groupsShown = async () => (await ctx.app.inject({ url: '/api/v1/me', headers: { cookie: client.headers.cookie } })).json().groupIds as string[];
    expect(await groupsShown()).not.toContain(finance);
    await ctx.db.insert(userGroups).values({ userId: client.user.id, groupId: finance });
    await onceNoticed(async () => expect(await groupsShown()).toContain(finance));
    await ctx.db.delete(userGroups).where(and(eq(userGroups.userId, client.user.id), eq(userGroups.groupId, finance)));
    await onceNoticed(async () => expect(await groupsShown()).not.toContain(finance));
  });

  it('a session deleted in the database (another process signed it out) is gone on the next request', async () => {
    const client = await loginAs(ctx, 'analyst');
    expect((await get(client, '/account')).statusCode).toBe(200);
    await ctx.db.execute(sql`DELETE FROM sessions WHERE user_id = ${client.user.id}`);
    await onceNoticed(async () => expect(sentToSignIn(await get(client, '/account'))).toBe(true));
  });

  it('a revoked API token is refused on the next call', async () => {
    const client = await loginAs(ctx, 'delegate');
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/account/tokens', headers: client.headers, payload: { name: 'cache test', expiresInDays: 1 } });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await ctx.app.inject({ url: '/api/v1/partners', headers: bearer })).statusCode).toBe(200);
    await ctx.db.execute(sql`UPDATE api_tokens SET revoked_at = now() WHERE user_id = ${client.user.id}`);
    await onceNoticed(async () => expect((await ctx.app.inject({ url: '/api/v1/partners', headers: bearer })).statusCode).toBe(401));
  });
});

/**
 * Two application processes on one PostgreSQL (as behind a load balancer): a change made through one
 * applies on the other's very next request — each signed-in request checks its copies against the
 * identity epoch, which the change bumped in its own transaction — with no wait for the LISTEN/NOTIFY
 * notice. Runs where CI provides a PostgreSQL server.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('sessions kept by two app instances on one PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof scratchPostgres>>;
  let databases: Database[] = [];
  let apps: App[] = [];

  beforeAll(async () => {
    // Named after the server's database, so the scratch one sits beside it.
    scratch = await scratchPostgres(`${new URL(process.env.TEST_DATABASE_URL as string).pathname.slice(1) || 'cd'}_identity_cache`);
    databases = [await openPostgres(scratch.url, { max: 2 }), await openPostgres(scratch.url, { max: 2 })];
    await databases[0]?.migrate();
    const config = loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_PAGE_CACHE_SECONDS: '0' });
    apps = await Promise.all(databases.map((database) => buildApp({ db: database.db, config, logger: false, listen: database.listen })));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const database of databases) await database.close();
    await scratch?.drop();
  });

  const [first, second] = [0, 1];
  const cookieOf = (value: string) => ({ cookie: `${SESSION_COOKIE}=${value}` });
  /** The other instance refuses the session on its very next request: no waiting for the notice. */
  const refusedAtOnce = async (app: App, cookie: { cookie: string }, url: string) => expect(sentToSignIn(await app.inject({ url, headers: cookie }))).toBe(true);

  async function officerSignedInOnBoth() {
    const db = (databases[first] as Database).db;
    const email = `officer-${randomUUID()}@test.example`;
    const { user } = await createUser(db, systemActor('test'), { email, displayName: email, role: 'secretariat-officer', password: randomUUID() }, { demo: true });
    const session = await createSession(db, user.id, 'full', { idleMinutes: 30, absoluteHours: 12 }, { ip: null, userAgent: 'test' });
    const headers = cookieOf(session.cookieValue);
    // Both instances now keep the session: the second answers from its copy, sending only the epoch's check.
    for (const app of apps) expect((await app.inject({ url: '/account', headers })).statusCode).toBe(200);
    const before = (databases[second] as Database).queryCount();
    await (apps[second] as App).inject({ url: '/cookies', headers });
    expect((databases[second] as Database).queryCount() - before).toBe(1);
    return { user, session, headers };
  }

  it('signing out through one instance ends the session on the other', async () => {
    const { session, headers } = await officerSignedInOnBoth();
    const csrf = csrfTokenFor({ csrfSecret: session.csrfSecret });
    const out = await (apps[first] as App).inject({ method: 'POST', url: '/sign-out', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    expect(out.statusCode).toBe(303);
    await refusedAtOnce(apps[second] as App, headers, '/account');
  });

  it('disabling an account through one instance ends its sessions on the other', async () => {
    const { user, headers } = await officerSignedInOnBoth();
    await setUserDisabled((databases[first] as Database).db, systemActor('test'), user.id, true);
    await refusedAtOnce(apps[second] as App, headers, '/account');
  });

  it('a role changed through one instance applies on the other', async () => {
    const { user, headers } = await officerSignedInOnBoth();
    await (databases[first] as Database).db.update(users).set({ role: 'analyst' }).where(eq(users.id, user.id));
    expect((await (apps[second] as App).inject({ url: '/api/v1/me', headers })).json().role).toBe('analyst');
  });

  it('keeps its copies while its notices are not heard, and still refuses a session deleted elsewhere at once', async () => {
    const { user, headers } = await officerSignedInOnBoth();
    const db = (databases[first] as Database).db;
    // Cut every LISTEN connection: no notice reaches either instance until they reconnect.
    await db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN identity_changes' AND datname = current_database()`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await (apps[second] as App).inject({ url: '/account', headers })).statusCode).toBe(200);
    const before = (databases[second] as Database).queryCount();
    await (apps[second] as App).inject({ url: '/cookies', headers });
    expect((databases[second] as Database).queryCount() - before).toBe(1);
    await db.execute(sql`DELETE FROM sessions WHERE user_id = ${user.id}`);
    await refusedAtOnce(apps[second] as App, headers, '/account');
  });
});
