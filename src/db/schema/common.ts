import { integer, pgEnum, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every record carries a classification (ARCHITECTURE rule 4): who may read it is decided in the query. */
export const classification = pgEnum('classification', ['public', 'coalition', 'restricted']);
export const CLASSIFICATIONS = classification.enumValues;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Columns shared by every editable, classified record. `version` backs optimistic locking (rule 5). */
export const classifiedRecordColumns = () => ({
  classification: classification('classification').notNull().default('coalition'),
  /** Groups allowed to read a `restricted` record. */
  restrictedGroupIds: uuid('restricted_group_ids').array().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
