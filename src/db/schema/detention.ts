import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { classification } from './common.ts';
import { users } from './identity.ts';
import { partners } from './partners.ts';

/**
 * Aggregate figures only: sites, head counts and repatriation counts. The platform never holds an
 * individual detainee's identity.
 */
export const siteKind = pgEnum('detention_site_kind', ['detention-facility', 'displaced-persons-camp']);
export const figureStatus = pgEnum('detention_figure_status', ['reported', 'verified']);
export const breakdownDimension = pgEnum('breakdown_dimension', ['nationality', 'category']);

/** Columns every detention record shares: restricted by default (to the FTF working group), versioned. */
const detentionRecordColumns = () => ({
  classification: classification('classification').notNull().default('restricted'),
  restrictedGroupIds: uuid('restricted_group_ids').array().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const detentionSites = pgTable('detention_sites', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** French and Arabic where known; null shows the English, marked lang="en" (platform/translated-text.ts). */
  nameFr: text('name_fr'),
  nameAr: text('name_ar'),
  kind: siteKind('kind').notNull(),
  region: text('region').notNull().default(''),
  regionFr: text('region_fr'),
  regionAr: text('region_ar'),
  countryIso3: text('country_iso3'),
  latitude: numeric('latitude', { precision: 9, scale: 6 }),
  longitude: numeric('longitude', { precision: 9, scale: 6 }),
  operator: text('operator').notNull().default(''),
  /** ISO 8601 at the precision the source gives. */
  knownFrom: text('known_from'),
  knownTo: text('known_to'),
  source: text('source').notNull().default(''),
  ...detentionRecordColumns(),
});

/**
 * A site's population on a date, as one source gives it. A correction writes a new snapshot that
 * replaces this one (with a reason); the replaced one is kept, so the history of a figure survives.
 */
export const populationSnapshots = pgTable(
  'population_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => detentionSites.id),
    /** YYYY, YYYY-MM or YYYY-MM-DD: the precision the source gives. */
    asOf: text('as_of').notNull(),
    /** The first day of `asOf`, for ordering and charts. */
    asOfDay: date('as_of_day').notNull(),
    /** Null where the source gives no head count (e.g. families only). */
    total: integer('total'),
    /** The breakdown covers only part of the total; shown as such. */
    partial: boolean('partial').notNull().default(false),
    /** What the source says beyond the numbers ("more than 74,000; 90% women and children"). */
    note: text('note').notNull().default(''),
    source: text('source').notNull(),
    confidence: text('confidence'),
    reportedBy: uuid('reported_by').references(() => users.id),
    replacesId: uuid('replaces_id'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    replacementReason: text('replacement_reason'),
    ...detentionRecordColumns(),
  },
  (table) => [
    // One current figure per site and date; replaced ones stay beside it.
    uniqueIndex('population_snapshots_current_unique').on(table.siteId, table.asOf).where(sql`replaced_at is null`),
    index('population_snapshots_site_idx').on(table.siteId, table.asOfDay),
  ],
);

/** Part of a snapshot: a nationality (ISO alpha-3, `unknown`, `third-countries`) or a category. */
export const snapshotBreakdowns = pgTable(
  'snapshot_breakdowns',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => populationSnapshots.id, { onDelete: 'cascade' }),
    dimension: breakdownDimension('dimension').notNull(),
    key: text('key').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [uniqueIndex('snapshot_breakdowns_unique').on(table.snapshotId, table.dimension, table.key)],
);

export const repatriations = pgTable(
  'repatriations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The receiving state; null for figures the source gives for several states together. */
    receivingIso3: text('receiving_iso3'),
    /** The partner record of the receiving state, when it is a Coalition partner (binds its delegate). */
    partnerId: uuid('partner_id').references(() => partners.id),
    /** A date or a period ("2019-01/2019-06"), at the precision the source gives, or its words ("unknown"). */
    period: text('period').notNull(),
    /** The first day the period names; null when the source gives no date. Repatriations are counted by its year. */
    periodStart: date('period_start'),
    /** A running total that includes other rows (e.g. "cumulative 2019-2021"): listed, never added to yearly sums. */
    cumulative: boolean('cumulative').notNull().default(false),
    siteId: uuid('site_id').references(() => detentionSites.id),
    people: integer('people'),
    men: integer('men'),
    women: integer('women'),
    children: integer('children'),
    note: text('note').notNull().default(''),
    source: text('source').notNull(),
    confidence: text('confidence'),
    status: figureStatus('status').notNull().default('reported'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Why the figure last changed; the audit trail keeps every earlier reason and value. */
    correctionReason: text('correction_reason'),
    ...detentionRecordColumns(),
  },
  (table) => [index('repatriations_receiving_idx').on(table.receivingIso3, table.periodStart)],
);
