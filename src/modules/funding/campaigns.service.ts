import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { allTheaters } from '../meetings/meetings.repo.ts';
import { changedFields, checkedClassification } from '../partners/classification.ts';
import { isIsoDay } from '../../platform/calendar-day.ts';
import { summarizeCampaign } from './campaign-summary.ts';
import * as totalsRepo from './funding-totals.repo.ts';
import * as repo from './funding.repo.ts';
import { CampaignInput, CampaignUpdate, STAGES } from './funding.schema.ts';
import { type Exact, exact, isIsoCurrency, parseAmount } from './money.ts';
import { translationValues } from '../../platform/translated-text.ts';

export type { CampaignRow } from './funding.repo.ts';

function optionalAmount(text: string | null | undefined, currency: string, field: string, problems: FieldProblem[]): string | null {
  if (!text) return null;
  const parsed = parseAmount(text, currency);
  if ('problem' in parsed) {
    problems.push({ field, message: parsed.problem });
    return null;
  }
  return parsed.value.toFixed();
}

async function checkedCampaign(db: Db, input: CampaignInput) {
  const problems: FieldProblem[] = [];
  const currency = input.currency.toUpperCase();
  if (!isIsoCurrency(currency)) problems.push({ field: 'currency', message: say('problem.notCurrency', { value: input.currency }) });
  if (!isIsoDay(input.startsOn)) problems.push({ field: 'startsOn', message: say('problem.notCalendarDate', { value: input.startsOn }) });
  if (!isIsoDay(input.endsOn)) problems.push({ field: 'endsOn', message: say('problem.notCalendarDate', { value: input.endsOn }) });
  else if (input.endsOn < input.startsOn) problems.push({ field: 'endsOn', message: say('problem.endsBeforeStart') });
  const goalAmount = optionalAmount(input.goalAmount, currency, 'goalAmount', problems);
  const statedPledged = optionalAmount(input.statedPledged, currency, 'statedPledged', problems);
  const theaterSlugs = [...new Set(input.theaterSlugs ?? [])];
  const known = new Set((await allTheaters(db)).map((theater) => theater.slug));
  const unknown = theaterSlugs.filter((slug) => !known.has(slug));
  if (unknown.length) problems.push({ field: 'theaterSlugs', message: say('problem.noSuchTheaters', { theaters: unknown.join(', ') }) });
  if (problems.length) throw new InvalidInput(problems);
  return {
    name: input.name.trim(),
    ...translationValues(input, 'name'),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    currency,
    goalAmount,
    goalIsLowerBound: input.goalIsLowerBound ?? false,
    statedPledged,
    statedPledgedIsLowerBound: input.statedPledgedIsLowerBound ?? false,
    theaterSlugs,
    channels: [...new Set((input.channels ?? []).map((channel) => channel.trim()).filter(Boolean))],
    notes: input.notes ?? '',
    source: input.source.trim(),
    asOf: input.asOf ?? null,
    confidence: input.confidence ?? null,
  };
}

export async function getCampaign(db: Db, actor: MaybeActor, id: string): Promise<repo.CampaignRow> {
  authorize(actor, 'funding.read');
  const campaign = await repo.findCampaign(db, actor, id);
  if (!campaign) throw new NotFound('campaign');
  return campaign;
}

/** The year's campaign, whatever its currency: one drive is one campaign (ingest adds a pledge in euros to the dollar one). */
export async function campaignOfYear(db: Db, actor: MaybeActor, year: number): Promise<repo.CampaignRow | undefined> {
  authorize(actor, 'funding.read');
  return repo.findCampaignStartingOn(db, actor, `${year}-01-01`);
}

export type CampaignWithTotals = repo.CampaignRow & { verified: Record<(typeof STAGES)[number], Exact>; illustrative: boolean };

/** Campaigns with their verified totals by stage, newest first. */
export async function listCampaigns(db: Db, actor: MaybeActor): Promise<CampaignWithTotals[]> {
  authorize(actor, 'funding.read');
  return withVerifiedTotals(db, actor, await repo.listCampaigns(db, actor));
}

/** The named campaigns the actor may read, without totals: for naming the campaigns of a page of contributions. */
export function campaignsWithIds(db: Db, actor: MaybeActor, ids: string[]): Promise<repo.CampaignRow[]> {
  authorize(actor, 'funding.read');
  return repo.campaignsWithIds(db, actor, [...new Set(ids)]);
}

