import { date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { classifiedRecordColumns } from './common.ts';

/** How an attack's authorship stands: claimed by the branch, attributed by authorities, or suspected. */
export const attribution = pgEnum('incident_attribution', ['claimed', 'attributed', 'suspected']);

/** ISIS core and its branches and affiliates, with the names they go by. */
export const branches = pgTable('branches', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  /** French and Arabic where known; null shows the English, marked lang="en" (platform/translated-text.ts). */
  nameFr: text('name_fr'),
  nameAr: text('name_ar'),
  shortName: text('short_name').notNull(),
  aliases: text('aliases').array().notNull().default([]),
  /** The region as the source words it ("Afghanistan; Pakistan; Central Asia"). */
  region: text('region').notNull(),
  regionFr: text('region_fr'),
  regionAr: text('region_ar'),
  /** ISO alpha-3 codes of the countries named in the region. */
  countryIso3s: text('country_iso3s').array().notNull().default([]),
  source: text('source').notNull().default(''),
  confidence: text('confidence'),
});

export interface IncidentSource {
  title: string;
  publisher: string;
  url: string | null;
  date: string | null;
}

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredOn: date('occurred_on').notNull(),
    /** HH:mm local time, when known, in `timeZone`. */
    localTime: text('local_time'),
    timeZone: text('time_zone'),
    city: text('city').notNull().default(''),
    place: text('place').notNull().default(''),
    placeFr: text('place_fr'),
    placeAr: text('place_ar'),
    countryIso3: text('country_iso3').notNull(),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    branchSlug: text('branch_slug')
      .notNull()
      .references(() => branches.slug),
    /** The theater (region) it happened in, from the platform's list: Africa takes in its regions. */
    theaterSlug: text('theater_slug'),
    attribution: attribution('attribution').notNull(),
    /** Casualties as sources give them: exact (low = high), a range, or "at least" (high null). */
    killedLow: integer('killed_low'),
    killedHigh: integer('killed_high'),
    injuredLow: integer('injured_low'),
    injuredHigh: integer('injured_high'),
    targets: text('targets').notNull().default(''),
    description: text('description').notNull().default(''),
    sources: jsonb('sources').$type<IncidentSource[]>().notNull().default([]),
    /** The ingested document and characters it was read from, in the same words as other records' source; empty when entered by hand. */
    provenance: text('provenance').notNull().default(''),
    ...classifiedRecordColumns(),
  },
  // Incidents page by keyset on (day, id), newest first: all of them, or one branch's.
  (table) => [index('incidents_branch_day_idx').on(table.branchSlug, table.occurredOn, table.id), index('incidents_day_idx').on(table.occurredOn, table.id)],
);
