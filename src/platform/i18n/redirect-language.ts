import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addRouteHook } from '../route-hooks.ts';
import { localizedLocation } from './path-locale.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's redirect names the language it goes to (the language switch): it is not put under the reader's path. */
    redirectNamesLanguage?: boolean;
  }
}

/**
 * A reader who came under `/ar/…` or `/fr/…` is sent on under that path: every same-site redirect (after
 * a form post, to sign in, to a record's proper address) keeps their language, in one place rather than
 * route by route. Links on pages are kept the same way by `localizeLinks` (views/render.ts).
 */
export function keepRedirectsInReadersLanguage(app: FastifyInstance): void {
  addRouteHook(app, 'onSend', (route) => !route.config?.redirectNamesLanguage, async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.pathLocale || reply.statusCode < 300 || reply.statusCode >= 400) return;
    const location = reply.getHeader('location');
    if (typeof location === 'string') reply.header('location', localizedLocation(request.pathLocale, location));
  });
}
