import type { AppModule } from '../../platform/module.ts';
import { calendarFeedsPages } from './calendar-feeds.pages.tsx';
import { meetingsPages } from './meetings.pages.tsx';
import { meetingsRoutes } from './meetings.routes.ts';

/** Calendar feeds and meeting pages link to themselves by the platform's public address. */
export interface MeetingsSettings {
  readonly publicUrl: string;
}

export const meetingsModule: AppModule<MeetingsSettings> = async (app, options) => {
  await app.register(meetingsPages, options);
  await app.register(calendarFeedsPages, options);
  await app.register(meetingsRoutes, options);
};
