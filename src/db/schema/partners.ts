import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { classifiedRecordColumns } from './common.ts';

export const partnerKind = pgEnum('partner_kind', ['state', 'organisation']);
export const partnerStatus = pgEnum('partner_status', ['member', 'observer', 'suspended']);
export const groupKind = pgEnum('group_kind', ['small-group', 'ministerial', 'working-group', 'focus-group']);
export const groupRole = pgEnum('group_role', ['member', 'co-lead']);

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: partnerKind('kind').notNull(),
    /** ISO 3166-1 alpha-3 for states; organisations and Kosovo have none. */
    iso3: text('iso3'),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    /** ISO 8601 at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
    joined: text('joined'),
    status: partnerStatus('status').notNull().default('member'),
    source: text('source').notNull().default(''),
    asOf: text('as_of'),
    confidence: text('confidence'),
    ...classifiedRecordColumns(),
  },
  (table) => [
    uniqueIndex('partners_iso3_unique').on(table.iso3),
    uniqueIndex('partners_name_en_unique').on(sql`lower(${table.nameEn})`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    email: text('email'),
    ...classifiedRecordColumns(),
  },
  (table) => [index('people_partner_idx').on(table.partnerId)],
);

export const groups = pgTable('groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** The name in French and Arabic where known; null falls back to the English `name`, marked lang="en". */
  nameFr: text('name_fr'),
  nameAr: text('name_ar'),
  kind: groupKind('kind').notNull(),
  mandate: text('mandate').notNull().default(''),
  founded: text('founded'),
  source: text('source').notNull().default(''),
  ...classifiedRecordColumns(),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    role: groupRole('role').notNull().default('member'),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.partnerId] })],
);
