import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

export interface ModuleOptions {
  db: Db;
  config: Config;
}

/** A domain's routes and pages, registered by buildApp with the shared database and configuration. */
export type AppModule = FastifyPluginAsyncTypebox<ModuleOptions>;
