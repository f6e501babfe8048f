/**
 * HTTP throughput and p99 latency of the public home page and the authenticated partners API, each as a
 * ratio to a bare Fastify "hello" route measured in the same run (the machine is shared and noisy, so
 * only ratios compare across runs). Usage: npm run bench:http [-- --seconds 10 --connections 10]
 * Set DATABASE_URL to measure on PostgreSQL (an empty database) instead of PGlite.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { isEmptyDatabase, loadDemoData } from '../src/db/seed/demo.ts';
import { findUserByEmail } from '../src/modules/account/account.repo.ts';
import { createApiToken } from '../src/modules/account/account.service.ts';
import { measure, option, portOf, printTable, startBareServer, warmUp } from './lib.ts';

const seconds = option('seconds', 10);
const connections = option('connections', 10);

interface Ready {
  barePort: number;
  appPort: number;
  token: string;
  database: string;
}

/**
 * The servers run in a child process so the load generator does not share their event loop; on this
 * 2-core machine each side then gets about one core, as the bare route does too.
 */
async function serveAll(): Promise<void> {
  const bare = await startBareServer();
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
  process.send?.({ barePort: portOf(bare), appPort: portOf(app), token, database: database.kind } satisfies Ready);
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
  const ready = await new Promise<Ready>((resolve) => child.once('message', resolve as never));
  const bareUrl = `http://127.0.0.1:${ready.barePort}/hello`;
  const appBase = `http://127.0.0.1:${ready.appPort}`;
  const bearer = { authorization: `Bearer ${ready.token}` };
  const run = { connections, seconds };

  await warmUp([bareUrl, `${appBase}/`], connections);
  await warmUp([`${appBase}/api/v1/partners?pageSize=50`], connections, bearer);

  const baseline = await measure(bareUrl, run);
  // Two diagnostic rows: the platform's own overhead without the database (/healthz) and with page rendering (/cookies).
  const health = await measure(`${appBase}/healthz`, run);
  const cookiesPage = await measure(`${appBase}/cookies`, run);
  const home = await measure(`${appBase}/`, run);
  const partnersApi = await measure(`${appBase}/api/v1/partners?pageSize=50`, { ...run, headers: bearer });

  printTable(`HTTP on ${ready.database} · ${connections} connections · ${seconds} s each`, baseline, [
    { name: 'app /healthz (no database)', figures: health },
    { name: 'app /cookies (rendered page, no database)', figures: cookiesPage },
    { name: 'public home page /', figures: home, target: 0.3 },
    { name: 'partners API (bearer, 50 rows)', figures: partnersApi, target: 0.15 },
  ]);
  child.disconnect();
}
