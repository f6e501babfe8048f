import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';

export const ingestFactKind = pgEnum('ingest_fact_kind', ['meeting', 'readout', 'speaker', 'new-member', 'money', 'incident', 'reference', 'commitment', 'tasking', 'detention', 'repatriation', 'prosecution']);
export const ingestFactStatus = pgEnum('ingest_fact_status', ['proposed', 'accepted', 'rejected']);

/** A readout read into proposed facts: its text (what the offsets refer to) and where it came from. */
export const ingestDocuments = pgTable('ingest_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** SHA-256 of the document's text with white space folded: the same readout ingested twice is found by it. */
  textSha256: text('text_sha256').notNull().unique(),
  title: text('title').notNull(),
  fileName: text('file_name').notNull(),
  /** text, html or pdf: what the text was read from. */
  sourceKind: text('source_kind').notNull(),
  publishedOn: date('published_on'),
  text: text('text').notNull(),
  /** What the rules could not cover in this text, shown to the reviewer. */
  notes: jsonb('notes').$type<string[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdByLabel: text('created_by_label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One proposed fact with the span it came from. Accepting it creates the record through the domain's
 * service; the fact keeps the record's type and id, so the record can be traced back to these words.
 */
export const ingestFacts = pgTable(
  'ingest_facts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => ingestDocuments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: ingestFactKind('kind').notNull(),
    /** The proposal as extracted; `accepted` holds the values as the reviewer accepted them (edited or not). */
    proposal: jsonb('proposal').$type<Record<string, unknown>>().notNull(),
    accepted: jsonb('accepted').$type<Record<string, unknown>>(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    status: ingestFactStatus('status').notNull().default('proposed'),
    recordType: text('record_type'),
    recordId: text('record_id'),
    note: text('note').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [index('ingest_facts_document_idx').on(table.documentId, table.position)],
);
