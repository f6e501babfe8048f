import { say, sayingLocale } from '../../platform/i18n/say.ts';
import { meetingWhen } from '../meetings/meeting-time.ts';
import { Type } from '@fastify/type-provider-typebox';
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import { readoutClearances, readoutVersions, readouts } from '../../db/schema/readouts.ts';
import type { Actor, MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize, isSecretariat } from '../../platform/authz.ts';
import { Conflict, Forbidden, HttpProblem, InvalidInput, NotFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { type FigureCache, keptList } from '../../platform/figure-cache.ts';
import { getMeetingRecord } from '../meetings/meetings.service.ts';
import { draftFromRecord } from './draft-from-record.ts';
import * as repo from './readouts.repo.ts';
import { slugify } from './slug.ts';

/** 200,000 characters is ten times the longest communiqué we know of; a 5 MB paste is refused by name. */
export const MAX_BODY_CHARACTERS = 200_000;

export const ReadoutEdit = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    bodyMarkdown: Type.String({ minLength: 1, maxLength: MAX_BODY_CHARACTERS }),
    /** The version the editor opened; a save against an older one is refused with both texts. */
    baseVersion: Type.Integer({ minimum: 1 }),
    correctionNote: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const ClearanceDecisionInput = Type.Object(
  { decision: Type.Enum(['cleared', 'returned'] as const), comment: Type.Optional(Type.String({ maxLength: 5000 })), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const PublishInput = Type.Object({ as: Type.Enum(['public', 'coalition'] as const) }, { additionalProperties: false });

/** A save lost to someone else's: both texts travel back so nothing typed is lost. */
export class ReadoutEditConflict extends HttpProblem {
  constructor(
    readonly mine: { title: string; bodyMarkdown: string },
    readonly theirs: repo.ReadoutVersionRow,
  ) {
    super(409, 'Conflict', `This readout changed since you opened it (now version ${theirs.number}, by ${theirs.authorLabel}). Nothing was saved.`, {
      current: { number: theirs.number, title: theirs.title, bodyMarkdown: theirs.bodyMarkdown, authorLabel: theirs.authorLabel },
    });
  }
}

async function manageable(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'readout.manage');
  const found = await repo.findManageable(db, actor, id);
  if (!found) throw new NotFound('readout');
  return found;
}

export async function getReadoutForDesk(db: Db, actor: MaybeActor, id: string) {
  const { readout, meeting } = await manageable(db, actor, id);
  const [versions, clearances, coLeads] = await Promise.all([repo.versionsOf(db, id), repo.clearancesOf(db, id), repo.coLeadPartnerIds(db, meeting.groupId)]);
  return { readout, meeting, versions, clearances, coLeads };
}

export const DESK_PAGE_SIZE = 50;

/**
 * A page of the desk's list. With `kept` (the process's figure cache) read once per kind of manager and
 * page until a readout, version, clearance, meeting or membership changes: each of those tables announces
 * topic `readouts` (migration 0038).
 */
export async function listForDesk(db: Db, actor: MaybeActor, page = 1, kept?: FigureCache) {
  authorize(actor, 'readout.manage');
  const found = await keptList(kept, 'readouts', `desk|${repo.managerKey(actor)}|${page}`, () => repo.listManageable(db, actor, { page, pageSize: DESK_PAGE_SIZE }));
  return { ...found, page, pageSize: DESK_PAGE_SIZE };
}

/** What waits for this user: readouts to clear (co-chairs), readouts sent back (the secretariat); with `kept`, kept as the desk's list is. */
export async function inbox(db: Db, actor: Actor, kept?: FigureCache) {
  const read = async () => {
    const awaitingClearance = actor.role === 'co-chair' && actor.partnerId ? await repo.awaitingClearanceBy(db, actor.partnerId) : [];
    const returned = actor.role === 'secretariat-admin' || actor.role === 'secretariat-officer' ? await repo.returnedDrafts(db) : [];
    return { awaitingClearance, returned };
  };
  return keptList(kept, 'readouts', `inbox|${repo.managerKey(actor)}`, read);
}

/** The number shown beside the desk link on every page. */
export async function attentionCount(db: Db, actor: Actor): Promise<number> {
  const { awaitingClearance, returned } = await inbox(db, actor);
  return awaitingClearance.length + returned.length;
}

async function uniqueSlug(db: Db, year: number, title: string, readoutId?: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugTaken(db, year, candidate, readoutId))) return candidate;
  }
}

