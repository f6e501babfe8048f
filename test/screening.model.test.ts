import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanctionedEntities, sanctionsListVersions, screeningAlerts, screeningBatchRows, screeningBatches, screeningDecisions } from '../src/db/schema/sanctions.ts';
import { listAlerts, screenNextChunk } from '../src/modules/screening/batches.service.ts';
import { decideHit, listDecisions } from '../src/modules/screening/decisions.service.ts';
import { bufferSource } from '../src/modules/screening/list-source.ts';
import { currentScreener, importListFiles, listVersions, screenName, versionChanges } from '../src/modules/screening/sanctions-lists.service.ts';
import type { Actor } from '../src/platform/actor.ts';
import { verifyAuditChain } from '../src/platform/audit.ts';
import { HttpProblem } from '../src/platform/errors.ts';
import { type TestContext, buildTestApp, makeUser } from './helpers/app.ts';

/**
 * Model-based test (fast-check commands) of sanctions screening: screening → decision → list update.
 * Random sequences of list imports (entries dropped, added back, amended), screenings by an analyst
 * and by a delegate of the Counter ISIS Finance Group, decisions on hits, and attempts by people who
 * may not, run against the real services. After every step the database agrees with a small model:
 * the list versions and what each changed, the decisions and who sees them, every screened name's
 * hits (a false positive stays cleared until its listing changes), the alerts raised when a list
 * update gives a name a new hit and who sees them, and an audit chain that is whole and grew with
 * every change. The matcher itself is the oracle for which entries a name resembles: what is
 * modelled here is the state around it. Ten runs by default, about a second each (MODEL_RUNS raises them).
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 10);

const FIXTURES = path.resolve('test/fixtures/sanctions/ofac');
const SDN_LINES = fs.readFileSync(path.join(FIXTURES, 'sdn.csv'), 'latin1').split(/\r?\n/).filter((line) => /^\d+,/.test(line));
const ALT = fs.readFileSync(path.join(FIXTURES, 'alt.csv'), 'latin1');
const REFS = SDN_LINES.map((line) => `OFAC-SDN:${line.split(',')[0]}`);
/** Names people screen: close to listed entries, to their aliases, and to nobody. */
const NAMES = ['Hamza bin Laden', 'Ayman al-Zawahiri', 'Usama bin Ladin', 'Abu Bakr al-Baghdadi', 'Banco Nacional de Cuba', 'Maria Rossi'];

