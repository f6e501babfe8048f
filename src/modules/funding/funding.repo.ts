import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fundingCampaigns, fundingContributions, fundingFulfilments } from '../../db/schema/funding.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MaybeActor } from '../../platform/actor.ts';
import { cursorKeyOf, type KeysetRequest, keysetClause } from '../../platform/keyset.ts';
import { isSecretariat, visibleTo } from '../../platform/authz.ts';
import type { ContributionStatus, Stage } from './funding.schema.ts';

export type CampaignRow = typeof fundingCampaigns.$inferSelect;
export type NewCampaignRow = typeof fundingCampaigns.$inferInsert;
export type ContributionRow = typeof fundingContributions.$inferSelect;
export type NewContributionRow = typeof fundingContributions.$inferInsert;

/**
 * The figures an actor may read (rule 4, in the query): those of campaigns they may read, and of those
 * only verified figures — except the secretariat, which sees everything, and a delegate, who also sees
 * what their own partner reported. `figures` names the status and partner columns of the table read
 * (contributions, or the running totals); the campaign table must be joined.
 */
export function figuresVisibleTo(actor: MaybeActor, figures: { status: PgColumn; partnerId: PgColumn }): SQL | undefined {
  const campaignVisible = visibleTo(actor, fundingCampaigns);
  if (isSecretariat(actor)) return undefined;
  const readable = actor?.partnerId ? or(eq(figures.status, 'verified'), eq(figures.partnerId, actor.partnerId)) : eq(figures.status, 'verified');
  return and(campaignVisible, readable);
}

export const contributionsVisibleTo = (actor: MaybeActor) => figuresVisibleTo(actor, fundingContributions);

export async function listCampaigns(db: Db, actor: MaybeActor): Promise<CampaignRow[]> {
  return db.select().from(fundingCampaigns).where(visibleTo(actor, fundingCampaigns)).orderBy(desc(fundingCampaigns.startsOn), asc(fundingCampaigns.name));
}

/** These campaigns, when visible: what a list of contributions needs to name them, without any totals. */
export function campaignsWithIds(db: Db, actor: MaybeActor, ids: string[]): Promise<CampaignRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(fundingCampaigns).where(and(inArray(fundingCampaigns.id, ids), visibleTo(actor, fundingCampaigns)));
}

export async function findCampaign(db: Db, actor: MaybeActor, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(fundingCampaigns).where(and(eq(fundingCampaigns.id, id), visibleTo(actor, fundingCampaigns)));
  return row;
}

/** The earliest visible campaign starting on a day (a year's drive starts on 1 January). */
export async function findCampaignStartingOn(db: Db, actor: MaybeActor, startsOn: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(fundingCampaigns).where(and(eq(fundingCampaigns.startsOn, startsOn), visibleTo(actor, fundingCampaigns))).orderBy(asc(fundingCampaigns.createdAt)).limit(1);
  return row;
}

export async function insertCampaign(tx: Db, values: NewCampaignRow): Promise<CampaignRow> {
  const [row] = await tx.insert(fundingCampaigns).values(values).returning();
  return row as CampaignRow;
}

export function updateCampaign(tx: Db, id: string, version: number, values: Partial<NewCampaignRow>) {
  return updateVersioned(tx, fundingCampaigns, id, version, values);
}

export async function findContribution(db: Db, actor: MaybeActor, id: string): Promise<ContributionRow | undefined> {
  const [row] = await db
    .select({ contribution: fundingContributions })
    .from(fundingContributions)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, fundingContributions.campaignId))
    .where(and(eq(fundingContributions.id, id), contributionsVisibleTo(actor)));
  return row?.contribution;
}

export interface ContributionFilter extends KeysetRequest {
  stage?: Stage;
  status?: ContributionStatus;
  partnerId?: string;
  /** An offset page, still understood; `before`/`after` (keyset) cost the same however deep. */
  page?: number;
  pageSize?: number;
}

const CONTRIBUTION_KEYSET = { key: fundingContributions.contributedOn, id: fundingContributions.id };

function contributionFilters(actor: MaybeActor, campaignId: string, filter: ContributionFilter) {
  return and(
    eq(fundingContributions.campaignId, campaignId),
    contributionsVisibleTo(actor),
    filter.stage ? eq(fundingContributions.stage, filter.stage) : undefined,
    filter.status ? eq(fundingContributions.status, filter.status) : undefined,
    filter.partnerId ? eq(fundingContributions.partnerId, filter.partnerId) : undefined,
  );
}

