import { keysetPage, LIST_COUNT_LIMIT, writePosition } from '../../platform/keyset.ts';
import { say, sayingLocale } from '../../platform/i18n/say.ts';
import { IANAZone } from 'luxon';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { type FigureCache, keptList } from '../../platform/figure-cache.ts';
import { Conflict, type FieldProblem, InvalidInput, NotFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { insideCountryBox } from '../../platform/world.ts';
import { allTheaters } from '../meetings/meetings.repo.ts';
import { checkedClassification } from '../partners/classification.ts';
import { countryName, isKnownAlpha3 } from '../partners/countries.ts';
import * as repo from './threats.repo.ts';
import { BranchNamesInput, IncidentInput, type IncidentQuery } from './threats.schema.ts';
import { todayUtc } from '../../platform/calendar-day.ts';
import { translationValues } from '../../platform/translated-text.ts';

export type { BranchRow, IncidentRow } from './threats.repo.ts';

/** Every branch; with `kept` (the process's figure cache) read once until branches change (topic `reference`). */
export function listBranches(db: Db, actor: MaybeActor, kept?: FigureCache) {
  authorize(actor, 'threat.read');
  return keptList(kept, 'reference', 'branches', () => repo.listBranches(db));
}

export function listIncidents(db: Db, actor: MaybeActor, query: IncidentQuery) {
  authorize(actor, 'threat.read');
  return pageOfIncidents(db, actor, query);
}

/** A page of incidents, newest first, with the keys of the pages around and a bounded count: two statements however many there are. */
async function pageOfIncidents(db: Db, actor: MaybeActor, query: IncidentQuery) {
  const [page, n] = await Promise.all([pageOfIncidentsUncounted(db, actor, query), repo.countIncidents(db, actor, query, LIST_COUNT_LIMIT + 1)]);
  return { ...page, ...countShown(n) };
}

/** How many there are as a list says it: exact up to LIST_COUNT_LIMIT, "more than" beyond. */
const countShown = (n: number) => ({ total: Math.min(n, LIST_COUNT_LIMIT), totalIsLowerBound: n > LIST_COUNT_LIMIT });

/** A page of incidents with the keys of the pages around, without counting them all: one statement. */
async function pageOfIncidentsUncounted(db: Db, actor: MaybeActor, query: IncidentQuery) {
  const pageSize = query.pageSize ?? 50;
  const page = keysetPage(await repo.findIncidents(db, actor, query, pageSize + 1), pageSize, query);
  // An offset page (`page=`) has newer rows before it even without a `before` key.
  const newer = page.newer ?? (!query.before && !query.after && (query.page ?? 1) > 1 && page.rows[0] ? writePosition(page.rows[0]) : undefined);
  return { ...page, ...(newer ? { newer } : {}) };
}

/** A page of incidents for a page that shows no count of them (the map's table): the count is not asked for. */
export function pageOfListedIncidents(db: Db, actor: MaybeActor, query: IncidentQuery) {
  authorize(actor, 'threat.read');
  return pageOfIncidentsUncounted(db, actor, query);
}

export function allIncidents(db: Db, actor: MaybeActor, query: IncidentQuery) {
  authorize(actor, 'threat.read');
  return repo.allIncidents(db, actor, query);
}

export async function getIncident(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'threat.read');
  const row = await repo.findIncident(db, actor, id);
  if (!row) throw new NotFound('incident');
  return row;
}

/** Incidents listed on a branch's page; the rest are a link away, in the filtered list. */
const BRANCH_PAGE_INCIDENTS = 50;

/** A branch with its latest incidents, activity by year, and the meetings whose agenda names it. */
/** The secretariat keeps the branch's names in French and Arabic (reference data: the secretariat's to write). */
export async function setBranchNames(db: Db, actor: MaybeActor, slug: string, raw: unknown): Promise<repo.BranchRow> {
  authorize(actor, 'partner.write');
  const input = parseInput(BranchNamesInput, raw);
  const names = { ...translationValues(input, 'name'), ...translationValues(input, 'region') };
  return db.transaction(async (tx) => {
    const before = await repo.findBranch(tx, slug);
    if (!before) throw new NotFound('branch');
    const row = (await repo.updateBranchNames(tx, slug, names)) as repo.BranchRow;
    const changes = Object.fromEntries(Object.entries(names).filter(([key, value]) => before[key as keyof typeof names] !== value).map(([key, value]) => [key, { from: before[key as keyof typeof names], to: value }]));
    await appendAudit(tx, actor, { action: 'threats.branch-names-set', entityType: 'branch', entityId: slug, detail: { name: before.shortName, changes } });
    return row;
  });
}

/**
 * A branch with its latest incidents, activity by year and related meetings; with `kept` (the process's
 * figure cache) the branch comes from the kept list of branches. The activity counts every incident of
 * the branch the reader may see, so its sum is the count the page shows: no statement of its own.
 */
export async function branchRecord(db: Db, actor: MaybeActor, slug: string, kept?: FigureCache) {
  authorize(actor, 'threat.read');
  const branch = kept ? (await listBranches(db, actor, kept)).find((row) => row.slug === slug) : await repo.findBranch(db, slug);
  if (!branch) throw new NotFound('branch');
  const [latest, activity, meetings] = await Promise.all([
    pageOfIncidentsUncounted(db, actor, { branch: slug, pageSize: BRANCH_PAGE_INCIDENTS }),
    repo.activityByYear(db, actor, slug),
    repo.meetingsMentioning(db, actor, [branch.shortName, ...branch.aliases]),
  ]);
  const incidentTotal = countShown(activity.reduce((sum, year) => sum + year.incidents, 0)).total;
  return { branch, incidents: latest.rows, incidentTotal, meetings, activity };
}

