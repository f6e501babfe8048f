import { and, asc, count, desc, eq, gte, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agendaItems, meetings, theaters } from '../../db/schema/meetings.ts';
import { branches, incidents } from '../../db/schema/threats.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { cursorKeyOf, keysetClause } from '../../platform/keyset.ts';
import { visibleTo } from '../../platform/authz.ts';
import type { IncidentQuery } from './threats.schema.ts';

export type BranchRow = typeof branches.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;

export function listBranches(db: Db): Promise<BranchRow[]> {
  return db.select().from(branches).orderBy(asc(branches.shortName));
}

export async function updateBranchNames(db: Db, slug: string, names: Pick<BranchRow, 'nameFr' | 'nameAr' | 'regionFr' | 'regionAr'>): Promise<BranchRow | undefined> {
  const [row] = await db.update(branches).set(names).where(eq(branches.slug, slug)).returning();
  return row;
}

export async function findBranch(db: Db, slug: string): Promise<BranchRow | undefined> {
  const [row] = await db.select().from(branches).where(eq(branches.slug, slug));
  return row;
}

function filtersOf(actor: MaybeActor, query: Omit<IncidentQuery, 'page' | 'pageSize' | 'lang' | 'before' | 'after'>) {
  return and(
    visibleTo(actor, incidents),
    query.branch ? eq(incidents.branchSlug, query.branch) : undefined,
    query.region ? sql`${incidents.theaterSlug} in (select ${theaters.slug} from ${theaters} where ${theaters.slug} = ${query.region} or ${theaters.parentSlug} = ${query.region})` : undefined,
    query.country ? eq(incidents.countryIso3, query.country.toUpperCase()) : undefined,
    query.from ? gte(incidents.occurredOn, query.from) : undefined,
    query.to ? lte(incidents.occurredOn, query.to) : undefined,
    query.minKilled !== undefined ? gte(incidents.killedLow, query.minKilled) : undefined,
  );
}

const INCIDENT_KEYSET = { key: incidents.occurredOn, id: incidents.id };

/**
 * A page of matching incidents, newest first, read by keyset on (day, id) through `incidents_day_idx`
 * (or `incidents_branch_day_idx` for one branch): one row more than the page says whether another follows.
 */
export async function findIncidents(db: Db, actor: MaybeActor, query: IncidentQuery, limit: number): Promise<(IncidentRow & { cursorKey: string })[]> {
  const { where, orderBy } = keysetClause(INCIDENT_KEYSET, query);
  const found = await db
    .select({ incident: incidents, cursorKey: cursorKeyOf(INCIDENT_KEYSET) })
    .from(incidents)
    .where(and(filtersOf(actor, query), where))
    .orderBy(...orderBy)
    .limit(limit)
    .offset(where || !query.page ? 0 : (query.page - 1) * (query.pageSize ?? 50));
  return found.map((row) => ({ ...row.incident, cursorKey: row.cursorKey }));
}

/** How many incidents match, counted no further than `upTo`. */
export async function countIncidents(db: Db, actor: MaybeActor, query: Omit<IncidentQuery, 'page' | 'pageSize' | 'lang'>, upTo: number): Promise<number> {
  const matching = db.select({ id: incidents.id }).from(incidents).where(filtersOf(actor, query)).limit(upTo).as('matching');
  const [counted] = await db.select({ n: count() }).from(matching);
  return counted?.n ?? 0;
}

/** Every matching incident, for exports and maps (bounded by the filters, not paged). */
export function allIncidents(db: Db, actor: MaybeActor, query: Omit<IncidentQuery, 'page' | 'pageSize' | 'lang'>): Promise<IncidentRow[]> {
  return db.select().from(incidents).where(filtersOf(actor, query)).orderBy(desc(incidents.occurredOn), asc(incidents.id));
}

/** How many matching incidents each country has: what the map shades, in one grouped query. */
export async function incidentCountsByCountry(db: Db, actor: MaybeActor, query: Omit<IncidentQuery, 'page' | 'pageSize' | 'lang'>): Promise<Map<string, number>> {
  const rows = await db.select({ country: incidents.countryIso3, n: count() }).from(incidents).where(filtersOf(actor, query)).groupBy(incidents.countryIso3);
  return new Map(rows.map((row) => [row.country, row.n]));
}

