import type { AppModule } from '../../platform/module.ts';
import { campaignPages } from './campaign.pages.tsx';
import { comparisonPages } from './comparison.pages.tsx';
import { contributionPages } from './contribution.pages.tsx';
import { publicFundingPages } from './public-funding.pages.tsx';
import { ratesPages } from './rates.pages.tsx';

/** The funding module's HTML pages, one file per page family. */
export const fundingPages: AppModule = async (app, options) => {
  await app.register(campaignPages, options);
  await app.register(contributionPages, options);
  await app.register(ratesPages, options);
  await app.register(comparisonPages, options);
  await app.register(publicFundingPages, options);
};
