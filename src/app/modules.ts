import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { accountModule } from '../modules/account/account.module.ts';
import { auditModule } from '../modules/audit/audit.module.tsx';
import { detentionModule } from '../modules/detention/detention.module.ts';
import { fundingModule } from '../modules/funding/funding.module.ts';
import { ingestModule } from '../modules/ingest/ingest.module.ts';
import { justiceModule } from '../modules/justice/justice.module.ts';
import { meetingsModule } from '../modules/meetings/meetings.module.ts';
import { partnersModule } from '../modules/partners/partners.module.ts';
import { publicSiteModule } from '../modules/public-site/public-site.module.tsx';
import { readoutsPages } from '../modules/readouts/readouts.pages.tsx';
import { screeningModule } from '../modules/screening/screening.module.ts';
import { taskingsModule } from '../modules/taskings/taskings.module.ts';
import { threatsModule } from '../modules/threats/threats.module.ts';
import { usersModule } from '../modules/users/users.module.tsx';
import type { UploadSettings } from '../platform/module.ts';

/**
 * Registers every domain with the database and the settings it names, picked out of the configuration
 * here, at the entry: a module never sees the rest of it.
 */
export async function registerModules(app: FastifyInstance, db: Db, config: Config): Promise<void> {
  const { publicUrl, publicPageCacheSeconds, sessionIdleMinutes, sessionAbsoluteHours, oidcProviders } = config;
  const signIn = { loginMaxFailuresPerAccount: config.loginMaxFailuresPerAccount, loginMaxFailuresPerAddress: config.loginMaxFailuresPerAddress, loginWindowMinutes: config.loginWindowMinutes };
  // The modules that name no settings of their own take the upload defaults (body limit, rate of costly actions).
  const uploads: UploadSettings = { bodyLimitBytes: config.bodyLimitBytes, rateLimitPerMinute: config.rateLimitPerMinute };
  await app.register(publicSiteModule, { db, config: { publicPageCacheSeconds, sessionIdleMinutes, sessionAbsoluteHours, oidcProviders } });
  await app.register(accountModule, { db, config: { ...signIn, publicUrl, sessionIdleMinutes, sessionAbsoluteHours, oidcProviders } });
  await app.register(usersModule, { db, config: uploads });
  await app.register(partnersModule, { db, config: uploads });
  await app.register(meetingsModule, { db, config: { publicUrl } });
  await app.register(readoutsPages, { db, config: { publicUrl, publicPageCacheSeconds } });
  await app.register(fundingModule, { db, config: uploads });
  await app.register(detentionModule, { db, config: uploads });
  await app.register(justiceModule, { db, config: uploads });
  await app.register(threatsModule, { db, config: uploads });
  await app.register(taskingsModule, { db, config: uploads });
  await app.register(screeningModule, { db, config: uploads });
  await app.register(ingestModule, { db, config: uploads });
  await app.register(auditModule, { db, config: uploads });
}
