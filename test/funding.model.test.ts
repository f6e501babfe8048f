import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSummary, createCampaign } from '../src/modules/funding/campaigns.service.ts';
import { reportContribution, verifyContribution } from '../src/modules/funding/contributions.service.ts';
import type { Actor } from '../src/platform/actor.ts';
import { verifyAuditChain } from '../src/platform/audit.ts';
import { HttpProblem } from '../src/platform/errors.ts';
import { type TestContext, buildTestApp, makeUser, partnerId } from './helpers/app.ts';

/**
 * Model-based test (fast-check commands) of the money path: campaign → pledge → commitment →
 * disbursement, reported by a delegate and verified by the secretariat. After every step the
 * campaign's totals (verified and awaiting, by stage) equal the model's sums, a disbursement never
 * exceeds the commitments it draws on, a delegate cannot report for another partner, and the audit
 * chain is whole. Few runs by default (MODEL_RUNS raises them).
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 6);
type Stage = 'pledge' | 'commitment' | 'disbursement';

interface Entry {
  id: string;
  stage: Stage;
  amount: number;
  verified: boolean;
  version: number;
}

interface Model {
  entries: Entry[];
  /** Commitment money not yet drawn on by a disbursement. */
  undrawn: number;
}

interface Real {
  campaignId: string;
  auditCount: number;
}

let ctx: TestContext;
let officer: Actor;
let delegate: Actor;
let france: string;
let germany: string;

beforeAll(async () => {
  ctx = await buildTestApp();
  officer = (await makeUser(ctx.db, 'secretariat-officer')).actor;
  delegate = (await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' })).actor;
  [france, germany] = await Promise.all([partnerId(ctx.db, 'FRA'), partnerId(ctx.db, 'DEU')]);
}, 120_000);
afterAll(() => ctx.close());

const contribution = (partner: string, stage: Stage, amount: number, fulfils: string[] = []) => ({
  partnerId: partner,
  stage,
  amount: String(amount),
  currency: 'USD',
  contributedOn: '2021-06-01',
  source: 'Model-based test',
  fulfils,
});

async function checkInvariants(model: Model, real: Real, changed: boolean) {
  const { summary } = await campaignSummary(ctx.db, officer, real.campaignId);
  for (const stage of ['pledge', 'commitment', 'disbursement'] as const) {
    const sum = (verified: boolean) => model.entries.filter((entry) => entry.stage === stage && entry.verified === verified).reduce((total, entry) => total + entry.amount, 0);
    expect(Number(summary.verified[stage].toFixed()), `verified ${stage}`).toBe(sum(true));
    expect(Number(summary.awaitingVerification[stage].toFixed()), `awaiting ${stage}`).toBe(sum(false));
  }
  const chain = await verifyAuditChain(ctx.db);
  expect(chain.ok).toBe(true);
  if (changed) expect(chain.count).toBeGreaterThan(real.auditCount);
  real.auditCount = chain.count;
}

async function refused(work: Promise<unknown>, model: Model, real: Real) {
  await expect(work).rejects.toBeInstanceOf(HttpProblem);
  await checkInvariants(model, real, false);
}

class Report implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly stage: Stage,
    readonly amount: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const commitments = model.entries.filter((entry) => entry.stage === 'commitment').map((entry) => entry.id);
    const fulfils = this.stage === 'disbursement' ? commitments : [];
    if (this.stage === 'disbursement' && (commitments.length === 0 || this.amount > model.undrawn)) {
      // Nothing to draw on, or more than what the commitments leave: refused, nothing stored.
      if (commitments.length > 0) return refused(reportContribution(ctx.db, delegate, real.campaignId, contribution(france, this.stage, this.amount, fulfils)), model, real);
      return;
    }
    const row = await reportContribution(ctx.db, delegate, real.campaignId, contribution(france, this.stage, this.amount, fulfils));
    expect(row.status).toBe('reported');
    model.entries.push({ id: row.id, stage: this.stage, amount: this.amount, verified: false, version: row.version });
    if (this.stage === 'commitment') model.undrawn += this.amount;
    if (this.stage === 'disbursement') model.undrawn -= this.amount;
    await checkInvariants(model, real, true);
  }
  toString = () => `Report(${this.stage}, ${this.amount})`;
}

class Verify implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.entries.some((entry) => !entry.verified);
  async run(model: Model, real: Real) {
    const waiting = model.entries.filter((entry) => !entry.verified);
    const entry = waiting[this.pick % waiting.length] as Entry;
    // A delegate cannot verify, not even their own partner's figure.
    await refused(verifyContribution(ctx.db, delegate, entry.id, { version: entry.version }), model, real);
    const row = await verifyContribution(ctx.db, officer, entry.id, { version: entry.version });
    entry.verified = true;
    entry.version = row.version;
    await checkInvariants(model, real, true);
  }
  toString = () => `Verify(${this.pick})`;
}

class ReportForAnotherPartner implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await refused(reportContribution(ctx.db, delegate, real.campaignId, contribution(germany, 'pledge', 1000)), model, real);
  }
  toString = () => 'ReportForAnotherPartner';
}

const commands = [
  fc.tuple(fc.constantFrom<Stage>('pledge', 'commitment', 'disbursement'), fc.integer({ min: 1, max: 5_000_000 })).map(([stage, amount]) => new Report(stage, amount)),
  fc.nat().map((pick) => new Verify(pick)),
  fc.constant(new ReportForAnotherPartner()),
];

describe('the funding path, as a model', () => {
  it('keeps totals by stage, the disbursement limit, permissions and the audit chain consistent over any sequence of steps', async () => {
    let campaignNumber = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (steps) => {
        campaignNumber++;
        const campaign = await createCampaign(ctx.db, officer, { name: `Model campaign ${campaignNumber}`, startsOn: '2021-01-01', endsOn: '2021-12-31', currency: 'USD', goalAmount: '670000000', source: 'Model-based test' });
        const model: Model = { entries: [], undrawn: 0 };
        const real: Real = { campaignId: campaign.id, auditCount: (await verifyAuditChain(ctx.db)).count };
        await checkInvariants(model, real, false);
        await fc.asyncModelRun(() => ({ model, real }), steps);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
