import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { classifiedRecordColumns } from './common.ts';
import { users } from './identity.ts';
import { partners } from './partners.ts';

/** Pledge (non-binding), commitment (signed agreement), disbursement (money transferred): IATI types 12, 2, 3. */
export const contributionStage = pgEnum('contribution_stage', ['pledge', 'commitment', 'disbursement']);
/** A delegate's report counts in the headline only once the secretariat has verified it. */
export const contributionStatus = pgEnum('contribution_status', ['reported', 'verified', 'rejected']);

/**
 * Reference rates as the European Central Bank publishes them: units of `currency` per one euro.
 * Any pair converts through the euro, so one table serves every campaign currency.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    currency: text('currency').notNull(),
    rateDate: date('rate_date').notNull(),
    unitsPerEur: numeric('units_per_eur', { precision: 30, scale: 12 }).notNull(),
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.currency, table.rateDate] })],
);

export const fundingCampaigns = pgTable('funding_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** French and Arabic where known; null shows the English, marked lang="en" (platform/translated-text.ts). */
  nameFr: text('name_fr'),
  nameAr: text('name_ar'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  /** Null where the source gives a total but no goal. */
  goalAmount: numeric('goal_amount', { precision: 28, scale: 4 }),
  /** The campaign currency: every contribution is converted to it. */
  currency: text('currency').notNull(),
  /** Sources often say "more than": the goal is then a lower bound. */
  goalIsLowerBound: boolean('goal_is_lower_bound').notNull().default(false),
  theaterSlugs: text('theater_slugs').array().notNull().default([]),
  channels: text('channels').array().notNull().default([]),
  /** A total the sources state, kept beside the per-partner figures (rule 6), e.g. "more than $600 million pledged". */
  statedPledged: numeric('stated_pledged', { precision: 28, scale: 4 }),
  statedPledgedIsLowerBound: boolean('stated_pledged_is_lower_bound').notNull().default(false),
  notes: text('notes').notNull().default(''),
  source: text('source').notNull().default(''),
  asOf: text('as_of'),
  confidence: text('confidence'),
  ...classifiedRecordColumns(),
});

/** Contributions inherit their campaign's classification: whoever may read the campaign reads its money. */
export const fundingContributions = pgTable(
  'funding_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => fundingCampaigns.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    stage: contributionStage('stage').notNull(),
    /** Exact, in the currency it was given in. */
    amount: numeric('amount', { precision: 28, scale: 4 }).notNull(),
    currency: text('currency').notNull(),
    /** Campaign-currency units per unit of `currency`, from the reference rates of `rateDate`. */
    rateToCampaign: numeric('rate_to_campaign', { precision: 30, scale: 12 }).notNull(),
    rateDate: date('rate_date').notNull(),
    /** amount × rateToCampaign, exact: rounding happens once, when a figure is shown. */
    amountInCampaignCurrency: numeric('amount_in_campaign_currency', { precision: 44, scale: 16 }).notNull(),
    channel: text('channel'),
    theaterSlug: text('theater_slug'),
    contributedOn: date('contributed_on').notNull(),
    source: text('source').notNull().default(''),
    /** Figures no source gives (demo data) carry this mark wherever they are shown. */
    illustrative: boolean('illustrative').notNull().default(false),
    status: contributionStatus('status').notNull().default('reported'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note').notNull().default(''),
    version: classifiedRecordColumns().version,
    createdAt: classifiedRecordColumns().createdAt,
    updatedAt: classifiedRecordColumns().updatedAt,
  },
  (table) => [
    index('funding_contributions_campaign_idx').on(table.campaignId, table.status, table.stage),
    index('funding_contributions_partner_idx').on(table.partnerId),
    // A campaign's contributions page by keyset on (date, id), newest first, however many it has.
    index('funding_contributions_campaign_day_idx').on(table.campaignId, table.contributedOn, table.id),
    // The secretariat's review queue and its count: the few reported rows among a million verified ones.
    index('funding_contributions_awaiting_idx').on(table.createdAt).where(sql`${table.status} = 'reported'`),
  ],
);

/**
 * A commitment fulfils pledges and a disbursement fulfils commitments, for `amount` of the campaign
 * currency each, so money that moves from one stage to the next is never counted twice as outstanding.
 */
export const fundingFulfilments = pgTable(
  'funding_fulfilments',
  {
    fulfillingId: uuid('fulfilling_id')
      .notNull()
      .references(() => fundingContributions.id, { onDelete: 'cascade' }),
    fulfilledId: uuid('fulfilled_id')
      .notNull()
      .references(() => fundingContributions.id, { onDelete: 'cascade' }),
    amount: numeric('amount', { precision: 44, scale: 16 }).notNull(),
    /** Both sides belong to this campaign; kept here so a campaign's links are found without touching its contributions. */
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => fundingCampaigns.id),
  },
  (table) => [
    primaryKey({ columns: [table.fulfillingId, table.fulfilledId] }),
    index('funding_fulfilments_fulfilled_idx').on(table.fulfilledId),
    index('funding_fulfilments_campaign_idx').on(table.campaignId),
  ],
);

/**
 * Running sums of contributions by campaign, partner, stage, status, theater, channel and month, kept
 * by statement-level triggers on funding_contributions (migration 0006) in the same transaction as
 * every write. The campaign page reads these few thousand rows instead of summing a million.
 */
export const fundingTotals = pgTable(
  'funding_totals',
  {
    campaignId: uuid('campaign_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    stage: contributionStage('stage').notNull(),
    status: contributionStatus('status').notNull(),
    theaterSlug: text('theater_slug'),
    channel: text('channel'),
    /** YYYY-MM of the contribution's date. */
    month: text('month').notNull(),
    amount: numeric('amount', { precision: 50, scale: 16 }).notNull(),
    contributions: integer('contributions').notNull(),
    illustrativeContributions: integer('illustrative_contributions').notNull(),
  },
  (table) => [
    unique('funding_totals_key').on(table.campaignId, table.partnerId, table.stage, table.status, table.theaterSlug, table.channel, table.month).nullsNotDistinct(),
    // The overview and the count of reported contributions read the totals of one status.
    index('funding_totals_status_idx').on(table.status, table.campaignId),
  ],
);
