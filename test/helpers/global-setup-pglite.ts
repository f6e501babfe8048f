import fs from 'node:fs';
import { openPglite } from '../../src/db/client.ts';
import { loadReferenceData } from '../../src/reference/reference-data.ts';
import { ensureCacheDir, PGLITE_TEMPLATE } from './template.ts';

/** Builds, once per run, a migrated PGlite database holding the reference data, saved as a tarball each test file restores. */
export default async function setup() {
  ensureCacheDir();
  const database = await openPglite();
  await database.migrate();
  await loadReferenceData(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(compression: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
