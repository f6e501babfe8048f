import { boolean, customType, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { meetings } from './meetings.ts';
import { partners } from './partners.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const readoutStatus = pgEnum('readout_status', ['draft', 'in-clearance', 'cleared', 'published', 'withdrawn']);
export const publishedClassification = pgEnum('published_classification', ['public', 'coalition']);
export const clearanceDecision = pgEnum('clearance_decision', ['cleared', 'returned']);

export const readouts = pgTable(
  'readouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    status: readoutStatus('status').notNull().default('draft'),
    /** Number of the latest version; the optimistic lock for edits. */
    currentVersion: integer('current_version').notNull().default(1),
    /** Number of the version the public reads, once published. */
    publishedVersion: integer('published_version'),
    /** The version first published: the public history starts there, drafts before it stay internal. */
    firstPublishedVersion: integer('first_published_version'),
    publishedAs: publishedClassification('published_as'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * A readout recorded here after it was cleared and published elsewhere (the seed, an ingested
     * statement): its page says so instead of listing clearances, and `publishedAt` is only when it
     * was recorded, never shown as its publication date.
     */
    clearedOutside: boolean('cleared_outside').notNull().default(false),
    /** The day it was published outside the platform, when the source gives it. */
    publishedOutsideOn: date('published_outside_on', { mode: 'string' }),
    year: integer('year').notNull(),
    slug: text('slug').notNull(),
    /** Title and body of the published version, for full-text search; 'simple' so Arabic is searchable too. */
    searchVector: tsvector('search_vector'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('readouts_year_slug_unique').on(table.year, table.slug),
    // Serves the public list (newest first) and its count without touching the wide rows.
    index('readouts_published_idx').on(table.status, table.publishedAs, table.publishedAt),
    // The desk lists readouts most recently changed first, a page at a time, without sorting them all.
    index('readouts_updated_idx').on(table.updatedAt.desc().nullsFirst(), table.id),
    index('readouts_search_idx').using('gin', table.searchVector),
  ],
);

export const readoutVersions = pgTable(
  'readout_versions',
  {
    readoutId: uuid('readout_id')
      .notNull()
      .references(() => readouts.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    /** Set on a version that corrects a published readout; shown, dated, in its history. */
    correctionNote: text('correction_note'),
    authorId: uuid('author_id').references(() => users.id),
    authorLabel: text('author_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.readoutId, table.number] })],
);

export const readoutClearances = pgTable(
  'readout_clearances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    readoutId: uuid('readout_id')
      .notNull()
      .references(() => readouts.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    /** The co-lead partner on whose behalf the co-chair decided. */
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    decision: clearanceDecision('decision').notNull(),
    comment: text('comment').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('readout_clearances_readout_idx').on(table.readoutId, table.versionNumber)],
);

/** Every slug a readout has had, so a renamed title keeps its old address working. */
export const readoutSlugs = pgTable(
  'readout_slugs',
  {
    year: integer('year').notNull(),
    slug: text('slug').notNull(),
    readoutId: uuid('readout_id')
      .notNull()
      .references(() => readouts.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.year, table.slug] })],
);

/**
 * A readout in another language than its original (English): one per language, the published text
 * translated. The public page offers the languages a readout has.
 */
export const readoutTranslations = pgTable(
  'readout_translations',
  {
    readoutId: uuid('readout_id')
      .notNull()
      .references(() => readouts.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    translatorId: uuid('translator_id').references(() => users.id),
    translatorLabel: text('translator_label').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.readoutId, table.locale] })],
);
