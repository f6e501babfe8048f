import pg from 'pg';
import { openPostgres } from '../../src/db/client.ts';
import { loadReferenceData } from '../../src/reference/reference-data.ts';
import { databaseUrlWithName, POSTGRES_TEMPLATE_DB } from './template.ts';

/** Builds, once per run, a migrated PostgreSQL template database holding the reference data. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
  const database = await openPostgres(databaseUrlWithName(url, POSTGRES_TEMPLATE_DB), { max: 2 });
  await database.migrate();
  await loadReferenceData(database.db);
  await database.close();
  await admin.end();
}
