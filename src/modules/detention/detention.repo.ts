import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/audit.ts';
import type { Db } from '../../db/client.ts';
import { detentionSites, populationSnapshots, repatriations, snapshotBreakdowns } from '../../db/schema/detention.ts';
import { groups } from '../../db/schema/partners.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { visibleTo } from '../../platform/authz.ts';

export type SiteRow = typeof detentionSites.$inferSelect;
export type SnapshotRow = typeof populationSnapshots.$inferSelect;
export type BreakdownRow = typeof snapshotBreakdowns.$inferSelect;
export type RepatriationRow = typeof repatriations.$inferSelect;

export const FTF_GROUP_SLUG = 'foreign-terrorist-fighters-working-group';

export async function ftfGroupId(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, FTF_GROUP_SLUG));
  return row?.id;
}

export function listSites(db: Db, actor: MaybeActor): Promise<SiteRow[]> {
  return db.select().from(detentionSites).where(visibleTo(actor, detentionSites)).orderBy(sql`lower(${detentionSites.name})`);
}

/**
 * The latest current snapshot giving a head count of the site in the outer query that the actor may
 * read, for a lateral join: the sites and their head counts in one round trip.
 */
function latestHeadCount(db: Db, actor: MaybeActor) {
  return db
    .select()
    .from(populationSnapshots)
    .where(and(eq(populationSnapshots.siteId, detentionSites.id), visibleTo(actor, populationSnapshots), isNull(populationSnapshots.replacedAt), isNotNull(populationSnapshots.total)))
    .orderBy(desc(populationSnapshots.asOfDay), desc(populationSnapshots.createdAt))
    .limit(1)
    .as('latest');
}

/** The lateral subquery's columns, to select as one nested object (null when the site has no head count). */
function columnsOf(latest: ReturnType<typeof latestHeadCount>) {
  return Object.fromEntries(Object.keys(getTableColumns(populationSnapshots)).map((key) => [key, latest[key as keyof typeof latest]])) as unknown as typeof latest._.selectedFields;
}

/** The sites an actor may read by name, each with its latest current head count the actor may read. */
export async function listSitesWithLatest(db: Db, actor: MaybeActor): Promise<(SiteRow & { latest: SnapshotRow | null })[]> {
  const latest = latestHeadCount(db, actor);
  const found = await db
    .select({ site: detentionSites, latest: columnsOf(latest) })
    .from(detentionSites)
    .leftJoinLateral(latest, sql`true`)
    .where(visibleTo(actor, detentionSites))
    .orderBy(sql`lower(${detentionSites.name})`);
  return found.map((row) => ({ ...row.site, latest: row.latest }));
}

