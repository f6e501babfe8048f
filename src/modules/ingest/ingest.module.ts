import type { AppModule } from '../../platform/module.ts';
import { ingestRoutes } from './ingest.routes.ts';

export const ingestModule: AppModule = async (app, options) => {
  await app.register(ingestRoutes, options);
};
