import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Config } from '../config.ts';
import { answerClientError } from '../platform/client-errors.ts';
import { rewriteLocalePath } from '../platform/i18n/path-locale.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface InstanceOptions {
  config: Pick<Config, 'logLevel' | 'bodyLimitBytes' | 'trustProxy'>;
  /** Pass false in tests and benchmarks to keep the output quiet. */
  logger?: boolean;
  /** Where the JSON log lines go (standard output unless given; tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** The bare Fastify instance: logging, body limit, proxies, locale paths, validation; and the list of its routes. */
export function createInstance({ config, logger, logStream }: InstanceOptions) {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            ...(logStream ? { stream: logStream } : {}),
            // Calendar links carry their token in the query; logs must not (ASVS V7.1.1).
            serializers: { req: (request) => ({ method: request.method, url: request.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]'), id: request.id }) },
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // /fr/… and /ar/… are the same routes in French and Arabic (platform/i18n/path-locale.ts).
    rewriteUrl: rewriteLocalePath,
    // Refuse unknown fields instead of silently dropping them (ARCHITECTURE rule 9), and coerce form strings.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    genReqId: () => crypto.randomUUID(),
    // A 2 MB URL gets 431, not a connection reset (platform/client-errors.ts).
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const registeredRoutes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url });
    }
  });
  return { app, registeredRoutes };
}
