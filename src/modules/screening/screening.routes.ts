import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { screenName } from './sanctions-lists.service.ts';
import { ScreenQuery, ScreenResult } from './screening.schema.ts';

export const screeningRoutes: AppModule = async (app, { db }) => {
  app.post(
    '/api/v1/screening/screen',
    { config: { access: 'signed-in' }, schema: { tags: ['screening'], summary: 'Screen one name against the lists in force (analysts, the secretariat, the Counter ISIS Finance Group)', body: ScreenQuery, response: { 200: ScreenResult, ...ProblemResponses } } },
    async (request) => {
      const { top, threshold, ...query } = request.body;
      const { hits, listed } = await screenName(db, request.actor, query, { top, threshold });
      return { listed, hits: hits.map((hit) => ({ ...hit, entity: { ...hit.entity, names: hit.entity.names.map((name) => ({ full: name.full, quality: name.quality })) } })) };
    },
  );
};
