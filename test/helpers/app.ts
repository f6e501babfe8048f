import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type App, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { type Role, users } from '../../src/db/schema/identity.ts';
import { groups, partners } from '../../src/db/schema/partners.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createSession, csrfTokenFor, SESSION_COOKIE } from '../../src/platform/session.ts';
import { openTestDatabase } from './database.ts';

export interface TestContext {
  app: App;
  database: Database;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  // Tests see every change at once: no shared copies of public pages.
  const config = loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_PAGE_CACHE_SECONDS: '0', ...env });
  const app = await buildApp({ db: database.db, config, logger: false, poolStats: () => database.poolStats(), listen: database.listen });
  return {
    app,
    database,
    db: database.db,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  partnerId: string | null;
  actor: Actor;
}

export async function partnerId(db: Db, iso3: string): Promise<string> {
  const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.iso3, iso3));
  if (!row) throw new Error(`no partner ${iso3} in the test data`);
  return row.id;
}

export async function groupId(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug));
  if (!row) throw new Error(`no group ${slug} in the test data`);
  return row.id;
}

/** A user of the given role. Demo-style (no second factor) unless `totpRequired` is set. */
export async function makeUser(
  db: Db,
  role: Role,
  options: { partnerIso3?: string; groupSlugs?: string[]; totpRequired?: boolean } = {},
): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.example`;
  const partner = options.partnerIso3 ?? (role === 'delegate' || role === 'co-chair' ? 'FRA' : undefined);
  const pid = partner ? await partnerId(db, partner) : null;
  const groupIds = await Promise.all((options.groupSlugs ?? []).map((slug) => groupId(db, slug)));
  const { user } = await createUser(db, systemActor('test'), { email, displayName: email, role, partnerId: pid, groupIds, password: TEST_PASSWORD }, { demo: !options.totpRequired });
  return { id: user.id, email, role, partnerId: pid, actor: { userId: user.id, label: email, role, partnerId: pid, groupIds, ip: '127.0.0.1' } };
}

export interface SignedInClient {
  user: TestUser;
  /** Headers that carry the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
  csrfToken: string;
  cookieValue: string;
}

/** Signs a user in by making a session directly: quick, for tests about what signed-in users may do. */
export async function signedIn(ctx: TestContext, user: TestUser): Promise<SignedInClient> {
  const session = await createSession(ctx.db, user.id, 'full', { idleMinutes: 30, absoluteHours: 12 }, { ip: '127.0.0.1', userAgent: 'test' });
  const csrfToken = csrfTokenFor({ csrfSecret: session.csrfSecret });
  return { user, cookieValue: session.cookieValue, csrfToken, headers: { cookie: `${SESSION_COOKIE}=${session.cookieValue}`, 'x-csrf-token': csrfToken } };
}

export async function loginAs(ctx: TestContext, role: Role, options: Parameters<typeof makeUser>[2] = {}): Promise<SignedInClient> {
  return signedIn(ctx, await makeUser(ctx.db, role, options));
}

/** The session cookie a response sets, if any. */
export function sessionCookieFrom(response: { headers: Record<string, unknown> }): string | undefined {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [String(header)] : [];
  const match = cookies.map((c) => c.match(new RegExp(`^${SESSION_COOKIE.replace(/[-_]/g, '\\$&')}=([^;]*)`))).find(Boolean);
  return match?.[1] || undefined;
}

export async function userRow(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** A form post body (urlencoded), as a browser sends it. */
export function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of [value].flat()) params.append(key, v);
  }
  return params.toString();
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * Posts an HTML form as a browser does: the session cookie, and the CSRF token as the form's `_csrf`
 * field (no header), so tests go through the same check as real forms.
 */
export function postForm(ctx: TestContext, client: SignedInClient, url: string, fields: Record<string, string | string[]> = {}) {
  return ctx.app.inject({ method: 'POST', url, headers: { cookie: client.headers.cookie, ...FORM_HEADERS }, payload: form({ _csrf: client.csrfToken, ...fields }) });
}

/** Posts a file-upload form (multipart) as a browser does: the session cookie, the CSRF field, then the file. */
export function postUpload(ctx: TestContext, client: SignedInClient, url: string, file: { field?: string; name: string; content: string | Buffer }) {
  const boundary = '----coalition-desk-test';
  const head = [`--${boundary}`, 'Content-Disposition: form-data; name="_csrf"', '', client.csrfToken, `--${boundary}`, `Content-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"`, 'Content-Type: text/csv', '', ''].join('\r\n');
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return ctx.app.inject({ method: 'POST', url, headers: { cookie: client.headers.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
