import type { AppModule } from '../../platform/module.ts';
import { accountPages } from './account.pages.tsx';
import { accountRoutes } from './account.routes.ts';

export const accountModule: AppModule = async (app, options) => {
  await app.register(accountPages, options);
  await app.register(accountRoutes, options);
};
