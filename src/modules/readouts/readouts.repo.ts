import { and, asc, count, desc, eq, getTableColumns, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agendaItems, meetings, theaters } from '../../db/schema/meetings.ts';
import { groupMembers } from '../../db/schema/partners.ts';
import { readoutClearances, readoutSlugs, readoutTranslations, readoutVersions, readouts } from '../../db/schema/readouts.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { isSecretariat } from '../../platform/authz.ts';
import { LIST_COUNT_LIMIT } from '../../platform/keyset.ts';

/** Every column but the search vector: it is for the database's index, and costly to carry back. */
const { searchVector: _searchVector, ...readoutColumns } = getTableColumns(readouts);
export type ReadoutRow = Omit<typeof readouts.$inferSelect, 'searchVector'>;
export type ReadoutVersionRow = typeof readoutVersions.$inferSelect;
export type ClearanceRow = typeof readoutClearances.$inferSelect;

export interface PublishedListQuery {
  q?: string;
  year?: number;
  groupId?: string;
  theater?: string;
  page?: number;
  pageSize?: number;
}

export interface PublishedReadout {
  readout: ReadoutRow;
  version: ReadoutVersionRow;
  meeting: typeof meetings.$inferSelect;
}

/** Published readouts a reader may see: public ones for everyone, coalition ones for signed-in users. */
/** What `publishedFor` tells readers apart by: a copy of a published list is shared by readers with the same key. */
export const publishedReaderKey = (actor: MaybeActor) => (actor ? 'signed-in' : 'anonymous');

function publishedFor(actor: MaybeActor): SQL | undefined {
  return and(eq(readouts.status, 'published'), actor ? undefined : eq(readouts.publishedAs, 'public'));
}

/** What `manageableBy` (and the inbox) tell managers apart by: a copy of a desk list is shared by managers with the same key. */
export const managerKey = (actor: MaybeActor) => `${actor?.role ?? ''}|${actor?.partnerId ?? ''}`;

