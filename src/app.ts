import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { rewriteLocalePath } from './platform/i18n/path-locale.ts';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { accountModule } from './modules/account/account.module.ts';
import { auditModule } from './modules/audit/audit.module.tsx';
import { detentionModule } from './modules/detention/detention.module.ts';
import { fundingModule } from './modules/funding/funding.module.ts';
import { screeningModule } from './modules/screening/screening.module.ts';
import { ingestModule } from './modules/ingest/ingest.module.ts';
import { justiceModule } from './modules/justice/justice.module.ts';
import { taskingsModule } from './modules/taskings/taskings.module.ts';
import { threatsModule } from './modules/threats/threats.module.ts';
import { meetingsModule } from './modules/meetings/meetings.module.ts';
import { partnersModule } from './modules/partners/partners.module.ts';
import { readoutsPages } from './modules/readouts/readouts.pages.tsx';
import { attentionCount } from './modules/readouts/readouts.service.ts';
import { installFigureCache } from './platform/figure-cache.ts';
import { addRouteHook, answersWithData, isGetRoute } from './platform/route-hooks.ts';
import { can } from './platform/authz.ts';
import { publicSiteModule } from './modules/public-site/public-site.module.tsx';
import { usersModule } from './modules/users/users.module.tsx';
import { installErrorHandler } from './platform/error-handler.ts';
import { answerClientError } from './platform/client-errors.ts';
import { installMetrics, type PoolStats } from './platform/metrics.ts';
import { refuseNulCharacters } from './platform/nul-characters.ts';
import { guardBidiControls } from './platform/bidi-controls.ts';
import { installRateLimits } from './platform/rate-limit.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { requestContext } from './platform/request-context.ts';
import { installFlash } from './platform/flash.ts';

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

export interface RegisteredRoute {
  method: string;
  url: string;
}

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

const PUBLIC_ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

/** Builds the whole application without listening, so tests can drive it with `inject()`. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { db, config } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
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

  installErrorHandler(app, config.bodyLimitBytes);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: config.bodyLimitBytes, files: 8, fields: 20 },
    // Files reach the handlers as buffers, as before; their own names are kept beside them (a batch shows its file's name).
    async onFile(part) {
      (part as unknown as { value: Buffer }).value = await part.toBuffer();
      this.uploadedFileNames = { ...this.uploadedFileNames, [part.fieldname]: part.filename };
    },
  });
  installSecurityHeaders(app);
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.actor || request.session) reply.header('cache-control', 'no-store');
  });
  await app.register(requestContext, { db, config, listen: options.listen });
  const figures = await installFigureCache(app, options.listen);
  installFlash(app);
  installMetrics(app, { db, config, poolStats: options.poolStats });
  refuseNulCharacters(app);
  guardBidiControls(app);
  await installRateLimits(app, db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Coalition Desk API', version: '1', description: 'JSON API of Coalition Desk. Authenticate with `Authorization: Bearer <personal API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(async (docs) => {
    // The documentation is public: mark the plugin's routes so the access check lets anyone in.
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
  await app.register(async (assets) => {
    assets.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await assets.register(fastifyStatic, { root: PUBLIC_ASSETS, prefix: '/assets/', maxAge: '1h' });
  });

  // Pages (not the API) show how many readouts wait for the signed-in user, on every page. Routes that
  // answer with data (a declared response schema: /healthz, /metrics) or a file (feeds, CSV, maps) show no header.
  const FILE_ROUTE = /(\.(csv|atom|ics|svg|xlsx|json|xml|txt)|\/export)$/;
  addRouteHook(app, 'preHandler', (route) => isGetRoute(route) && !answersWithData(route) && !FILE_ROUTE.test(route.url), async (request) => {
    if (request.isApi || request.method !== 'GET' || !request.actor || request.routeOptions.schema?.response || FILE_ROUTE.test(request.routeOptions.url ?? '')) return;
    if (request.url.startsWith('/assets/') || !can(request.actor, 'readout.manage')) return;
    const actor = request.actor;
    // What waits depends on the role and partner only; kept until a readout, clearance, meeting or co-lead changes.
    request.attention = await figures.get('readouts', `attention|${actor.role}|${actor.partnerId ?? ''}`, () => attentionCount(db, actor));
  });

  const modules = { db, config };
  await app.register(publicSiteModule, modules);
  await app.register(accountModule, modules);
  await app.register(usersModule, modules);
  await app.register(partnersModule, modules);
  await app.register(meetingsModule, modules);
  await app.register(readoutsPages, modules);
  await app.register(fundingModule, modules);
  await app.register(detentionModule, modules);
  await app.register(justiceModule, modules);
  await app.register(threatsModule, modules);
  await app.register(taskingsModule, modules);
  await app.register(screeningModule, modules);
  await app.register(ingestModule, modules);
  await app.register(auditModule, modules);

  await app.ready();
  return Object.assign(app, { registeredRoutes }) as unknown as App;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The names the uploaded files had on the sender's machine, by form field (set by the multipart reader). */
    uploadedFileNames?: Record<string, string>;
  }
}
