import type { AppModule } from '../../platform/module.ts';
import { ingestPages } from './ingest.pages.tsx';
import { ingestRoutes } from './ingest.routes.ts';

export const ingestModule: AppModule = async (app, options) => {
  await app.register(ingestRoutes, options);
  await app.register(ingestPages, options);
};
