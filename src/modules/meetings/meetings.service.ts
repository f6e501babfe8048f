import { say } from '../../platform/i18n/say.ts';
import { DateTime, IANAZone } from 'luxon';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { type FigureCache, keptList, readerKey } from '../../platform/figure-cache.ts';
import { type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { changedFields, checkedClassification } from '../partners/classification.ts';
import { isKnownAlpha3 } from '../partners/countries.ts';
import { findGroup, findPartner, findPerson } from '../partners/partners.repo.ts';
import * as repo from './meetings.repo.ts';
import { AgendaItemInput, MeetingInput, type MeetingListQuery, MeetingLinkInput, MeetingUpdate, ParticipantInput } from './meetings.schema.ts';
import { translationValues } from '../../platform/translated-text.ts';

export type { MeetingRow } from './meetings.repo.ts';
/** How other modules name a meeting's day (ingest's review), the same words as the meeting pages: through the service, never the module's inner files. */
export { meetingDate, meetingDay } from './meeting-time.ts';

/** Wall-clock time in a zone → the instant, or null when the zone does not know that time (a DST gap). */
function instantIn(local: string, zone: string): Date | null {
  const time = DateTime.fromISO(local, { zone });
  if (!time.isValid) return null;
  // Luxon moves a time inside a spring-forward gap; refuse it rather than store a time nobody wrote.
  if (time.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) return null;
  return time.toJSDate();
}

/** The meeting's times, place and group checked beyond their shape; returns what to store. */
async function checkedMeeting(db: Db, actor: MaybeActor, input: MeetingInput) {
  const problems: FieldProblem[] = [];
  const zoneOk = IANAZone.isValidZone(input.timeZone);
  if (!zoneOk) problems.push({ field: 'timeZone', message: say('problem.notTimeZone', { value: input.timeZone, example: 'Europe/Rome, America/New_York, UTC' }) });
  const startsAt = zoneOk ? instantIn(input.startsLocal, input.timeZone) : null;
  const endsAt = zoneOk ? instantIn(input.endsLocal, input.timeZone) : null;
  if (zoneOk && !startsAt) problems.push({ field: 'startsLocal', message: say('problem.timeNotInZone', { zone: input.timeZone }) });
  if (zoneOk && !endsAt) problems.push({ field: 'endsLocal', message: say('problem.timeNotInZone', { zone: input.timeZone }) });
  if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime()) problems.push({ field: 'endsLocal', message: say('problem.endsBeforeStart') });
  const countryIso3 = input.countryIso3?.toUpperCase() ?? null;
  if (countryIso3 && !isKnownAlpha3(countryIso3)) problems.push({ field: 'countryIso3', message: say('problem.notAlpha3', { value: countryIso3 }) });
  if ((input.setting === 'in-person' || input.setting === 'hybrid') && !input.city?.trim()) problems.push({ field: 'city', message: say('problem.cityNeeded') });
  if (input.groupId && !(await findGroup(db, actor, input.groupId))) problems.push({ field: 'groupId', message: say('problem.noSuchGroup') });
  if (problems.length) throw new InvalidInput(problems);
  return {
    title: input.title.trim(),
    ...translationValues(input, 'title'),
    format: input.format,
    groupId: input.groupId ?? null,
    setting: input.setting,
    city: input.city?.trim() || null,
    countryIso3,
    startsAt: startsAt as Date,
    endsAt: endsAt as Date,
    timeZone: input.timeZone,
    datePrecision: input.datePrecision ?? 'minute',
    notes: input.notes?.trim() ?? '',
    source: input.source ?? '',
  };
}

/**
 * A page of meetings and how many match. With `kept` (the process's figure cache), a page that reads the
 * meetings table alone (no period relative to now, no theater, no search, which read agenda items) is kept
 * until meetings change (topic `readouts`, which meeting changes announce), per kind of reader; only the
 * first few pages, so that a walk through every page does not crowd the topic's other copies out.
 */
