import { type AnyPgColumn, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { classifiedRecordColumns } from './common.ts';
import { users } from './identity.ts';
import { agendaItems, meetings } from './meetings.ts';
import { groups, partners } from './partners.ts';

export const taskingStatus = pgEnum('tasking_status', ['open', 'in-progress', 'reported', 'closed']);
/** How a parent's progress follows its sub-taskings. */
export const rollupMethod = pgEnum('rollup_method', ['average', 'weighted']);
export const commitmentKind = pgEnum('commitment_kind', ['intends', 'pledges', 'agrees', 'affirms', 'urges']);
export const commitmentStatus = pgEnum('commitment_status', ['open', 'met', 'lapsed', 'withdrawn']);

/** What a meeting asked a group to do. */
export const taskings = pgTable(
  'taskings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => taskings.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    branchSlugs: text('branch_slugs').array().notNull().default([]),
    theaterSlugs: text('theater_slugs').array().notNull().default([]),
    dueOn: date('due_on'),
    status: taskingStatus('status').notNull().default('open'),
    /** 0–100, set on a tasking without sub-taskings; a parent's is computed from its children. */
    progress: integer('progress').notNull().default(0),
    /** The share of a parent's progress this sub-tasking carries when the parent rolls up by weight. */
    weight: integer('weight').notNull().default(1),
    rollup: rollupMethod('rollup').notNull().default('average'),
    /** The document and characters it was read from, when accepted from an ingested readout (rule 6); empty when entered by hand. */
    source: text('source').notNull().default(''),
    ...classifiedRecordColumns(),
  },
  (table) => [
    index('taskings_group_idx').on(table.groupId),
    index('taskings_meeting_idx').on(table.meetingId),
    index('taskings_parent_idx').on(table.parentId),
    // The list's branch filter (branch_slugs @> {slug}) and a branch page's taskings.
    index('taskings_branch_idx').using('gin', table.branchSlugs),
    index('taskings_due_idx').on(table.dueOn, table.createdAt),
  ],
);

/** A group's report-back on a tasking; it may be presented at a later meeting. */
export const taskingUpdates = pgTable(
  'tasking_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskingId: uuid('tasking_id')
      .notNull()
      .references(() => taskings.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    progress: integer('progress'),
    presentedAtMeetingId: uuid('presented_at_meeting_id').references(() => meetings.id),
    authorId: uuid('author_id').references(() => users.id),
    authorLabel: text('author_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('tasking_updates_tasking_idx').on(table.taskingId)],
);

/** Statements a partner (or the coalition, when partnerId is null) made at a meeting. */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    statement: text('statement').notNull(),
    kind: commitmentKind('kind').notNull(),
    theaterSlug: text('theater_slug'),
    dueOn: date('due_on'),
    status: commitmentStatus('status').notNull().default('open'),
    evidence: text('evidence').array().notNull().default([]),
    /** The document and characters it was read from, when accepted from an ingested readout (rule 6); empty when entered by hand. */
    source: text('source').notNull().default(''),
    ...classifiedRecordColumns(),
  },
  (table) => [index('commitments_partner_idx').on(table.partnerId), index('commitments_meeting_idx').on(table.meetingId)],
);
