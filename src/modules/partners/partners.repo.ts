import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { groupMembers, groups, partners, people } from '../../db/schema/partners.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { visibleTo } from '../../platform/authz.ts';
import type { ListQuery } from './partners.schema.ts';

export type PartnerRow = typeof partners.$inferSelect;
export type NewPartnerRow = typeof partners.$inferInsert;
export type PersonRow = typeof people.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;
export type GroupMemberRow = { partnerId: string; role: 'member' | 'co-lead'; nameEn: string; nameFr: string; nameAr: string };

/** Escapes LIKE wildcards so a search for "100%" means the text, not a pattern. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SORT_COLUMNS = {
  name: sql`lower(${partners.nameEn})`,
  iso3: partners.iso3,
  joined: partners.joined,
  status: partners.status,
  kind: partners.kind,
};

export async function listPartners(db: Db, actor: MaybeActor, query: ListQuery): Promise<{ rows: PartnerRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [visibleTo(actor, partners)];
  if (query.q?.trim()) {
    const pattern = containing(query.q.trim());
    conditions.push(or(ilike(partners.nameEn, pattern), ilike(partners.nameFr, pattern), ilike(partners.nameAr, pattern), ilike(partners.iso3, pattern)));
  }
  if (query.kind) conditions.push(eq(partners.kind, query.kind));
  if (query.status) conditions.push(eq(partners.status, query.status));
  const where = and(...conditions);
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;
  const column = SORT_COLUMNS[query.sort ?? 'name'];
  const order = query.dir === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  // The total rides along as a window count: one round-trip instead of two on the common path.
  const found = await db
    .select({ partner: partners, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(partners)
    .where(where)
    .orderBy(order, asc(partners.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (found.length > 0) return { rows: found.map((r) => r.partner), total: found[0]?.total ?? 0 };
  // A page past the end has no row to carry the total.
  const [totalRow] = await db.select({ n: count() }).from(partners).where(where);
  return { rows: [], total: totalRow?.n ?? 0 };
}

export async function allVisiblePartners(db: Db, actor: MaybeActor): Promise<PartnerRow[]> {
  return db.select().from(partners).where(visibleTo(actor, partners)).orderBy(sql`lower(${partners.nameEn})`);
}

export async function findPartner(db: Db, actor: MaybeActor, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db.select().from(partners).where(and(eq(partners.id, id), visibleTo(actor, partners)));
  return row;
}

export async function findPartnerByKey(db: Db, key: { iso3?: string | null; nameEn: string }): Promise<PartnerRow | undefined> {
  const condition = key.iso3 ? eq(partners.iso3, key.iso3) : eq(sql`lower(${partners.nameEn})`, key.nameEn.toLowerCase());
  const [row] = await db.select().from(partners).where(condition);
  return row;
}

export async function insertPartner(db: Db, values: NewPartnerRow): Promise<PartnerRow> {
  const [row] = await db.insert(partners).values(values).returning();
  if (!row) throw new Error('partner insert returned nothing');
  return row;
}

/** Writes only when the stored version is the one the editor saw; returns undefined otherwise. */
export function updatePartner(db: Db, id: string, expectedVersion: number, values: Partial<NewPartnerRow>): Promise<PartnerRow | undefined> {
  return updateVersioned(db, partners, id, expectedVersion, values);
}

export async function countVisible(db: Db, actor: MaybeActor): Promise<{ partners: number; groups: number }> {
  const [p] = await db.select({ n: count() }).from(partners).where(visibleTo(actor, partners));
  const [g] = await db.select({ n: count() }).from(groups).where(visibleTo(actor, groups));
  return { partners: p?.n ?? 0, groups: g?.n ?? 0 };
}

/** Records every partner may read (public and coalition), whoever asks: names shared by a cache across readers. */
const knownToAll = (table: typeof partners | typeof groups) => inArray(table.classification, ['public', 'coalition']);

/** The names of the partners and groups every partner may read, for reading readouts. */
export async function namesKnownToAll(db: Db) {
  return {
    partners: await db.select({ nameEn: partners.nameEn, nameFr: partners.nameFr, nameAr: partners.nameAr, iso3: partners.iso3 }).from(partners).where(knownToAll(partners)),
    groups: await db.select({ name: groups.name, nameFr: groups.nameFr, nameAr: groups.nameAr, kind: groups.kind }).from(groups).where(knownToAll(groups)),
  };
}

/** A short text that changes whenever a partner or a group is added, edited or removed: counts and latest edits. */
export async function namesStamp(db: Db): Promise<string> {
  const [row] = await db.select({ partners: sql<string>`(select count(*) || ':' || coalesce(max(updated_at)::text, '') from ${partners})`, groups: sql<string>`(select count(*) || ':' || coalesce(max(updated_at)::text, '') from ${groups})` }).from(sql`(select 1) as one`);
  return `${row?.partners}|${row?.groups}`;
}

