import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readouts } from '../src/db/schema/readouts.ts';
import { createMeeting } from '../src/modules/meetings/meetings.service.ts';
import { decideClearance, draftReadout, getReadoutForDesk, publishReadout, saveVersion, submitForClearance } from '../src/modules/readouts/readouts.service.ts';
import type { Actor } from '../src/platform/actor.ts';
import { verifyAuditChain } from '../src/platform/audit.ts';
import { HttpProblem } from '../src/platform/errors.ts';
import { type TestContext, buildTestApp, groupId, makeUser } from './helpers/app.ts';

/**
 * Model-based test (fast-check commands) of the readout workflow: meeting → readout → clearance →
 * publish. Random sequences of edits, submissions, clearances, returns, publications — and attempts by
 * people who may not — run against the real services, and after every step the database must agree
 * with a small model: status and version, who cleared which version, an intact audit chain that
 * grew with every change, and refusals that changed nothing. Few runs by default (MODEL_RUNS raises
 * them), so CI stays fast.
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 6);

type Status = 'draft' | 'in-clearance' | 'cleared' | 'published';

interface Model {
  status: Status;
  version: number;
  /** Co-lead partners that cleared each version. */
  clearedBy: Map<number, Set<number>>;
}

interface Real {
  readoutId: string;
  auditCount: number;
}

let ctx: TestContext;
let officer: Actor;
let coChairs: Actor[];
let outsider: Actor;
let delegate: Actor;
let financeGroup: string;

beforeAll(async () => {
  ctx = await buildTestApp();
  officer = (await makeUser(ctx.db, 'secretariat-officer')).actor;
  // The Counter ISIS Finance Group is co-led by Italy, Saudi Arabia and the United States.
  coChairs = await Promise.all(['USA', 'ITA', 'SAU'].map(async (iso3) => (await makeUser(ctx.db, 'co-chair', { partnerIso3: iso3 })).actor));
  outsider = (await makeUser(ctx.db, 'co-chair', { partnerIso3: 'FRA' })).actor;
  delegate = (await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' })).actor;
  financeGroup = await groupId(ctx.db, 'counter-isis-finance-group');
}, 120_000);
afterAll(() => ctx.close());

async function readoutRow(id: string) {
  const [row] = await ctx.db.select().from(readouts).where(eq(readouts.id, id));
  return row;
}

/** After every command: the database agrees with the model, and the audit chain is whole and grew as it should. */
async function checkInvariants(model: Model, real: Real, changed: boolean) {
  const row = await readoutRow(real.readoutId);
  expect(row?.status).toBe(model.status);
  expect(row?.currentVersion).toBe(model.version);
  const chain = await verifyAuditChain(ctx.db);
  expect(chain.ok).toBe(true);
  if (changed) expect(chain.count).toBeGreaterThan(real.auditCount);
  real.auditCount = chain.count;
  // Permissions: nobody outside the secretariat and the group's co-chairs opens the desk copy.
  for (const stranger of [null, delegate]) await expect(getReadoutForDesk(ctx.db, stranger, real.readoutId)).rejects.toBeInstanceOf(HttpProblem);
}

/** A refused step must be refused with a typed problem and change nothing. */
async function refused(work: Promise<unknown>, model: Model, real: Real) {
  await expect(work).rejects.toBeInstanceOf(HttpProblem);
  const row = await readoutRow(real.readoutId);
  expect([row?.status, row?.currentVersion]).toEqual([model.status, model.version]);
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly text: string) {}
  check = (model: Readonly<Model>) => model.status !== 'published';
  async run(model: Model, real: Real) {
    await saveVersion(ctx.db, officer, real.readoutId, { title: `Readout ${model.version + 1}`, bodyMarkdown: this.text, baseVersion: model.version });
    model.version++;
    // A new version needs clearing again.
    if (model.status === 'cleared') model.status = 'in-clearance';
    await checkInvariants(model, real, true);
  }
  toString = () => `Edit(${JSON.stringify(this.text)})`;
}

class StaleEdit implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => model.status !== 'published' && model.version > 1;
  async run(model: Model, real: Real) {
    await refused(saveVersion(ctx.db, officer, real.readoutId, { title: 'Stale', bodyMarkdown: 'Written on an old version.', baseVersion: model.version - 1 }), model, real);
    await checkInvariants(model, real, false);
  }
  toString = () => 'StaleEdit';
}

