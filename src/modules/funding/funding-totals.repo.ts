import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { deferDerivedTables, resumeDerivedTables } from '../../db/derived-tables.ts';
import { fundingCampaigns, fundingContributions, fundingFulfilments, fundingTotals } from '../../db/schema/funding.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { figuresVisibleTo } from './funding.repo.ts';
import type { ContributionStatus, Stage } from './funding.schema.ts';
import { exact } from './money.ts';

/** Which breakdown a grouped row belongs to: the value `grouping(partner, theater, channel, month)` gives each set. */
export const BREAKDOWN = { total: 15, partner: 7, theater: 11, channel: 13, month: 14 } as const;

export interface GroupedTotal {
  breakdown: number;
  stage: Stage;
  status: ContributionStatus;
  partnerId: string | null;
  theaterSlug: string | null;
  channel: string | null;
  month: string | null;
  amount: string;
  count: number;
  illustrative: boolean;
}

/** Public pages show sourced figures only: demo rows no source gives are for signed-in readers. */
export interface SourcedOnly {
  sourcedOnly?: boolean;
}

/**
 * A running-total row holding any illustrative contribution is left out whole: the public may see
 * less than the sum of sourced figures in that rare mixed row, but never an invented one.
 */
function sourcedOnlyCondition(options: SourcedOnly) {
  return options.sourcedOnly ? eq(fundingTotals.illustrativeContributions, 0) : undefined;
}

/**
 * Every total the campaign page shows, in one pass over the campaign's running totals (GROUPING SETS):
 * by stage and status, and by partner, theater, channel and month within each. The running totals are
 * kept by triggers (migration 0006), so this reads a few thousand rows however many contributions there
 * are. Sums are PostgreSQL numeric, exact.
 */
export async function groupedTotals(db: Db, actor: MaybeActor, campaignId: string, options: SourcedOnly = {}): Promise<GroupedTotal[]> {
  const t = fundingTotals;
  const rows = await db
    .select({
      breakdown: sql<number>`grouping(${t.partnerId}, ${t.theaterSlug}, ${t.channel}, ${t.month})`.mapWith(Number),
      stage: t.stage,
      status: t.status,
      partnerId: t.partnerId,
      theaterSlug: t.theaterSlug,
      channel: t.channel,
      month: t.month,
      amount: sql<string>`sum(${t.amount})::text`,
      count: sql<number>`sum(${t.contributions})`.mapWith(Number),
      illustrative: sql<boolean>`sum(${t.illustrativeContributions}) > 0`,
    })
    .from(t)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, t.campaignId))
    .where(and(eq(t.campaignId, campaignId), ne(t.status, 'rejected'), sql`${t.contributions} <> 0`, figuresVisibleTo(actor, t), sourcedOnlyCondition(options)))
    .groupBy(
      sql`grouping sets ((${t.stage}, ${t.status}), (${t.stage}, ${t.status}, ${t.partnerId}), (${t.stage}, ${t.status}, ${t.theaterSlug}), (${t.stage}, ${t.status}, ${t.channel}), (${t.stage}, ${t.status}, ${t.month}))`,
    );
  return rows as GroupedTotal[];
}

/**
 * How much of each partner's verified pledges verified commitments have fulfilled: pledged minus this is
 * what is pledged but not yet committed.
 */
export async function fulfilledPledgesByPartner(db: Db, campaignId: string): Promise<Map<string, string>> {
  const pledge = alias(fundingContributions, 'pledge');
  const commitment = alias(fundingContributions, 'commitment');
  const rows = await db
    .select({ partnerId: pledge.partnerId, amount: sql<string>`sum(${fundingFulfilments.amount})::text` })
    .from(fundingFulfilments)
    .innerJoin(pledge, eq(pledge.id, fundingFulfilments.fulfilledId))
    .innerJoin(commitment, eq(commitment.id, fundingFulfilments.fulfillingId))
    // Driven by the campaign's links (indexed), not by its pledges, which may be tens of thousands.
    .where(and(eq(fundingFulfilments.campaignId, campaignId), eq(pledge.stage, 'pledge'), eq(pledge.status, 'verified'), eq(commitment.status, 'verified')))
    .groupBy(pledge.partnerId);
  return new Map(rows.map((row) => [row.partnerId, row.amount]));
}

