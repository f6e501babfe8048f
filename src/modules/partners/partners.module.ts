import type { AppModule } from '../../platform/module.ts';
import { partnersPages } from './partners.pages.tsx';
import { partnersRoutes } from './partners.routes.ts';

export const partnersModule: AppModule = async (app, options) => {
  await app.register(partnersPages, options);
  await app.register(partnersRoutes, options);
};
