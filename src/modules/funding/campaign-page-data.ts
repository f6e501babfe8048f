import type { FigureCache } from '../../platform/figure-cache.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import type { TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import { partnerDirectory } from '../partners/partner-directory.ts';
import type { CampaignSummary, PartnerRow } from './campaign-summary.ts';
import { campaignSummary } from './campaigns.service.ts';
import { allContributions } from './contributions.service.ts';
import type { CampaignPageQuery } from './funding.schema.ts';
import { campaignTables } from './funding-tables.ts';

/** Orders the by-partner rows as the reader asked: by name, or by an amount (largest first by default). */
export function sortPartners(rows: PartnerRow[], query: Pick<CampaignPageQuery, 'sort' | 'dir'>, name: (id: string) => string, locale: Locale): PartnerRow[] {
  const sort = query.sort ?? 'pledge';
  const dir = query.dir ?? (sort === 'partner' ? 'asc' : 'desc');
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const order = sort === 'partner' ? name(a.key).localeCompare(name(b.key), locale) : sort === 'outstanding' ? a.outstanding.comparedTo(b.outstanding) : a.verified[sort].comparedTo(b.verified[sort]);
    return order * sign || name(a.key).localeCompare(name(b.key), locale);
  });
}

type PartnerDirectory = Awaited<ReturnType<typeof partnerDirectory>>;

/**
 * The campaign, its summary and every table of its page, as the reader may see them; `kept`: the process's
 * figure cache, for the theaters; `partners` and `theaters`, when the caller has them already.
 */
export async function campaignPageData(
  db: Db,
  actor: MaybeActor,
  t: Translate,
  locale: Locale,
  id: string,
  query: CampaignPageQuery,
  options: { contributions?: boolean; kept?: FigureCache; partners?: PartnerDirectory; theaters?: TheaterRow[] } = {},
) {
  const [{ campaign, summary }, partners, theaters] = await Promise.all([
    campaignSummary(db, actor, id),
    options.partners ?? partnerDirectory(db, actor, locale),
    options.theaters ?? listTheaters(db, options.kept),
  ]);
  const theaterNames = new Map(theaters.map((theater) => [theater.slug, theaterName(theater, locale)]));
  const sorted: CampaignSummary = { ...summary, partners: sortPartners(summary.partners, query, partners.name, locale) };
  const contributions = options.contributions ? await allContributions(db, actor, id) : [];
  const tables = campaignTables(t, campaign, sorted, { partner: partners.name, theater: (slug) => theaterNames.get(slug) ?? slug }, contributions);
  return { campaign, summary: sorted, tables, partners, theaters, contributions };
}
