import { createHash, timingSafeEqual } from 'node:crypto';
import { isNull, or, eq, count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client.ts';
import { screeningBatchRows } from '../db/schema/index.ts';

/** What the database pool reports, where there is a pool (PostgreSQL; the embedded database has none). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * Prometheus metrics at /metrics: requests and their latency by route template (never by raw URL, which
 * would carry ids and grow without bound), the database pool, the screening queue and the process.
 * Readable only with `Authorization: Bearer <METRICS_TOKEN>`; without a token configured, by no one.
 */
export function installMetrics(app: FastifyInstance, options: { db: Db; metricsToken: string | undefined; poolStats?: () => PoolStats | null }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'coalition_desk_http_requests_total', help: 'HTTP requests answered, by method, route template and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'coalition_desk_http_request_duration_seconds',
    help: 'Time to answer, by method and route template',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'coalition_desk_db_pool_connections',
    help: 'Database pool connections by state (PostgreSQL only)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = options.poolStats?.();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  new Gauge({
    name: 'coalition_desk_screening_queue_rows',
    help: 'Names waiting to be screened or screened again (all processes share this queue)',
    registers: [registry],
    async collect() {
      const [row] = await options.db.select({ n: count() }).from(screeningBatchRows).where(or(isNull(screeningBatchRows.hits), eq(screeningBatchRows.rescreen, true)));
      this.set(row?.n ?? 0);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const expected = options.metricsToken ? digest(options.metricsToken) : null;
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    // Compared as digests of equal length, in constant time (ASVS V6.2.1).
    if (!expected || !given || !timingSafeEqual(digest(given), expected)) {
      return reply.status(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('Send Authorization: Bearer <METRICS_TOKEN>.\n');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