class Submit implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    if (model.status !== 'draft') return refused(submitForClearance(ctx.db, officer, real.readoutId), model, real);
    await submitForClearance(ctx.db, officer, real.readoutId);
    model.status = 'in-clearance';
    await checkInvariants(model, real, true);
  }
  toString = () => 'Submit';
}

class Decide implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly chair: number,
    readonly decision: 'cleared' | 'returned',
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const input = { decision: this.decision, version: model.version, ...(this.decision === 'returned' ? { comment: 'Please name the host.' } : {}) };
    const actor = coChairs[this.chair] as Actor;
    if (model.status !== 'in-clearance') return refused(decideClearance(ctx.db, actor, real.readoutId, input), model, real);
    await decideClearance(ctx.db, actor, real.readoutId, input);
    if (this.decision === 'returned') {
      model.status = 'draft';
    } else {
      const cleared = model.clearedBy.get(model.version) ?? new Set<number>();
      cleared.add(this.chair);
      model.clearedBy.set(model.version, cleared);
      if (cleared.size === coChairs.length) model.status = 'cleared';
    }
    await checkInvariants(model, real, true);
  }
  toString = () => `Decide(${this.chair}, ${this.decision})`;
}

/** Every co-lead that has not cleared the current version does so: the path to publication, taken often. */
class EveryCoLeadClears implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => model.status === 'in-clearance';
  async run(model: Model, real: Real) {
    for (let chair = 0; chair < coChairs.length; chair++) {
      if (model.clearedBy.get(model.version)?.has(chair)) continue;
      await new Decide(chair, 'cleared').run(model, real);
    }
    expect(model.status).toBe('cleared');
  }
  toString = () => 'EveryCoLeadClears';
}

class OutsiderClears implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    // A co-chair of another partner is refused whatever the state; the refusal itself is audited.
    await refused(decideClearance(ctx.db, outsider, real.readoutId, { decision: 'cleared', version: model.version }), model, real);
    await checkInvariants(model, real, false);
  }
  toString = () => 'OutsiderClears';
}

class Publish implements fc.AsyncCommand<Model, Real> {
  constructor(readonly as: 'public' | 'coalition') {}
  check = () => true;
  async run(model: Model, real: Real) {
    if (model.status !== 'cleared') return refused(publishReadout(ctx.db, officer, real.readoutId, { as: this.as }), model, real);
    // A co-chair may clear but not publish.
    await refused(publishReadout(ctx.db, coChairs[0] as Actor, real.readoutId, { as: this.as }), model, real);
    const row = await publishReadout(ctx.db, officer, real.readoutId, { as: this.as });
    model.status = 'published';
    expect(row.publishedVersion).toBe(model.version);
    await checkInvariants(model, real, true);
  }
  toString = () => `Publish(${this.as})`;
}

const commands = [
  fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0).map((text) => new Edit(text)),
  fc.constant(new StaleEdit()),
  fc.constant(new Submit()),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom('cleared' as const, 'cleared' as const, 'returned' as const)).map(([chair, decision]) => new Decide(chair, decision)),
  fc.constant(new EveryCoLeadClears()),
  fc.constant(new OutsiderClears()),
  fc.constantFrom('public' as const, 'coalition' as const).map((as) => new Publish(as)),
];

describe('the readout workflow, as a model', () => {
  it('keeps status, versions, clearances, permissions and the audit chain consistent over any sequence of steps', async () => {
    let meetingNumber = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (steps) => {
        meetingNumber++;
        const meeting = await createMeeting(ctx.db, officer, {
          title: `Model meeting ${meetingNumber}`,
          format: 'working-group',
          groupId: financeGroup,
          setting: 'virtual',
          startsLocal: '2024-07-23T09:00',
          endsLocal: '2024-07-23T11:00',
          timeZone: 'Europe/Rome',
          classification: 'coalition',
        });
        const readout = await draftReadout(ctx.db, officer, meeting.id);
        const model: Model = { status: 'draft', version: readout.currentVersion, clearedBy: new Map() };
        const real: Real = { readoutId: readout.id, auditCount: (await verifyAuditChain(ctx.db)).count };
        await checkInvariants(model, real, false);
        await fc.asyncModelRun(() => ({ model, real }), steps);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