export async function partnersByIds(db: Db, ids: string[]): Promise<PartnerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(partners).where(inArray(partners.id, ids));
}

// People

export interface PeopleFilter {
  partnerId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type PersonWithPartner = PersonRow & { partnerNameEn: string };

export async function listPeople(db: Db, actor: MaybeActor, filter: PeopleFilter): Promise<{ rows: PersonWithPartner[]; total: number }> {
  const conditions: (SQL | undefined)[] = [visibleTo(actor, people), visibleTo(actor, partners)];
  if (filter.partnerId) conditions.push(eq(people.partnerId, filter.partnerId));
  if (filter.q?.trim()) {
    const pattern = containing(filter.q.trim());
    conditions.push(or(ilike(people.name, pattern), ilike(people.title, pattern), ilike(people.email, pattern), ilike(partners.nameEn, pattern)));
  }
  const pageSize = filter.pageSize ?? 50;
  const found = await db
    .select({ person: people, partnerNameEn: partners.nameEn, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(people)
    .innerJoin(partners, eq(people.partnerId, partners.id))
    .where(and(...conditions))
    .orderBy(sql`lower(${people.name})`, asc(people.id))
    .limit(pageSize)
    .offset(((filter.page ?? 1) - 1) * pageSize);
  return { rows: found.map((r) => ({ ...r.person, partnerNameEn: r.partnerNameEn })), total: found[0]?.total ?? 0 };
}

export async function findPerson(db: Db, actor: MaybeActor, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.id, id), visibleTo(actor, people)));
  return row;
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(people).values(values).returning();
  if (!row) throw new Error('person insert returned nothing');
  return row;
}

export function updatePerson(db: Db, id: string, expectedVersion: number, values: Partial<typeof people.$inferInsert>): Promise<PersonRow | undefined> {
  return updateVersioned(db, people, id, expectedVersion, values);
}

// Groups

export async function listGroups(db: Db, actor: MaybeActor): Promise<GroupRow[]> {
  return db.select().from(groups).where(visibleTo(actor, groups)).orderBy(asc(groups.name));
}

export async function findGroup(db: Db, actor: MaybeActor, id: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(groups).where(and(eq(groups.id, id), visibleTo(actor, groups)));
  return row;
}

/** A visible group by its name without a bracketed acronym ("Counter ISIS Finance Group"), however it is cased. */
export async function findGroupNamed(db: Db, actor: MaybeActor, name: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(groups).where(and(sql`lower(regexp_replace(${groups.name}, ${'\\s*\\(.*\\)$'}, '')) = lower(${name})`, visibleTo(actor, groups)));
  return row;
}

export async function groupMembersOf(db: Db, actor: MaybeActor, groupIds: string[]): Promise<Map<string, GroupMemberRow[]>> {
  const byGroup = new Map<string, GroupMemberRow[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .select({ groupId: groupMembers.groupId, partnerId: groupMembers.partnerId, role: groupMembers.role, nameEn: partners.nameEn, nameFr: partners.nameFr, nameAr: partners.nameAr })
    .from(groupMembers)
    .innerJoin(partners, eq(groupMembers.partnerId, partners.id))
    .where(and(inArray(groupMembers.groupId, groupIds), visibleTo(actor, partners)))
    .orderBy(desc(groupMembers.role), sql`lower(${partners.nameEn})`);
  for (const { groupId, ...member } of rows) {
    byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), member]);
  }
  return byGroup;
}

export async function groupsOfPartner(db: Db, actor: MaybeActor, partnerId: string): Promise<(GroupRow & { role: string })[]> {
  const rows = await db
    .select({ group: groups, role: groupMembers.role })
    .from(groupMembers)
    .innerJoin(groups, eq(groupMembers.groupId, groups.id))
    .where(and(eq(groupMembers.partnerId, partnerId), visibleTo(actor, groups)))
    .orderBy(asc(groups.name));
  return rows.map((r) => ({ ...r.group, role: r.role }));
}

export async function insertGroup(db: Db, values: typeof groups.$inferInsert): Promise<GroupRow> {
  const [row] = await db.insert(groups).values(values).returning();
  if (!row) throw new Error('group insert returned nothing');
  return row;
}

export function updateGroup(db: Db, id: string, expectedVersion: number, values: Partial<typeof groups.$inferInsert>): Promise<GroupRow | undefined> {
  return updateVersioned(db, groups, id, expectedVersion, values);
}

export async function replaceGroupMembers(db: Db, groupId: string, members: { partnerId: string; role: 'member' | 'co-lead' }[]): Promise<void> {
  await db.delete(groupMembers).where(eq(groupMembers.groupId, groupId));
  if (members.length) await db.insert(groupMembers).values(members.map((m) => ({ groupId, ...m })));
}

export async function findGroupBySlug(db: Db, slug: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(groups).where(eq(groups.slug, slug));
  return row;
}

export async function existingGroupIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: groups.id }).from(groups).where(inArray(groups.id, ids));
  return new Set(rows.map((r) => r.id));
}
