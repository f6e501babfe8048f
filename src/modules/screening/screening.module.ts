import type { AppModule } from '../../platform/module.ts';
import { authorizeScreening } from './sanctions-lists.service.ts';
import { screeningPages } from './screening.pages.tsx';
import { screeningRoutes } from './screening.routes.ts';

export const screeningModule: AppModule = async (app, options) => {
  await app.register(async (sensitive) => {
    // Who was screened is sensitive: no cache keeps it (ASVS V8.2.1).
    sensitive.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    // Refused before a body is even read: who may screen depends on group membership as well as role.
    sensitive.addHook('preValidation', async (request) => {
      await authorizeScreening(options.db, request.actor);
    });
    await sensitive.register(screeningPages, options);
    await sensitive.register(screeningRoutes, options);
  });
};
