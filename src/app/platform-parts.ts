import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import { installFigureCache } from '../platform/figure-cache.ts';
import { installFlash } from '../platform/flash.ts';
import { keepRedirectsInReadersLanguage } from '../platform/i18n/redirect-language.ts';
import { installMetrics, type PoolStats } from '../platform/metrics.ts';
import { guardBidiControls } from '../platform/bidi-controls.ts';
import { refuseNulCharacters } from '../platform/nul-characters.ts';
import { installRateLimits } from '../platform/rate-limit.ts';
import { requestContext } from '../platform/request-context.ts';

export interface PlatformOptions {
  db: Db;
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'metricsToken'>;
  poolStats?: () => PoolStats | null;
  listen?: Database['listen'];
}

/** Caching, who is asking (session, CSRF, access), one-time messages, redirects in the reader's language, metrics, input guards and rate limits. */
export async function installPlatformParts(app: FastifyInstance, { db, config, poolStats, listen }: PlatformOptions): Promise<void> {
  // What a signed-in user is shown is theirs alone: no cache may keep it.
  app.addHook('onSend', async (request, reply) => {
    if (request.actor || request.session) reply.header('cache-control', 'no-store');
  });
  await app.register(requestContext, { db, config: { sessionIdleMinutes: config.sessionIdleMinutes, sessionAbsoluteHours: config.sessionAbsoluteHours }, listen });
  await installFigureCache(app, listen);
  installFlash(app);
  keepRedirectsInReadersLanguage(app);
  installMetrics(app, { db, metricsToken: config.metricsToken, poolStats });
  refuseNulCharacters(app);
  guardBidiControls(app);
  await installRateLimits(app, db);
}