export function listMeetings(db: Db, actor: MaybeActor, query: MeetingListQuery, kept?: FigureCache) {
  authorize(actor, 'meeting.read');
  const read = () => repo.listMeetings(db, actor, query);
  if (!kept || query.when || query.theater || query.q?.trim() || (query.page ?? 1) > 5) return read();
  const key = ['meeting-list', readerKey(actor), query.groupId ?? '', query.format ?? '', query.year ?? '', query.page ?? 1, query.pageSize ?? 25].join('|');
  return keptList(kept, 'readouts', key, read);
}

/**
 * The latest `limit` meetings the reader may see, newest first: the choices of meeting forms and the names
 * of meetings in tables. With `kept` (the process's figure cache), read once per kind of reader until a
 * meeting changes (the meetings table announces topic `readouts`, migration 0038).
 */
export function latestMeetings(db: Db, actor: MaybeActor, limit: number, kept?: FigureCache): Promise<repo.MeetingRow[]> {
  authorize(actor, 'meeting.read');
  return keptList(kept, 'readouts', `latest-meetings|${limit}|${readerKey(actor)}`, () => repo.latestMeetings(db, actor, limit));
}

/** The next meetings the actor may see, soonest first, each with its agenda: the home pages. */
export async function upcomingMeetingsWithAgenda(db: Db, actor: MaybeActor, limit: number, now = new Date()) {
  authorize(actor, 'meeting.read');
  const { rows } = await repo.listMeetings(db, actor, { when: 'upcoming', pageSize: limit }, now);
  const agendas = await repo.agendasOf(db, rows.map((meeting) => meeting.id));
  return rows.map((meeting) => ({ meeting, agenda: agendas.get(meeting.id) ?? [] }));
}

export async function getMeeting(db: Db, actor: MaybeActor, id: string): Promise<repo.MeetingRow> {
  authorize(actor, 'meeting.read');
  const meeting = await repo.findMeeting(db, actor, id);
  if (!meeting) throw new NotFound('meeting');
  return meeting;
}

/** Meetings the actor may read held in a period (or the latest, with none): the choices offered for a meeting a readout refers to. */
export async function meetingsInPeriod(db: Db, actor: MaybeActor, period: { from?: Date; to?: Date }, limit: number): Promise<repo.MeetingRow[]> {
  authorize(actor, 'meeting.read');
  return repo.meetingsInPeriod(db, actor, period, limit);
}

/** Everything the meeting page shows, each part limited to what the reader may see; `kept`: the process's figure cache, for the theaters. */
export async function getMeetingRecord(db: Db, actor: MaybeActor, id: string, kept?: FigureCache) {
  const meeting = await getMeeting(db, actor, id);
  const [participants, agenda, links, theaters, group] = await Promise.all([
    repo.participantsOf(db, id),
    repo.agendaOf(db, id),
    repo.linksOf(db, actor, id),
    listTheaters(db, kept),
    meeting.groupId ? findGroup(db, actor, meeting.groupId) : Promise.resolve(undefined),
  ]);
  return { meeting, participants, agenda, links, theaters, group: group ?? null };
}

export async function createMeeting(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.MeetingRow> {
  authorize(actor, 'meeting.write');
  const input = parseInput(MeetingInput, raw);
  const values = await checkedMeeting(db, actor, input);
  const classification = await checkedClassification(db, input, 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertMeeting(tx, { ...values, ...classification });
    await appendAudit(tx, actor, { action: 'meeting.created', entityType: 'meeting', entityId: row.id, detail: { title: row.title, startsAt: row.startsAt.toISOString() } });
    return row;
  });
}

