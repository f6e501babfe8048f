import type { AppModule } from '../../platform/module.ts';
import { taskingsPages } from './taskings.pages.tsx';
import { taskingsRoutes } from './taskings.routes.ts';

export const taskingsModule: AppModule = async (app, options) => {
  await app.register(taskingsPages, options);
  await app.register(taskingsRoutes, options);
};
