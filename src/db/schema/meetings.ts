import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { classifiedRecordColumns } from './common.ts';
import { users } from './identity.ts';
import { groups, partners, people } from './partners.ts';

export const meetingFormat = pgEnum('meeting_format', [
  'small-group-political-directors',
  'small-group-ministers',
  'ministerial',
  'working-group',
  'focus-group',
  'other',
]);
/** `unknown` keeps faith with sources that do not say how a meeting was held. */
export const meetingSetting = pgEnum('meeting_setting', ['virtual', 'in-person', 'hybrid', 'unknown']);
/** How much of the start the source gives: some readouts name only the year. */
export const datePrecision = pgEnum('date_precision', ['minute', 'day', 'month', 'year']);
export const participantRole = pgEnum('participant_role', ['host', 'chair', 'briefer', 'member', 'observer']);

/** The theaters an agenda item can be about: a maintained list the secretariat extends. */
export const theaters = pgTable('theaters', {
  slug: text('slug').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  nameAr: text('name_ar').notNull(),
  /** Africa's regions belong to Africa, so a filter on Africa finds them too. */
  parentSlug: text('parent_slug'),
  position: integer('position').notNull().default(0),
});

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** French and Arabic where known; null shows the English, marked lang="en" (platform/translated-text.ts). */
    titleFr: text('title_fr'),
    titleAr: text('title_ar'),
    format: meetingFormat('format').notNull(),
    groupId: uuid('group_id').references(() => groups.id),
    setting: meetingSetting('setting').notNull(),
    city: text('city'),
    countryIso3: text('country_iso3'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone the meeting is held in; times are shown in it and in the viewer's. */
    timeZone: text('time_zone').notNull(),
    datePrecision: datePrecision('date_precision').notNull().default('minute'),
    /** What the source adds about the meeting (who attended, what was agreed), kept out of its title. */
    notes: text('notes').notNull().default(''),
    source: text('source').notNull().default(''),
    ...classifiedRecordColumns(),
  },
  (table) => [index('meetings_starts_idx').on(table.startsAt), index('meetings_group_idx').on(table.groupId)],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    personId: uuid('person_id').references(() => people.id),
    role: participantRole('role').notNull().default('member'),
  },
  (table) => [index('meeting_participants_meeting_idx').on(table.meetingId)],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    theaterSlugs: text('theater_slugs').array().notNull().default([]),
    topics: text('topics').array().notNull().default([]),
    outcome: text('outcome').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('agenda_items_meeting_idx').on(table.meetingId, table.position),
    // Which meetings name a branch (threats): a trigram index over the item's words (migration trigram_search).
    index('agenda_items_words_trgm_idx').using('gin', sql`agenda_item_words(${table.title}, ${table.outcome}, ${table.topics}) gin_trgm_ops`),
  ],
);

/** A meeting carrying forward a discussion from an earlier one, on a topic. */
export const meetingLinks = pgTable(
  'meeting_links',
  {
    fromMeetingId: uuid('from_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    toMeetingId: uuid('to_meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    /** The document and characters that named the earlier meeting, when accepted from an ingested readout; empty when linked by hand. */
    source: text('source').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.fromMeetingId, table.toMeetingId, table.topic] })],
);

/**
 * Calendar programs cannot sign in, so a subscribed feed carries a token in its URL. Each token is one
 * user's, stored hashed, and revocable; the feed shows what that user may see.
 */
export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
