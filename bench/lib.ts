/** Shared pieces of the HTTP benchmarks: a bare baseline server, one measurement, and the result table. */
import { fork } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Db, openPglite, openPostgres } from '../src/db/client.ts';
import { isEmptyDatabase, loadDemoData } from '../src/demo/demo.ts';
import { serve } from '../src/server.ts';
import { superviseWorkers, workerRole } from '../src/server-workers.ts';

export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

export interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

export async function measure(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Figures> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers ?? {} });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function warmUp(urls: string[], connections: number, headers: Record<string, string> = {}): Promise<void> {
  for (const url of urls) await autocannon({ url, connections, duration: 2, headers });
}

/** The baseline every figure is divided by: Fastify answering a constant JSON object. */
export async function startBareServer(): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return bare;
}

export function portOf(server: FastifyInstance): number {
  return (server.server.address() as { port: number }).port;
}

export function printTable(title: string, baseline: Figures, rows: { name: string; figures: Figures; target?: number; extra?: string }[]): void {
  const line = (name: string, f: Figures, target?: number, extra = '') => {
    const ratio = f.requestsPerSecond / baseline.requestsPerSecond;
    const verdict = target === undefined ? '' : ratio >= target ? ` (target ≥ ${target}: met)` : ` (target ≥ ${target}: NOT met)`;
    return `| ${name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p99Ms} | ${ratio.toFixed(3)}${verdict} | ${f.errors} |${extra}`;
  };
  console.log(`\n${title} · ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version}\n`);
  console.log('| route | req/s | p99 ms | ratio to bare | errors |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(line('bare Fastify /hello', baseline));
  for (const row of rows) console.log(line(row.name, row.figures, row.target, row.extra));
}

/** utime + stime of a process from /proc (Linux), in seconds: the server's CPU, whatever else the machine runs. */
export function processCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface BenchServers {
  bareUrl: string;
  appBase: string;
  database: string;
  /** What `prepare` returned in the server process (e.g. an API token). */
  extra: Record<string, string>;
  /** CPU seconds the server process has used so far (user + system), to divide by the requests it served. */
  cpuSeconds(): number;
  stop(): void;
}

/**
 * The servers run in a child process so the load generator does not share their event loop; on this
 * 2-core machine each side then gets about one core, as the bare route does too. In the child this
 * starts the bare server and Coalition Desk on a fresh database (PGlite, or DATABASE_URL), runs
 * `prepare` on an empty one, reports to the parent and returns null; in the parent it returns where
 * the servers listen.
 */
export async function benchServers(scriptUrl: string, prepare: (db: Db) => Promise<Record<string, string>>): Promise<BenchServers | null> {
  if (cluster.isWorker) {
    // A worker of `--workers N`: serves as `coalition-desk serve` does, on the database the first process prepared.
    const config = loadConfig();
    await serve(await openPostgres(config.databaseUrl as string), config, { backgroundWork: workerRole().backgroundWork });
    return null;
  }
  if (process.argv.includes('--serve')) {
    const bare = await startBareServer();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-bench-'));
    const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite({ dataDir });
    await database.migrate();
    if (await isEmptyDatabase(database.db)) await loadDemoData(database.db);
    const extra = await prepare(database.db);
    const workers = option('workers', 1);
    const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });
    if (workers > 1) {
      // The workers read their settings from the environment, as the command's do.
      Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', WORKERS: String(workers) });
      const config = loadConfig();
      await database.close();
      const appPort = await superviseWorkers(config);
      process.send?.({ barePort: portOf(bare), appPort, database: `${database.kind}, ${workers} worker processes`, extra, workerPids: Object.values(cluster.workers ?? {}).map((worker) => worker?.process.pid) });
      process.on('disconnect', () => {
        cleanUp();
        process.kill(process.pid, 'SIGTERM');
      });
      return null;
    }
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL ?? '' });
    const app = await buildApp({ db: database.db, config, logger: false, listen: database.listen });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.send?.({ barePort: portOf(bare), appPort: portOf(app), database: database.kind, extra, workerPids: [] });
    process.on('disconnect', async () => {
      await app.close();
      await bare.close();
      await database.close();
      cleanUp();
      process.exit(0);
    });
    return null;
  }
  const child = fork(fileURLToPath(scriptUrl), ['--serve', ...process.argv.slice(2)], { execArgv: process.execArgv, stdio: 'inherit' });
  const ready = await new Promise<{ barePort: number; appPort: number; database: string; extra: Record<string, string>; workerPids: number[] }>((resolve) => child.once('message', resolve as never));
  return {
    bareUrl: `http://127.0.0.1:${ready.barePort}/hello`,
    appBase: `http://127.0.0.1:${ready.appPort}`,
    database: ready.database,
    extra: ready.extra,
    // With worker processes, the first one's figure is theirs too (it does no serving itself).
    cpuSeconds: () => [child.pid as number, ...ready.workerPids].reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    stop: () => child.disconnect(),
  };
}
