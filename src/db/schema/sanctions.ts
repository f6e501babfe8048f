import { boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './identity.ts';

export const sanctionsList = pgEnum('sanctions_list', ['UN', 'OFAC-SDN', 'OFAC-CONS', 'EU', 'UK']);

/** One import of one list: dated, with the hash of the file(s) it came from. The latest version of each list is in force. */
export const sanctionsListVersions = pgTable(
  'sanctions_list_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    list: sanctionsList('list').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    fileSha256: text('file_sha256').notNull(),
    fileNames: text('file_names').array().notNull(),
    entityCount: integer('entity_count').notNull(),
    /** The day the list's publisher generated the file, from the file itself (UN dateGenerated, UK Last Updated, EU generationDate); null when the file does not say (OFAC's CSV files). */
    publishedOn: date('published_on'),
    importedBy: uuid('imported_by').references(() => users.id),
    importedByLabel: text('imported_by_label').notNull(),
  },
  (table) => [index('sanctions_list_versions_list_idx').on(table.list, table.importedAt)],
);

/** A listed entity as one version of its list has it; `fingerprint` tells an amended entry from an unchanged one. */
export const sanctionedEntities = pgTable(
  'sanctioned_entities',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => sanctionsListVersions.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    kind: text('kind').notNull(),
    names: jsonb('names').$type<{ full: string; quality: 'primary' | 'good' | 'low' }[]>().notNull(),
    birthDates: text('birth_dates').array().notNull().default([]),
    birthPlaces: text('birth_places').array().notNull().default([]),
    nationalities: text('nationalities').array().notNull().default([]),
    documents: jsonb('documents').$type<{ type: string; number: string; country?: string; note?: string }[]>().notNull().default([]),
    addresses: text('addresses').array().notNull().default([]),
    programmes: text('programmes').array().notNull().default([]),
    listedOn: date('listed_on'),
    /** References on other lists that the record itself names as the same entry (the UN reference an EU or UK record cites). */
    sameAs: text('same_as').array().notNull().default([]),
    /** The record as the list file had it, for the reviewer who wants every word the list says. */
    raw: jsonb('raw'),
    fingerprint: text('fingerprint').notNull(),
  },
  (table) => [primaryKey({ columns: [table.versionId, table.ref] })],
);

export const screeningDecision = pgEnum('screening_decision', ['confirmed-match', 'false-positive']);

/**
 * A person's decision on a hit: this name is, or is not, this listed entity. Remembered against the
 * entry's fingerprint, so the same hit is not raised again unless the listing changes.
 */
export const screeningDecisions = pgTable(
  'screening_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The screened name as the matcher normalises it (token forms, sorted): spelling and order do not matter. */
    nameKey: text('name_key').notNull(),
    /** The name as typed, shown to the decider's own partner and the secretariat only. */
    nameAsScreened: text('name_as_screened').notNull(),
    entityRef: text('entity_ref').notNull(),
    entityFingerprint: text('entity_fingerprint').notNull(),
    decision: screeningDecision('decision').notNull(),
    note: text('note').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByLabel: text('decided_by_label').notNull(),
    /** The decider's partner: delegates see only their own partner's screened names. */
    partnerId: uuid('partner_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The latest decision on a (name, listed entry) is read for every hit of a batch's page.
  (table) => [index('screening_decisions_key_idx').on(table.nameKey, table.entityRef, table.decidedAt)],
);

export const batchStatus = pgEnum('screening_batch_status', ['queued', 'running', 'done']);

export const screeningSource = pgEnum('screening_source', ['file', 'single']);

/**
 * A file of names screened in the background; its rows survive a restart and are picked up again. A name
 * screened on its own (page or API) is kept as a one-row batch of source 'single', so that it too is
 * screened again when a list changes.
 */
export const screeningBatches = pgTable('screening_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: screeningSource('source').notNull().default('file'),
  fileName: text('file_name').notNull(),
  status: batchStatus('status').notNull().default('queued'),
  total: integer('total').notNull(),
  processed: integer('processed').notNull().default(0),
  hitRows: integer('hit_rows').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  createdByLabel: text('created_by_label').notNull(),
  /** The uploader's partner: delegates see only their own partner's batches. */
  partnerId: uuid('partner_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
},
  // The list of uploaded batches pages by keyset on (time uploaded, id), newest first.
  (table) => [index('screening_batches_listed_idx').on(table.source, table.createdAt, table.id)],
);

export const screeningBatchRows = pgTable(
  'screening_batch_rows',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => screeningBatches.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    rowId: text('row_id').notNull(),
    name: text('name').notNull(),
    dob: text('dob'),
    nationality: text('nationality'),
    /** Null until screened: the worker's queue. */
    hits: jsonb('hits').$type<{ ref: string; score: number; name: string }[]>(),
    /** Set when a list is updated: the row is screened again and any new hit raised as an alert. */
    rescreen: boolean('rescreen').notNull().default(false),
    /**
     * The name as decisions remember it (decisions.service.ts nameKey), written with the hits, so that a
     * batch's hits are filtered by their latest decision in SQL. Null on rows screened before it existed
     * (migration batch_rows_name_key marks those to be screened again, which writes it).
     */
    nameKey: text('name_key'),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.rowNumber] }),
    // A batch's hits page reads only its rows with hits, in file order.
    index('screening_batch_rows_hits_idx').on(table.batchId, table.rowNumber).where(sql`jsonb_array_length(${table.hits}) > 0`),
  ],
);

/** A hit that appeared for an earlier screened name when a list was updated. */
export const screeningAlerts = pgTable(
  'screening_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => screeningBatches.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    name: text('name').notNull(),
    ref: text('ref').notNull(),
    score: numeric('score', { precision: 4, scale: 3 }).notNull(),
    listedName: text('listed_name').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Alerts page by keyset on (time raised, id), newest first.
  (table) => [index('screening_alerts_batch_idx').on(table.batchId), index('screening_alerts_raised_idx').on(table.raisedAt, table.id)],
);
