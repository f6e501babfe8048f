import { and, asc, count, desc, eq, gte, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { justiceRecords } from '../../db/schema/justice.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { isSecretariat, visibleTo } from '../../platform/authz.ts';
import type { JusticeKind, LegalBasis } from './justice.schema.ts';

export type JusticeRow = typeof justiceRecords.$inferSelect;
export type NewJusticeRow = typeof justiceRecords.$inferInsert;

/**
 * What lists, overviews, exports and the API show of a record. Who reported and reviewed it, its
 * partner, restricted groups and timestamps stay behind: lists read every row of every page view,
 * and each column read is parsed and mapped on every row (issue 20).
 */
const figureColumns = {
  id: justiceRecords.id,
  stateIso3: justiceRecords.stateIso3,
  mechanism: justiceRecords.mechanism,
  periodStart: justiceRecords.periodStart,
  periodEnd: justiceRecords.periodEnd,
  endDay: justiceRecords.endDay,
  kind: justiceRecords.kind,
  count: justiceRecords.count,
  legalBasis: justiceRecords.legalBasis,
  courtOrBody: justiceRecords.courtOrBody,
  description: justiceRecords.description,
  sources: justiceRecords.sources,
  confidence: justiceRecords.confidence,
  overlapsNational: justiceRecords.overlapsNational,
  status: justiceRecords.status,
  correctionReason: justiceRecords.correctionReason,
  classification: justiceRecords.classification,
  version: justiceRecords.version,
};
export type JusticeFigure = Pick<JusticeRow, keyof typeof figureColumns>;

export interface JusticeFilter {
  /** ISO alpha-3 of the prosecuting state, or a mechanism's name (UNITAD). */
  state?: string;
  kind?: JusticeKind;
  legalBasis?: LegalBasis;
  status?: 'reported' | 'verified';
  /** Records whose period overlaps these days (inclusive). */
  fromDay?: string;
  toDay?: string;
  /** The records of one Coalition partner (its partner page). */
  partnerId?: string;
  /** Only verified figures, whoever reads (the public pages). */
  verifiedOnly?: boolean;
}

/**
 * The records an actor may read: verified ones by classification; unverified ones only by the
 * secretariat and by the delegates of the state that reported them (who also see their own state's
 * figures whatever the classification, as for repatriations).
 */
function justiceVisibleTo(actor: MaybeActor): SQL | undefined {
  if (isSecretariat(actor)) return undefined;
  const verifiedAndClassified = and(eq(justiceRecords.status, 'verified'), visibleTo(actor, justiceRecords));
  return actor?.partnerId ? or(verifiedAndClassified, eq(justiceRecords.partnerId, actor.partnerId)) : verifiedAndClassified;
}

function conditions(actor: MaybeActor, filter: JusticeFilter): SQL | undefined {
  const state = filter.state?.trim();
  return and(
    justiceVisibleTo(actor),
    filter.verifiedOnly ? eq(justiceRecords.status, 'verified') : undefined,
    state ? (/^[A-Za-z]{3}$/.test(state) ? eq(justiceRecords.stateIso3, state.toUpperCase()) : eq(justiceRecords.mechanism, state)) : undefined,
    filter.partnerId ? eq(justiceRecords.partnerId, filter.partnerId) : undefined,
    filter.kind ? eq(justiceRecords.kind, filter.kind) : undefined,
    filter.legalBasis ? eq(justiceRecords.legalBasis, filter.legalBasis) : undefined,
    filter.status ? eq(justiceRecords.status, filter.status) : undefined,
    // An open start (a running total) reaches back to the beginning, so it overlaps any earlier range.
    filter.toDay ? or(isNull(justiceRecords.startDay), lte(justiceRecords.startDay, filter.toDay)) : undefined,
    filter.fromDay ? gte(justiceRecords.endDay, filter.fromDay) : undefined,
  );
}

const newestFirst = [desc(justiceRecords.endDay), asc(justiceRecords.stateIso3), asc(justiceRecords.id)];

export async function listJustice(db: Db, actor: MaybeActor, filter: JusticeFilter, page: { page: number; pageSize: number }): Promise<{ rows: JusticeFigure[]; total: number }> {
  const where = conditions(actor, filter);
  // The total rides along with the page (a window counts before the limit): one round trip, not two.
  const counted = await db
    .select({ ...figureColumns, matching: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(justiceRecords)
    .where(where)
    .orderBy(...newestFirst)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const rows = counted.map(({ matching: _, ...row }) => row);
  if (counted.length > 0) return { rows, total: counted[0]?.matching ?? 0 };
  // A page past the end says how many there are all the same.
  if (page.page === 1) return { rows, total: 0 };
  const [totalRow] = await db.select({ n: count() }).from(justiceRecords).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

/** Every record matching a filter, newest first: pages that aggregate, and exports. */
export function allJustice(db: Db, actor: MaybeActor, filter: JusticeFilter): Promise<JusticeFigure[]> {
  return db.select(figureColumns).from(justiceRecords).where(conditions(actor, filter)).orderBy(...newestFirst);
}

export async function findJustice(db: Db, actor: MaybeActor, id: string): Promise<JusticeRow | undefined> {
  const [row] = await db.select().from(justiceRecords).where(and(eq(justiceRecords.id, id), justiceVisibleTo(actor)));
  return row;
}

export async function insertJustice(tx: Db, values: NewJusticeRow): Promise<JusticeRow> {
  const [row] = await tx.insert(justiceRecords).values(values).returning();
  return row as JusticeRow;
}

export function updateJustice(tx: Db, id: string, version: number, values: Partial<NewJusticeRow>) {
  return updateVersioned(tx, justiceRecords, id, version, values);
}

/** What happened to one record, oldest first: reported, verified, each correction with the values before. */
export function historyOfJustice(db: Db, id: string) {
  return db
    .select({ occurredAt: auditEvents.occurredAt, actorLabel: auditEvents.actorLabel, action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'justice-record'), eq(auditEvents.entityId, id), ne(auditEvents.action, 'justice.viewed')))
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.seq));
}
