import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';

const Health = Type.Object({ status: Type.String() });

/**
 * `/healthz`: the process is up. Declared at the root of the application, outside the platform's
 * context (src/app.ts), so a probe runs only what every answer needs: the request id, the security
 * headers and the error handler; no cookies, session, language, access check or metrics (issue 20).
 */
export function installHealthCheck(app: FastifyInstance): void {
  app.get('/healthz', { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Health } } }, async () => ({ status: 'ok' }));
}