/** Starts a readout whose first version is drafted from the meeting's recorded facts. */
export async function draftReadout(db: Db, actor: MaybeActor, meetingId: string): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  const record = await getMeetingRecord(db, actor, meetingId);
  const draft = draftFromRecord(record);
  const year = DateTime.fromJSDate(record.meeting.startsAt, { zone: record.meeting.timeZone }).year;
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, year, draft.title);
    const [readout] = await tx.insert(readouts).values({ meetingId, year, slug }).returning();
    if (!readout) throw new Error('readout insert returned nothing');
    await repo.rememberSlug(tx, year, slug, readout.id);
    await tx.insert(readoutVersions).values({ readoutId: readout.id, number: 1, ...draft, authorId: actor?.userId ?? null, authorLabel: actor?.label ?? 'system' });
    await appendAudit(tx, actor, { action: 'readout.drafted', entityType: 'readout', entityId: readout.id, detail: { meetingId, title: draft.title } });
    return readout;
  });
}

/**
 * Saves a new version. Clearances belong to the version they were given on, so an edit in clearance
 * sends the readout back to clearance; an edit of a published readout is a correction and needs a note.
 */
export async function saveVersion(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  const input = parseInput(ReadoutEdit, raw);
  const { readout } = await manageable(db, actor, id);
  if (readout.status === 'withdrawn') throw new Conflict(say('problem.withdrawnNotEditable'));
  const correcting = readout.status === 'published';
  if (correcting && !input.correctionNote?.trim()) {
    throw new InvalidInput([{ field: 'correctionNote', message: say('problem.correctionNoteNeeded') }]);
  }
  return db.transaction(async (tx) => {
    // Claim the next version number only if nobody else has: the row lock makes two saves take turns.
    const [claimed] = await tx
      .update(readouts)
      .set({ currentVersion: sql`${readouts.currentVersion} + 1`, updatedAt: new Date() })
      .where(sql`${readouts.id} = ${id} and ${readouts.currentVersion} = ${input.baseVersion}`)
      .returning();
    if (!claimed) {
      const theirs = (await repo.versionsOf(tx, id)).at(-1) as repo.ReadoutVersionRow;
      throw new ReadoutEditConflict({ title: input.title, bodyMarkdown: input.bodyMarkdown }, theirs);
    }
    const number = claimed.currentVersion;
    await tx.insert(readoutVersions).values({
      readoutId: id,
      number,
      title: input.title.trim(),
      bodyMarkdown: input.bodyMarkdown,
      correctionNote: correcting ? (input.correctionNote?.trim() ?? null) : null,
      authorId: actor?.userId ?? null,
      authorLabel: actor?.label ?? 'system',
    });
    let status = claimed.status;
    if (status === 'cleared') status = 'in-clearance';
    const changes: Partial<repo.ReadoutRow> = { status };
    if (correcting) {
      // A correction is published at once; the new title's address joins the old ones, which keep working.
      const slug = await uniqueSlug(tx, claimed.year, input.title, id);
      await repo.rememberSlug(tx, claimed.year, slug, id);
      Object.assign(changes, { publishedVersion: number, slug });
    }
    const [saved] = await tx.update(readouts).set(changes).where(eq(readouts.id, id)).returning();
    if (correcting) await repo.indexForSearch(tx, id);
    await appendAudit(tx, actor, { action: correcting ? 'readout.corrected' : 'readout.edited', entityType: 'readout', entityId: id, detail: { version: number, correctionNote: input.correctionNote ?? null } });
    return saved as repo.ReadoutRow;
  });
}

async function setStatus(db: Db, actor: MaybeActor, id: string, from: repo.ReadoutRow['status'][], to: repo.ReadoutRow['status'], action: string): Promise<repo.ReadoutRow> {
  const { readout } = await manageable(db, actor, id);
  if (!from.includes(readout.status)) throw new Conflict(say('problem.readoutStatusForbids', { status: say(`readoutStatus.${readout.status}`), action: action.replace('readout.', '') }));
  return db.transaction(async (tx) => {
    const [row] = await tx.update(readouts).set({ status: to, updatedAt: new Date() }).where(eq(readouts.id, id)).returning();
    await appendAudit(tx, actor, { action, entityType: 'readout', entityId: id, detail: { from: readout.status, to, version: readout.currentVersion } });
    return row as repo.ReadoutRow;
  });
}

