import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './catalog.ts';

interface JournalEntry {
  tag: string;
  when: number;
}

const JOURNAL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations', 'meta', '_journal.json');

/** The schema migrations this version of the code carries, oldest first. */
export function knownMigrations(): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(JOURNAL, 'utf8')) as { entries: JournalEntry[] }).entries.map(({ tag, when }) => ({ tag, when }));
}

/** The last migration applied to the database (Drizzle records each one's journal time). */
export async function lastAppliedMigration(db: Db): Promise<JournalEntry> {
  const [row] = await rowsOf<{ when: string | null }>(db, sql`select max(created_at)::text as when from drizzle.__drizzle_migrations`);
  const when = Number(row?.when ?? 0);
  return { tag: knownMigrations().find((entry) => entry.when === when)?.tag ?? 'unknown to this version', when };
}
