import type { AppModule } from '../../platform/module.ts';
import { justicePages } from './justice.pages.tsx';
import { justiceRoutes } from './justice.routes.ts';

export const justiceModule: AppModule = async (app, options) => {
  await app.register(justicePages, options);
  await app.register(justiceRoutes, options);
};
