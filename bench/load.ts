/**
 * A mixed workload stepped up until p99 passes 250 ms: signed-in users reading dashboards, editing a
 * readout (saving its French translation: audited, re-indexed) and screening names, and anonymous
 * readers of the public site. Run against real `coalition-desk serve` processes: on PGlite (one
 * process: the embedded database allows no more), on PostgreSQL with one process and with two.
 * Reports the sustained requests per second at p99 ≤ 250 ms, the bare-Fastify baseline of the same run,
 * and where the CPU went at that step (app processes, PostgreSQL, the load generator).
 * Usage: npm run bench:load [-- --seconds 6 --max-connections 128]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { readouts } from '../src/db/schema/index.ts';
import { type DemoSignIn, loadDemoData } from '../src/demo/demo.ts';
import { scratchPostgres } from '../test/helpers/database.ts';
import { type RemoteSession, signInOver } from '../test/helpers/http-client.ts';
import { type ServerProcess, startServerProcess, stopProcess } from '../test/helpers/processes.ts';
import { option, startBareServer, portOf } from './lib.ts';

const seconds = option('seconds', 6);
const maxConnections = option('max-connections', 128);
const P99_LIMIT_MS = 250;
const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Step {
  connections: number;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  cpu: { app: number; postgres: number; loadGenerator: number };
}

/** CPU seconds a process has used so far, from /proc (utime + stime). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** The mix, in the proportions each connection cycles through. */
function workload(readoutId: string, officer: RemoteSession, analyst: RemoteSession, published: string): autocannon.Request[] {
  const signedIn = (session: RemoteSession) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });
  const json = (session: RemoteSession) => ({ ...signedIn(session), 'content-type': 'application/json' });
  const anonymous = (pathname: string): autocannon.Request => ({ method: 'GET', path: pathname });
  return [
    anonymous('/'),
    anonymous('/readouts'),
    anonymous(published),
    anonymous('/readouts?q=stabilization'),
    anonymous('/fr/readouts'),
    { method: 'GET', path: '/funding', headers: signedIn(officer) },
    { method: 'GET', path: '/taskings', headers: signedIn(officer) },
    { method: 'GET', path: '/detention', headers: signedIn(officer) },
    { method: 'PUT', path: `/api/v1/readouts/${readoutId}/translations/fr`, headers: json(officer), body: JSON.stringify({ title: 'Compte rendu du Small Group', bodyMarkdown: `Les directeurs politiques se sont réunis. Révision ${Date.now()}.` }) },
    ...['Sanaullah Ghafari', 'Fatima Zahra Mansour'].map((name) => ({ method: 'POST' as const, path: '/api/v1/screening/screen', headers: json(analyst), body: JSON.stringify({ name }) })),
    anonymous('/'),
  ];
}

async function runStep(targets: string[], requests: autocannon.Request[], connections: number, pids: number[], withPostgres: boolean): Promise<Step> {
  const cpuBefore = { app: pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0), postgres: withPostgres ? postgresCpuSeconds() : 0, load: process.cpuUsage() };
  const started = Date.now();
  // One load generator per process, the connections split between them (a load balancer's round robin).
  const results = await Promise.all(targets.map((url) => autocannon({ url, connections: Math.max(1, Math.round(connections / targets.length)), duration: seconds, requests })));
  const wall = (Date.now() - started) / 1000;
  const load = process.cpuUsage(cpuBefore.load);
  return {
    connections,
    requestsPerSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    // The slower side decides: a conservative p99 for the whole.
    p99Ms: Math.max(...results.map((result) => result.latency.p99)),
    errors: results.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
    cpu: {
      app: (pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - cpuBefore.app) / wall,
      postgres: withPostgres ? (postgresCpuSeconds() - cpuBefore.postgres) / wall : 0,
      loadGenerator: (load.user + load.system) / 1e6 / wall,
    },
  };
}

interface Setup {
  name: string;
  env: Record<string, string>;
  processes: number;
  open(): Promise<Database>;
  cleanUp(): Promise<void>;
  postgres: boolean;
}

