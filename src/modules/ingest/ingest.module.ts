import type { AppModule } from '../../platform/module.ts';
import { ingestPages } from './ingest.pages.tsx';
import { ingestRoutes } from './ingest.routes.ts';
import { stopExtractionThread } from './extraction-thread.ts';

export const ingestModule: AppModule = async (app, options) => {
  // The extraction thread ends with the server (graceful shutdown, the end of a test).
  app.addHook('onClose', () => stopExtractionThread());
  await app.register(ingestRoutes, options);
  await app.register(ingestPages, options);
};
