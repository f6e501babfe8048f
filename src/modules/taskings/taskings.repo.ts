import { and, arrayContains, asc, desc, eq, gte, inArray, isNotNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { commitments, taskings, taskingUpdates } from '../../db/schema/taskings.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { visibleTo } from '../../platform/authz.ts';
import type { TaskingQuery } from './taskings.schema.ts';

export type TaskingRow = typeof taskings.$inferSelect;
export type UpdateRow = typeof taskingUpdates.$inferSelect;
export type CommitmentRow = typeof commitments.$inferSelect;

export interface TaskingFilter {
  groupId?: string;
  groupIds?: string[];
  meetingId?: string;
  status?: TaskingQuery['status'];
  branch?: string;
}

export type TaskingPage = { rows: TaskingRow[]; total: number };

/** Rows carry the total as a window count: one round trip for a page and its count. */
async function pageOf(query: Promise<{ tasking: TaskingRow; total: number }[]>): Promise<TaskingPage> {
  const found = await query;
  return { rows: found.map((row) => row.tasking), total: found[0]?.total ?? 0 };
}

const withTotal = { tasking: taskings, total: sql<number>`count(*) over ()`.mapWith(Number) };

/** One page of the taskings the actor may read, soonest due first; every filter is a condition in SQL. */
export function listTaskings(db: Db, actor: MaybeActor, query: TaskingFilter & { page: number; pageSize: number }): Promise<TaskingPage> {
  const conditions: (SQL | undefined)[] = [
    visibleTo(actor, taskings),
    query.groupId ? eq(taskings.groupId, query.groupId) : undefined,
    query.groupIds ? inArray(taskings.groupId, query.groupIds.length ? query.groupIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    query.meetingId ? eq(taskings.meetingId, query.meetingId) : undefined,
    query.status ? eq(taskings.status, query.status) : undefined,
    query.branch ? arrayContains(taskings.branchSlugs, [query.branch]) : undefined,
  ];
  return pageOf(
    db
      .select(withTotal)
      .from(taskings)
      .where(and(...conditions))
      .orderBy(sql`${taskings.dueOn} asc nulls last`, asc(taskings.createdAt), asc(taskings.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  );
}

/** Open taskings with a due date, overdue and soonest first, at most `limit`, and how many there are. */
export function openTaskingsByDueDate(db: Db, actor: MaybeActor, limit: number): Promise<TaskingPage> {
  return pageOf(
    db
      .select(withTotal)
      .from(taskings)
      .where(and(visibleTo(actor, taskings), ne(taskings.status, 'closed'), isNotNull(taskings.dueOn)))
      .orderBy(asc(taskings.dueOn), asc(taskings.createdAt), asc(taskings.id))
      .limit(limit),
  );
}

/** Open taskings of the given groups that are due by `dueBy` or were set since `createdSince`, overdue first. */
export function taskingsDueOrNew(db: Db, actor: MaybeActor, query: { groupIds: string[]; dueBy: string; createdSince: Date; limit: number }): Promise<TaskingPage> {
  if (!query.groupIds.length) return Promise.resolve({ rows: [], total: 0 });
  return pageOf(
    db
      .select(withTotal)
      .from(taskings)
      .where(and(visibleTo(actor, taskings), inArray(taskings.groupId, query.groupIds), ne(taskings.status, 'closed'), or(lte(taskings.dueOn, query.dueBy), gte(taskings.createdAt, query.createdSince))))
      .orderBy(sql`${taskings.dueOn} asc nulls last`, asc(taskings.createdAt), asc(taskings.id))
      .limit(query.limit),
  );
}

export async function findTasking(db: Db, actor: MaybeActor, id: string): Promise<TaskingRow | undefined> {
  const [row] = await db.select().from(taskings).where(and(eq(taskings.id, id), visibleTo(actor, taskings)));
  return row;
}

/** Every tasking under the given roots, at any depth, that the actor may read: one query per level. */
export async function descendantsOf(db: Db, actor: MaybeActor, rootIds: string[]): Promise<TaskingRow[]> {
  const found: TaskingRow[] = [];
  let frontier = rootIds;
  while (frontier.length) {
    const children = await db.select().from(taskings).where(and(inArray(taskings.parentId, frontier), visibleTo(actor, taskings)));
    found.push(...children);
    frontier = children.map((child) => child.id);
  }
  return found;
}

export async function insertTasking(tx: Db, values: typeof taskings.$inferInsert): Promise<TaskingRow> {
  const [row] = await tx.insert(taskings).values(values).returning();
  return row as TaskingRow;
}

export function updateTasking(tx: Db, id: string, version: number, values: Partial<typeof taskings.$inferInsert>) {
  return updateVersioned(tx, taskings, id, version, values);
}

export function updatesOf(db: Db, taskingIds: string[]): Promise<UpdateRow[]> {
  if (!taskingIds.length) return Promise.resolve([]);
  return db.select().from(taskingUpdates).where(inArray(taskingUpdates.taskingId, taskingIds)).orderBy(asc(taskingUpdates.createdAt));
}

export async function insertUpdate(tx: Db, values: typeof taskingUpdates.$inferInsert): Promise<UpdateRow> {
  const [row] = await tx.insert(taskingUpdates).values(values).returning();
  return row as UpdateRow;
}

export interface CommitmentFilter {
  overdueBefore?: string;
  openOnly?: boolean;
  meetingIds?: string[];
}

function commitmentConditions(actor: MaybeActor, options: CommitmentFilter): SQL | undefined {
  return and(
    visibleTo(actor, commitments),
    options.overdueBefore ? and(eq(commitments.status, 'open'), lt(commitments.dueOn, options.overdueBefore)) : undefined,
    options.openOnly ? eq(commitments.status, 'open') : undefined,
    options.meetingIds ? inArray(commitments.meetingId, options.meetingIds.length ? options.meetingIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
  );
}

export function listCommitments(db: Db, actor: MaybeActor, options: CommitmentFilter = {}): Promise<CommitmentRow[]> {
  return db.select().from(commitments).where(commitmentConditions(actor, options)).orderBy(desc(commitments.createdAt));
}

/**
 * One page of the register and how many there are, in one round trip. Rows of one partner (or meeting)
 * come together, so a page shows whole groups under their headings; newest first within a group.
 */
export async function pageOfCommitments(
  db: Db,
  actor: MaybeActor,
  options: CommitmentFilter & { groupBy: 'partner' | 'meeting' | 'none'; page: number; pageSize: number },
): Promise<{ rows: CommitmentRow[]; total: number }> {
  const groupOrder = options.groupBy === 'partner' ? [sql`${commitments.partnerId} asc nulls last`] : options.groupBy === 'meeting' ? [asc(commitments.meetingId)] : [];
  const found = await db
    .select({ commitment: commitments, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(commitments)
    .where(commitmentConditions(actor, options))
    .orderBy(...groupOrder, desc(commitments.createdAt), asc(commitments.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { rows: found.map((row) => row.commitment), total: found[0]?.total ?? 0 };
}

export async function findCommitment(db: Db, actor: MaybeActor, id: string): Promise<CommitmentRow | undefined> {
  const [row] = await db.select().from(commitments).where(and(eq(commitments.id, id), visibleTo(actor, commitments)));
  return row;
}

export async function insertCommitment(tx: Db, values: typeof commitments.$inferInsert): Promise<CommitmentRow> {
  const [row] = await tx.insert(commitments).values(values).returning();
  return row as CommitmentRow;
}

export async function setCommitmentStatus(tx: Db, id: string, values: Pick<typeof commitments.$inferInsert, 'status' | 'evidence'>): Promise<CommitmentRow | undefined> {
  const [row] = await tx.update(commitments).set({ ...values, updatedAt: new Date() }).where(eq(commitments.id, id)).returning();
  return row;
}