/** Readouts a manager may work on: the secretariat all of them; a co-chair those of groups their partner co-leads. */
function manageableBy(actor: MaybeActor): SQL | undefined {
  if (isSecretariat(actor)) return undefined;
  if (actor?.role !== 'co-chair' || !actor.partnerId) return sql`false`;
  return sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${meetings.groupId}
    and ${groupMembers.partnerId} = ${actor.partnerId} and ${groupMembers.role} = 'co-lead')`;
}

function publishedConditions(actor: MaybeActor, query: PublishedListQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [publishedFor(actor)];
  if (query.q?.trim()) conditions.push(sql`${readouts.searchVector} @@ websearch_to_tsquery('simple', ${query.q.trim()})`);
  if (query.year) conditions.push(eq(readouts.year, query.year));
  if (query.groupId) conditions.push(sql`exists (select 1 from ${meetings} where ${meetings.id} = ${readouts.meetingId} and ${meetings.groupId} = ${query.groupId})`);
  if (query.theater) {
    conditions.push(sql`exists (select 1 from ${agendaItems} where ${agendaItems.meetingId} = ${readouts.meetingId}
      and ${agendaItems.theaterSlugs} && array(select ${theaters.slug} from ${theaters} where ${theaters.slug} = ${query.theater} or ${theaters.parentSlug} = ${query.theater}))`);
  }
  return and(...conditions);
}

/**
 * One page of published readouts, newest first. The page is read through the (status, published_at)
 * index and joined afterwards, so its cost does not grow with the number of readouts; the total is a
 * separate count, skipped when the caller (the feed) needs none.
 */
export async function listPublished(db: Db, actor: MaybeActor, query: PublishedListQuery, options: { withTotal?: boolean } = {}): Promise<{ rows: PublishedReadout[]; total: number }> {
  const where = publishedConditions(actor, query);
  const pageSize = query.pageSize ?? 20;
  const page = db
    .select({ id: readouts.id })
    .from(readouts)
    .where(where)
    .orderBy(desc(readouts.publishedAt), asc(readouts.id))
    .limit(pageSize)
    .offset(((query.page ?? 1) - 1) * pageSize)
    .as('page');
  const rowsQuery = db
    .select({ readout: readoutColumns, version: readoutVersions, meeting: meetings })
    .from(page)
    .innerJoin(readouts, eq(readouts.id, page.id))
    .innerJoin(readoutVersions, and(eq(readoutVersions.readoutId, readouts.id), eq(readoutVersions.number, readouts.publishedVersion)))
    .innerJoin(meetings, eq(meetings.id, readouts.meetingId))
    .orderBy(desc(readouts.publishedAt), asc(readouts.id));
  if (options.withTotal === false) {
    const rows = await rowsQuery;
    return { rows, total: rows.length };
  }
  // Both at once: on PostgreSQL they run on two pooled connections.
  const [rows, [counted]] = await Promise.all([rowsQuery, db.select({ n: count() }).from(readouts).where(where)]);
  return { rows, total: counted?.n ?? 0 };
}

/** A published readout by any slug it has had; `currentSlug` tells the caller whether to redirect. */
export async function findPublishedBySlug(db: Db, actor: MaybeActor, year: number, slug: string): Promise<PublishedReadout | undefined> {
  const [row] = await db
    .select({ readout: readoutColumns, version: readoutVersions, meeting: meetings })
    .from(readoutSlugs)
    .innerJoin(readouts, eq(readouts.id, readoutSlugs.readoutId))
    .innerJoin(readoutVersions, and(eq(readoutVersions.readoutId, readouts.id), eq(readoutVersions.number, readouts.publishedVersion)))
    .innerJoin(meetings, eq(meetings.id, readouts.meetingId))
    .where(and(eq(readoutSlugs.year, year), eq(readoutSlugs.slug, slug), publishedFor(actor)));
  return row;
}

export async function findManageable(db: Db, actor: MaybeActor, id: string): Promise<{ readout: ReadoutRow; meeting: typeof meetings.$inferSelect } | undefined> {
  const [row] = await db
    .select({ readout: readoutColumns, meeting: meetings })
    .from(readouts)
    .innerJoin(meetings, eq(meetings.id, readouts.meetingId))
    .where(and(eq(readouts.id, id), manageableBy(actor)));
  return row;
}

/** A readout with its meeting, whoever asks: only for checks that must run before visibility (and audit refusals). */
export async function findWithMeeting(db: Db, id: string): Promise<{ readout: ReadoutRow; meeting: typeof meetings.$inferSelect } | undefined> {
  const [row] = await db.select({ readout: readoutColumns, meeting: meetings }).from(readouts).innerJoin(meetings, eq(meetings.id, readouts.meetingId)).where(eq(readouts.id, id));
  return row;
}

export type ManageableReadout = { readout: ReadoutRow; meeting: typeof meetings.$inferSelect; title: string };

/** A page of the readouts the actor manages, most recently changed first, with their total. */
/**
 * A page of the readouts the actor manages, most recently changed first (walked down
 * `readouts_updated_idx`, so a page reads its own rows, not all of them), and how many there are,
 * counted no further than LIST_COUNT_LIMIT + 1.
 */
export async function listManageable(db: Db, actor: MaybeActor, page: { page: number; pageSize: number }): Promise<{ rows: ManageableReadout[]; total: number }> {
  const matching = db.select({ id: readouts.id }).from(readouts).innerJoin(meetings, eq(meetings.id, readouts.meetingId)).where(manageableBy(actor)).limit(LIST_COUNT_LIMIT + 1).as('matching');
  const [rows, [counted]] = await Promise.all([
    db
      .select({ readout: readoutColumns, meeting: meetings, title: readoutVersions.title })
      .from(readouts)
      .innerJoin(meetings, eq(meetings.id, readouts.meetingId))
      .innerJoin(readoutVersions, and(eq(readoutVersions.readoutId, readouts.id), eq(readoutVersions.number, readouts.currentVersion)))
      .where(manageableBy(actor))
      .orderBy(desc(readouts.updatedAt), asc(readouts.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(matching),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export async function readoutsOfMeeting(db: Db, meetingId: string): Promise<{ id: string; status: ReadoutRow['status']; title: string; year: number; slug: string }[]> {
  return db
    .select({ id: readouts.id, status: readouts.status, title: readoutVersions.title, year: readouts.year, slug: readouts.slug })
    .from(readouts)
    .innerJoin(readoutVersions, and(eq(readoutVersions.readoutId, readouts.id), eq(readoutVersions.number, readouts.currentVersion)))
    .where(eq(readouts.meetingId, meetingId))
    .orderBy(asc(readouts.createdAt));
}

export async function versionsOf(db: Db, readoutId: string): Promise<ReadoutVersionRow[]> {
  return db.select().from(readoutVersions).where(eq(readoutVersions.readoutId, readoutId)).orderBy(asc(readoutVersions.number));
}

export async function clearancesOf(db: Db, readoutId: string): Promise<ClearanceRow[]> {
  return db.select().from(readoutClearances).where(eq(readoutClearances.readoutId, readoutId)).orderBy(asc(readoutClearances.decidedAt));
}

/** The partners that co-lead the meeting's group: each must clear. */
export async function coLeadPartnerIds(db: Db, groupId: string | null): Promise<string[]> {
  if (!groupId) return [];
  const rows = await db
    .select({ partnerId: groupMembers.partnerId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'co-lead')));
  return rows.map((r) => r.partnerId);
}

export async function slugTaken(db: Db, year: number, slug: string, exceptReadoutId?: string): Promise<boolean> {
  const [row] = await db.select({ readoutId: readoutSlugs.readoutId }).from(readoutSlugs).where(and(eq(readoutSlugs.year, year), eq(readoutSlugs.slug, slug)));
  return Boolean(row && row.readoutId !== exceptReadoutId);
}

export async function rememberSlug(db: Db, year: number, slug: string, readoutId: string): Promise<void> {
  await db.insert(readoutSlugs).values({ year, slug, readoutId }).onConflictDoNothing();
}

/** Refreshes the search text from the published version's title and body and every translation of it. */
export async function indexForSearch(db: Db, readoutId: string): Promise<void> {
  const translated = sql`coalesce((select string_agg(${readoutTranslations.title} || ' ' || ${readoutTranslations.bodyMarkdown}, ' ') from ${readoutTranslations} where ${readoutTranslations.readoutId} = ${readouts.id}), '')`;
  await db.execute(sql`update ${readouts} set search_vector = (
      select to_tsvector('simple', ${readoutVersions.title} || ' ' || ${readoutVersions.bodyMarkdown} || ' ' || ${translated})
      from ${readoutVersions} where ${readoutVersions.readoutId} = ${readouts.id} and ${readoutVersions.number} = ${readouts.publishedVersion})
    where ${readouts.id} = ${readoutId}`);
}

/** Readouts in clearance whose current version still awaits this partner's decision. */
export async function awaitingClearanceBy(db: Db, partnerId: string): Promise<{ id: string; title: string }[]> {
  return db
    .select({ id: readouts.id, title: readoutVersions.title })
    .from(readouts)
    .innerJoin(meetings, eq(meetings.id, readouts.meetingId))
    .innerJoin(groupMembers, and(eq(groupMembers.groupId, meetings.groupId), eq(groupMembers.partnerId, partnerId), eq(groupMembers.role, 'co-lead')))
    .innerJoin(readoutVersions, and(eq(readoutVersions.readoutId, readouts.id), eq(readoutVersions.number, readouts.currentVersion)))
    .where(
      and(
        eq(readouts.status, 'in-clearance'),
        sql`not exists (select 1 from ${readoutClearances} where ${readoutClearances.readoutId} = ${readouts.id}
          and ${readoutClearances.versionNumber} = ${readouts.currentVersion} and ${readoutClearances.partnerId} = ${partnerId})`,
      ),
    );
}

/** Drafts whose latest decision was a return: the officer's to-do list. */
export async function returnedDrafts(db: Db): Promise<{ id: string; title: string; comment: string }[]> {
  const rows = await db
    .select({ id: readouts.id, title: readoutVersions.title, comment: readoutClearances.comment, decision: readoutClearances.decision, decidedAt: readoutClearances.decidedAt })
    .from(readouts)
    .innerJoin(readoutVersions, and(eq(readoutVersions.readoutId, readouts.id), eq(readoutVersions.number, readouts.currentVersion)))
    .innerJoin(readoutClearances, eq(readoutClearances.readoutId, readouts.id))
    .where(and(eq(readouts.status, 'draft'), isNotNull(readoutClearances.decidedAt)))
    .orderBy(desc(readoutClearances.decidedAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row);
  return [...latest.values()].filter((r) => r.decision === 'returned').map(({ id, title, comment }) => ({ id, title, comment }));
}