/** An entry as listed (0) or amended (1): the amendment adds a sanctions programme, which changes the listing but not the names. */
type Variant = 0 | 1;
const entryLine = (index: number, variant: Variant) => (variant === 0 ? (SDN_LINES[index] as string) : (SDN_LINES[index] as string).replace(/^(\d+,"[^"]*",[^,]*,)"([^"]*)"/, '$1"$2] [IRAQ2"'));

interface Decision {
  decision: 'confirmed-match' | 'false-positive';
  /** The variant of the listing the decision was taken on. */
  variant: Variant;
}

interface Model {
  /** The SDN entries in force (by index into SDN_LINES) and their variant; null before any import. */
  inForce: Map<number, Variant> | null;
  versions: number;
  /** The latest decision per (name, ref). */
  decisions: Map<string, Decision>;
  decisionCount: { analyst: number; member: number };
  /** Every name screened on its own, in order, with the hits it holds now. */
  screenings: { name: string; by: 'analyst' | 'member'; hits: Set<string> }[];
  alerts: { analyst: number; member: number };
}

interface Real {
  auditCount: number;
}

let ctx: TestContext;
let analyst: Actor;
/** A delegate (Italy) in the Counter ISIS Finance Group: may screen and decide, may not import lists. */
let member: Actor;
/** A delegate (France) outside the group: may do none of it. */
let outsider: Actor;

beforeAll(async () => {
  ctx = await buildTestApp();
  analyst = (await makeUser(ctx.db, 'analyst')).actor;
  member = (await makeUser(ctx.db, 'delegate', { partnerIso3: 'ITA', groupSlugs: ['counter-isis-finance-group'] })).actor;
  outsider = (await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' })).actor;
}, 120_000);
afterAll(() => ctx.close());

const actorOf = (who: 'analyst' | 'member') => (who === 'analyst' ? analyst : member);
const decisionKey = (name: string, ref: string) => `${name}\u0000${ref}`;

/** The refs the lists in force resemble a name to, before decisions: the matcher as oracle, with the options each path uses. */
async function resembled(name: string, top: number): Promise<string[]> {
  return (await currentScreener(ctx.db)).screen({ name }, { top }).map((hit) => hit.ref);
}

/** What decisions leave of a name's raw hits: a false positive stays cleared while its listing is unchanged. */
function afterDecisions(model: Model, name: string, refs: string[]): { hits: string[]; cleared: number } {
  const hits: string[] = [];
  let cleared = 0;
  for (const ref of refs) {
    const decision = model.decisions.get(decisionKey(name, ref));
    const variant = model.inForce?.get(REFS.indexOf(ref));
    if (decision?.decision === 'false-positive' && decision.variant === variant) cleared++;
    else hits.push(ref);
  }
  return { hits, cleared };
}

/** After every command: the database agrees with the model, and the audit chain is whole and grew as it should. */
async function checkInvariants(model: Model, real: Real, changed: boolean) {
  expect((await listVersions(ctx.db, analyst)).length, 'list versions').toBe(model.versions);
  const decisions = await listDecisions(ctx.db, analyst);
  expect(decisions.length, 'decisions the analyst sees').toBe(model.decisionCount.analyst + model.decisionCount.member);
  // A delegate sees their own partner's decisions and alerts only.
  expect((await listDecisions(ctx.db, member)).length, 'decisions the delegate sees').toBe(model.decisionCount.member);
  expect((await listAlerts(ctx.db, analyst)).total, 'alerts the analyst sees').toBe(model.alerts.analyst + model.alerts.member);
  expect((await listAlerts(ctx.db, member)).total, 'alerts the delegate sees').toBe(model.alerts.member);
  const rows = await ctx.db.select({ name: screeningBatchRows.name, hits: screeningBatchRows.hits }).from(screeningBatchRows).orderBy(asc(screeningBatchRows.batchId));
  const held = (hits: { ref: string }[] | null) => (hits ?? []).map((hit) => hit.ref).sort();
  expect(rows.map((row) => [row.name, held(row.hits)]).sort(), 'hits each screened name holds').toEqual(model.screenings.map((screening) => [screening.name, [...screening.hits].sort()]).sort());
  const chain = await verifyAuditChain(ctx.db);
  expect(chain.ok).toBe(true);
  if (changed) expect(chain.count).toBeGreaterThan(real.auditCount);
  real.auditCount = chain.count;
  // Permissions: a delegate outside the finance group neither screens nor reads decisions or alerts.
  await expect(screenName(ctx.db, outsider, { name: 'Hamza bin Laden' })).rejects.toBeInstanceOf(HttpProblem);
  await expect(listDecisions(ctx.db, outsider)).rejects.toBeInstanceOf(HttpProblem);
  await expect(listAlerts(ctx.db, outsider)).rejects.toBeInstanceOf(HttpProblem);
}

/** A refused step must be refused with a typed problem and change nothing. */
async function refused(work: Promise<unknown>, model: Model, real: Real) {
  await expect(work).rejects.toBeInstanceOf(HttpProblem);
  await checkInvariants(model, real, false);
}

class ImportList implements fc.AsyncCommand<Model, Real> {
  constructor(readonly entries: (Variant | null)[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const next = new Map<number, Variant>();
    for (const [index, variant] of this.entries.entries()) if (variant !== null) next.set(index, variant);
    const files = [bufferSource('sdn.csv', [...next].map(([index, variant]) => `${entryLine(index, variant)}\r\n`).join('')), bufferSource('alt.csv', ALT)];
    // A delegate of the finance group screens but does not import lists.
    await refused(importListFiles(ctx.db, member, files), model, real);
    const [version] = await importListFiles(ctx.db, analyst, files);
    const before = model.inForce ?? new Map<number, Variant>();
    model.inForce = next;
    model.versions++;
    const changes = await versionChanges(ctx.db, analyst, version?.id as string);
    const refsOf = (indexes: number[]) => indexes.map((index) => REFS[index]).sort();
    expect(changes.added.map((entry) => entry.ref).sort(), 'added').toEqual(refsOf([...next.keys()].filter((index) => !before.has(index))));
    expect(changes.removed.map((entry) => entry.ref).sort(), 'removed').toEqual(refsOf([...before.keys()].filter((index) => !next.has(index))));
    expect(changes.amended.map((entry) => entry.ref).sort(), 'amended').toEqual(refsOf([...next].filter(([index, variant]) => before.has(index) && before.get(index) !== variant).map(([index]) => index)));
    // Every name screened so far is screened again; a hit it did not have before is raised as an alert.
    while ((await screenNextChunk(ctx.db)) > 0);
    for (const screening of model.screenings) {
      const { hits } = afterDecisions(model, screening.name, await resembled(screening.name, 3));
      model.alerts[screening.by] += hits.filter((ref) => !screening.hits.has(ref)).length;
      screening.hits = new Set(hits);
    }
    await checkInvariants(model, real, true);
  }
  toString = () => `ImportList(${JSON.stringify(this.entries)})`;
}

class Screen implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly by: 'analyst' | 'member',
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const expected = afterDecisions(model, this.name, model.inForce ? await resembled(this.name, 10) : []);
    const result = await screenName(ctx.db, actorOf(this.by), { name: this.name });
    expect(result.hits.map((hit) => hit.ref).sort(), `hits for ${this.name}`).toEqual([...expected.hits].sort());
    expect(result.cleared, 'hits cleared by earlier decisions').toBe(expected.cleared);
    model.screenings.push({ name: this.name, by: this.by, hits: new Set(expected.hits) });
    await checkInvariants(model, real, true);
  }
  toString = () => `Screen(${JSON.stringify(this.name)}, ${this.by})`;
}

class Decide implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly entry: number,
    readonly decision: Decision['decision'],
    readonly by: 'analyst' | 'member',
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const ref = REFS[this.entry] as string;
    const input = { name: this.name, ref, decision: this.decision, note: 'Different date of birth and place of birth.' };
    const variant = model.inForce?.get(this.entry);
    // A decision is taken on a listing in force, and never by someone outside the finance group.
    await refused(decideHit(ctx.db, outsider, input), model, real);
    if (variant === undefined) return refused(decideHit(ctx.db, actorOf(this.by), input), model, real);
    const row = await decideHit(ctx.db, actorOf(this.by), input);
    expect(row.decidedByLabel).toBe(actorOf(this.by).label);
    model.decisions.set(decisionKey(this.name, ref), { decision: this.decision, variant });
    model.decisionCount[this.by]++;
    await checkInvariants(model, real, true);
  }
  toString = () => `Decide(${JSON.stringify(this.name)}, ${REFS[this.entry]}, ${this.decision}, ${this.by})`;
}

