import path from 'node:path';
import type { Actor } from '../platform/actor.ts';
import { listSources } from '../modules/screening/list-files.ts';
import { importListFiles } from '../modules/screening/sanctions-lists.service.ts';
import type { Db } from '../db/client.ts';
import { DATA_DIR } from '../db/seed/data-files.ts';

const SANCTIONS_DIR = path.join(DATA_DIR, 'sanctions');

/**
 * The real UN Security Council Consolidated List (2026-02) and the full OFAC SDN list (2021-07), from
 * the project's own copy, imported as the first version of each, so that screening answers on a fresh
 * demo against the lists the page says are in force.
 */
export async function loadDemoScreening(db: Db, actor: Actor): Promise<void> {
  await importListFiles(db, actor, listSources([SANCTIONS_DIR]));
}
