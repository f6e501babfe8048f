import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { csvChunks, EXPORT_BATCH_SIZE, keysetBatches } from '../../platform/csv-stream.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import { partnerDirectory } from '../partners/partner-directory.ts';
import { getCampaign } from './campaigns.service.ts';
import * as repo from './funding.repo.ts';
import { contributionCells, contributionColumns } from './funding-tables.ts';

/**
 * A campaign's contributions as CSV, the same columns and cells as the page's contributions table, read
 * `batchSize` at a time by keyset and handed on as read: a million contributions never sit in memory
 * together (issue 20). The campaign is checked before the first byte, so a refusal is a proper error page.
 */
export async function contributionsCsv(db: Db, actor: MaybeActor, t: Translate, locale: Locale, campaignId: string, batchSize = EXPORT_BATCH_SIZE): Promise<AsyncGenerator<string>> {
  authorize(actor, 'funding.read');
  const [campaign, partners, theaters] = await Promise.all([getCampaign(db, actor, campaignId), partnerDirectory(db, actor, locale), listTheaters(db)]);
  const theaterNames = new Map(theaters.map((theater) => [theater.slug, theaterName(theater, locale)]));
  const cells = contributionCells(t, campaign.currency, { partner: partners.name, theater: (slug) => theaterNames.get(slug) ?? slug });
  const batches = keysetBatches<repo.ContributionRow>((last) => repo.contributionsAfter(db, actor, campaign.id, last, batchSize), batchSize);
  // Money as its exact rounded decimal, as the table's CSV has it.
  return csvChunks(contributionColumns(t, campaign.currency), batches, (row) => cells(row).map((cell) => (typeof cell === 'string' ? cell : cell.money)));
}
