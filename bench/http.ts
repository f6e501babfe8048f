/**
 * HTTP throughput and p99 latency of the public home page and the authenticated partners API, each as a
 * ratio to a bare Fastify "hello" route measured in the same run (the machine is shared and noisy, so
 * only ratios compare across runs). Usage: npm run bench:http [-- --seconds 10 --connections 10]
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { isEmptyDatabase, loadDemoData } from '../src/db/seed/demo.ts';
import { createApiToken } from '../src/modules/account/account.service.ts';
import { findUserByEmail } from '../src/modules/account/account.repo.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const seconds = option('seconds', 10);
const connections = option('connections', 10);

interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * The servers run in a child process so the load generator does not share their event loop; on this
 * 2-core machine each side then gets about one core, as the bare route does too.
 */
async function serveAll(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-bench-'));
  const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite({ dataDir });
  await database.migrate();
  if (await isEmptyDatabase(database.db)) await loadDemoData(database.db);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL ?? '' });
  const app = await buildApp({ db: database.db, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const delegate = await findUserByEmail(database.db, 'delegate@demo.coalition-desk.org');
  if (!delegate) throw new Error('demo delegate missing');
  const { token } = await createApiToken(
    database.db,
    { userId: delegate.id, label: delegate.email, role: delegate.role, partnerId: delegate.partnerId, groupIds: [], ip: null },
    { name: 'bench', expiresInDays: 1 },
  );
  const port = (server: typeof bare) => (server.server.address() as { port: number }).port;
  process.send?.({ barePort: port(bare), appPort: port(app as unknown as typeof bare), token, database: database.kind });
  process.on('disconnect', async () => {
    await app.close();
    await bare.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

if (process.argv.includes('--serve')) {
  await serveAll();
} else {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: process.execArgv, stdio: 'inherit' });
  const ready = await new Promise<{ barePort: number; appPort: number; token: string; database: string }>((resolve) => child.once('message', resolve as never));
  const bareUrl = `http://127.0.0.1:${ready.barePort}/hello`;
  const appBase = `http://127.0.0.1:${ready.appPort}`;
  const bearer = { authorization: `Bearer ${ready.token}` };

  // Warm up the JIT and caches before measuring.
  for (const url of [bareUrl, `${appBase}/`]) await autocannon({ url, connections, duration: 2 });
  await autocannon({ url: `${appBase}/api/v1/partners?pageSize=50`, connections, duration: 2, headers: bearer });

  const baseline = await measure(bareUrl);
  // Two diagnostic rows: the platform's own overhead without the database (/healthz) and with page rendering (/cookies).
  const health = await measure(`${appBase}/healthz`);
  const cookiesPage = await measure(`${appBase}/cookies`);
  const home = await measure(`${appBase}/`);
  const partnersApi = await measure(`${appBase}/api/v1/partners?pageSize=50`, bearer);
  const row = (name: string, f: Figures, target?: number) => {
    const ratio = f.requestsPerSecond / baseline.requestsPerSecond;
    const verdict = target === undefined ? '' : ratio >= target ? ` (target ≥ ${target}: met)` : ` (target ≥ ${target}: NOT met)`;
    return `| ${name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p99Ms} | ${ratio.toFixed(3)}${verdict} | ${f.errors} |`;
  };
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version} · ${ready.database} · ${connections} connections · ${seconds} s each\n`);
  console.log('| route | req/s | p99 ms | ratio to bare | errors |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(row('bare Fastify /hello', baseline));
  console.log(row('app /healthz (no database)', health));
  console.log(row('app /cookies (rendered page, no database)', cookiesPage));
  console.log(row('public home page /', home, 0.3));
  console.log(row('partners API (bearer, 50 rows)', partnersApi, 0.15));

  child.disconnect();
}
