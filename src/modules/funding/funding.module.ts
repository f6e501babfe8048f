import type { AppModule } from '../../platform/module.ts';
import { fundingPages } from './funding.pages.tsx';
import { fundingRoutes } from './funding.routes.ts';

export const fundingModule: AppModule = async (app, options) => {
  await app.register(fundingPages, options);
  await app.register(fundingRoutes, options);
};