export async function submitForClearance(db: Db, actor: MaybeActor, id: string): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  const { meeting } = await manageable(db, actor, id);
  if ((await repo.coLeadPartnerIds(db, meeting.groupId)).length === 0) {
    throw new Conflict(say('problem.noCoLeads'));
  }
  return setStatus(db, actor, id, ['draft'], 'in-clearance', 'readout.submitted');
}

/**
 * A co-chair clears or returns the current version for their partner. Anyone else is refused, and the
 * refusal is audited. When every co-lead partner has cleared the same version, the readout is cleared.
 */
export async function decideClearance(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.ReadoutRow> {
  const input = parseInput(ClearanceDecisionInput, raw);
  const target = await repo.findWithMeeting(db, id);
  if (!target) throw new NotFound('readout');
  const coLeads = await repo.coLeadPartnerIds(db, target.meeting.groupId);
  const allowed = actor?.role === 'co-chair' && actor.partnerId != null && coLeads.includes(actor.partnerId);
  if (!allowed) {
    await db.transaction((tx) =>
      appendAudit(tx, actor, { action: 'readout.clearance-refused', entityType: 'readout', entityId: id, detail: { reason: 'not a co-chair of a co-lead partner of this group', decision: input.decision } }),
    );
    // Whoever may not even see the draft learns nothing about it.
    if (!(await repo.findManageable(db, actor, id))) throw new NotFound('readout');
    throw new Forbidden(say('problem.clearanceForbidden'));
  }
  const { readout } = target;
  if (readout.status !== 'in-clearance') throw new Conflict(say('problem.notInClearance', { status: say(`readoutStatus.${readout.status}`) }));
  if (input.version !== readout.currentVersion) throw new Conflict(say('problem.versionNotCurrent', { given: input.version, current: readout.currentVersion }));
  if (input.decision === 'returned' && !input.comment?.trim()) throw new InvalidInput([{ field: 'comment', message: say('problem.returnCommentNeeded') }]);
  return db.transaction(async (tx) => {
    await tx.insert(readoutClearances).values({ readoutId: id, versionNumber: readout.currentVersion, partnerId: actor.partnerId as string, userId: actor.userId as string, decision: input.decision, comment: input.comment?.trim() ?? '' });
    const decisions = (await repo.clearancesOf(tx, id)).filter((c) => c.versionNumber === readout.currentVersion && c.decision === 'cleared');
    const clearedBy = new Set(decisions.map((c) => c.partnerId));
    const status = input.decision === 'returned' ? 'draft' : coLeads.every((p) => clearedBy.has(p)) ? 'cleared' : 'in-clearance';
    const [row] = await tx.update(readouts).set({ status, updatedAt: new Date() }).where(eq(readouts.id, id)).returning();
    await appendAudit(tx, actor, { action: `readout.${input.decision}`, entityType: 'readout', entityId: id, detail: { version: readout.currentVersion, comment: input.comment ?? '', status } });
    return row as repo.ReadoutRow;
  });
}

export async function publishReadout(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  const input = parseInput(PublishInput, raw);
  const { readout, meeting } = await manageable(db, actor, id);
  if (readout.status !== 'cleared') throw new Conflict(say('problem.onlyClearedPublished'));
  // A readout says what a meeting did: published before the meeting has begun, it would be fiction.
  if (meeting.startsAt.getTime() > Date.now()) throw new Conflict(say('problem.publishBeforeMeeting', { starts: meetingWhen(meeting, sayingLocale()) }));
  const current = (await repo.versionsOf(db, id)).at(-1) as repo.ReadoutVersionRow;
  return db.transaction(async (tx) => {
    // The address follows the title as published; a slug given to the draft keeps redirecting.
    const slug = await uniqueSlug(tx, readout.year, current.title, id);
    await repo.rememberSlug(tx, readout.year, slug, id);
    const [row] = await tx
      .update(readouts)
      .set({ status: 'published', publishedAs: input.as, publishedVersion: readout.currentVersion, firstPublishedVersion: readout.firstPublishedVersion ?? readout.currentVersion, publishedAt: new Date(), updatedAt: new Date(), slug })
      .where(eq(readouts.id, id))
      .returning();
    await repo.indexForSearch(tx, id);
    await appendAudit(tx, actor, { action: 'readout.published', entityType: 'readout', entityId: id, detail: { as: input.as, version: readout.currentVersion } });
    return row as repo.ReadoutRow;
  });
}

/**
 * Records that a readout was cleared and published outside the platform (an ingested statement): its
 * pages then say so, with the day the source gives or none, instead of awaiting clearances here.
 */
export async function recordClearedOutside(db: Db, actor: MaybeActor, id: string, publishedOn: string | null): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  await manageable(db, actor, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(readouts).set({ clearedOutside: true, publishedOutsideOn: publishedOn, updatedAt: new Date() }).where(eq(readouts.id, id)).returning();
    await appendAudit(tx, actor, { action: 'readout.cleared-outside', entityType: 'readout', entityId: id, detail: { publishedOn } });
    return row as repo.ReadoutRow;
  });
}

