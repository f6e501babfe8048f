import type { AppModule } from '../../platform/module.ts';
import { calendarFeedsPages } from './calendar-feeds.pages.tsx';
import { meetingsPages } from './meetings.pages.tsx';
import { meetingsRoutes } from './meetings.routes.ts';

export const meetingsModule: AppModule = async (app, options) => {
  await app.register(meetingsPages, options);
  await app.register(calendarFeedsPages, options);
  await app.register(meetingsRoutes, options);
};
