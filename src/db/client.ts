import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { DataFolderInUse, lockDataFolder } from './data-folder-lock.ts';

export type Schema = typeof schema;
/** The one database type services and repos see, whichever driver is underneath. Transactions are of this type too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Runs pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Connections of the pool by state; null for the embedded database, which has no pool. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  /** Statements sent since the database was opened: tests count what a page costs, whatever the data size. */
  queryCount(): number;
  /**
   * Receives the NOTIFY messages of `channel`. On PostgreSQL a connection of its own listens, so messages
   * from every process arrive; `lost` is called when it drops (messages may have been missed) and
   * `listening` whenever it listens again. Returns how to stop.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
}

/** How notices reach this process. */
export interface Delivery {
  /**
   * Other processes write to the database (PostgreSQL): their notices arrive a moment after their
   * changes are visible. On PGlite the process owns the database, and a notice comes with the write.
   */
  otherProcessesWrite: boolean;
}

export interface NotificationHandlers {
  message(payload: string): void;
  /** Listening (again): from now on no message is missed. */
  listening(delivery?: Delivery): void;
  /** The listening connection dropped: messages sent meanwhile are lost. */
  lost(): void;
}

/** Drizzle calls this for every statement it sends, in transactions too; counting costs an increment. */
function statementCounter() {
  let count = 0;
  return { logger: { logQuery: () => void count++ }, queryCount: () => count };
}

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant: serialises migrations across processes sharing one PostgreSQL. */
const MIGRATION_LOCK_KEY = 727_001;

export class DatabaseConnectionError extends Error {}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  let unlock = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // One process at a time on a data folder (data-folder-lock.ts).
    try {
      unlock = lockDataFolder(options.dataDir);
    } catch (error) {
      if (error instanceof DataFolderInUse) throw new DatabaseConnectionError(error.message);
      throw error;
    }
  }
  let client: PGlite;
  try {
    // pg_trgm: "contains" searches use trigram indexes here as on PostgreSQL (migration trigram_search).
    client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const counter = statementCounter();
  const db = drizzlePglite({ client, schema, logger: counter.logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      unlock();
    },
    poolStats: () => null,
    queryCount: counter.queryCount,
    // One process owns the data folder, so the database's own notifications are all there is to hear.
    async listen(channel, handlers) {
      const stop = await client.listen(channel, (payload) => handlers.message(payload));
      handlers.listening();
      return stop;
    },
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const where = new URL(url);
    throw new DatabaseConnectionError(
      `cannot connect to PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname}: ${(error as Error).message}`,
    );
  }
  const counter = statementCounter();
  const db = drizzlePg({ client: pool, schema, logger: counter.logger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const connection = await pool.connect();
      try {
        await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client: connection, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        connection.release();
      }
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    queryCount: counter.queryCount,
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
  };
}

/** Channel names are identifiers in LISTEN; only plain ones are accepted, so the statement is built from a constant. */
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;
const RELISTEN_DELAY_MS = 1000;

/**
 * A connection outside the pool that only listens (a pooled one would be handed back and stop hearing).
 * When it drops, `lost` is called at once and it reconnects after a second, calling `listening` when done.
 */
async function listenOnPostgres(url: string, channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>> {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    const onDrop = () => {
      if (current !== client) return;
      current = null;
      handlers.lost();
      if (!stopped) retry = setTimeout(() => void connect().catch(onRetryFailed), RELISTEN_DELAY_MS);
    };
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.message(message.payload ?? '');
    });
    client.on('error', onDrop);
    client.on('end', onDrop);
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    if (stopped) {
      await client.end();
      return;
    }
    current = client;
    handlers.listening({ otherProcessesWrite: true });
  };
  const onRetryFailed = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(onRetryFailed), RELISTEN_DELAY_MS);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dataDir: config.dataDir });
}

export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