async function measureSetup(setup: Setup): Promise<{ steps: Step[]; sustained: Step | null }> {
  const database = await setup.open();
  await database.migrate();
  const signIns = await loadDemoData(database.db);
  const [readout] = await database.db.select().from(readouts).where(eq(readouts.status, 'published')).limit(1);
  await database.close();
  if (!readout) throw new Error('the demo data has no published readout');
  const servers: ServerProcess[] = [];
  // The load is many users' worth from two accounts: the per-person limit on costly actions is lifted.
  for (let index = 0; index < setup.processes; index++) servers.push(await startServerProcess('serve', { ...setup.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000' }));
  try {
    const account = (role: string) => signIns.find((signIn) => signIn.role === role) as DemoSignIn;
    const officer = await signInOver(servers[0]?.base as string, account('secretariat-officer').email, account('secretariat-officer').password);
    const analyst = await signInOver(servers[0]?.base as string, account('analyst').email, account('analyst').password);
    const requests = workload(readout.id, officer, analyst, `/readouts/${readout.year}/${readout.slug}`);
    const targets = servers.map((server) => server.base);
    const pids = servers.map((server) => server.child.pid as number);
    await Promise.all(targets.map((url) => autocannon({ url, connections: 4, duration: 3, requests })));
    const steps: Step[] = [];
    // Steps of about ×1.5 (2, 3, 4, 6, 8, 12, …): doubling jumped past the knee.
    for (let connections = 2; connections <= maxConnections; connections = connections % 3 === 0 ? (connections / 3) * 4 : (connections / 2) * 3) {
      const step = await runStep(targets, requests, connections, pids, setup.postgres);
      steps.push(step);
      console.log(`  ${setup.name}: ${connections} connections → ${step.requestsPerSecond.toFixed(0)} req/s, p99 ${step.p99Ms} ms, ${step.errors} errors`);
      if (step.p99Ms > P99_LIMIT_MS) break;
    }
    const within = steps.filter((step) => step.p99Ms <= P99_LIMIT_MS && step.errors === 0);
    const sustained = within.reduce<Step | null>((best, step) => (!best || step.requestsPerSecond > best.requestsPerSecond ? step : best), null);
    return { steps, sustained };
  } finally {
    for (const server of servers) await stopProcess(server.child, 'SIGTERM');
    await setup.cleanUp();
  }
}

async function pgliteSetup(): Promise<Setup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-load-'));
  return { name: 'PGlite, 1 process', env: { DATA_DIR: dataDir }, processes: 1, postgres: false, open: () => openPglite({ dataDir }), cleanUp: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function postgresSetup(processes: number): Promise<Setup> {
  const scratch = await scratchPostgres('cd_load', POSTGRES_SERVER);
  return { name: `PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`, env: { DATABASE_URL: scratch.url }, processes, postgres: true, open: () => openPostgres(scratch.url, { max: 2 }), cleanUp: () => scratch.drop() };
}

const bare = await startBareServer();
const baseline = await autocannon({ url: `http://127.0.0.1:${portOf(bare)}/hello`, connections: 10, duration: seconds });
await bare.close();
const results: { name: string; result: Awaited<ReturnType<typeof measureSetup>> }[] = [];
for (const make of [pgliteSetup, () => postgresSetup(1), () => postgresSetup(2)]) {
  const setup = await make();
  results.push({ name: setup.name, result: await measureSetup(setup) });
}

console.log(`\nbench/load.ts · ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? ''}) · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`);
console.log(`bare Fastify /hello, 10 connections: ${baseline.requests.average.toFixed(0)} req/s (the ratio's denominator)\n`);
console.log('| setup | sustained req/s at p99 ≤ 250 ms | ratio to bare | connections | p99 ms | CPU: app processes | CPU: PostgreSQL | CPU: load generator |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const { name, result } of results) {
  const s = result.sustained;
  if (!s) console.log(`| ${name} | none (p99 over ${P99_LIMIT_MS} ms from the first step) | | | | | | |`);
  else console.log(`| ${name} | ${s.requestsPerSecond.toFixed(0)} | ${(s.requestsPerSecond / baseline.requests.average).toFixed(3)} | ${s.connections} | ${s.p99Ms} | ${(s.cpu.app * 100).toFixed(0)} % | ${(s.cpu.postgres * 100).toFixed(0)} % | ${(s.cpu.loadGenerator * 100).toFixed(0)} % |`);
}
console.log('\n(CPU as a share of one core over the step: 200 % is both cores of this machine.)');
