import { keysetPage, LIST_COUNT_LIMIT, writePosition } from '../../platform/keyset.ts';
import { say, sayingLocale } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize, isSecretariat } from '../../platform/authz.ts';
import { reviewedNow } from '../../platform/reported-figures.ts';
import { type FigureCache, readerKey } from '../../platform/figure-cache.ts';
import { type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { findPartner } from '../partners/partners.repo.ts';
import { getCampaign } from './campaigns.service.ts';
import { type CheckedContribution, checkContribution, reviewFields } from './contribution-checks.ts';
import { todayUtc } from '../../platform/calendar-day.ts';
import * as repo from './funding.repo.ts';
import { ContributionCorrection, ContributionInput, FULFILS, ReviewInput } from './funding.schema.ts';
import { countAwaitingVerification } from './funding-totals.repo.ts';
import { exact, formatMoney } from './money.ts';
import { RateBook } from './rate-book.ts';

export type { ContributionRow } from './funding.repo.ts';

/** Stored numerics come back padded ("100.0000"); compare them as numbers, everything else as text. */
function sameValue(stored: unknown, next: unknown): boolean {
  const a = String(stored ?? '');
  const b = String(next ?? '');
  const decimal = /^-?\d+(\.\d+)?$/;
  return decimal.test(a) && decimal.test(b) ? exact(a).equals(b) : a === b;
}

/** Splits the contribution's amount over what it fulfils, in the order given, each up to what remains of it. */
async function allocateFulfilments(db: Db, values: CheckedContribution, fulfils: string[], currency: string, exceptFulfilling?: string) {
  const problems: FieldProblem[] = [];
  const fulfilledStage = FULFILS[values.stage];
  if (!fulfilledStage) return { links: [], problems: fulfils.length ? [{ field: 'fulfils', message: say('problem.pledgeFulfilsNothing') }] : [] };
  const found = await repo.remainingOf(db, [...new Set(fulfils)], exceptFulfilling);
  let left = exact(values.amountInCampaignCurrency);
  let available = exact(0);
  const links: { fulfilledId: string; amount: string }[] = [];
  for (const id of new Set(fulfils)) {
    const entry = found.get(id);
    if (!entry || entry.row.campaignId !== values.campaignId || entry.row.partnerId !== values.partnerId || entry.row.status === 'rejected') {
      problems.push({ field: 'fulfils', message: say('problem.notLiveFulfilled', { id, stage: fulfilledStage }) });
      continue;
    }
    if (entry.row.stage !== fulfilledStage) {
      problems.push({ field: 'fulfils', message: say('problem.wrongFulfilledStage', { stage: values.stage, id, actual: entry.row.stage }) });
      continue;
    }
    const remaining = exact(entry.row.amountInCampaignCurrency).minus(entry.taken);
    available = available.plus(remaining);
    const take = remaining.lessThan(left) ? remaining : left;
    if (take.greaterThan(0)) links.push({ fulfilledId: id, amount: take.toFixed() });
    left = left.minus(take);
  }
  if (!problems.length && values.stage === 'disbursement' && fulfils.length && left.greaterThan(0)) {
    problems.push({
      field: 'amount',
      message: say('problem.disbursementExceeds', { amount: formatMoney(values.amountInCampaignCurrency, currency, sayingLocale()), available: formatMoney(available, currency, sayingLocale()) }),
    });
  }
  return { links, problems };
}

/** Checks a contribution for a campaign; returns what to store and how it fulfils earlier stages. */
async function prepare(db: Db, actor: MaybeActor, campaignId: string, input: ContributionInput, exceptFulfilling?: string) {
  const campaign = await getCampaign(db, actor, campaignId);
  const problems: FieldProblem[] = [];
  if (!(await findPartner(db, actor, input.partnerId))) problems.push({ field: 'partnerId', message: say('problem.noSuchPartner') });
  if (input.illustrative && !isSecretariat(actor)) problems.push({ field: 'illustrative', message: say('problem.illustrativeSecretariatOnly') });
  const rates = await RateBook.load(db, [input.currency.toUpperCase(), campaign.currency]);
  const checked = checkContribution(input, { campaign, rates, today: todayUtc() });
  problems.push(...checked.problems);
  if (!checked.values || problems.length) throw new InvalidInput(problems);
  const allocation = await allocateFulfilments(db, checked.values, input.fulfils ?? [], campaign.currency, exceptFulfilling);
  if (allocation.problems.length) throw new InvalidInput(allocation.problems);
  return { campaign, values: checked.values, links: allocation.links };
}

export async function reportContribution(db: Db, actor: MaybeActor, campaignId: string, raw: unknown): Promise<repo.ContributionRow> {
  const input = parseInput(ContributionInput, raw);
  // A delegate reports for their own partner only (ASVS V4.2.1, object-level authorization).
  authorize(actor, 'contribution.write', { partnerId: input.partnerId });
  const { values, links } = await prepare(db, actor, campaignId, input);
  return db.transaction(async (tx) => {
    const row = await repo.insertContribution(tx, { ...values, ...reviewFields(actor), reportedBy: actor?.userId ?? null });
    await repo.replaceFulfilments(tx, row.campaignId, row.id, links);
    await appendAudit(tx, actor, {
      action: 'funding.contribution-reported',
      entityType: 'funding-contribution',
      entityId: row.id,
      detail: { campaignId, partnerId: row.partnerId, stage: row.stage, amount: row.amount, currency: row.currency, status: row.status, fulfils: links },
    });
    return row;
  });
}

export async function getContribution(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'funding.read');
  const row = await repo.findContribution(db, actor, id);
  if (!row) throw new NotFound('contribution');
  return row;
}

