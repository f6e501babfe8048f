import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { refuseDelegateCorrectingVerified, reviewOnEntry, verifyReported } from '../../platform/reported-figures.ts';
import { parseInput } from '../../platform/validate.ts';
import { isKnownAlpha3 } from '../partners/countries.ts';
import { findPartnerByKey } from '../partners/partners.repo.ts';
import { auditRestrictedRead, detentionClassification } from './detention-access.ts';
import { negativeCounts, periodStart } from './detention-checks.ts';
import * as repo from './detention.repo.ts';
import { RepatriationCorrection, RepatriationInput, VersionInput } from './detention.schema.ts';
import { todayUtc } from '../../platform/calendar-day.ts';

async function checkedRepatriation(db: Db, actor: MaybeActor, input: RepatriationInput) {
  const problems: FieldProblem[] = [];
  const receivingIso3 = input.receivingIso3?.toUpperCase() ?? null;
  if (receivingIso3 && !isKnownAlpha3(receivingIso3)) problems.push({ field: 'receivingIso3', message: say('problem.notAlpha3', { value: receivingIso3 }) });
  const partner = receivingIso3 ? await findPartnerByKey(db, { iso3: receivingIso3, nameEn: receivingIso3 }) : undefined;
  const start = periodStart(input.period);
  if (start && start > todayUtc()) problems.push({ field: 'period', message: say('problem.inFuture', { value: input.period }) });
  problems.push(...negativeCounts({ people: input.people, men: input.men, women: input.women, children: input.children }));
  const parts = [input.men, input.women, input.children].filter((count): count is number => typeof count === 'number');
  const sum = parts.reduce((total, count) => total + count, 0);
  if (typeof input.people === 'number' && input.people >= 0 && sum > input.people) problems.push({ field: 'people', message: say('problem.breakdownTooLarge', { sum, people: input.people ?? 0 }) });
  if (input.people == null && parts.length === 0 && !input.note?.trim()) problems.push({ field: 'people', message: say('problem.peopleNeeded') });
  if (input.siteId && !(await repo.findSite(db, actor, input.siteId))) problems.push({ field: 'siteId', message: say('problem.noSuchSite') });
  if (problems.length) throw new InvalidInput(problems);
  return {
    receivingIso3,
    partnerId: partner?.id ?? null,
    period: input.period.trim(),
    periodStart: start,
    cumulative: input.cumulative ?? false,
    siteId: input.siteId ?? null,
    people: input.people ?? (parts.length === 3 ? sum : null),
    men: input.men ?? null,
    women: input.women ?? null,
    children: input.children ?? null,
    note: input.note?.trim() ?? '',
    source: input.source.trim(),
    confidence: input.confidence ?? null,
  };
}

export async function listRepatriations(db: Db, actor: MaybeActor, filter: { receivingIso3?: string } = {}) {
  authorize(actor, 'detention.read');
  const rows = await repo.listRepatriations(db, actor, filter);
  await auditRestrictedRead(db, actor, 'repatriations', rows);
  return rows;
}

/** Rows of the repatriations list on one page. */
export const REPATRIATIONS_PAGE_SIZE = 50;

/** One page of the repatriations the actor may read; restricted rows shown are audited. */
export async function pageOfRepatriations(db: Db, actor: MaybeActor, page = 1, pageSize = REPATRIATIONS_PAGE_SIZE) {
  authorize(actor, 'detention.read');
  const found = await repo.pageOfRepatriations(db, actor, { page, pageSize });
  await auditRestrictedRead(db, actor, 'repatriations', found.rows);
  return { ...found, page, pageSize };
}

/** Repatriations reported and not yet verified, for the secretariat's desk. */
export async function repatriationsAwaitingVerification(db: Db, actor: MaybeActor) {
  authorize(actor, 'repatriation.verify');
  const rows = await repo.listRepatriations(db, actor, { status: 'reported' });
  await auditRestrictedRead(db, actor, 'repatriations', rows);
  return rows;
}

