import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../db/seed/data-files.ts';
import type { Db } from '../db/client.ts';
import { recordPublishedStatement } from '../modules/readouts/readouts.service.ts';
import type { Actor } from '../platform/actor.ts';

/** The founding readout, as published, less the site's cookie notice (kept out of the project's copy). */
const SEED = path.join(DATA_DIR, 'readout-small-group.txt');

/** Publishes the seed readout on the seed meeting, as the record of an already cleared and published statement. */
export async function loadDemoReadout(db: Db, actor: Actor, meetingId: string, year: number): Promise<void> {
  const [title = '', ...paragraphs] = fs.readFileSync(SEED, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  await recordPublishedStatement(db, actor, meetingId, { year, title, bodyMarkdown: paragraphs.join('\n\n'), source: 'seed readout' });
}
