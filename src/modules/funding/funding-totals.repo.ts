import { and, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { fundingCampaigns, fundingContributions, fundingFulfilments } from '../../db/schema/funding.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { contributionsVisibleTo } from './funding.repo.ts';
import type { ContributionStatus, Stage } from './funding.schema.ts';

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

const month = sql<string | null>`to_char(${fundingContributions.contributedOn}, 'YYYY-MM')`;

/**
 * Every total the campaign page shows, in one pass over the campaign's contributions (GROUPING SETS):
 * by stage and status, and by partner, theater, channel and month within each. Sums are PostgreSQL
 * numeric, exact.
 */
export async function groupedTotals(db: Db, actor: MaybeActor, campaignId: string): Promise<GroupedTotal[]> {
  const c = fundingContributions;
  const rows = await db
    .select({
      breakdown: sql<number>`grouping(${c.partnerId}, ${c.theaterSlug}, ${c.channel}, ${month})`.mapWith(Number),
      stage: c.stage,
      status: c.status,
      partnerId: c.partnerId,
      theaterSlug: c.theaterSlug,
      channel: c.channel,
      month,
      amount: sql<string>`sum(${c.amountInCampaignCurrency})::text`,
      count: sql<number>`count(*)`.mapWith(Number),
      illustrative: sql<boolean>`bool_or(${c.illustrative})`,
    })
    .from(c)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, c.campaignId))
    .where(and(eq(c.campaignId, campaignId), ne(c.status, 'rejected'), contributionsVisibleTo(actor)))
    .groupBy(
      sql`grouping sets ((${c.stage}, ${c.status}), (${c.stage}, ${c.status}, ${c.partnerId}), (${c.stage}, ${c.status}, ${c.theaterSlug}), (${c.stage}, ${c.status}, ${c.channel}), (${c.stage}, ${c.status}, ${month}))`,
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
    .where(and(eq(pledge.campaignId, campaignId), eq(pledge.stage, 'pledge'), eq(pledge.status, 'verified'), eq(commitment.status, 'verified')))
    .groupBy(pledge.partnerId);
  return new Map(rows.map((row) => [row.partnerId, row.amount]));
}

/** Verified totals of every campaign by stage: the campaign list and the year-on-year comparison. */
export async function verifiedTotalsByCampaign(db: Db, actor: MaybeActor, partnerId?: string) {
  const c = fundingContributions;
  return db
    .select({ campaignId: c.campaignId, stage: c.stage, amount: sql<string>`sum(${c.amountInCampaignCurrency})::text`, illustrative: sql<boolean>`bool_or(${c.illustrative})` })
    .from(c)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, c.campaignId))
    .where(and(eq(c.status, 'verified'), contributionsVisibleTo(actor), partnerId ? eq(c.partnerId, partnerId) : undefined))
    .groupBy(c.campaignId, c.stage);
}

/** Verified pledges not yet fulfilled by verified commitments, by campaign and partner, largest first. */
export async function outstandingPledges(db: Db, actor: MaybeActor) {
  const pledge = fundingContributions;
  const commitment = alias(fundingContributions, 'commitment');
  const fulfilled = db
    .select({ fulfilledId: fundingFulfilments.fulfilledId, amount: sql<string>`sum(${fundingFulfilments.amount})`.as('fulfilled_amount') })
    .from(fundingFulfilments)
    .innerJoin(commitment, and(eq(commitment.id, fundingFulfilments.fulfillingId), eq(commitment.status, 'verified')))
    .groupBy(fundingFulfilments.fulfilledId)
    .as('fulfilled');
  const outstanding = sql<string>`sum(${pledge.amountInCampaignCurrency} - coalesce(${fulfilled.amount}, 0))`;
  return db
    .select({ campaignId: pledge.campaignId, partnerId: pledge.partnerId, pledged: sql<string>`sum(${pledge.amountInCampaignCurrency})::text`, outstanding: sql<string>`${outstanding}::text` })
    .from(pledge)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, pledge.campaignId))
    .leftJoin(fulfilled, eq(fulfilled.fulfilledId, pledge.id))
    .where(and(eq(pledge.stage, 'pledge'), eq(pledge.status, 'verified'), contributionsVisibleTo(actor)))
    .groupBy(pledge.campaignId, pledge.partnerId)
    .having(sql`${outstanding} > 0`)
    .orderBy(sql`${outstanding} desc`);
}
