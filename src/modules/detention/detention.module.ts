import type { AppModule } from '../../platform/module.ts';
import { detentionPages } from './detention.pages.tsx';
import { detentionRoutes } from './detention.routes.ts';
import { publicCampsPages } from './public-camps.tsx';
import { sitesPages } from './sites.pages.tsx';

export const detentionModule: AppModule = async (app, options) => {
  await app.register(publicCampsPages, options);
  await app.register(async (restricted) => {
    // Restricted figures must not linger in any cache, shared or private (ASVS V8.2.1).
    restricted.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    await restricted.register(detentionPages, options);
    await restricted.register(sitesPages, options);
    await restricted.register(detentionRoutes, options);
  });
};
