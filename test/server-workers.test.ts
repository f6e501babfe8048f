import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openPostgres } from '../src/db/client.ts';
import { type DemoSignIn, loadDemoData } from '../src/demo/demo.ts';
import { postgresForProcesses, scratchPostgres } from './helpers/database.ts';
import { signInOver } from './helpers/http-client.ts';
import { type ServerProcess, startServerProcess, stopProcess } from './helpers/processes.ts';

/**
 * `WORKERS=2 coalition-desk serve`: one command, two processes answering on one port, a dead one
 * replaced, and SIGTERM passed on to both.
 */
const enabled = postgresForProcesses('serving with several worker processes');
let scratch: Awaited<ReturnType<typeof scratchPostgres>>;
let database: Database;
let signIns: DemoSignIn[];
let server: ServerProcess;

/** The worker processes the command started (not the TypeScript compiler's helper a source run has). */
const workerPids = (primary: number): number[] => {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary)], { encoding: 'utf8' });
  } catch {
    // ps exits with 1 when the process has no children.
  }
  return listing
    .split('\n')
    .filter((line) => line.includes('coalition-desk'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
};

/** A GET on a connection of its own: the port hands each new connection to the next worker in turn. */
const getOnNewConnection = (url: string, cookie: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { cookie, connection: 'close' } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });

beforeAll(async () => {
  if (!enabled) return;
  scratch = await scratchPostgres('cd_workers');
  database = await openPostgres(scratch.url, { max: 2 });
  await database.migrate();
  signIns = await loadDemoData(database.db);
  server = await startServerProcess('serve', { DATABASE_URL: scratch.url, WORKERS: '2' });
  // The port answers once the first worker listens; the command says when both do.
  await vi.waitFor(() => expect(server.output()).toContain('2 worker processes listening on'), { timeout: 120_000, interval: 100 });
}, 240_000);

afterAll(async () => {
  if (!enabled) return;
  if (server) {
    const pids = workerPids(server.child.pid as number);
    await stopProcess(server.child, 'SIGKILL');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  await database?.close();
  await scratch?.drop();
});

describe.skipIf(!enabled)('WORKERS=2 coalition-desk serve', () => {
  it('serves from two worker processes, each knowing the session signed in through the other', async () => {
    expect(workerPids(server.child.pid as number)).toHaveLength(2);
    const officer = signIns.find((signIn) => signIn.role === 'secretariat-officer') as DemoSignIn;
    const session = await signInOver(server.base, officer.email, officer.password);
    // Six connections in turn land on both workers; every one shows the signed-in account.
    for (let i = 0; i < 6; i++) {
      const page = await getOnNewConnection(`${server.base}/account`, session.cookie);
      expect(page.status).toBe(200);
      expect(page.body).toContain(officer.email);
    }
  });

  it('starts a new worker when one dies, and answers meanwhile', async () => {
    const [victim, survivor] = workerPids(server.child.pid as number);
    process.kill(victim as number, 'SIGKILL');
    // A connection handed to the worker in the instant it died is lost with it; once the first process
    // has heard of the death, every connection goes to a live one.
    await vi.waitFor(() => expect(server.output()).toContain(`worker ${victim} stopped (signal SIGKILL); starting another`), { timeout: 10_000, interval: 50 });
    for (let i = 0; i < 4; i++) expect((await getOnNewConnection(`${server.base}/healthz`, '')).status).toBe(200);
    await vi.waitFor(
      () => {
        const now = workerPids(server.child.pid as number);
        expect(now).toHaveLength(2);
        expect(now).toContain(survivor);
        expect(now).not.toContain(victim);
      },
      { timeout: 10_000, interval: 100 },
    );
  }, 60_000);

  it('passes SIGTERM on: both workers finish and the command exits cleanly', async () => {
    const pids = workerPids(server.child.pid as number);
    expect(await stopProcess(server.child, 'SIGTERM')).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
