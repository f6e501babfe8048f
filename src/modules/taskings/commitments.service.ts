import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { type FieldProblem, InvalidInput, NotFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { allTheaters, findMeeting } from '../meetings/meetings.repo.ts';
import { checkedClassification } from '../partners/classification.ts';
import { findPartner } from '../partners/partners.repo.ts';
import * as repo from './taskings.repo.ts';
import { CommitmentInput, CommitmentStatusInput } from './taskings.schema.ts';
import { todayUtc } from '../../platform/calendar-day.ts';

export type { CommitmentRow } from './taskings.repo.ts';

/** Rows of the register on one page. */
export const COMMITMENTS_PAGE_SIZE = 50;

/**
 * One page of the register, as one of its views: open commitments by partner, all by meeting, or those
 * overdue; every filter is a condition in SQL.
 */
export async function listCommitments(
  db: Db,
  actor: MaybeActor,
  view: 'by-partner' | 'by-meeting' | 'overdue',
  paging: { page?: number; pageSize?: number; meetingId?: string } = {},
  today = todayUtc(),
) {
  authorize(actor, 'tasking.read');
  const page = paging.page ?? 1;
  const pageSize = paging.pageSize ?? COMMITMENTS_PAGE_SIZE;
  const filter =
    view === 'overdue'
      ? { overdueBefore: today, groupBy: 'none' as const }
      : view === 'by-partner'
        ? { openOnly: true, groupBy: 'partner' as const }
        : { groupBy: 'meeting' as const };
  const found = await repo.pageOfCommitments(db, actor, { ...filter, ...(paging.meetingId ? { meetingIds: [paging.meetingId] } : {}), page, pageSize });
  return { ...found, page, pageSize };
}

export async function commitmentsOfMeetings(db: Db, actor: MaybeActor, meetingIds: string[]) {
  authorize(actor, 'tasking.read');
  return repo.listCommitments(db, actor, { meetingIds });
}

/** One commitment the actor may read; NotFound for one unknown or hidden from them (no hint that it exists). */
export async function getCommitment(db: Db, actor: MaybeActor, id: string): Promise<repo.CommitmentRow> {
  authorize(actor, 'tasking.read');
  const row = await repo.findCommitment(db, actor, id);
  if (!row) throw new NotFound('commitment');
  return row;
}

export async function recordCommitment(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.CommitmentRow> {
  authorize(actor, 'commitment.write');
  const input = parseInput(CommitmentInput, raw);
  const problems: FieldProblem[] = [];
  const meeting = await findMeeting(db, actor, input.meetingId);
  if (!meeting) problems.push({ field: 'meetingId', message: say('problem.noSuchMeeting') });
  if (input.partnerId && !(await findPartner(db, actor, input.partnerId))) problems.push({ field: 'partnerId', message: say('problem.noSuchPartner') });
  if (input.theaterSlug && !(await allTheaters(db)).some((theater) => theater.slug === input.theaterSlug)) problems.push({ field: 'theaterSlug', message: say('problem.noSuchTheaters', { theaters: input.theaterSlug ?? '' }) });
  const meetingDay = meeting?.startsAt.toISOString().slice(0, 10);
  if (input.dueOn && meetingDay && input.dueOn < meetingDay) problems.push({ field: 'dueOn', message: say('problem.commitmentBeforeMeeting', { dueOn: input.dueOn, meetingDay }) });
  if (problems.length) throw new InvalidInput(problems);
  const classification = await checkedClassification(db, input, meeting?.classification ?? 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertCommitment(tx, {
      meetingId: input.meetingId,
      partnerId: input.partnerId ?? null,
      statement: input.statement.trim(),
      kind: input.kind,
      theaterSlug: input.theaterSlug ?? null,
      dueOn: input.dueOn ?? null,
      evidence: input.evidence ?? [],
      source: input.source?.trim() ?? '',
      ...classification,
    });
    await appendAudit(tx, actor, { action: 'taskings.commitment-recorded', entityType: 'commitment', entityId: row.id, detail: { meetingId: row.meetingId, partnerId: row.partnerId, kind: row.kind } });
    return row;
  });
}

export async function setCommitmentStatus(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.CommitmentRow> {
  authorize(actor, 'commitment.write');
  const input = parseInput(CommitmentStatusInput, raw);
  const before = await repo.findCommitment(db, actor, id);
  if (!before) throw new NotFound('commitment');
  if (input.status === 'met' && !(input.evidence?.length || before.evidence.length)) throw new InvalidInput([{ field: 'evidence', message: say('problem.evidenceNeeded') }]);
  return db.transaction(async (tx) => {
    const row = (await repo.setCommitmentStatus(tx, id, { status: input.status, evidence: [...before.evidence, ...(input.evidence ?? [])] })) as repo.CommitmentRow;
    await appendAudit(tx, actor, { action: 'taskings.commitment-status', entityType: 'commitment', entityId: id, detail: { from: before.status, to: input.status } });
    return row;
  });
}