/**
 * A page of a campaign's contributions, newest first, read by keyset on (date, id) through
 * `funding_contributions_campaign_day_idx`: one row more than the page says whether another follows.
 */
export async function findContributions(db: Db, actor: MaybeActor, campaignId: string, filter: ContributionFilter, limit: number): Promise<(ContributionRow & { cursorKey: string })[]> {
  const { where, orderBy } = keysetClause(CONTRIBUTION_KEYSET, filter);
  const found = await db
    .select({ contribution: fundingContributions, cursorKey: cursorKeyOf(CONTRIBUTION_KEYSET) })
    .from(fundingContributions)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, fundingContributions.campaignId))
    .where(and(contributionFilters(actor, campaignId, filter), where))
    .orderBy(...orderBy)
    .limit(limit)
    .offset(where || !filter.page ? 0 : (filter.page - 1) * (filter.pageSize ?? 50));
  return found.map((row) => ({ ...row.contribution, cursorKey: row.cursorKey }));
}

/** How many contributions match, counted no further than `upTo`. */
export async function countContributions(db: Db, actor: MaybeActor, campaignId: string, filter: ContributionFilter, upTo: number): Promise<number> {
  const matching = db
    .select({ id: fundingContributions.id })
    .from(fundingContributions)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, fundingContributions.campaignId))
    .where(contributionFilters(actor, campaignId, filter))
    .limit(upTo)
    .as('matching');
  const [counted] = await db.select({ n: count() }).from(matching);
  return counted?.n ?? 0;
}

/** Every contribution the actor may read in a campaign, for exports (bounded by the campaign, not paged). */
export async function allContributions(db: Db, actor: MaybeActor, campaignId: string): Promise<ContributionRow[]> {
  const rows = await db
    .select({ contribution: fundingContributions })
    .from(fundingContributions)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, fundingContributions.campaignId))
    .where(and(eq(fundingContributions.campaignId, campaignId), contributionsVisibleTo(actor)))
    .orderBy(asc(fundingContributions.contributedOn), asc(fundingContributions.id));
  return rows.map((row) => row.contribution);
}

/**
 * The next `limit` contributions of a campaign after `after` in the export's order (date, then id): a
 * keyset read, so each batch costs the same however far into a million rows it starts.
 */
