/**
 * HTTP throughput and p99 latency of the public home page and the authenticated partners API, each as a
 * ratio to a bare Fastify "hello" route measured in the same run (the machine is shared and noisy, so
 * only ratios compare across runs). Usage: npm run bench:http [-- --seconds 10 --connections 10]
 * Set DATABASE_URL to measure on PostgreSQL (an empty database) instead of PGlite. The partners API is
 * also compared with a bare Fastify route running the same query on the same database (the fair baseline).
 */
import Fastify from 'fastify';
import { findUserByEmail } from '../src/modules/account/account.repo.ts';
import { createApiToken } from '../src/modules/account/account.service.ts';
import { listPartners } from '../src/modules/partners/partners.repo.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/session.ts';
import { benchServers, measure, option, portOf, printTable, warmUp } from './lib.ts';

const seconds = option('seconds', 10);
const connections = option('connections', 10);

const servers = await benchServers(import.meta.url, async (db) => {
  const delegate = await findUserByEmail(db, 'delegate@demo.coalition-desk.org');
  if (!delegate) throw new Error('demo delegate missing');
  const actor = { userId: delegate.id, label: delegate.email, role: delegate.role, partnerId: delegate.partnerId, groupIds: [], ip: null };
  const { token } = await createApiToken(db, actor, { name: 'bench', expiresInDays: 1 });
  // A signed-in browser: the cost of loading the session and actor on every request.
  const officer = await findUserByEmail(db, 'officer@demo.coalition-desk.org');
  if (!officer) throw new Error('demo officer missing');
  const session = await createSession(db, officer.id, 'full', { idleMinutes: 60, absoluteHours: 12 }, { ip: null, userAgent: 'bench' });
  // The fair baseline for the API: bare Fastify running the partners API's own query on the same
  // database for the same delegate, without the platform's hooks, token check or response schema.
  const sameQuery = Fastify({ logger: false });
  sameQuery.get('/partners', () => listPartners(db, actor, { pageSize: 50 }));
  await sameQuery.listen({ port: 0, host: '127.0.0.1' });
  return { token, sessionCookie: session.cookieValue, sameQueryPort: String(portOf(sameQuery)) };
});

if (servers) {
  const { bareUrl, appBase } = servers;
  const bearer = { authorization: `Bearer ${servers.extra.token}` };
  const run = { connections, seconds };
  await warmUp([bareUrl, `${appBase}/`], connections);
  await warmUp([`${appBase}/api/v1/partners?pageSize=50`], connections, bearer);
  const sameQueryUrl = `http://127.0.0.1:${servers.extra.sameQueryPort}/partners`;
  await warmUp([sameQueryUrl], connections);

  const baseline = await measure(bareUrl, run);
  // Two diagnostic rows: the platform's own overhead without the database (/healthz) and with page rendering (/cookies).
  const health = await measure(`${appBase}/healthz`, run);
  const cookiesPage = await measure(`${appBase}/cookies`, run);
  const home = await measure(`${appBase}/`, run);
  const partnersApi = await measure(`${appBase}/api/v1/partners?pageSize=50`, { ...run, headers: bearer });
  const sameQuery = await measure(sameQueryUrl, run);
  const signedIn = { cookie: `${SESSION_COOKIE}=${servers.extra.sessionCookie}` };
  await warmUp([`${appBase}/healthz`, `${appBase}/funding`], connections, signedIn);
  const signedInHealth = await measure(`${appBase}/healthz`, { ...run, headers: signedIn });
  // CPU per request of a signed-in dashboard: the server process's CPU time over the requests it answered.
  const cpuBefore = servers.cpuSeconds();
  const dashboard = await measure(`${appBase}/funding`, { ...run, headers: signedIn });
  const cpuPerRequestMs = ((servers.cpuSeconds() - cpuBefore) * 1000) / (dashboard.requestsPerSecond * seconds);

  printTable(`HTTP on ${servers.database} · ${connections} connections · ${seconds} s each`, baseline, [
    { name: 'app /healthz (no database)', figures: health },
    { name: 'app /cookies (rendered page, no database)', figures: cookiesPage },
    { name: 'public home page /', figures: home, target: 0.3 },
    { name: 'partners API (bearer, 50 rows)', figures: partnersApi, target: 0.15 },
    { name: 'bare Fastify running the partners query', figures: sameQuery },
    { name: 'signed-in /healthz (session and actor)', figures: signedInHealth },
    { name: 'signed-in dashboard /funding', figures: dashboard },
  ]);
  const healthRatio = health.requestsPerSecond / baseline.requestsPerSecond;
  console.log(`\n/healthz without a database ÷ bare route: ${healthRatio.toFixed(3)} (target ≥ 0.7: ${healthRatio >= 0.7 ? 'met' : 'NOT met'})`);
  console.log(`Signed-in dashboard /funding: ${cpuPerRequestMs.toFixed(2)} ms of server CPU per request (target ≤ 1.5: ${cpuPerRequestMs <= 1.5 ? 'met' : 'NOT met'})`);
  const fairRatio = partnersApi.requestsPerSecond / sameQuery.requestsPerSecond;
  console.log(`\nPartners API ÷ bare route running the same query: ${fairRatio.toFixed(3)} (target ≥ 0.5: ${fairRatio >= 0.5 ? 'met' : 'NOT met'})`);
  servers.stop();
}
