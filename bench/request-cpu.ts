/**
 * CPU per request of a few signed-in pages, in one process, through Fastify's inject (no sockets): the
 * application's own cost, to profile with `node --cpu-prof`. Usage:
 *   DATABASE_URL=postgres://…/scratch npx tsx bench/request-cpu.ts [--requests 500] [/funding /healthz …]
 * An empty database gets the demo data first. --profile DIR writes a CPU profile of the signed-in
 * requests only (not start-up), one file per page (--profile-anonymous: the anonymous ones too).
 * --bare first compares an anonymous /healthz with a bare Fastify route, both through inject, alternated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { isEmptyDatabase, loadDemoData } from '../src/demo/demo.ts';
import { findUserByEmail } from '../src/modules/account/account.repo.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/session.ts';
import { Session } from 'node:inspector/promises';
import { option } from './lib.ts';

const requests = option('requests', 500);
const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-cpu-'));
const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite({ dataDir });
await database.migrate();
if (await isEmptyDatabase(database.db)) await loadDemoData(database.db);
const officer = await findUserByEmail(database.db, 'officer@demo.coalition-desk.org');
if (!officer) throw new Error('demo officer missing');
const session = await createSession(database.db, officer.id, 'full', { idleMinutes: 600, absoluteHours: 12 }, { ip: null, userAgent: 'bench' });
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL ?? '' });
const app = await buildApp({ db: database.db, config, logger: false, listen: database.listen });
const profileDir = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
const signedIn = { cookie: `${SESSION_COOKIE}=${session.cookieValue}` };

// The yardstick: a bare Fastify route answered the same way (inject, same process, same moment), so the
// ratio below holds on a loaded machine where autocannon's requests per second do not.
const bare = Fastify({ logger: false });
bare.get('/hello', async () => ({ hello: 'world' }));
const cpuPerRequest = async (target: { inject: (options: { url: string; headers?: Record<string, string> }) => PromiseLike<{ statusCode: number }> }, url: string, headers: Record<string, string> = {}) => {
  for (let i = 0; i < 50; i++) await target.inject({ url, headers });
  const started = process.cpuUsage();
  for (let i = 0; i < requests; i++) await target.inject({ url, headers });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / requests;
};
if (process.argv.includes('--bare')) {
  // Alternated three times, so a burst of load elsewhere falls on both.
  const rounds = [];
  for (let round = 0; round < 3; round++) rounds.push({ bare: await cpuPerRequest(bare, '/hello'), health: await cpuPerRequest(app, '/healthz') });
  for (const { bare: b, health: h } of rounds) console.log(`bare /hello ${b.toFixed(3)} ms CPU, anonymous /healthz ${h.toFixed(3)} ms CPU per request: bare ÷ /healthz = ${(b / h).toFixed(3)}`);
}

for (const url of paths.length ? paths : ['/healthz', '/funding']) {
  for (const headers of [{}, signedIn]) {
    for (let i = 0; i < 50; i++) await app.inject({ url, headers });
    const profiling = profileDir !== undefined && (headers === signedIn || process.argv.includes('--profile-anonymous'));
    if (profiling) await inspector.post('Profiler.start');
    const started = process.cpuUsage();
    const wall = performance.now();
    let status = 0;
    for (let i = 0; i < requests; i++) status = (await app.inject({ url, headers })).statusCode;
    const used = process.cpuUsage(started);
    if (profiling) {
      const { profile } = await inspector.post('Profiler.stop');
      fs.mkdirSync(profileDir as string, { recursive: true });
      fs.writeFileSync(path.join(profileDir as string, `${url.replaceAll('/', '_') || 'root'}${headers === signedIn ? '' : '-anonymous'}.cpuprofile`), JSON.stringify(profile));
    }
    console.log(`${url} ${headers === signedIn ? 'signed in' : 'anonymous'} (${status}): ${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU, ${((performance.now() - wall) / requests).toFixed(3)} ms wall per request`);
  }
}
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
