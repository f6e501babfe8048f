import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { Type } from '@fastify/type-provider-typebox';
import { DecisionInput, decideHit } from './decisions.service.ts';
import { screenName } from './sanctions-lists.service.ts';
import { ScreenQuery, ScreenResult } from './screening.schema.ts';

export const screeningRoutes: AppModule = async (app, { db }) => {
  app.post(
    '/api/v1/screening/decisions',
    { config: { access: 'signed-in' }, schema: { tags: ['screening'], summary: 'Decide a hit: confirmed match or false positive, with a note (remembered until the listing changes)', body: DecisionInput, response: { 201: Type.Object({ id: Type.String(), entityRef: Type.String(), decision: Type.String() }), ...ProblemResponses } } },
    async (request, reply) => reply.status(201).send(await decideHit(db, request.actor, request.body)),
  );
  app.post(
    '/api/v1/screening/screen',
    { config: { access: 'signed-in' }, schema: { tags: ['screening'], summary: 'Screen one name against the lists in force (analysts, the secretariat, the Counter ISIS Finance Group)', body: ScreenQuery, response: { 200: ScreenResult, ...ProblemResponses } } },
    async (request) => {
      const { top, threshold, ...query } = request.body;
      const { hits, cleared, listed } = await screenName(db, request.actor, query, { top, threshold });
      return {
        listed,
        cleared,
        hits: hits.map((hit) => ({ ...hit, decision: hit.decision ? { ...hit.decision, at: hit.decision.at.toISOString() } : undefined, entity: { ...hit.entity, names: hit.entity.names.map((name) => ({ full: name.full, quality: name.quality })) } })),
      };
    },
  );
};
