import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { classifiedRecordColumns } from './common.ts';
import { users } from './identity.ts';
import { partners } from './partners.ts';

/**
 * Bringing ISIS/Daesh members to justice: aggregate figures (how many investigated, charged, convicted…)
 * and public judgments, by prosecuting state or mechanism. Never a file on a private individual.
 */
export const justiceKind = pgEnum('justice_kind', [
  'investigations',
  'charged',
  'convicted',
  'acquitted',
  'sentenced-to-death',
  'repatriated-and-prosecuted',
  'landmark-judgment',
  'mechanism-milestone',
]);
export const legalBasis = pgEnum('justice_legal_basis', ['terrorism', 'membership', 'war-crimes', 'crimes-against-humanity', 'genocide', 'other']);
export const justiceStatus = pgEnum('justice_status', ['reported', 'verified']);

export const justiceRecords = pgTable(
  'justice_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The prosecuting state (ISO alpha-3, or a user-assigned X-code such as XKX); null for a mechanism's record. */
    stateIso3: text('state_iso3'),
    /** A mechanism such as UNITAD, when no state prosecutes. */
    mechanism: text('mechanism'),
    /** The partner record of the state, when it is a Coalition partner: binds its delegates. */
    partnerId: uuid('partner_id').references(() => partners.id),
    /** YYYY, YYYY-MM or YYYY-MM-DD at the source's precision; null when the source gives a total with no start. */
    periodStart: text('period_start'),
    periodEnd: text('period_end').notNull(),
    /** The first day of the start and the last day of the end, for ordering and for comparing periods. */
    startDay: date('start_day'),
    endDay: date('end_day').notNull(),
    kind: justiceKind('kind').notNull(),
    /** People (or, for a mechanism, requests, cases or graves as the description says); null for a judgment about one person. */
    count: integer('count'),
    legalBasis: legalBasis('legal_basis'),
    courtOrBody: text('court_or_body').notNull().default(''),
    description: text('description').notNull().default(''),
    sources: text('sources').array().notNull(),
    confidence: text('confidence'),
    /**
     * The count includes people already counted in states' own figures (UNITAD-supported convictions are
     * national convictions too): shown beside totals, never added to them.
     */
    overlapsNational: boolean('overlaps_national').notNull().default(false),
    status: justiceStatus('status').notNull().default('reported'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Why the figure last changed; the audit trail keeps every earlier value. */
    correctionReason: text('correction_reason'),
    ...classifiedRecordColumns(),
  },
  (table) => [index('justice_records_state_idx').on(table.stateIso3, table.endDay), index('justice_records_kind_idx').on(table.kind, table.endDay)],
);
