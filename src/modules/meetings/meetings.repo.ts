import { and, asc, count, desc, eq, exists, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agendaItems, meetingLinks, meetingParticipants, meetings, theaters } from '../../db/schema/meetings.ts';
import { partners, people } from '../../db/schema/partners.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { LIST_COUNT_LIMIT } from '../../platform/keyset.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { visibleTo } from '../../platform/authz.ts';
import type { MeetingListQuery } from './meetings.schema.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeetingRow = typeof meetings.$inferInsert;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type TheaterRow = typeof theaters.$inferSelect;

export interface ParticipantRow {
  id: string;
  partnerId: string;
  partnerNameEn: string;
  partnerNameFr: string;
  partnerNameAr: string;
  personId: string | null;
  personName: string | null;
  personTitle: string | null;
  role: 'host' | 'chair' | 'briefer' | 'member' | 'observer';
}

export interface LinkedMeeting {
  id: string;
  title: string;
  titleFr: string | null;
  titleAr: string | null;
  startsAt: Date;
  datePrecision: MeetingRow['datePrecision'];
  timeZone: string;
  topic: string;
  /** The readout's words that made the link, when it was accepted from an ingested readout; empty when linked by hand. */
  source: string;
}

/** Meetings with an agenda item on this theater or one of its sub-regions. */
function onTheater(slug: string): SQL {
  return sql`exists (select 1 from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id}
    and ${agendaItems.theaterSlugs} && array(select ${theaters.slug} from ${theaters} where ${theaters.slug} = ${slug} or ${theaters.parentSlug} = ${slug}))`;
}

export async function listMeetings(db: Db, actor: MaybeActor, query: MeetingListQuery, now = new Date()): Promise<{ rows: MeetingRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [visibleTo(actor, meetings)];
  if (query.when === 'upcoming') conditions.push(gte(meetings.endsAt, now));
  if (query.when === 'past') conditions.push(lt(meetings.endsAt, now));
  if (query.groupId) conditions.push(eq(meetings.groupId, query.groupId));
  if (query.format) conditions.push(eq(meetings.format, query.format));
  if (query.year) {
    conditions.push(and(gte(meetings.startsAt, new Date(Date.UTC(query.year, 0, 1))), lt(meetings.startsAt, new Date(Date.UTC(query.year + 1, 0, 1)))));
  }
  if (query.theater) conditions.push(onTheater(query.theater));
  if (query.q?.trim()) {
    // LIKE wildcards typed by the reader are text, not patterns.
    const pattern = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const inAgenda = db.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetings.id), ilike(agendaItems.title, pattern)));
    conditions.push(or(ilike(meetings.title, pattern), ilike(meetings.notes, pattern), ilike(meetings.city, pattern), exists(inAgenda)));
  }
  const pageSize = query.pageSize ?? 25;
  // Upcoming meetings read soonest first; everything else newest first.
  const order = query.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt);
  // The page walks the start-time index; the count, apart and stopped at LIST_COUNT_LIMIT + 1, reads
  // no wide row (a window count over the page query made every matching meeting's notes be read).
  const where = and(...conditions);
  const matching = db.select({ id: meetings.id }).from(meetings).where(where).limit(LIST_COUNT_LIMIT + 1).as('matching');
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(meetings)
      .where(where)
      .orderBy(order, asc(meetings.id))
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db.select({ n: count() }).from(matching),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** The latest `limit` meetings the actor may see, newest first (the order of the meeting list), uncounted. */
export function latestMeetings(db: Db, actor: MaybeActor, limit: number): Promise<MeetingRow[]> {
  return db.select().from(meetings).where(visibleTo(actor, meetings)).orderBy(desc(meetings.startsAt), asc(meetings.id)).limit(limit);
}

export async function findMeeting(db: Db, actor: MaybeActor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(and(eq(meetings.id, id), visibleTo(actor, meetings)));
  return row;
}

/** Meetings the actor may see that started in [from, to) (either end open when not given); newest first, at most `limit`. */
export function meetingsInPeriod(db: Db, actor: MaybeActor, period: { from?: Date; to?: Date }, limit: number): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(visibleTo(actor, meetings), period.from ? gte(meetings.startsAt, period.from) : undefined, period.to ? lt(meetings.startsAt, period.to) : undefined))
    .orderBy(desc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
}

export async function insertMeeting(db: Db, values: NewMeetingRow): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(values).returning();
  if (!row) throw new Error('meeting insert returned nothing');
  return row;
}

export function updateMeeting(db: Db, id: string, expectedVersion: number, values: Partial<NewMeetingRow>): Promise<MeetingRow | undefined> {
  return updateVersioned(db, meetings, id, expectedVersion, values);
}