/** The contribution with what it fulfils and what fulfils it. */
export async function contributionRecord(db: Db, actor: MaybeActor, id: string) {
  const contribution = await getContribution(db, actor, id);
  const links = await repo.fulfilmentsOf(db, id);
  return {
    contribution,
    fulfils: links.filter((link) => link.fulfillingId === id),
    fulfilledBy: links.filter((link) => link.fulfilledId === id),
  };
}

/** A page of a campaign's contributions, newest first, with the keys of the pages around and a bounded count: two statements however many there are. */
export async function listContributions(db: Db, actor: MaybeActor, campaignId: string, filter: repo.ContributionFilter, kept?: FigureCache) {
  authorize(actor, 'funding.read');
  const pageSize = filter.pageSize ?? 50;
  // The count walks up to LIST_COUNT_LIMIT rows and changes only with funding: kept per kind of reader and filter when a cache is given.
  const countKey = ['contribution-count', campaignId, readerKey(actor), filter.stage ?? '', filter.status ?? '', filter.partnerId ?? ''].join('|');
  const counted = () => repo.countContributions(db, actor, campaignId, filter, LIST_COUNT_LIMIT + 1);
  const [found, n] = await Promise.all([repo.findContributions(db, actor, campaignId, filter, pageSize + 1), kept ? kept.get('funding', countKey, counted) : counted()]);
  const page = keysetPage(found, pageSize, filter);
  // An offset page (`page=`) has newer rows before it even without a `before` key.
  const newer = page.newer ?? (!filter.before && !filter.after && (filter.page ?? 1) > 1 && page.rows[0] ? writePosition(page.rows[0]) : undefined);
  return { ...page, ...(newer ? { newer } : {}), total: Math.min(n, LIST_COUNT_LIMIT), totalIsLowerBound: n > LIST_COUNT_LIMIT };
}

/** What a new commitment or disbursement of a partner may fulfil. */
export async function fulfillableBy(db: Db, actor: MaybeActor, campaignId: string, partnerId: string) {
  authorize(actor, 'funding.read');
  const [pledges, commitments] = await Promise.all([repo.openContributionsOf(db, campaignId, partnerId, 'pledge'), repo.openContributionsOf(db, campaignId, partnerId, 'commitment')]);
  return { pledges, commitments };
}

export const REVIEW_QUEUE_SIZE = 50;

