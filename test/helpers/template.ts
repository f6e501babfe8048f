import fs from 'node:fs';
import path from 'node:path';

/** Where the migrated PGlite template of this run is kept, and the name of the PostgreSQL template database. */
export const PGLITE_TEMPLATE = path.resolve('.test-cache/pglite-template.tar.gz');
export const POSTGRES_TEMPLATE_DB = 'coalition_desk_test_template';

export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function ensureCacheDir(): void {
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
}
