import fs from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { loadReferenceData } from '../../src/db/seed/reference-data.ts';
import { databaseUrlWithName, ensureCacheDir, PGLITE_TEMPLATE, POSTGRES_TEMPLATE_DB } from './template.ts';

/** Builds, once per run, a migrated database holding the reference data, for every test file to copy. */
export default async function setup({ provide: _provide }: { provide: unknown }) {
  const kind = process.env.TEST_DB_KIND ?? 'pglite';
  if (kind === 'pglite') {
    ensureCacheDir();
    const database = await openPglite();
    await database.migrate();
    await loadReferenceData(database.db);
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('gzip');
    fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    return;
  }
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
