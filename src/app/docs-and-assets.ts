import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

const PUBLIC_ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

/**
 * Collects the OpenAPI document from every route declared after it. Installed at the root, before
 * /healthz, so that the operations routes outside the platform's context are documented too.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Coalition Desk API', version: '1', description: 'JSON API of Coalition Desk. Authenticate with `Authorization: Bearer <personal API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
}

/** The OpenAPI document's pages at /api/docs and the CSS, script and icon under /assets/, both open to anyone. */
export async function installDocsAndAssets(app: FastifyInstance): Promise<void> {
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
}