/** One page of the sites by name, each with its latest current head count, and how many there are, in one round trip. */
export async function pageOfSites(db: Db, actor: MaybeActor, paging: { page: number; pageSize: number }): Promise<{ rows: (SiteRow & { latest: SnapshotRow | null })[]; total: number }> {
  const latest = latestHeadCount(db, actor);
  const found = await db
    .select({ site: detentionSites, latest: columnsOf(latest), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(detentionSites)
    .leftJoinLateral(latest, sql`true`)
    .where(visibleTo(actor, detentionSites))
    .orderBy(sql`lower(${detentionSites.name})`, asc(detentionSites.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return { rows: found.map((row) => ({ ...row.site, latest: row.latest })), total: found[0]?.total ?? 0 };
}

export async function findSite(db: Db, actor: MaybeActor, id: string): Promise<SiteRow | undefined> {
  const [row] = await db.select().from(detentionSites).where(and(eq(detentionSites.id, id), visibleTo(actor, detentionSites)));
  return row;
}

export async function insertSite(tx: Db, values: typeof detentionSites.$inferInsert): Promise<SiteRow> {
  const [row] = await tx.insert(detentionSites).values(values).returning();
  return row as SiteRow;
}

export function updateSite(tx: Db, id: string, version: number, values: Partial<typeof detentionSites.$inferInsert>) {
  return updateVersioned(tx, detentionSites, id, version, values);
}

/** The snapshots an actor may read, oldest first; `current` leaves out those a correction replaced. */
export function snapshotsOf(db: Db, actor: MaybeActor, siteIds: string[], options: { current?: boolean } = {}): Promise<SnapshotRow[]> {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(populationSnapshots)
    .where(and(inArray(populationSnapshots.siteId, siteIds), visibleTo(actor, populationSnapshots), options.current ? isNull(populationSnapshots.replacedAt) : undefined))
    .orderBy(asc(populationSnapshots.asOfDay), asc(populationSnapshots.createdAt));
}

/** A site as the nationalities table and the map read it. */
export type MapSiteRow = Pick<SiteRow, 'id' | 'name' | 'nameFr' | 'nameAr' | 'latitude' | 'longitude' | 'classification'>;
/** A current snapshot as the nationalities table and the map read it. */
export type CurrentSnapshotRow = Pick<SnapshotRow, 'id' | 'siteId' | 'asOf' | 'asOfDay' | 'createdAt' | 'total' | 'classification'>;

/**
 * The sites an actor may read, each with its current snapshots the actor may read (oldest first) and
 * those snapshots' nationality breakdowns (largest first), in one round trip instead of three.
 */
export async function sitesWithCurrentNationalities(db: Db, actor: MaybeActor): Promise<{ sites: MapSiteRow[]; snapshots: CurrentSnapshotRow[]; parts: Pick<BreakdownRow, 'snapshotId' | 'key' | 'count'>[] }> {
  const found = await db
    .select({
      // Only what the table, the map and the audit use: each site's columns repeat on every snapshot's row.
      site: { id: detentionSites.id, name: detentionSites.name, nameFr: detentionSites.nameFr, nameAr: detentionSites.nameAr, latitude: detentionSites.latitude, longitude: detentionSites.longitude, classification: detentionSites.classification },
      snapshot: { id: populationSnapshots.id, siteId: populationSnapshots.siteId, asOf: populationSnapshots.asOf, asOfDay: populationSnapshots.asOfDay, createdAt: populationSnapshots.createdAt, total: populationSnapshots.total, classification: populationSnapshots.classification },
      part: { key: snapshotBreakdowns.key, count: snapshotBreakdowns.count },
    })
    .from(detentionSites)
    .leftJoin(populationSnapshots, and(eq(populationSnapshots.siteId, detentionSites.id), visibleTo(actor, populationSnapshots), isNull(populationSnapshots.replacedAt)))
    .leftJoin(snapshotBreakdowns, and(eq(snapshotBreakdowns.snapshotId, populationSnapshots.id), eq(snapshotBreakdowns.dimension, 'nationality')))
    .where(visibleTo(actor, detentionSites))
    .orderBy(sql`lower(${detentionSites.name})`, asc(detentionSites.id), asc(populationSnapshots.asOfDay), asc(populationSnapshots.createdAt), asc(populationSnapshots.id), desc(snapshotBreakdowns.count), asc(snapshotBreakdowns.key));
  const sites = new Map<string, MapSiteRow>();
  const snapshots = new Map<string, CurrentSnapshotRow>();
  const parts: Pick<BreakdownRow, 'snapshotId' | 'key' | 'count'>[] = [];
  for (const { site, snapshot, part } of found) {
    if (!sites.has(site.id)) sites.set(site.id, site);
    if (!snapshot) continue;
    if (!snapshots.has(snapshot.id)) snapshots.set(snapshot.id, snapshot);
    if (part) parts.push({ snapshotId: snapshot.id, ...part });
  }
  // Oldest first across all sites, as snapshotsOf gives them (the sort is stable: ties keep their order).
  const ordered = [...snapshots.values()].sort((a, b) => (a.asOfDay < b.asOfDay ? -1 : a.asOfDay > b.asOfDay ? 1 : a.createdAt.getTime() - b.createdAt.getTime()));
  return { sites: [...sites.values()], snapshots: ordered, parts };
}

export function breakdownsOf(db: Db, snapshotIds: string[]): Promise<BreakdownRow[]> {
  if (snapshotIds.length === 0) return Promise.resolve([]);
  return db.select().from(snapshotBreakdowns).where(inArray(snapshotBreakdowns.snapshotId, snapshotIds)).orderBy(desc(snapshotBreakdowns.count));
}

/** One snapshot, if the actor may read it (current or replaced). */
export async function findSnapshot(db: Db, actor: MaybeActor, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(populationSnapshots).where(and(eq(populationSnapshots.id, id), visibleTo(actor, populationSnapshots)));
  return row;
}

/** The current snapshot of a site for a date, whoever may read it (a duplicate must be found even if hidden). */
export async function currentSnapshotAt(db: Db, siteId: string, asOf: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(populationSnapshots).where(and(eq(populationSnapshots.siteId, siteId), eq(populationSnapshots.asOf, asOf), isNull(populationSnapshots.replacedAt)));
  return row;
}

export async function markReplaced(tx: Db, id: string, reason: string): Promise<void> {
  await tx.update(populationSnapshots).set({ replacedAt: new Date(), replacementReason: reason }).where(eq(populationSnapshots.id, id));
}

export async function insertSnapshot(tx: Db, values: typeof populationSnapshots.$inferInsert, parts: { dimension: 'nationality' | 'category'; key: string; count: number }[]): Promise<SnapshotRow> {
  const [row] = await tx.insert(populationSnapshots).values(values).returning();
  const snapshot = row as SnapshotRow;
  if (parts.length) await tx.insert(snapshotBreakdowns).values(parts.map((part) => ({ ...part, snapshotId: snapshot.id })));
  return snapshot;
}

/** Repatriations an actor may read: by classification, and always their own state's. */
function repatriationsVisibleTo(actor: MaybeActor): SQL | undefined {
  const byClassification = visibleTo(actor, repatriations);
  if (!byClassification || !actor?.partnerId) return byClassification;
  return or(byClassification, eq(repatriations.partnerId, actor.partnerId));
}

export function listRepatriations(db: Db, actor: MaybeActor, filter: { receivingIso3?: string; status?: 'reported' | 'verified' } = {}): Promise<RepatriationRow[]> {
  return db
    .select()
    .from(repatriations)
    .where(
      and(
        repatriationsVisibleTo(actor),
        filter.receivingIso3 ? eq(repatriations.receivingIso3, filter.receivingIso3) : undefined,
        filter.status ? eq(repatriations.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(repatriations.periodStart), asc(repatriations.receivingIso3));
}

/** Verified repatriations an actor may read, latest period first, with only the columns that count them by state and year. */
export function verifiedRepatriationCounts(db: Db, actor: MaybeActor) {
  return db
    .select({ id: repatriations.id, classification: repatriations.classification, receivingIso3: repatriations.receivingIso3, cumulative: repatriations.cumulative, periodStart: repatriations.periodStart, people: repatriations.people })
    .from(repatriations)
    .where(and(repatriationsVisibleTo(actor), eq(repatriations.status, 'verified')))
    .orderBy(desc(repatriations.periodStart), asc(repatriations.receivingIso3));
}

/** One page of the repatriations, latest period first, and how many there are, in one round trip. */
export async function pageOfRepatriations(db: Db, actor: MaybeActor, paging: { page: number; pageSize: number }): Promise<{ rows: RepatriationRow[]; total: number }> {
  const found = await db
    .select({ repatriation: repatriations, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(repatriations)
    .where(repatriationsVisibleTo(actor))
    .orderBy(sql`${repatriations.periodStart} desc nulls last`, asc(repatriations.receivingIso3), asc(repatriations.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return { rows: found.map((row) => row.repatriation), total: found[0]?.total ?? 0 };
}

export async function findRepatriation(db: Db, actor: MaybeActor, id: string): Promise<RepatriationRow | undefined> {
  const [row] = await db.select().from(repatriations).where(and(eq(repatriations.id, id), repatriationsVisibleTo(actor)));
  return row;
}

export async function insertRepatriation(tx: Db, values: typeof repatriations.$inferInsert): Promise<RepatriationRow> {
  const [row] = await tx.insert(repatriations).values(values).returning();
  return row as RepatriationRow;
}

export function updateRepatriation(tx: Db, id: string, version: number, values: Partial<typeof repatriations.$inferInsert>) {
  return updateVersioned(tx, repatriations, id, version, values);
}

/** The changes recorded for one repatriation, oldest first: its history, with each correction's reason. */
export function historyOfRepatriation(db: Db, id: string) {
  return db
    .select({ occurredAt: auditEvents.occurredAt, actorLabel: auditEvents.actorLabel, action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'repatriation'), eq(auditEvents.entityId, id), ne(auditEvents.action, 'detention.viewed')))
    .orderBy(asc(auditEvents.occurredAt));
}