/**
 * The review queue: the oldest contributions waiting for the secretariat (they leave it once reviewed),
 * and how many wait, counted no further than the lists' limit — the exact figure would cost a walk over
 * every waiting row, which grows with the data.
 */
export async function reviewQueue(db: Db, actor: MaybeActor) {
  authorize(actor, 'contribution.verify');
  const [rows, n] = await Promise.all([repo.awaitingVerification(db, REVIEW_QUEUE_SIZE), repo.countAwaitingUpTo(db, LIST_COUNT_LIMIT + 1)]);
  return { rows, total: Math.min(n, LIST_COUNT_LIMIT), totalIsLowerBound: n > LIST_COUNT_LIMIT };
}

/** The oldest contributions waiting for the secretariat, and how many wait in all (from the running totals). */
export async function contributionsAwaitingVerification(db: Db, actor: MaybeActor, limit = 200) {
  authorize(actor, 'contribution.verify');
  const [rows, total] = await Promise.all([repo.awaitingVerification(db, limit), countAwaitingVerification(db)]);
  return { rows, total };
}

async function review(db: Db, actor: MaybeActor, id: string, raw: unknown, outcome: 'verified' | 'rejected') {
  authorize(actor, 'contribution.verify');
  const input = parseInput(ReviewInput, raw);
  const before = await getContribution(db, actor, id);
  const reason = input.reason?.trim() ?? '';
  if (outcome === 'rejected' && !reason) throw new InvalidInput([{ field: 'reason', message: say('problem.rejectReasonNeeded') }]);
  if (before.status === outcome) throw new InvalidInput([{ field: 'status', message: say('problem.contributionAlready', { status: outcome }) }]);
  return db.transaction(async (tx) => {
    const row = await repo.updateContribution(tx, id, input.version, { status: outcome, ...reviewedNow(actor), reviewNote: reason });
    if (!row) throw new StaleVersion(await repo.findContribution(tx, actor, id));
    await appendAudit(tx, actor, { action: `funding.contribution-${outcome}`, entityType: 'funding-contribution', entityId: id, detail: { from: before.status, reason } });
    return row;
  });
}

export const verifyContribution = (db: Db, actor: MaybeActor, id: string, raw: unknown) => review(db, actor, id, raw, 'verified');
export const rejectContribution = (db: Db, actor: MaybeActor, id: string, raw: unknown) => review(db, actor, id, raw, 'rejected');

/**
 * Corrects a contribution, with a reason kept in the audit trail. The secretariat may correct any figure
 * (which verifies it); a delegate only their own partner's figures still awaiting verification.
 */
export async function correctContribution(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.ContributionRow> {
  const input = parseInput(ContributionCorrection, raw);
  const before = await getContribution(db, actor, id);
  authorize(actor, 'contribution.write', { partnerId: before.partnerId });
  authorize(actor, 'contribution.write', { partnerId: input.partnerId });
  if (!isSecretariat(actor) && before.status !== 'reported') {
    throw new InvalidInput([{ field: 'status', message: say('problem.secretariatDecided', { status: before.status }) }]);
  }
  const { version, reason, fulfils, ...fields } = input;
  const { values, links } = await prepare(db, actor, before.campaignId, { ...fields, fulfils }, id);
  return db.transaction(async (tx) => {
    const row = await repo.updateContribution(tx, id, version, { ...values, ...reviewFields(actor, reason.trim()) });
    if (!row) throw new StaleVersion(await repo.findContribution(tx, actor, id));
    await repo.replaceFulfilments(tx, row.campaignId, id, links);
    const changes = Object.fromEntries(
      Object.entries(values)
        .filter(([key, value]) => !sameValue(before[key as keyof typeof before], value))
        .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
    );
    await appendAudit(tx, actor, { action: 'funding.contribution-corrected', entityType: 'funding-contribution', entityId: id, detail: { reason: reason.trim(), changes, fulfils: links } });
    return row;
  });
}

/** Every contribution of a campaign the actor may read, for exports. */
export function allContributions(db: Db, actor: MaybeActor, campaignId: string) {
  authorize(actor, 'funding.read');
  return repo.allContributions(db, actor, campaignId);
}