/** Points drawn on the incident map at most; the shading by country counts every incident. */
const MAP_POINTS = 500;

/** What the incident map needs: counts by country for the shading and the latest located incidents as points. */
export async function incidentMap(db: Db, actor: MaybeActor, query: IncidentQuery) {
  authorize(actor, 'threat.read');
  const [byCountry, located] = await Promise.all([repo.incidentCountsByCountry(db, actor, query), repo.locatedIncidents(db, actor, query, MAP_POINTS)]);
  return { byCountry, points: located.rows, locatedTotal: located.total };
}

function countProblems(input: IncidentInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const kind of ['killed', 'injured'] as const) {
    const low = input[`${kind}Low`];
    const high = input[`${kind}High`];
    if (typeof low === 'number' && low < 0) problems.push({ field: `${kind}Low`, message: say('problem.negative', { value: low }) });
    if (typeof high === 'number' && high < 0) problems.push({ field: `${kind}High`, message: say('problem.negative', { value: high }) });
    if (typeof high === 'number' && low == null) problems.push({ field: `${kind}Low`, message: say('problem.lowerFigureNeeded') });
    if (typeof low === 'number' && typeof high === 'number' && high < low) problems.push({ field: `${kind}High`, message: say('problem.belowLower', { low }) });
  }
  return problems;
}

/**
 * Records an incident. Hard errors refuse it; doubts — coordinates outside the country's outline box,
 * a likely duplicate (same branch, day and place) — answer 409 with links until the caller confirms.
 */
export async function createIncident(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.IncidentRow> {
  authorize(actor, 'threat.write');
  const input = parseInput(IncidentInput, raw);
  const countryIso3 = input.countryIso3.toUpperCase();
  const problems: FieldProblem[] = countProblems(input);
  if (!isKnownAlpha3(countryIso3)) problems.push({ field: 'countryIso3', message: say('problem.notAlpha3', { value: countryIso3 }) });
  if (input.timeZone && !IANAZone.isValidZone(input.timeZone)) problems.push({ field: 'timeZone', message: say('problem.notTimeZone', { value: input.timeZone, example: 'Asia/Kabul' }) });
  if (input.localTime && !input.timeZone) problems.push({ field: 'timeZone', message: say('problem.timeZoneNeeded') });
  if (input.occurredOn > todayUtc()) problems.push({ field: 'occurredOn', message: say('problem.inFuture', { value: input.occurredOn }) });
  const hasLatitude = input.latitude !== null && input.latitude !== undefined;
  const hasLongitude = input.longitude !== null && input.longitude !== undefined;
  if (hasLatitude !== hasLongitude) problems.push({ field: 'longitude', message: say('problem.bothCoordinates') });
  const branch = await repo.findBranch(db, input.branchSlug);
  if (!branch) problems.push({ field: 'branchSlug', message: say('problem.noSuchBranch', { branch: input.branchSlug }) });
  if (input.theaterSlug && !(await allTheaters(db)).some((theater) => theater.slug === input.theaterSlug)) problems.push({ field: 'theaterSlug', message: say('problem.noSuchTheaters', { theaters: input.theaterSlug ?? '' }) });
  if (problems.length) throw new InvalidInput(problems);

  const city = input.city?.trim() ?? '';
  if (!input.confirm) {
    const doubts: FieldProblem[] = [];
    if (hasLatitude && hasLongitude && insideCountryBox(countryIso3, input.latitude as number, input.longitude as number) === false) {
      doubts.push({ field: 'latitude', message: say('problem.outsideCountry', { latitude: input.latitude as number, longitude: input.longitude as number, country: countryName(countryIso3, sayingLocale()) ?? countryIso3 }) });
    }
    for (const duplicate of await repo.likelyDuplicates(db, input.branchSlug, input.occurredOn, countryIso3, city)) {
      doubts.push({ field: 'duplicate', message: say('problem.likelyDuplicate', { branch: branch?.shortName ?? input.branchSlug, date: input.occurredOn, hasCity: duplicate.city ? 'yes' : 'no', city: duplicate.city ?? '', path: `/threats/incidents/${duplicate.id}` }) });
    }
    if (doubts.length) throw new Conflict(say('problem.checkBeforeRecording'), doubts);
  }
  const classification = await checkedClassification(db, input, 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertIncident(tx, {
      occurredOn: input.occurredOn,
      localTime: input.localTime ?? null,
      timeZone: input.timeZone ?? null,
      city,
      place: input.place?.trim() ?? '',
      ...translationValues(input, 'place'),
      countryIso3,
      latitude: hasLatitude ? String(input.latitude) : null,
      longitude: hasLongitude ? String(input.longitude) : null,
      branchSlug: input.branchSlug,
      theaterSlug: input.theaterSlug ?? null,
      attribution: input.attribution,
      killedLow: input.killedLow ?? null,
      killedHigh: input.killedHigh ?? null,
      injuredLow: input.injuredLow ?? null,
      injuredHigh: input.injuredHigh ?? null,
      targets: input.targets?.trim() ?? '',
      description: input.description?.trim() ?? '',
      sources: input.sources.map((source) => ({ title: source.title, publisher: source.publisher, url: source.url ?? null, date: source.date ?? null })),
      provenance: input.provenance?.trim() ?? '',
      ...classification,
    });
    await appendAudit(tx, actor, { action: 'threats.incident-recorded', entityType: 'incident', entityId: row.id, detail: { branch: row.branchSlug, occurredOn: row.occurredOn, countryIso3, confirmedDespiteWarnings: Boolean(input.confirm) } });
    return row;
  });
}