/** What a point on the incident map shows: where, when, whose, how many dead (no description, sources or provenance). */
const mapPointColumns = {
  occurredOn: incidents.occurredOn,
  city: incidents.city,
  place: incidents.place,
  placeFr: incidents.placeFr,
  placeAr: incidents.placeAr,
  countryIso3: incidents.countryIso3,
  latitude: incidents.latitude,
  longitude: incidents.longitude,
  branchSlug: incidents.branchSlug,
  killedLow: incidents.killedLow,
  killedHigh: incidents.killedHigh,
};
export type MapIncident = Pick<IncidentRow, keyof typeof mapPointColumns>;

/** The most recent matching incidents that have coordinates, at most `limit` (only what a map point shows), and how many there are. */
export async function locatedIncidents(db: Db, actor: MaybeActor, query: Omit<IncidentQuery, 'page' | 'pageSize' | 'lang'>, limit: number): Promise<{ rows: MapIncident[]; total: number }> {
  const found = await db
    .select({ incident: mapPointColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(incidents)
    .where(and(filtersOf(actor, query), isNotNull(incidents.latitude), isNotNull(incidents.longitude)))
    .orderBy(desc(incidents.occurredOn), asc(incidents.id))
    .limit(limit);
  return { rows: found.map((row) => row.incident), total: found[0]?.total ?? 0 };
}

/** A branch's incidents and known deaths by year, summed in the database. */
export function activityByYear(db: Db, actor: MaybeActor, branchSlug: string): Promise<{ year: string; incidents: number; killed: number }[]> {
  const year = sql<string>`to_char(${incidents.occurredOn}::date, 'YYYY')`;
  return db
    .select({ year, incidents: count(), killed: sql<number>`coalesce(sum(${incidents.killedLow}), 0)`.mapWith(Number) })
    .from(incidents)
    .where(filtersOf(actor, { branch: branchSlug }))
    .groupBy(year)
    .orderBy(year);
}

export async function findIncident(db: Db, actor: MaybeActor, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(and(eq(incidents.id, id), visibleTo(actor, incidents)));
  return row;
}

/** Incidents of a branch on a day in the same city (or country, when no city is given): likely the same attack. */
export function likelyDuplicates(db: Db, branchSlug: string, occurredOn: string, countryIso3: string, city: string) {
  return db
    .select({ id: incidents.id, city: incidents.city })
    .from(incidents)
    .where(and(eq(incidents.branchSlug, branchSlug), eq(incidents.occurredOn, occurredOn), eq(incidents.countryIso3, countryIso3), city ? sql`lower(${incidents.city}) = ${city.toLowerCase()}` : undefined));
}

export async function insertIncident(tx: Db, values: typeof incidents.$inferInsert): Promise<IncidentRow> {
  const [row] = await tx.insert(incidents).values(values).returning();
  return row as IncidentRow;
}

/**
 * Meetings whose agenda names the branch (short name or an alias) in a title, topic or outcome. The words
 * are searched through one expression, the one the trigram index agenda_items_words_trgm_idx is built on.
 */
export function meetingsMentioning(db: Db, actor: MaybeActor, names: string[]) {
  const escaped = names.map((name) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const words = sql`agenda_item_words(${agendaItems.title}, ${agendaItems.outcome}, ${agendaItems.topics})`;
  const mentions = or(...escaped.map((pattern) => sql`${words} ilike ${pattern}`));
  return db
    .selectDistinct({ id: meetings.id, title: meetings.title, titleFr: meetings.titleFr, titleAr: meetings.titleAr, startsAt: meetings.startsAt, timeZone: meetings.timeZone, datePrecision: meetings.datePrecision })
    .from(meetings)
    .innerJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
    .where(and(visibleTo(actor, meetings), mentions))
    .orderBy(desc(meetings.startsAt))
    .limit(50);
}
