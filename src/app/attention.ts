import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { attentionCount } from '../modules/readouts/readouts.service.ts';
import { can } from '../platform/authz.ts';
import { addRouteHook, answersWithData, isGetRoute } from '../platform/route-hooks.ts';

/** Routes that answer with a file (feeds, CSV, maps) rather than a page. */
const FILE_ROUTE = /(\.(csv|atom|ics|svg|xlsx|json|xml|txt)|\/export)$/;

/**
 * Pages (not the API) show how many readouts wait for the signed-in user, on every page. Routes that
 * answer with data (a declared response schema: /healthz, /metrics) or a file show no header.
 */
export function countReadoutsAwaitingAttention(app: FastifyInstance, db: Db): void {
  addRouteHook(app, 'preHandler', (route) => isGetRoute(route) && !answersWithData(route) && !FILE_ROUTE.test(route.url), async (request) => {
    if (request.isApi || request.method !== 'GET' || !request.actor || request.routeOptions.schema?.response || FILE_ROUTE.test(request.routeOptions.url ?? '')) return;
    if (request.url.startsWith('/assets/') || !can(request.actor, 'readout.manage')) return;
    const actor = request.actor;
    // What waits depends on the role and partner only; kept until a readout, clearance, meeting or co-lead changes.
    request.attention = await app.figures.get('readouts', `attention|${actor.role}|${actor.partnerId ?? ''}`, () => attentionCount(db, actor));
  });
}
