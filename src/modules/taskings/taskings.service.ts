import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize, isSecretariat } from '../../platform/authz.ts';
import { type FieldProblem, Forbidden, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { agendaOf, allTheaters, findMeeting } from '../meetings/meetings.repo.ts';
import { checkedClassification } from '../partners/classification.ts';
import { findGroup, groupMembersOf, groupsOfPartner } from '../partners/partners.repo.ts';
import { listBranches } from '../threats/threats.repo.ts';
import { rolledProgress, type ProgressNode } from './rollup.ts';
import * as repo from './taskings.repo.ts';
import { TaskingChange, TaskingInput, type TaskingQuery, UpdateInput } from './taskings.schema.ts';

export type { TaskingRow, UpdateRow } from './taskings.repo.ts';
export type TaskingWithProgress = repo.TaskingRow & { rolledProgress: number; hasChildren: boolean };

const progressProblem = (value: number | null | undefined): FieldProblem[] =>
  typeof value === 'number' && (value < 0 || value > 100) ? [{ field: 'progress', message: say('problem.progressRange', { value }) }] : [];

/** Whether the actor's partner co-leads the group: co-leads report back on their group's taskings. */
export async function coLeads(db: Db, actor: MaybeActor, groupId: string): Promise<boolean> {
  if (!actor?.partnerId) return false;
  const members = (await groupMembersOf(db, actor, [groupId])).get(groupId) ?? [];
  return members.some((member) => member.role === 'co-lead' && member.partnerId === actor.partnerId);
}

/** ASVS V4.2.1: the secretariat, or a co-lead of the tasked group, and no one else. */
async function authorizeReport(db: Db, actor: MaybeActor, tasking: repo.TaskingRow): Promise<void> {
  authorize(actor, 'tasking.report');
  if (!isSecretariat(actor) && !(await coLeads(db, actor, tasking.groupId))) throw new Forbidden(say('problem.taskingReportForbidden'));
}

function withProgress(rows: repo.TaskingRow[], all: repo.TaskingRow[]): TaskingWithProgress[] {
  const children = new Map<string, repo.TaskingRow[]>();
  for (const row of all) if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const node = (row: repo.TaskingRow): ProgressNode => ({ progress: row.progress, weight: row.weight, rollup: row.rollup, children: (children.get(row.id) ?? []).map(node) });
  return rows.map((row) => ({ ...row, rolledProgress: rolledProgress(node(row)), hasChildren: children.has(row.id) }));
}

/** Rolls up each row's progress from its own sub-taskings only, so a page costs a query per level of depth, not the whole table. */
async function withRolledProgress(db: Db, actor: MaybeActor, rows: repo.TaskingRow[]): Promise<TaskingWithProgress[]> {
  const descendants = rows.length ? await repo.descendantsOf(db, actor, rows.map((row) => row.id)) : [];
  return withProgress(rows, [...rows, ...descendants]);
}

export const TASKINGS_PAGE_SIZE = 50;

export interface TaskingsPage {
  rows: TaskingWithProgress[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listTaskings(db: Db, actor: MaybeActor, query: Omit<TaskingQuery, 'lang'> & { groupIds?: string[] }): Promise<TaskingsPage> {
  authorize(actor, 'tasking.read');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? TASKINGS_PAGE_SIZE;
  const { rows, total } = await repo.listTaskings(db, actor, { ...query, page, pageSize });
  return { rows: await withRolledProgress(db, actor, rows), total, page, pageSize };
}

/** A tasking with its sub-taskings (progress rolled up) and the thread of updates on it and under it. */
export async function taskingRecord(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'tasking.read');
  const tasking = await repo.findTasking(db, actor, id);
  if (!tasking) throw new NotFound('tasking');
  const descendants = await repo.descendantsOf(db, actor, [id]);
  const [withRolled, ...children] = withProgress([tasking, ...descendants.filter((row) => row.parentId === id)], [tasking, ...descendants]);
  const [updates, mayReport] = await Promise.all([repo.updatesOf(db, [id, ...descendants.map((row) => row.id)]), isSecretariat(actor) || coLeads(db, actor, tasking.groupId)]);
  return { tasking: withRolled as TaskingWithProgress, children, updates, mayReport };
}

async function checkedTasking(db: Db, actor: MaybeActor, input: TaskingInput) {
  const problems: FieldProblem[] = [...progressProblem(input.progress)];
  const meeting = await findMeeting(db, actor, input.meetingId);
  if (!meeting) problems.push({ field: 'meetingId', message: say('problem.noSuchMeeting') });
  if (!(await findGroup(db, actor, input.groupId))) problems.push({ field: 'groupId', message: say('problem.noSuchTaskedGroup') });
  if (input.agendaItemId && meeting && !(await agendaOf(db, meeting.id)).some((item) => item.id === input.agendaItemId)) problems.push({ field: 'agendaItemId', message: say('problem.agendaItemElsewhere') });
  if (input.parentId && !(await repo.findTasking(db, actor, input.parentId))) problems.push({ field: 'parentId', message: say('problem.noSuchTasking') });
  const meetingDay = meeting?.startsAt.toISOString().slice(0, 10);
  if (input.dueOn && meetingDay && input.dueOn < meetingDay) problems.push({ field: 'dueOn', message: say('problem.taskingBeforeMeeting', { dueOn: input.dueOn, meetingDay }) });
  const branchSlugs = [...new Set(input.branchSlugs ?? [])];
  const knownBranches = new Set((await listBranches(db)).map((branch) => branch.slug));
  const unknownBranches = branchSlugs.filter((slug) => !knownBranches.has(slug));
  if (unknownBranches.length) problems.push({ field: 'branchSlugs', message: say('problem.noSuchBranches', { branches: unknownBranches.join(', ') }) });
  const theaterSlugs = [...new Set(input.theaterSlugs ?? [])];
  const knownTheaters = new Set((await allTheaters(db)).map((theater) => theater.slug));
  const unknownTheaters = theaterSlugs.filter((slug) => !knownTheaters.has(slug));
  if (unknownTheaters.length) problems.push({ field: 'theaterSlugs', message: say('problem.noSuchTheaters', { theaters: unknownTheaters.join(', ') }) });
  if (problems.length) throw new InvalidInput(problems);
  return {
    meetingId: input.meetingId,
    agendaItemId: input.agendaItemId ?? null,
    groupId: input.groupId,
    parentId: input.parentId ?? null,
    title: input.title.trim(),
    description: input.description?.trim() ?? '',
    branchSlugs,
    theaterSlugs,
    dueOn: input.dueOn ?? null,
    progress: input.progress ?? 0,
    weight: input.weight ?? 1,
    rollup: input.rollup ?? 'average',
    source: input.source?.trim() ?? '',
  };
}

export async function createTasking(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.TaskingRow> {
  authorize(actor, 'tasking.write');
  const input = parseInput(TaskingInput, raw);
  const values = await checkedTasking(db, actor, input);
  const classification = await checkedClassification(db, input, 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertTasking(tx, { ...values, ...classification });
    await appendAudit(tx, actor, { action: 'taskings.tasking-created', entityType: 'tasking', entityId: row.id, detail: { meetingId: row.meetingId, groupId: row.groupId, title: row.title, dueOn: row.dueOn } });
    return row;
  });
}

/**
 * The same tasking for several groups, all or nothing: every group is checked before anything is
 * written, and the rows and their audit events commit in one transaction, so a failure leaves none
 * and a retry duplicates none.
 */
export async function createTaskingsForGroups(db: Db, actor: MaybeActor, raw: Record<string, unknown>, groupIds: string[]): Promise<repo.TaskingRow[]> {
  authorize(actor, 'tasking.write');
  if (groupIds.length === 0) throw new InvalidInput([{ field: 'groupIds', message: say('problem.chooseGroupToTask') }]);
  const prepared: Parameters<typeof repo.insertTasking>[1][] = [];
  for (const groupId of new Set(groupIds)) {
    try {
      const input = parseInput(TaskingInput, { ...raw, groupId });
      prepared.push({ ...(await checkedTasking(db, actor, input)), ...(await checkedClassification(db, input, 'coalition', { actor })) });
    } catch (error) {
      // The form's field is the list of groups ticked.
      if (error instanceof InvalidInput) throw new InvalidInput(error.fields.map((problem) => (problem.field === 'groupId' ? { ...problem, field: 'groupIds' } : problem)));
      throw error;
    }
  }
  return db.transaction(async (tx) => {
    const rows = [];
    for (const values of prepared) {
      const row = await repo.insertTasking(tx, values);
      await appendAudit(tx, actor, { action: 'taskings.tasking-created', entityType: 'tasking', entityId: row.id, detail: { meetingId: row.meetingId, groupId: row.groupId, title: row.title, dueOn: row.dueOn } });
      rows.push(row);
    }
    return rows;
  });
}

/** Status, progress, due date, roll-up: co-leads move status and progress; dates and roll-up are the secretariat's. */
export async function changeTasking(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.TaskingRow> {
  const input = parseInput(TaskingChange, raw);
  const before = await repo.findTasking(db, actor, id);
  if (!before) throw new NotFound('tasking');
  await authorizeReport(db, actor, before);
  if ((input.dueOn !== undefined || input.rollup !== undefined) && !isSecretariat(actor)) throw new Forbidden(say('problem.dueDateSecretariatOnly'));
  const problems = progressProblem(input.progress);
  if (problems.length) throw new InvalidInput(problems);
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const row = await repo.updateTasking(tx, id, version, changes);
    if (!row) throw new StaleVersion(await repo.findTasking(tx, actor, id));
    await appendAudit(tx, actor, { action: 'taskings.tasking-changed', entityType: 'tasking', entityId: id, detail: { changes } });
    return row;
  });
}

/** A report-back on a tasking, optionally moving its progress and naming the meeting it was presented at. */
export async function postUpdate(db: Db, actor: MaybeActor, taskingId: string, raw: unknown): Promise<repo.UpdateRow> {
  const input = parseInput(UpdateInput, raw);
  const tasking = await repo.findTasking(db, actor, taskingId);
  if (!tasking) throw new NotFound('tasking');
  await authorizeReport(db, actor, tasking);
  const problems = progressProblem(input.progress);
  if (input.presentedAtMeetingId && !(await findMeeting(db, actor, input.presentedAtMeetingId))) problems.push({ field: 'presentedAtMeetingId', message: say('problem.noSuchMeeting') });
  if (problems.length) throw new InvalidInput(problems);
  return db.transaction(async (tx) => {
    const update = await repo.insertUpdate(tx, { taskingId, body: input.body.trim(), progress: input.progress ?? null, presentedAtMeetingId: input.presentedAtMeetingId ?? null, authorId: actor?.userId ?? null, authorLabel: actor?.label ?? 'unknown' });
    if (typeof input.progress === 'number') {
      const moved = await repo.updateTasking(tx, taskingId, tasking.version, { progress: input.progress, status: tasking.status === 'open' ? 'in-progress' : tasking.status });
      if (!moved) throw new StaleVersion(await repo.findTasking(tx, actor, taskingId));
    }
    await appendAudit(tx, actor, { action: 'taskings.update-posted', entityType: 'tasking', entityId: taskingId, detail: { updateId: update.id, progress: input.progress ?? null } });
    return update;
  });
}

/** For a co-lead: their groups' open taskings set in the last 14 days or due within 14 days (or overdue). */
/** At most this many taskings are listed as needing attention; the count says how many there are. */
const ATTENTION_LIMIT = 200;

/** Open taskings of the groups the actor's partner co-leads that are due within two weeks (or overdue) or new. */
export async function taskingsNeedingAttention(db: Db, actor: MaybeActor, now = new Date()): Promise<{ rows: TaskingWithProgress[]; total: number }> {
  authorize(actor, 'tasking.read');
  if (!actor?.partnerId) return { rows: [], total: 0 };
  const led = (await groupsOfPartner(db, actor, actor.partnerId)).filter((group) => group.role === 'co-lead').map((group) => group.id);
  const { rows, total } = await repo.taskingsDueOrNew(db, actor, {
    groupIds: led,
    dueBy: new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
    createdSince: new Date(now.getTime() - 14 * 86_400_000),
    limit: ATTENTION_LIMIT,
  });
  return { rows: await withRolledProgress(db, actor, rows), total };
}

/** Every open tasking with a due date the actor may read, overdue first: what the secretariat follows. */
export async function openTaskingsByDueDate(db: Db, actor: MaybeActor, limit: number): Promise<{ rows: TaskingWithProgress[]; total: number }> {
  authorize(actor, 'tasking.read');
  const { rows, total } = await repo.openTaskingsByDueDate(db, actor, limit);
  return { rows: await withRolledProgress(db, actor, rows), total };
}

/** The taskings that focus on a branch, with their updates: shown on the branch's page. */
export async function taskingsOnBranch(db: Db, actor: MaybeActor, branchSlug: string) {
  const { rows, total } = await listTaskings(db, actor, { branch: branchSlug, pageSize: TASKINGS_PAGE_SIZE });
  return { taskings: rows, total, updates: await repo.updatesOf(db, rows.map((row) => row.id)) };
}
