import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/**
 * Hooks that only some routes need are attached to those routes as they are declared, rather than run
 * on every request to return at once: a global hook costs its call and its promise even when it does
 * nothing (issue 20: /healthz runs only what it needs). Route hooks run after the global ones of the
 * same kind, in the order they were attached.
 */
type RouteHookName = 'preValidation' | 'preHandler' | 'onSend';

export function addRouteHook(app: FastifyInstance, name: RouteHookName, applies: (route: RouteOptions) => boolean, hook: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void {
  app.addHook('onRoute', (route) => {
    if (!applies(route)) return;
    const existing = route[name] as unknown;
    const hooks = [existing ?? [], hook].flat();
    (route as Record<RouteHookName, unknown>)[name] = hooks;
  });
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const methodsOf = (route: RouteOptions) => [route.method].flat() as string[];

export const isUnsafeRoute = (route: RouteOptions) => methodsOf(route).some((method) => UNSAFE_METHODS.has(method));
/** A request that may change something (a route may take several methods). */
export const isUnsafeRequest = (request: FastifyRequest) => UNSAFE_METHODS.has(request.method);
export const isGetRoute = (route: RouteOptions) => methodsOf(route).includes('GET');

/** A route that reads what the request sends: a body, a query string, or parts of its path. */
export function takesInput(route: RouteOptions): boolean {
  const schema = route.schema as Record<string, unknown> | undefined;
  return isUnsafeRoute(route) || Boolean(schema?.body || schema?.querystring || schema?.params) || /[:*]/.test(route.url);
}

/** A route that answers with data (a declared response: /healthz, the API) rather than a page. */
export const answersWithData = (route: RouteOptions) => Boolean((route.schema as Record<string, unknown> | undefined)?.response) || route.url.startsWith('/api/');
