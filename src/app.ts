import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { countReadoutsAwaitingAttention } from './app/attention.ts';
import { installDocsAndAssets, installOpenApi } from './app/docs-and-assets.ts';
import { createInstance, type RegisteredRoute } from './app/fastify-instance.ts';
import { installHealthCheck } from './app/health.ts';
import { registerModules } from './app/modules.ts';
import { installPlatformParts } from './app/platform-parts.ts';
import { installRequestBodies } from './app/request-bodies.ts';
import { answerErrors, answerNotFound } from './platform/error-handler.ts';
import type { PoolStats } from './platform/metrics.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';

export type { RegisteredRoute };

export interface AppOptions {
  db: Db;
  config: Config;
  /** Pass false in tests and benchmarks to keep the output quiet. */
  logger?: boolean;
  /** Where the JSON log lines go (standard output unless given; tests read them). */
  logStream?: NodeJS.WritableStream;
  /** The database pool's figures for /metrics, where there is a pool. */
  poolStats?: () => PoolStats | null;
  /**
   * The database's announcements (Database.listen): with them each process keeps sessions and accounts in
   * memory and drops a copy the moment it changes anywhere; without them every request reads them.
   */
  listen?: Database['listen'];
}

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

/**
 * Builds the whole application without listening, so tests can drive it with `inject()`.
 *
 * Two levels. The root holds what every answer needs — request ids, security headers, the error
 * handler, the OpenAPI collector — and `/healthz`. Everything else (cookies, bodies, the session and
 * access check, CSRF, metrics, rate limits, the modules and the not-found page) lives in one
 * encapsulated child context, whose hooks therefore never run for `/healthz` (issue 20).
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { db, config } = options;
  const { app, registeredRoutes } = createInstance(options);
  answerErrors(app, config.bodyLimitBytes);
  installSecurityHeaders(app);
  await installOpenApi(app);
  installHealthCheck(app);
  await app.register(async (platform) => {
    answerNotFound(platform);
    await installRequestBodies(platform, config.bodyLimitBytes);
    await installPlatformParts(platform, { db, config, poolStats: options.poolStats, listen: options.listen });
    await installDocsAndAssets(platform);
    countReadoutsAwaitingAttention(platform, db);
    await registerModules(platform, db, config);
  });
  await app.ready();
  return Object.assign(app, { registeredRoutes }) as unknown as App;
}