export async function participantsOf(db: Db, meetingId: string): Promise<ParticipantRow[]> {
  return db
    .select({
      id: meetingParticipants.id,
      partnerId: meetingParticipants.partnerId,
      partnerNameEn: partners.nameEn,
      partnerNameFr: partners.nameFr,
      partnerNameAr: partners.nameAr,
      personId: meetingParticipants.personId,
      personName: people.name,
      personTitle: people.title,
      role: meetingParticipants.role,
    })
    .from(meetingParticipants)
    .innerJoin(partners, eq(partners.id, meetingParticipants.partnerId))
    .leftJoin(people, eq(people.id, meetingParticipants.personId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(sql`array_position(array['host','chair','briefer','member','observer']::participant_role[], ${meetingParticipants.role})`, asc(partners.nameEn));
}

export async function insertParticipant(db: Db, values: typeof meetingParticipants.$inferInsert): Promise<void> {
  await db.insert(meetingParticipants).values(values);
}

export async function deleteParticipant(db: Db, meetingId: string, participantId: string): Promise<boolean> {
  const removed = await db
    .delete(meetingParticipants)
    .where(and(eq(meetingParticipants.id, participantId), eq(meetingParticipants.meetingId, meetingId)))
    .returning({ id: meetingParticipants.id });
  return removed.length === 1;
}

export async function agendaOf(db: Db, meetingId: string): Promise<AgendaItemRow[]> {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/** The agendas of several meetings in one query, by meeting (each in its order). */
export async function agendasOf(db: Db, meetingIds: string[]): Promise<Map<string, AgendaItemRow[]>> {
  const byMeeting = new Map<string, AgendaItemRow[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return byMeeting;
  const rows = await db.select().from(agendaItems).where(inArray(agendaItems.meetingId, meetingIds)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  for (const row of rows) byMeeting.get(row.meetingId)?.push(row);
  return byMeeting;
}

export async function insertAgendaItem(db: Db, values: Omit<typeof agendaItems.$inferInsert, 'position'>): Promise<AgendaItemRow> {
  const [row] = await db
    .insert(agendaItems)
    .values({ ...values, position: sql`(select coalesce(max(${agendaItems.position}), 0) + 1 from ${agendaItems} where ${agendaItems.meetingId} = ${values.meetingId})` })
    .returning();
  if (!row) throw new Error('agenda item insert returned nothing');
  return row;
}

export async function updateAgendaItem(db: Db, meetingId: string, itemId: string, values: Partial<typeof agendaItems.$inferInsert>): Promise<AgendaItemRow | undefined> {
  const [row] = await db.update(agendaItems).set(values).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId))).returning();
  return row;
}

export async function deleteAgendaItem(db: Db, meetingId: string, itemId: string): Promise<boolean> {
  const removed = await db.delete(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId))).returning({ id: agendaItems.id });
  return removed.length === 1;
}

/** The cities of the meetings every partner may read, with their countries (ingest's gazetteer). */
export function meetingPlacesKnownToAll(db: Db): Promise<{ city: string; countryIso3: string | null }[]> {
  return db
    .selectDistinct({ city: sql<string>`${meetings.city}`, countryIso3: meetings.countryIso3 })
    .from(meetings)
    .where(and(sql`${meetings.city} is not null and ${meetings.city} <> ''`, inArray(meetings.classification, ['public', 'coalition'])));
}

/** Changes whenever a meeting is added, edited or removed, and whenever a theater is: counts, latest edits and a digest. */
export async function placesStamp(db: Db): Promise<string> {
  const [row] = await db
    .select({
      meetings: sql<string>`(select count(*) || ':' || coalesce(max(updated_at)::text, '') from ${meetings})`,
      theaters: sql<string>`(select md5(coalesce(string_agg(slug || name_en || name_fr || name_ar, '|' order by slug), '')) from ${theaters})`,
    })
    .from(sql`(select 1) as one`);
  return `${row?.meetings}|${row?.theaters}`;
}

export async function allTheaters(db: Db): Promise<TheaterRow[]> {
  return db.select().from(theaters).orderBy(asc(theaters.position), asc(theaters.nameEn));
}

export async function insertLink(db: Db, values: typeof meetingLinks.$inferInsert): Promise<void> {
  await db.insert(meetingLinks).values(values).onConflictDoNothing();
}

/** Both directions of the links a meeting takes part in, limited to meetings the reader may see: one statement, each direction in date order. */
export async function linksOf(db: Db, actor: MaybeActor, meetingId: string): Promise<{ earlier: LinkedMeeting[]; later: LinkedMeeting[] }> {
  const carriesForward = eq(meetingLinks.fromMeetingId, meetingId);
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      titleFr: meetings.titleFr,
      titleAr: meetings.titleAr,
      startsAt: meetings.startsAt,
      datePrecision: meetings.datePrecision,
      timeZone: meetings.timeZone,
      topic: meetingLinks.topic,
      source: meetingLinks.source,
      earlier: sql<boolean>`${carriesForward}`,
    })
    .from(meetingLinks)
    .innerJoin(meetings, or(and(carriesForward, eq(meetings.id, meetingLinks.toMeetingId)), and(eq(meetingLinks.toMeetingId, meetingId), eq(meetings.id, meetingLinks.fromMeetingId))))
    .where(and(or(carriesForward, eq(meetingLinks.toMeetingId, meetingId)), visibleTo(actor, meetings)))
    .orderBy(asc(meetings.startsAt));
  const earlier: LinkedMeeting[] = [];
  const later: LinkedMeeting[] = [];
  for (const { earlier: isEarlier, ...link } of rows) (isEarlier ? earlier : later).push(link);
  return { earlier, later };
}

/** Every visible meeting on a topic's thread, in date order: linked on the topic, or with an agenda item tagged with it. */
export async function topicThread(db: Db, actor: MaybeActor, topic: string): Promise<MeetingRow[]> {
  const tagged = or(
    sql`exists (select 1 from ${meetingLinks} where ${meetingLinks.topic} = ${topic} and (${meetingLinks.fromMeetingId} = ${meetings.id} or ${meetingLinks.toMeetingId} = ${meetings.id}))`,
    sql`exists (select 1 from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id} and ${topic} = any(${agendaItems.topics}))`,
  );
  return db.select().from(meetings).where(and(tagged, visibleTo(actor, meetings))).orderBy(asc(meetings.startsAt));
}
