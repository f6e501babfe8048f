import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { databaseUrlWithName, PGLITE_TEMPLATE, POSTGRES_TEMPLATE_DB } from './template.ts';

export const TEST_DB_KIND = (process.env.TEST_DB_KIND ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A database of this test file's own, copied from the run's migrated template: about a second on
 * PGlite (restored from a tarball) and a few milliseconds on PostgreSQL (CREATE DATABASE … TEMPLATE).
 */
export async function openTestDatabase(): Promise<Database> {
  if (TEST_DB_KIND === 'pglite') {
    const blob = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
    return openPglite({ loadDataDir: blob });
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const name = `cd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE_DB}`);
  await admin.end();
  const database = await openPostgres(databaseUrlWithName(url, name), { max: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // The pool's connections may still be closing: dropping with FORCE under them would kill them
      // mid-goodbye and surface as an unhandled error. Wait (briefly) until they are gone.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await cleanup.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * An empty PostgreSQL database of its own on `server` (TEST_DATABASE_URL's unless given), for tests and
 * benchmarks that start whole processes against it; `drop` removes it (and ends whatever is still connected).
 */
export async function scratchPostgres(prefix: string, server = process.env.TEST_DATABASE_URL as string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: databaseUrlWithName(server, name),
    async drop() {
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Whether the PostgreSQL checks can run here. Without TEST_DATABASE_URL they are skipped with a notice,
 * except under CI=true, where that is a failure.
 */
export function postgresForProcesses(what: string): boolean {
  if (process.env.TEST_DATABASE_URL) return true;
  if (process.env.CI === 'true') throw new Error(`TEST_DATABASE_URL is not set: under CI=true ${what} must be checked on PostgreSQL`);
  console.warn(`${what}: not checked — set TEST_DATABASE_URL to a PostgreSQL server`);
  return false;
}