async function withVerifiedTotals(db: Db, actor: MaybeActor, campaigns: repo.CampaignRow[], partnerId?: string, options: totalsRepo.SourcedOnly = {}): Promise<CampaignWithTotals[]> {
  const totals = await totalsRepo.verifiedTotalsByCampaign(db, actor, partnerId, options);
  return campaigns.map((campaign) => {
    const mine = totals.filter((row) => row.campaignId === campaign.id);
    const verified = Object.fromEntries(STAGES.map((stage) => [stage, exact(mine.find((row) => row.stage === stage)?.amount ?? 0)])) as CampaignWithTotals['verified'];
    return { ...campaign, verified, illustrative: mine.some((row) => row.illustrative) };
  });
}

/** A partner's verified contributions across every campaign it may read: the comparison page. */
export async function partnerAcrossCampaigns(db: Db, actor: MaybeActor, partnerId: string): Promise<CampaignWithTotals[]> {
  authorize(actor, 'funding.read');
  const campaigns = await withVerifiedTotals(db, actor, await repo.listCampaigns(db, actor), partnerId);
  return campaigns.filter((campaign) => STAGES.some((stage) => !campaign.verified[stage].isZero()));
}

/** Everything the campaign page shows: the campaign and its totals, limited to the figures the actor may read. */
export async function campaignSummary(db: Db, actor: MaybeActor, id: string) {
  const campaign = await getCampaign(db, actor, id);
  const [grouped, fulfilled] = await Promise.all([totalsRepo.groupedTotals(db, actor, id), totalsRepo.fulfilledPledgesByPartner(db, id)]);
  return { campaign, summary: summarizeCampaign(grouped, fulfilled) };
}

/** The public summary of a campaign marked public: verified figures only, whoever asks. */
export async function publicCampaignSummary(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'funding.read-public');
  const campaign = await repo.findCampaign(db, null, id);
  if (!campaign) throw new NotFound('campaign');
  // Read as an anonymous visitor would, so a signed-in reader sees no more here than the public does:
  // sourced figures only, never the demo's illustrative rows.
  const [grouped, fulfilled] = await Promise.all([totalsRepo.groupedTotals(db, null, id, { sourcedOnly: true }), totalsRepo.fulfilledPledgesByPartner(db, id)]);
  return { campaign, summary: summarizeCampaign(grouped, fulfilled) };
}

export async function listPublicCampaigns(db: Db, actor: MaybeActor) {
  authorize(actor, 'funding.read-public');
  return withVerifiedTotals(db, null, await repo.listCampaigns(db, null), undefined, { sourcedOnly: true });
}

export async function createCampaign(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.CampaignRow> {
  authorize(actor, 'campaign.write');
  const input = parseInput(CampaignInput, raw);
  const values = await checkedCampaign(db, input);
  const classification = await checkedClassification(db, input, 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertCampaign(tx, { ...values, ...classification });
    await appendAudit(tx, actor, { action: 'funding.campaign-created', entityType: 'funding-campaign', entityId: row.id, detail: { name: row.name, goal: row.goalAmount, currency: row.currency } });
    return row;
  });
}

export async function updateCampaign(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.CampaignRow> {
  authorize(actor, 'campaign.write');
  const input = parseInput(CampaignUpdate, raw);
  const before = await getCampaign(db, actor, id);
  const values = await checkedCampaign(db, input);
  if (values.currency !== before.currency) {
    // Every contribution was converted to the old currency at its own date's rate; changing it would silently reprice them.
    throw new InvalidInput([{ field: 'currency', message: say('problem.campaignCurrencyFixed', { currency: before.currency }) }]);
  }
  const classification = await checkedClassification(db, input, before.classification, { actor, already: before.restrictedGroupIds });
  return db.transaction(async (tx) => {
    const row = await repo.updateCampaign(tx, id, input.version, { ...values, ...classification });
    if (!row) throw new StaleVersion(await repo.findCampaign(tx, actor, id));
    await appendAudit(tx, actor, { action: 'funding.campaign-updated', entityType: 'funding-campaign', entityId: id, detail: { changes: changedFields(before, row) } });
    return row;
  });
}
