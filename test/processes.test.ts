import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openPostgres } from '../src/db/client.ts';
import { partners, screeningBatchRows } from '../src/db/schema/index.ts';
import { type DemoSignIn, loadDemoData } from '../src/demo/demo.ts';
import { postgresForProcesses, scratchPostgres } from './helpers/database.ts';
import { apiOver, postSignIn, signInOver } from './helpers/http-client.ts';
import { type ServerProcess, startServerProcess, stopProcess } from './helpers/processes.ts';

/**
 * Two `coalition-desk serve` processes on one PostgreSQL, as behind a load balancer: whatever one
 * process knows, the other must know too, because it is kept in the database.
 */
const enabled = postgresForProcesses('several processes on one PostgreSQL');
let scratch: Awaited<ReturnType<typeof scratchPostgres>>;
let database: Database;
let signIns: DemoSignIn[];
let a: ServerProcess;
let b: ServerProcess;

const account = (role: string) => signIns.find((signIn) => signIn.role === role) as DemoSignIn;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  if (!enabled) return;
  scratch = await scratchPostgres('cd_procs');
  database = await openPostgres(scratch.url, { max: 2 });
  await database.migrate();
  signIns = await loadDemoData(database.db);
  const env = { DATABASE_URL: scratch.url, RATE_LIMIT_PER_MINUTE: '4' };
  [a, b] = await Promise.all([startServerProcess('serve', env), startServerProcess('serve', env)]);
}, 240_000);

afterAll(async () => {
  if (!enabled) return;
  await Promise.all([a, b].filter(Boolean).map((server) => stopProcess(server.child, 'SIGKILL')));
  await database?.close();
  await scratch?.drop();
});