/**
 * Records a statement that was cleared and published outside the platform, as published here in public:
 * one version, marked cleared outside, on a day the source does not give (none is invented).
 */
export async function recordPublishedStatement(db: Db, actor: MaybeActor, meetingId: string, statement: { year: number; title: string; bodyMarkdown: string; source: string }): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, statement.year, statement.title);
    const [readout] = await tx
      .insert(readouts)
      .values({ meetingId, year: statement.year, slug, status: 'published', publishedAs: 'public', publishedVersion: 1, firstPublishedVersion: 1, publishedAt: new Date(), clearedOutside: true, publishedOutsideOn: null, currentVersion: 1 })
      .returning();
    if (!readout) throw new Error('readout insert returned nothing');
    await repo.rememberSlug(tx, statement.year, slug, readout.id);
    await tx.insert(readoutVersions).values({ readoutId: readout.id, number: 1, title: statement.title, bodyMarkdown: statement.bodyMarkdown, authorId: actor?.userId ?? null, authorLabel: actor?.label ?? 'system' });
    await repo.indexForSearch(tx, readout.id);
    await appendAudit(tx, actor, { action: 'readout.published', entityType: 'readout', entityId: readout.id, detail: { as: 'public', version: 1, source: statement.source } });
    return readout;
  });
}

export async function withdrawReadout(db: Db, actor: MaybeActor, id: string): Promise<repo.ReadoutRow> {
  authorize(actor, 'readout.write');
  return setStatus(db, actor, id, ['draft', 'in-clearance', 'cleared', 'published'], 'withdrawn', 'readout.withdrawn');
}

/**
 * A page of published readouts. With `kept` (the process's figure cache), the first page unsearched (by
 * year or group at most: what most readers see) is read once per kind of reader until a readout, version or
 * meeting changes (topic `readouts`); a search, a theater (agenda items announce nothing) or a later page
 * is read each time, so the copies stay few.
 */
export function listPublished(db: Db, actor: MaybeActor, query: repo.PublishedListQuery, options: { withTotal?: boolean; kept?: FigureCache } = {}) {
  const { kept, ...listOptions } = options;
  const read = () => repo.listPublished(db, actor, query, listOptions);
  if (!kept || query.q?.trim() || query.theater || (query.page ?? 1) !== 1) return read();
  const key = `published|${repo.publishedReaderKey(actor)}|${listOptions.withTotal ?? true}|${query.year ?? ''}|${query.groupId ?? ''}|${query.pageSize ?? ''}`;
  return keptList(kept, 'readouts', key, read);
}

export async function getPublished(db: Db, actor: MaybeActor, year: number, slug: string): Promise<repo.PublishedReadout & { versions: repo.ReadoutVersionRow[] }> {
  const found = await repo.findPublishedBySlug(db, actor, year, slug);
  if (!found) throw new NotFound('readout');
  // The public history: the version first published and every correction since; drafts before it stay internal.
  const first = found.readout.firstPublishedVersion ?? found.readout.publishedVersion ?? 0;
  const versions = (await repo.versionsOf(db, found.readout.id)).filter((v) => v.number >= first && (v.number === first || v.correctionNote));
  return { ...found, versions };
}

/**
 * The readouts a meeting page lists: published ones for every reader of the meeting; drafts and the
 * rest only for those who work on them, the secretariat and co-chairs of the group's co-lead partners.
 */
export async function readoutsOnMeetingPage(db: Db, actor: MaybeActor, meeting: { id: string; groupId: string | null }) {
  const coLeads = await repo.coLeadPartnerIds(db, meeting.groupId);
  const mayManage = isSecretariat(actor) || (actor?.role === 'co-chair' && actor.partnerId != null && coLeads.includes(actor.partnerId));
  const readouts = (await repo.readoutsOfMeeting(db, meeting.id)).filter((r) => mayManage || r.status === 'published');
  return { readouts, mayManage };
}
