import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { todayUtc } from '../../platform/calendar-day.ts';
import { type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { say } from '../../platform/i18n/say.ts';
import { refuseDelegateCorrectingVerified, reviewOnEntry, verifyReported } from '../../platform/reported-figures.ts';
import { parseInput } from '../../platform/validate.ts';
import { changedFields, checkedClassification } from '../partners/classification.ts';
import { auditRestrictedJusticeRead } from './justice-access.ts';
import { firstDay, isPartialDate, lastDay } from './justice-periods.ts';
import { isKnownState, partnerIdOfState } from './justice-states.ts';
import * as repo from './justice.repo.ts';
import { EVENT_KINDS, JusticeCorrection, JusticeInput, type JusticeListQuery, VersionInput } from './justice.schema.ts';

export type { JusticeFigure, JusticeRow } from './justice.repo.ts';

/** The filter a list query names: its period as days, so a year filter takes in the whole year. */
export function filterOf(query: Pick<JusticeListQuery, 'state' | 'kind' | 'legalBasis' | 'status' | 'from' | 'to'>): repo.JusticeFilter {
  return {
    state: query.state,
    kind: query.kind,
    legalBasis: query.legalBasis,
    status: query.status,
    fromDay: query.from && isPartialDate(query.from) ? firstDay(query.from) : undefined,
    toDay: query.to && isPartialDate(query.to) ? lastDay(query.to) : undefined,
  };
}

/** Checks a record beyond its shape and derives what is stored: the state's partner, the period's days. */
async function checkedValues(db: Db, input: JusticeInput) {
  const problems: FieldProblem[] = [];
  const stateIso3 = input.stateIso3 ? input.stateIso3.toUpperCase() : null;
  const mechanism = input.mechanism ?? null;
  if (Boolean(stateIso3) === Boolean(mechanism)) problems.push({ field: 'stateIso3', message: say('problem.justiceStateOrMechanism') });
  if (stateIso3 && !isKnownState(stateIso3)) problems.push({ field: 'stateIso3', message: say('problem.notAlpha3', { value: stateIso3 }) });
  const periodStart = input.periodStart ?? null;
  for (const [field, value] of [['periodStart', periodStart], ['periodEnd', input.periodEnd]] as const) {
    if (value && !isPartialDate(value)) problems.push({ field, message: say('problem.notCalendarDate', { value }) });
  }
  if (isPartialDate(input.periodEnd) && firstDay(input.periodEnd) > todayUtc()) problems.push({ field: 'periodEnd', message: say('problem.inFuture', { value: input.periodEnd }) });
  if (periodStart && isPartialDate(periodStart) && isPartialDate(input.periodEnd) && firstDay(periodStart) > lastDay(input.periodEnd)) problems.push({ field: 'periodEnd', message: say('problem.endsBeforeStart') });
  const count = input.count ?? null;
  if (count === null && !EVENT_KINDS.includes(input.kind)) problems.push({ field: 'count', message: say('problem.justiceCountNeeded') });
  const sources = input.sources.map((source) => source.trim()).filter(Boolean);
  if (sources.length === 0) problems.push({ field: 'sources', message: say('problem.notBlank') });
  if (!input.courtOrBody.trim()) problems.push({ field: 'courtOrBody', message: say('problem.notBlank') });
  if (!input.description.trim()) problems.push({ field: 'description', message: say('problem.notBlank') });
  if (problems.length) throw new InvalidInput(problems);
  return {
    stateIso3,
    mechanism,
    partnerId: stateIso3 ? await partnerIdOfState(db, stateIso3) : null,
    periodStart,
    periodEnd: input.periodEnd,
    startDay: periodStart ? firstDay(periodStart) : null,
    endDay: lastDay(input.periodEnd),
    kind: input.kind,
    count,
    legalBasis: input.legalBasis ?? null,
    courtOrBody: input.courtOrBody.trim(),
    description: input.description.trim(),
    sources,
    confidence: input.confidence ?? null,
    // A mechanism's counts are the states' own cases it supported: overlapping unless said otherwise.
    overlapsNational: input.overlapsNational ?? Boolean(mechanism),
  };
}

export async function listJustice(db: Db, actor: MaybeActor, query: JusticeListQuery) {
  authorize(actor, 'justice.read');
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
  const result = await repo.listJustice(db, actor, filterOf(query), page);
  await auditRestrictedJusticeRead(db, actor, 'justice-list', result.rows);
  return { ...result, ...page };
}

/** Every record an actor may read under a filter (pages that aggregate, exports); restricted reads audited. */
export async function allJustice(db: Db, actor: MaybeActor, filter: repo.JusticeFilter, view: string) {
  authorize(actor, 'justice.read');
  const rows = await repo.allJustice(db, actor, filter);
  await auditRestrictedJusticeRead(db, actor, view, rows);
  return rows;
}

export async function getJustice(db: Db, actor: MaybeActor, id: string): Promise<repo.JusticeRow> {
  authorize(actor, 'justice.read');
  const row = await repo.findJustice(db, actor, id);
  if (!row) throw new NotFound('record');
  await auditRestrictedJusticeRead(db, actor, 'justice-record', [row], row.id);
  return row;
}

export async function justiceHistory(db: Db, actor: MaybeActor, id: string) {
  const row = await getJustice(db, actor, id);
  return { row, history: await repo.historyOfJustice(db, id) };
}

/** A delegate reports their own state's figures, unverified; the secretariat's are verified as they are made. */
export async function reportJustice(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.JusticeRow> {
  authorize(actor, 'justice.write');
  const input = parseInput(JusticeInput, raw);
  const values = await checkedValues(db, input);
  // ASVS V4.2.1: a delegate writes only for the state they represent (never for a mechanism).
  authorize(actor, 'justice.write', { partnerId: values.partnerId });
  const classification = await checkedClassification(db, input, 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertJustice(tx, { ...values, ...classification, ...reviewOnEntry(actor), reportedBy: actor?.userId ?? null });
    await appendAudit(tx, actor, { action: 'justice.reported', entityType: 'justice-record', entityId: row.id, detail: { ...values, classification: row.classification, status: row.status } });
    return row;
  });
}

export async function verifyJustice(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.JusticeRow> {
  authorize(actor, 'justice.verify');
  const input = parseInput(VersionInput, raw);
  const before = await getJustice(db, actor, id);
  return verifyReported(db, actor, {
    before,
    update: (tx, review) => repo.updateJustice(tx, id, input.version, review),
    current: (tx) => repo.findJustice(tx, actor, id),
    audit: { action: 'justice.verified', entityType: 'justice-record', entityId: id },
  });
}

/**
 * A correction replaces the figure and keeps the earlier values in the record's history (the audit
 * trail, with the reason). A delegate's correction goes back to the secretariat for verification; a
 * figure the secretariat verified is corrected by the secretariat.
 */
export async function correctJustice(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.JusticeRow> {
  authorize(actor, 'justice.write');
  const input = parseInput(JusticeCorrection, raw);
  const before = await getJustice(db, actor, id);
  authorize(actor, 'justice.write', { partnerId: before.partnerId });
  refuseDelegateCorrectingVerified(actor, before);
  const { version, reason, ...fields } = input;
  const values = await checkedValues(db, fields);
  authorize(actor, 'justice.write', { partnerId: values.partnerId });
  const classification = await checkedClassification(db, fields.classification ? fields : { classification: before.classification, restrictedGroupIds: before.restrictedGroupIds }, 'coalition', { actor, already: before.restrictedGroupIds });
  return db.transaction(async (tx) => {
    const row = await repo.updateJustice(tx, id, version, { ...values, ...classification, correctionReason: reason.trim(), ...reviewOnEntry(actor) });
    if (!row) throw new StaleVersion(await repo.findJustice(tx, actor, id));
    const changes = changedFields(before as unknown as Record<string, unknown>, { ...values, ...classification });
    await appendAudit(tx, actor, { action: 'justice.corrected', entityType: 'justice-record', entityId: id, detail: { reason: reason.trim(), changes } });
    return row;
  });
}