export async function updateMeeting(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.MeetingRow> {
  authorize(actor, 'meeting.write');
  const input = parseInput(MeetingUpdate, raw);
  const before = await getMeeting(db, actor, id);
  const values = await checkedMeeting(db, actor, input);
  const classification = await checkedClassification(db, input, before.classification, { actor, already: before.restrictedGroupIds });
  return db.transaction(async (tx) => {
    const row = await repo.updateMeeting(tx, id, input.version, { ...values, ...classification });
    if (!row) throw new StaleVersion(await repo.findMeeting(tx, actor, id));
    await appendAudit(tx, actor, { action: 'meeting.updated', entityType: 'meeting', entityId: id, detail: { changes: changedFields(before, row) } });
    return row;
  });
}

export async function addParticipant(db: Db, actor: MaybeActor, meetingId: string, raw: unknown): Promise<void> {
  authorize(actor, 'meeting.write');
  const input = parseInput(ParticipantInput, raw);
  await getMeeting(db, actor, meetingId);
  const problems: FieldProblem[] = [];
  if (!(await findPartner(db, actor, input.partnerId))) problems.push({ field: 'partnerId', message: say('problem.noSuchPartner') });
  if (input.personId) {
    const person = await findPerson(db, actor, input.personId);
    if (!person) problems.push({ field: 'personId', message: say('problem.noSuchPerson') });
    else if (person.partnerId !== input.partnerId) problems.push({ field: 'personId', message: say('problem.personOfOtherPartner') });
  }
  if (problems.length) throw new InvalidInput(problems);
  await db.transaction(async (tx) => {
    await repo.insertParticipant(tx, { meetingId, partnerId: input.partnerId, personId: input.personId ?? null, role: input.role });
    await appendAudit(tx, actor, { action: 'meeting.participant-added', entityType: 'meeting', entityId: meetingId, detail: { ...input } });
  });
}

export async function removeParticipant(db: Db, actor: MaybeActor, meetingId: string, participantId: string): Promise<void> {
  authorize(actor, 'meeting.write');
  await getMeeting(db, actor, meetingId);
  await db.transaction(async (tx) => {
    if (!(await repo.deleteParticipant(tx, meetingId, participantId))) throw new NotFound('participant');
    await appendAudit(tx, actor, { action: 'meeting.participant-removed', entityType: 'meeting', entityId: meetingId, detail: { participantId } });
  });
}

async function checkedAgendaItem(db: Db, raw: unknown) {
  const input = parseInput(AgendaItemInput, raw);
  const known = new Set((await repo.allTheaters(db)).map((t) => t.slug));
  const unknown = (input.theaterSlugs ?? []).filter((slug) => !known.has(slug));
  if (unknown.length) throw new InvalidInput([{ field: 'theaterSlugs', message: say('problem.unknownTheater', { theaters: unknown.join(', ') }) }]);
  return {
    title: input.title.trim(),
    theaterSlugs: [...new Set(input.theaterSlugs ?? [])],
    topics: [...new Set((input.topics ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))],
    outcome: input.outcome?.trim() ?? '',
  };
}

export async function addAgendaItem(db: Db, actor: MaybeActor, meetingId: string, raw: unknown): Promise<repo.AgendaItemRow> {
  authorize(actor, 'meeting.write');
  await getMeeting(db, actor, meetingId);
  const values = await checkedAgendaItem(db, raw);
  return db.transaction(async (tx) => {
    const row = await repo.insertAgendaItem(tx, { meetingId, ...values });
    await appendAudit(tx, actor, { action: 'meeting.agenda-item-added', entityType: 'meeting', entityId: meetingId, detail: { itemId: row.id, title: row.title } });
    return row;
  });
}

export async function updateAgendaItem(db: Db, actor: MaybeActor, meetingId: string, itemId: string, raw: unknown): Promise<repo.AgendaItemRow> {
  authorize(actor, 'meeting.write');
  await getMeeting(db, actor, meetingId);
  const values = await checkedAgendaItem(db, raw);
  return db.transaction(async (tx) => {
    const row = await repo.updateAgendaItem(tx, meetingId, itemId, values);
    if (!row) throw new NotFound('agendaItem');
    await appendAudit(tx, actor, { action: 'meeting.agenda-item-updated', entityType: 'meeting', entityId: meetingId, detail: { itemId, ...values } });
    return row;
  });
}

export async function removeAgendaItem(db: Db, actor: MaybeActor, meetingId: string, itemId: string): Promise<void> {
  authorize(actor, 'meeting.write');
  await getMeeting(db, actor, meetingId);
  await db.transaction(async (tx) => {
    if (!(await repo.deleteAgendaItem(tx, meetingId, itemId))) throw new NotFound('agendaItem');
    await appendAudit(tx, actor, { action: 'meeting.agenda-item-removed', entityType: 'meeting', entityId: meetingId, detail: { itemId } });
  });
}

/** Compares at the coarser of the two precisions: a meeting known only by its year may follow one in June. */
function heldBefore(earlier: repo.MeetingRow, later: repo.MeetingRow): boolean {
  const order = ['minute', 'day', 'month', 'year'] as const;
  const coarse = order[Math.max(order.indexOf(earlier.datePrecision), order.indexOf(later.datePrecision))] ?? 'minute';
  if (coarse === 'minute') return earlier.startsAt.getTime() < later.startsAt.getTime();
  const pattern = { day: 'yyyy-MM-dd', month: 'yyyy-MM', year: 'yyyy' }[coarse];
  const key = (m: repo.MeetingRow) => DateTime.fromJSDate(m.startsAt, { zone: m.timeZone }).toFormat(pattern);
  // Within the same day, month or year the order is unknown, so a link is allowed; a later period is not.
  return coarse === 'day' ? key(earlier) < key(later) : key(earlier) <= key(later);
}

/** Records that `meetingId` carries forward a discussion from an earlier meeting, on a topic. */
export async function linkToEarlierMeeting(db: Db, actor: MaybeActor, meetingId: string, raw: unknown): Promise<void> {
  authorize(actor, 'meeting.write');
  const input = parseInput(MeetingLinkInput, raw);
  const meeting = await getMeeting(db, actor, meetingId);
  const earlier = await repo.findMeeting(db, actor, input.earlierMeetingId);
  if (!earlier) throw new InvalidInput([{ field: 'earlierMeetingId', message: say('problem.noSuchMeeting') }]);
  if (earlier.id === meeting.id || !heldBefore(earlier, meeting)) {
    throw new InvalidInput([{ field: 'earlierMeetingId', message: say('problem.meetingNotEarlier') }]);
  }
  const topic = input.topic.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await repo.insertLink(tx, { fromMeetingId: meeting.id, toMeetingId: earlier.id, topic, source: input.source?.trim() ?? '' });
    await appendAudit(tx, actor, { action: 'meeting.linked', entityType: 'meeting', entityId: meeting.id, detail: { earlierMeetingId: earlier.id, topic } });
  });
}

export function topicThread(db: Db, actor: MaybeActor, topic: string) {
  authorize(actor, 'meeting.read');
  return repo.topicThread(db, actor, topic.trim().toLowerCase());
}

/** The cities of the meetings every partner may read, whoever asks (ingest's gazetteer: a cache shared by readers). */
export function meetingPlacesKnownToAll(db: Db, actor: MaybeActor) {
  authorize(actor, 'meeting.read');
  return repo.meetingPlacesKnownToAll(db);
}

/** Changes whenever a meeting or a theater does: what a cache of their names is kept against. */
export function meetingPlacesStamp(db: Db, actor: MaybeActor): Promise<string> {
  authorize(actor, 'meeting.read');
  return repo.placesStamp(db);
}

/** Every theater; with `kept` (the process's figure cache) read once until theaters change (topic `reference`). */
export function listTheaters(db: Db, kept?: FigureCache) {
  return keptList(kept, 'reference', 'theaters', () => repo.allTheaters(db));
}
