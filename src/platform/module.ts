import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../db/client.ts';
import type { RateLimitSettings } from './rate-limit.ts';

/**
 * What a module that takes uploads and costly actions needs (ingest, screening): the largest body
 * accepted and the rate of costly actions. The default for a module that names no settings of its own.
 */
export interface UploadSettings extends RateLimitSettings {
  readonly bodyLimitBytes: number;
}

/** For a module that needs no settings. */
export type NoSettings = Record<never, never>;

/**
 * A module is handed the database and only the settings it names, defined beside it; the entry reads
 * the configuration and picks them out (src/app/modules.ts).
 */
export interface ModuleOptions<Settings = UploadSettings> {
  db: Db;
  config: Settings;
}

/** A domain's routes and pages, registered by buildApp with the shared database and its own settings. */
export type AppModule<Settings = UploadSettings> = FastifyPluginAsyncTypebox<ModuleOptions<Settings>>;