/**
 * Verified repatriations to one state that an actor may read (anonymous visitors: those marked public),
 * for other modules' pages such as a state's justice figures. Restricted reads are audited here too.
 */
export async function verifiedRepatriationsTo(db: Db, actor: MaybeActor, receivingIso3: string) {
  authorize(actor, 'detention.read-public');
  const rows = await repo.listRepatriations(db, actor, { receivingIso3, status: 'verified' });
  await auditRestrictedRead(db, actor, 'repatriations', rows);
  return rows;
}

export async function getRepatriation(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'detention.read');
  const row = await repo.findRepatriation(db, actor, id);
  if (!row) throw new NotFound('repatriation');
  await auditRestrictedRead(db, actor, 'repatriation', [row], row.id);
  return row;
}

/** What happened to a repatriation figure: reported, verified, each correction with its reason and the values it changed. */
export async function repatriationHistory(db: Db, actor: MaybeActor, id: string) {
  const row = await getRepatriation(db, actor, id);
  return { row, history: await repo.historyOfRepatriation(db, id) };
}

/** A delegate reports their own state's repatriations; the secretariat's entries are verified as they are made. */
export async function reportRepatriation(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.RepatriationRow> {
  authorize(actor, 'repatriation.write');
  const input = parseInput(RepatriationInput, raw);
  const values = await checkedRepatriation(db, actor, input);
  // ASVS V4.2.1: a delegate writes only for the state they represent.
  authorize(actor, 'repatriation.write', { partnerId: values.partnerId });
  const classification = await detentionClassification(db, actor, input);
  return db.transaction(async (tx) => {
    const row = await repo.insertRepatriation(tx, { ...values, ...classification, ...reviewOnEntry(actor), reportedBy: actor?.userId ?? null });
    await appendAudit(tx, actor, { action: 'detention.repatriation-reported', entityType: 'repatriation', entityId: row.id, detail: { ...values, status: row.status } });
    return row;
  });
}

export async function verifyRepatriation(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.RepatriationRow> {
  authorize(actor, 'repatriation.verify');
  const input = parseInput(VersionInput, raw);
  const before = await getRepatriation(db, actor, id);
  return verifyReported(db, actor, {
    before,
    update: (tx, review) => repo.updateRepatriation(tx, id, input.version, review),
    current: (tx) => repo.findRepatriation(tx, actor, id),
    audit: { action: 'detention.repatriation-verified', entityType: 'repatriation', entityId: id },
  });
}

/** A correction keeps the history: the audit trail records the values before and the reason. */
export async function correctRepatriation(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.RepatriationRow> {
  authorize(actor, 'repatriation.write');
  const input = parseInput(RepatriationCorrection, raw);
  const before = await getRepatriation(db, actor, id);
  authorize(actor, 'repatriation.write', { partnerId: before.partnerId });
  refuseDelegateCorrectingVerified(actor, before);
  const { version, reason, ...fields } = input;
  const values = await checkedRepatriation(db, actor, fields);
  authorize(actor, 'repatriation.write', { partnerId: values.partnerId });
  const classification = await detentionClassification(db, actor, fields.classification ? fields : { classification: before.classification, restrictedGroupIds: before.restrictedGroupIds }, before.restrictedGroupIds);
  return db.transaction(async (tx) => {
    const row = await repo.updateRepatriation(tx, id, version, { ...values, ...classification, correctionReason: reason.trim(), ...reviewOnEntry(actor) });
    if (!row) throw new StaleVersion(await repo.findRepatriation(tx, actor, id));
    const changed = Object.fromEntries(Object.entries(values).filter(([key, value]) => String(before[key as keyof typeof before] ?? '') !== String(value ?? '')).map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]));
    await appendAudit(tx, actor, { action: 'detention.repatriation-corrected', entityType: 'repatriation', entityId: id, detail: { reason: reason.trim(), changes: changed } });
    return row;
  });
}
