import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readoutVersions, readouts } from '../schema/readouts.ts';
import { indexForSearch, rememberSlug } from '../../modules/readouts/readouts.repo.ts';
import { slugify } from '../../modules/readouts/slug.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Db } from '../client.ts';

/** The founding readout, as published, less the site's cookie notice (kept out of the project's copy). */
const SEED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'readout-small-group.txt');

/** Publishes the seed readout on the seed meeting, as the record of an already cleared and published statement. */
export async function loadDemoReadout(db: Db, actor: Actor, meetingId: string, year: number): Promise<void> {
  const [title = '', ...paragraphs] = fs.readFileSync(SEED, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const slug = slugify(title);
  const [readout] = await db
    .insert(readouts)
    // Cleared and published outside the platform, on a day the source does not give: none is invented.
    .values({ meetingId, year, slug, status: 'published', publishedAs: 'public', publishedVersion: 1, firstPublishedVersion: 1, publishedAt: new Date(), clearedOutside: true, publishedOutsideOn: null, currentVersion: 1 })
    .returning();
  if (!readout) throw new Error('demo readout insert returned nothing');
  await rememberSlug(db, year, slug, readout.id);
  await db.insert(readoutVersions).values({ readoutId: readout.id, number: 1, title, bodyMarkdown: paragraphs.join('\n\n'), authorLabel: actor.label });
  await indexForSearch(db, readout.id);
  await appendAudit(db, actor, { action: 'readout.published', entityType: 'readout', entityId: readout.id, detail: { as: 'public', version: 1, source: 'seed readout' } });
}