describe.skipIf(!enabled)('two processes on one PostgreSQL', () => {
  it('share sessions: signed in on one, signed in on the other; signed out on one, out on both', async () => {
    const officer = await signInOver(a.base, account('secretariat-officer').email, account('secretariat-officer').password);
    const onB = await fetch(`${b.base}/account`, { headers: { cookie: officer.cookie }, redirect: 'manual' });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(account('secretariat-officer').email);

    const signOut = await fetch(`${a.base}/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: officer.csrfToken }) });
    expect(signOut.status).toBe(303);
    // The other process hears of it through PostgreSQL's notice, delivered after the commit: milliseconds
    // apart, more on a loaded machine; a second at most.
    await vi.waitFor(
      async () => {
        const afterOnB = await fetch(`${b.base}/account`, { headers: { cookie: officer.cookie }, redirect: 'manual' });
        expect(afterOnB.status).not.toBe(200);
        expect(afterOnB.headers.get('location') ?? '').toContain('/sign-in');
      },
      { timeout: 1000, interval: 20 },
    );
  });

  it('count failed sign-ins across processes: the (account, address) pair is slowed down whichever process was asked, and a known browser is not', async () => {
    const coChair = account('co-chair');
    // The co-chair's own browser signed in before and holds a device cookie.
    const known = await postSignIn(a.base, coChair.email, coChair.password);
    expect(known.status).toBe(303);
    const device = known.headers.getSetCookie().map((line) => line.split(';')[0] as string).find((pair) => pair.startsWith('__Host-cd_device=')) as string;
    expect(device).toBeTruthy();
    // Five wrong passwords (the default number of free failures) from this address, alternating between the processes.
    for (const server of [a, b, a, b, a]) expect((await postSignIn(server.base, coChair.email, 'not the password')).status).toBe(401);
    const slowed = await postSignIn(b.base, coChair.email, coChair.password);
    expect(slowed.status).toBe(429);
    // The wait counts down from the fifth failure: 30 s, less the moments a loaded machine took since.
    const wait = Number(slowed.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(30);
    expect(await slowed.text()).toContain(`Too many failed sign-ins for this account from your network address. Wait ${wait} seconds before trying again.`);
    // The holder's browser, known to the other process too, is not held back by the guesses.
    expect((await postSignIn(b.base, coChair.email, coChair.password, device)).status).toBe(303);
  });

  it('count rate limits across processes: the fifth name screened in a minute is refused, whichever process gets it', async () => {
    const analyst = await signInOver(a.base, account('analyst').email, account('analyst').password);
    for (const server of [a, b, a, b]) expect((await apiOver(server.base, analyst, 'POST', '/api/v1/screening/screen', { name: 'Sanaullah Ghafari' })).status).toBe(200);
    const refused = await apiOver(a.base, analyst, 'POST', '/api/v1/screening/screen', { name: 'Sanaullah Ghafari' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('hold optimistic locking across processes: the second write of the same version is refused and loses nothing', async () => {
    const admin = await signInOver(a.base, account('secretariat-admin').email, account('secretariat-admin').password);
    const [france] = await database.db.select().from(partners).where(eq(partners.iso3, 'FRA'));
    const read = await (await apiOver(b.base, admin, 'GET', `/api/v1/partners/${france?.id}`)).json();
    const change = (source: string) => ({ kind: read.kind, iso3: read.iso3, nameEn: read.nameEn, source, version: read.version });
    const first = await apiOver(a.base, admin, 'PUT', `/api/v1/partners/${france?.id}`, change('changed through process A'));
    expect(first.status).toBe(200);
    const second = await apiOver(b.base, admin, 'PUT', `/api/v1/partners/${france?.id}`, change('changed through process B'));
    expect(second.status).toBe(409);
    expect((await second.json()).current.source).toBe('changed through process A');
    const [after] = await database.db.select().from(partners).where(eq(partners.iso3, 'FRA'));
    expect(after?.source).toBe('changed through process A');
  });

  it('screen a batch with both processes, each row once, and finish it after one process is killed', async () => {
    const analyst = await signInOver(b.base, account('analyst').email, account('analyst').password);
    const total = 12_000;
    const csv = ['id,name', ...Array.from({ length: total }, (_, index) => `${index + 1},Person ${index + 1} Abu Example ${String.fromCharCode(65 + (index % 26))}`)].join('\n');
    const queued = await apiOver(a.base, analyst, 'POST', '/api/v1/screening/batches', csv, 'text/csv');
    expect(queued.status, await queued.clone().text()).toBe(202);
    const { id } = await queued.json();
    const progress = async () => (await (await apiOver(b.base, analyst, 'GET', `/api/v1/screening/batches/${id}`)).json()) as { status: string; processed: number; total: number };
    let seen = await progress();
    for (let tries = 0; seen.processed === 0 && tries < 600; tries++) {
      await wait(100);
      seen = await progress();
    }
    expect(seen.processed).toBeGreaterThan(0);
    expect(seen.processed).toBeLessThan(total);
    await stopProcess(a.child, 'SIGKILL');
    for (let tries = 0; seen.status !== 'done' && tries < 1200; tries++) {
      await wait(250);
      seen = await progress();
    }
    // Counted exactly once per row: a row screened twice would push processed past the total.
    expect(seen).toMatchObject({ status: 'done', processed: total, total });
    const rows = await database.db.select({ hits: screeningBatchRows.hits }).from(screeningBatchRows).where(eq(screeningBatchRows.batchId, id));
    expect(rows.filter((row) => row.hits !== null)).toHaveLength(total);
  }, 240_000);

  it('finishes a request in flight on SIGTERM, then stops taking new ones and exits cleanly', async () => {
    // A sign-in whose body arrives in two parts, with SIGTERM between them: the request is in flight.
    const form = await (await fetch(`${b.base}/sign-in`)).text();
    const formToken = /name="formToken" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const body = new URLSearchParams({ email: account('delegate').email, password: 'wrong on purpose', formToken }).toString();
    let exited: Promise<number | null> = Promise.resolve(null);
    const answer = new Promise<number>((resolve, reject) => {
      const request = http.request(`${b.base}/sign-in`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: b.base, 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write(body.slice(0, 20));
      setTimeout(() => {
        exited = stopProcess(b.child, 'SIGTERM');
        setTimeout(() => request.end(body.slice(20)), 500);
      }, 100);
    });
    expect(await answer).toBe(401);
    expect(await exited).toBe(0);
    expect(b.output()).not.toContain('Error');
    await expect(fetch(`${b.base}/healthz`)).rejects.toThrow();
  });
});