/** Verified totals of every campaign by stage: the campaign list and the year-on-year comparison. */
export async function verifiedTotalsByCampaign(db: Db, actor: MaybeActor, partnerId?: string, options: SourcedOnly = {}) {
  const t = fundingTotals;
  return db
    .select({ campaignId: t.campaignId, stage: t.stage, amount: sql<string>`sum(${t.amount})::text`, illustrative: sql<boolean>`sum(${t.illustrativeContributions}) > 0` })
    .from(t)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, t.campaignId))
    .where(and(eq(t.status, 'verified'), sql`${t.contributions} <> 0`, figuresVisibleTo(actor, t), partnerId ? eq(t.partnerId, partnerId) : undefined, sourcedOnlyCondition(options)))
    .groupBy(t.campaignId, t.stage);
}

/**
 * Verified pledges not yet fulfilled by verified commitments, by campaign and partner, largest first:
 * pledged from the running totals, minus what the links say commitments fulfilled.
 */
export async function outstandingPledges(db: Db, actor: MaybeActor) {
  const t = fundingTotals;
  const pledge = alias(fundingContributions, 'pledge');
  const commitment = alias(fundingContributions, 'commitment');
  const [pledged, fulfilled] = await Promise.all([
    db
      .select({ campaignId: t.campaignId, partnerId: t.partnerId, amount: sql<string>`sum(${t.amount})::text` })
      .from(t)
      .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, t.campaignId))
      .where(and(eq(t.stage, 'pledge'), eq(t.status, 'verified'), sql`${t.contributions} <> 0`, figuresVisibleTo(actor, t)))
      .groupBy(t.campaignId, t.partnerId),
    db
      .select({ campaignId: fundingFulfilments.campaignId, partnerId: pledge.partnerId, amount: sql<string>`sum(${fundingFulfilments.amount})::text` })
      .from(fundingFulfilments)
      .innerJoin(pledge, eq(pledge.id, fundingFulfilments.fulfilledId))
      .innerJoin(commitment, eq(commitment.id, fundingFulfilments.fulfillingId))
      .where(and(eq(pledge.stage, 'pledge'), eq(pledge.status, 'verified'), eq(commitment.status, 'verified')))
      .groupBy(fundingFulfilments.campaignId, pledge.partnerId),
  ]);
  const fulfilledBy = new Map(fulfilled.map((row) => [`${row.campaignId}/${row.partnerId}`, row.amount]));
  return pledged
    .map((row) => ({ ...row, pledged: row.amount, outstanding: exact(row.amount).minus(fulfilledBy.get(`${row.campaignId}/${row.partnerId}`) ?? 0) }))
    .filter((row) => row.outstanding.greaterThan(0))
    .sort((a, b) => b.outstanding.comparedTo(a.outstanding))
    .map(({ campaignId, partnerId, pledged: total, outstanding }) => ({ campaignId, partnerId, pledged: total, outstanding: outstanding.toFixed() }));
}

/**
 * For a bulk import: the running-total triggers skip this transaction's writes (see migration 0006),
 * and `recomputeTotals` rebuilds the touched campaigns' totals once, set-based, before it commits.
 */
export async function deferTotals(tx: Db): Promise<void> {
  await deferDerivedTables(tx, ['fundingTotals']);
}

export async function recomputeTotals(tx: Db, campaignIds: string[]): Promise<void> {
  if (!campaignIds.length) return;
  await resumeDerivedTables(tx, ['fundingTotals']);
  await tx.delete(fundingTotals).where(inArray(fundingTotals.campaignId, campaignIds));
  await tx.execute(sql`
    insert into funding_totals (campaign_id, partner_id, stage, status, theater_slug, channel, month, amount, contributions, illustrative_contributions)
    select campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM'),
           sum(amount_in_campaign_currency), count(*), count(*) filter (where illustrative)
    from funding_contributions
    where campaign_id in ${campaignIds}
    group by campaign_id, partner_id, stage, status, theater_slug, channel, to_char(contributed_on, 'YYYY-MM')`);
}

/** After a large import the planner's statistics describe a much smaller table; refresh them before the first page reads it. */
export async function refreshStatistics(tx: Db): Promise<void> {
  await tx.execute(sql`analyze funding_contributions`);
  await tx.execute(sql`analyze funding_totals`);
}

/** How many contributions wait for the secretariat, from the running totals (no scan of the contributions). */
export async function countAwaitingVerification(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${fundingTotals.contributions}), 0)`.mapWith(Number) }).from(fundingTotals).where(eq(fundingTotals.status, 'reported'));
  return row?.n ?? 0;
}
