import rateLimit, { type FastifyRateLimitStore, type RateLimitOptions } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { TooManyAttempts } from './errors.ts';
import { say } from './i18n/say.ts';

/**
 * A @fastify/rate-limit store in PostgreSQL: one upserted row per route and person, so every process
 * behind the load balancer counts the same requests. A fixed window: the first request after it ends
 * starts a new one.
 */
function postgresStore(db: Db) {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const seconds = timeWindow / 1000;
      db.execute(sql`
        insert into rate_limit_counters (key, window_start, count) values (${this.prefix + key}, now(), 1)
        on conflict (key) do update set
          count = case when rate_limit_counters.window_start + make_interval(secs => ${seconds}) <= now() then 1 else rate_limit_counters.count + 1 end,
          window_start = case when rate_limit_counters.window_start + make_interval(secs => ${seconds}) <= now() then now() else rate_limit_counters.window_start end
        returning count, greatest(0, extract(epoch from (window_start + make_interval(secs => ${seconds}) - now())) * 1000)::int as ttl`)
        .then((result) => {
          const [row] = (result as unknown as { rows: { count: number; ttl: number }[] }).rows;
          callback(null, { current: Number(row?.count ?? 1), ttl: Number(row?.ttl ?? timeWindow) });
        })
        .catch((error: Error) => callback(error));
    }

    /**
     * The store of one route: its counters are kept apart by the route's method and address. (The
     * plugin passes its merged settings with the route under `routeInfo`, whatever its types say.)
     */
    child(params: Parameters<FastifyRateLimitStore['child']>[0] & { routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      return new PostgresRateLimitStore(undefined, `${[params.routeInfo?.method].flat().join(',')} ${params.routeInfo?.url ?? ''} `);
    }
  };
}

/**
 * Limits costly actions (screening a name, reading a readout into facts, queuing a batch) per person
 * — per signed-in account, or per address for anyone else — with RATE_LIMIT_PER_MINUTE. Routes opt
 * in with `config: { rateLimit: costlyAction(config) }`. A refusal is a 429 problem with Retry-After,
 * in the reader's language.
 */
export async function installRateLimits(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: postgresStore(db),
    // After the session is read, so a signed-in person is counted as themselves, not as their office's address.
    hook: 'preHandler',
    keyGenerator: (request) => (request.actor?.userId ? `user:${request.actor.userId}` : `address:${request.ip}`),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new TooManyAttempts(say('problem.rateLimited', { max: context.max, seconds }), seconds);
    },
  });
}

/** How many costly actions one person may take a minute (RATE_LIMIT_PER_MINUTE). */
export interface RateLimitSettings {
  readonly rateLimitPerMinute: number;
}

export function costlyAction(config: RateLimitSettings): RateLimitOptions {
  return { max: config.rateLimitPerMinute, timeWindow: 60_000 };
}