export async function contributionsAfter(db: Db, actor: MaybeActor, campaignId: string, after: Pick<ContributionRow, 'contributedOn' | 'id'> | undefined, limit: number): Promise<ContributionRow[]> {
  const rows = await db
    .select({ contribution: fundingContributions })
    .from(fundingContributions)
    .innerJoin(fundingCampaigns, eq(fundingCampaigns.id, fundingContributions.campaignId))
    .where(
      and(
        eq(fundingContributions.campaignId, campaignId),
        contributionsVisibleTo(actor),
        after ? sql`(${fundingContributions.contributedOn}, ${fundingContributions.id}) > (${after.contributedOn}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(fundingContributions.contributedOn), asc(fundingContributions.id))
    .limit(limit);
  return rows.map((row) => row.contribution);
}

/** Contributions waiting for the secretariat, oldest first. */
export async function awaitingVerification(db: Db, limit: number): Promise<ContributionRow[]> {
  return db.select().from(fundingContributions).where(eq(fundingContributions.status, 'reported')).orderBy(asc(fundingContributions.createdAt)).limit(limit);
}

/** How many contributions await review, counted no further than `upTo` through the awaiting index alone. */
export async function countAwaitingUpTo(db: Db, upTo: number): Promise<number> {
  const waiting = db.select({ id: fundingContributions.id }).from(fundingContributions).where(eq(fundingContributions.status, 'reported')).limit(upTo).as('waiting');
  const [counted] = await db.select({ n: count() }).from(waiting);
  return counted?.n ?? 0;
}

export async function insertContribution(tx: Db, values: NewContributionRow): Promise<ContributionRow> {
  const [row] = await tx.insert(fundingContributions).values(values).returning();
  return row as ContributionRow;
}

export function updateContribution(tx: Db, id: string, version: number, values: Partial<NewContributionRow>) {
  return updateVersioned(tx, fundingContributions, id, version, values);
}

/**
 * What remains of each contribution once the live (not rejected) contributions that fulfil it have
 * taken their share; `exceptFulfilling` leaves out one contribution's own links, for corrections.
 */
export async function remainingOf(db: Db, ids: string[], exceptFulfilling?: string): Promise<Map<string, { row: ContributionRow; taken: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(fundingContributions).where(inArray(fundingContributions.id, ids));
  const fulfilling = sql`(select id from ${fundingContributions} where status <> 'rejected')`;
  const taken = await db
    .select({ fulfilledId: fundingFulfilments.fulfilledId, taken: sql<string>`sum(${fundingFulfilments.amount})` })
    .from(fundingFulfilments)
    .where(
      and(
        inArray(fundingFulfilments.fulfilledId, ids),
        sql`${fundingFulfilments.fulfillingId} in ${fulfilling}`,
        exceptFulfilling ? ne(fundingFulfilments.fulfillingId, exceptFulfilling) : undefined,
      ),
    )
    .groupBy(fundingFulfilments.fulfilledId);
  const takenById = new Map(taken.map((row) => [row.fulfilledId, row.taken]));
  return new Map(rows.map((row) => [row.id, { row, taken: takenById.get(row.id) ?? '0' }]));
}

export async function replaceFulfilments(tx: Db, campaignId: string, fulfillingId: string, links: { fulfilledId: string; amount: string }[]): Promise<void> {
  await tx.delete(fundingFulfilments).where(eq(fundingFulfilments.fulfillingId, fulfillingId));
  if (links.length) await tx.insert(fundingFulfilments).values(links.map((link) => ({ campaignId, fulfillingId, ...link })));
}

export function fulfilmentsOf(db: Db, contributionId: string) {
  return db
    .select({ fulfillingId: fundingFulfilments.fulfillingId, fulfilledId: fundingFulfilments.fulfilledId, amount: fundingFulfilments.amount })
    .from(fundingFulfilments)
    .where(or(eq(fundingFulfilments.fulfillingId, contributionId), eq(fundingFulfilments.fulfilledId, contributionId)));
}

/** The live contributions of a partner in a campaign at one stage: what a new contribution may fulfil. */
export function openContributionsOf(db: Db, campaignId: string, partnerId: string, stage: Stage) {
  return db
    .select()
    .from(fundingContributions)
    .where(and(eq(fundingContributions.campaignId, campaignId), eq(fundingContributions.partnerId, partnerId), eq(fundingContributions.stage, stage), ne(fundingContributions.status, 'rejected')))
    .orderBy(asc(fundingContributions.contributedOn));
}

/**
 * Inserts many contributions in one statement: each column travels as one array parameter and UNNEST
 * turns the arrays back into rows, so a thousand-row batch costs one round trip and a fixed number of
 * parameters (the bulk importer's hot path).
 */
export async function insertContributions(tx: Db, rows: NewContributionRow[]): Promise<void> {
  const column = (pick: (row: NewContributionRow) => unknown) => sql.param(rows.map((row) => pick(row) ?? null));
  await tx.execute(sql`
    insert into funding_contributions (campaign_id, partner_id, stage, amount, currency, rate_to_campaign, rate_date,
      amount_in_campaign_currency, channel, theater_slug, contributed_on, source, illustrative, status, reported_by, reviewed_by, reviewed_at)
    select * from unnest(
      ${column((r) => r.campaignId)}::uuid[], ${column((r) => r.partnerId)}::uuid[], ${column((r) => r.stage)}::contribution_stage[],
      ${column((r) => r.amount)}::numeric[], ${column((r) => r.currency)}::text[], ${column((r) => r.rateToCampaign)}::numeric[],
      ${column((r) => r.rateDate)}::date[], ${column((r) => r.amountInCampaignCurrency)}::numeric[], ${column((r) => r.channel)}::text[],
      ${column((r) => r.theaterSlug)}::text[], ${column((r) => r.contributedOn)}::date[], ${column((r) => r.source)}::text[],
      ${column((r) => r.illustrative ?? false)}::boolean[], ${column((r) => r.status ?? 'reported')}::contribution_status[],
      ${column((r) => r.reportedBy)}::uuid[], ${column((r) => r.reviewedBy)}::uuid[], ${column((r) => r.reviewedAt?.toISOString())}::timestamptz[])`);
}