/** A decision on a hit someone sees: the usual path, taken often. */
class DecideOnHit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly decision: Decision['decision'],
    readonly by: 'analyst' | 'member',
  ) {}
  check = (model: Readonly<Model>) => model.screenings.some((screening) => screening.hits.size > 0);
  async run(model: Model, real: Real) {
    const withHits = model.screenings.filter((screening) => screening.hits.size > 0);
    const screening = withHits[this.pick % withHits.length] as Model['screenings'][number];
    const ref = [...screening.hits][this.pick % screening.hits.size] as string;
    await new Decide(screening.name, REFS.indexOf(ref), this.decision, this.by).run(model, real);
  }
  toString = () => `DecideOnHit(${this.pick}, ${this.decision}, ${this.by})`;
}

/** The next version of the list amends every entry in force (or takes the amendment back): decisions taken on the old listing no longer hold. */
class AmendEverything implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => model.inForce !== null;
  async run(model: Model, real: Real) {
    const entries = SDN_LINES.map((_, index) => {
      const variant = model.inForce?.get(index);
      return variant === undefined ? null : variant === 0 ? 1 : 0;
    });
    await new ImportList(entries).run(model, real);
  }
  toString = () => 'AmendEverything';
}

const who = fc.constantFrom('analyst' as const, 'member' as const);
const decisions = fc.constantFrom('false-positive' as const, 'false-positive' as const, 'confirmed-match' as const);
const commands = [
  fc
    .array(fc.constantFrom<Variant | null>(0, 0, 1, null), { minLength: SDN_LINES.length, maxLength: SDN_LINES.length })
    .filter((entries) => entries.some((entry) => entry !== null))
    .map((entries) => new ImportList(entries)),
  fc.tuple(fc.constantFrom(...NAMES), who).map(([name, by]) => new Screen(name, by)),
  fc.tuple(fc.constantFrom(...NAMES), who).map(([name, by]) => new Screen(name, by)),
  fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: SDN_LINES.length - 1 }), decisions, who).map(([name, entry, decision, by]) => new Decide(name, entry, decision, by)),
  fc.tuple(fc.nat(), decisions, who).map(([pick, decision, by]) => new DecideOnHit(pick, decision, by)),
  fc.tuple(fc.nat(), decisions, who).map(([pick, decision, by]) => new DecideOnHit(pick, decision, by)),
  fc.constant(new AmendEverything()),
];

/** Each run starts from no lists, screenings or decisions; the audit trail, append-only, simply grows. */
async function emptyScreening() {
  for (const table of [screeningAlerts, screeningBatchRows, screeningBatches, screeningDecisions, sanctionedEntities, sanctionsListVersions]) await ctx.db.delete(table);
}

describe('screening, decisions and list updates, as a model', () => {
  it('keeps list versions, hits, decisions, alerts, permissions and the audit chain consistent over any sequence of steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (steps) => {
        await emptyScreening();
        const model: Model = { inForce: null, versions: 0, decisions: new Map(), decisionCount: { analyst: 0, member: 0 }, screenings: [], alerts: { analyst: 0, member: 0 } };
        const real: Real = { auditCount: (await verifyAuditChain(ctx.db)).count };
        await checkInvariants(model, real, false);
        await fc.asyncModelRun(() => ({ model, real }), steps);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
