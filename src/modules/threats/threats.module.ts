import type { AppModule } from '../../platform/module.ts';
import { threatsPages } from './threats.pages.tsx';
import { threatsRoutes } from './threats.routes.ts';

export const threatsModule: AppModule = async (app, options) => {
  await app.register(threatsPages, options);
  await app.register(threatsRoutes, options);
};
