import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { NotFound } from '../../platform/errors.ts';
import { getMeeting, type MeetingRow, meetingDay, meetingsInPeriod } from '../meetings/meetings.service.ts';

/** At most this many meetings are offered for one reference: a drop-down a reviewer can still read. */
export const EARLIER_MEETING_CHOICES = 50;

/** How far either side of the date a readout gives an earlier meeting may lie: readouts say "in June" of a meeting held late May. */
const MONTHS_AROUND = 3;

export interface EarlierMeetingChoices {
  meetings: MeetingRow[];
  /** The one meeting held in the stated month (and city, when named); null unless exactly one is. */
  guess: string | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The period a reference's date ("2021", "2021-06", "2021-06-28") names, widened by three months either side; null for no date. */
function periodAround(when: string): { stated: string; around: { from: Date; to: Date } } | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(when);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) - 1 : null, match[3] ? Number(match[3]) : null];
  const from = new Date(Date.UTC(year, month ?? 0, day ?? 1));
  const to = day !== null ? new Date(Date.UTC(year, month ?? 0, day + 1)) : month !== null ? new Date(Date.UTC(year, month + 1, 1)) : new Date(Date.UTC(year + 1, 0, 1));
  const shift = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
  return { stated: match[0], around: { from: shift(from, -MONTHS_AROUND), to: shift(to, MONTHS_AROUND) } };
}

/** Whether a meeting was held in the period a text states, on the calendar of the place it was held (half past midnight in Rome is still the day before in UTC). */
function heldIn(meeting: MeetingRow, stated: string): boolean {
  const day = meetingDay(meeting);
  return day.startsWith(stated) || stated.startsWith(day);
}

/**
 * The meetings a reviewer may pick for a reference to an earlier meeting: those they may read within three
 * months of the date the text gives (the most recent when it gives none), at most fifty, and held before
 * `before`, the start of the meeting the readout records, when it is accepted. A guess is made only when
 * exactly one of them was held in the stated period (and city, when the text names one): two candidates
 * are the reviewer's call, not ours.
 */
export async function earlierMeetingChoices(db: Db, actor: MaybeActor, reference: Record<string, unknown>, before: Date | null): Promise<EarlierMeetingChoices> {
  const period = periodAround(text(reference.when));
  // Only meetings held before the one the readout records: the link runs to an earlier meeting.
  const to = period && before ? new Date(Math.min(period.around.to.getTime(), before.getTime())) : (before ?? period?.around.to);
  const meetings = await meetingsInPeriod(db, actor, { from: period?.around.from, to }, EARLIER_MEETING_CHOICES);
  if (!period) return { meetings, guess: null };
  const city = text(reference.where).toLowerCase();
  const matching = meetings.filter((meeting) => heldIn(meeting, period.stated) && (!city || (meeting.city ?? '').toLowerCase() === city));
  return { meetings, guess: matching.length === 1 ? (matching[0]?.id ?? null) : null };
}

/** A meeting the reader may read by its id, or undefined: a hidden one is never named. */
async function readableMeeting(db: Db, actor: MaybeActor, id: string): Promise<MeetingRow | undefined> {
  return getMeeting(db, actor, id).catch((error: unknown) => {
    if (error instanceof NotFound) return undefined;
    throw error;
  });
}

/** When the meeting this document records (its accepted meeting fact) began; null until it is accepted. */
export async function recordedMeetingStart(db: Db, actor: MaybeActor, facts: { kind: string; status: string; recordType?: string | null; recordId?: string | null }[]): Promise<Date | null> {
  const id = facts.find((fact) => fact.kind === 'meeting' && fact.status === 'accepted' && fact.recordId)?.recordId;
  return id ? ((await readableMeeting(db, actor, id))?.startsAt ?? null) : null;
}

export interface ReferenceMeetings {
  /** Per proposed reference (by fact id): the meetings its drop-down offers. */
  choices: Map<string, EarlierMeetingChoices>;
  /** Meetings an accepted reference links to, by id: its card names them by title and date, never by id. */
  linked: Map<string, MeetingRow>;
}

/** What the review page needs for a document's references: choices for those waiting, the meeting for those accepted. */
export async function referenceMeetings(db: Db, actor: MaybeActor, facts: { id: string; kind: string; status: string; proposal: Record<string, unknown>; accepted: unknown; recordId: string | null }[]): Promise<ReferenceMeetings> {
  const choices = new Map<string, EarlierMeetingChoices>();
  const linked = new Map<string, MeetingRow>();
  const before = await recordedMeetingStart(db, actor, facts);
  for (const fact of facts) {
    if (fact.kind !== 'reference') continue;
    if (fact.status === 'proposed') choices.set(fact.id, await earlierMeetingChoices(db, actor, fact.proposal, before));
    const id = text((fact.accepted as Record<string, unknown> | null)?.earlierMeetingId);
    // A meeting the reviewer may no longer read is left unnamed (the id is not shown in its place).
    if (fact.status !== 'accepted' || !/^[0-9a-f-]{36}$/.test(id)) continue;
    const meeting = await readableMeeting(db, actor, id);
    if (meeting) linked.set(meeting.id, meeting);
  }
  return { choices, linked };
}
