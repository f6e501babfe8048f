import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { Conflict, type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { changedFields } from '../partners/classification.ts';
import { parseInput } from '../../platform/validate.ts';
import { isKnownAlpha3 } from '../partners/countries.ts';
import { auditRestrictedRead, detentionClassification } from './detention-access.ts';
import { breakdownProblems, firstDay, negativeCounts } from './detention-checks.ts';
import * as repo from './detention.repo.ts';
import { SiteInput, SiteUpdate, SnapshotInput } from './detention.schema.ts';
import { todayUtc } from '../../platform/calendar-day.ts';
import { translationValues } from '../../platform/translated-text.ts';

export type SnapshotWithBreakdown = repo.SnapshotRow & { breakdown: repo.BreakdownRow[] };
export type SiteWithLatest = repo.SiteRow & { latest: repo.SnapshotRow | null };

async function withBreakdowns(db: Db, snapshots: repo.SnapshotRow[]): Promise<SnapshotWithBreakdown[]> {
  const parts = await repo.breakdownsOf(db, snapshots.map((snapshot) => snapshot.id));
  return snapshots.map((snapshot) => ({ ...snapshot, breakdown: parts.filter((part) => part.snapshotId === snapshot.id) }));
}

/** Sites with their latest current head count, as the actor may see them. */
export async function listSites(db: Db, actor: MaybeActor): Promise<SiteWithLatest[]> {
  authorize(actor, 'detention.read');
  const sites = await repo.listSitesWithLatest(db, actor);
  await auditRestrictedRead(db, actor, 'sites', [...sites, ...headCounts(sites)]);
  return sites;
}

/** The snapshots giving the sites' head counts. */
const headCounts = (sites: SiteWithLatest[]) => sites.flatMap((site) => (site.latest ? [site.latest] : []));

/** Each site with its latest snapshot that gives a head count, from its snapshots oldest first. */
export function withLatestSnapshot<Site extends { id: string }, Snapshot extends { siteId: string; total: number | null }>(sites: Site[], snapshots: Snapshot[]): (Site & { latest: Snapshot | null })[] {
  const latest = new Map<string, Snapshot>();
  for (const snapshot of snapshots) if (snapshot.total !== null) latest.set(snapshot.siteId, snapshot);
  return sites.map((site) => ({ ...site, latest: latest.get(site.id) ?? null }));
}

/** A site's name as readouts vary it: case, "the", "camp"/"prison" around it, "al-Hol" or "al Hol" or "Hol". */
const siteKey = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\b(?:the|camp|prison|detention (?:facility|centre|center)|le|la|camp de)\b/g, ' ')
    .replace(/^\s*(?:al|el|ال)[-\s]+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The site a readout names ("al-Hol", "the Roj camp"), among those the actor may read, by any of its
 * names; undefined when none or more than one answers to it (ingest's head counts).
 */
export async function siteNamed(db: Db, actor: MaybeActor, name: string): Promise<repo.SiteRow | undefined> {
  authorize(actor, 'detention.read');
  const wanted = siteKey(name);
  if (!wanted) return undefined;
  const matching = (await repo.listSites(db, actor)).filter((site) => [site.name, site.nameFr, site.nameAr].some((each) => each && siteKey(each) === wanted));
  return matching.length === 1 ? matching[0] : undefined;
}

/** Rows of the sites list on one page. */
export const SITES_PAGE_SIZE = 50;

/** One page of the sites with their latest current head count. */
export async function pageOfSites(db: Db, actor: MaybeActor, page = 1, pageSize = SITES_PAGE_SIZE) {
  authorize(actor, 'detention.read');
  const found = await repo.pageOfSites(db, actor, { page, pageSize });
  await auditRestrictedRead(db, actor, 'sites', [...found.rows, ...headCounts(found.rows)]);
  return { rows: found.rows, total: found.total, page, pageSize };
}

/** Each site's latest head count and the one before it, for the trend on the desk. */
export async function populationTrend(db: Db, actor: MaybeActor) {
  authorize(actor, 'detention.read');
  const sites = await repo.listSites(db, actor);
  const snapshots = (await repo.snapshotsOf(db, actor, sites.map((site) => site.id), { current: true })).filter((snapshot) => snapshot.total !== null).sort((a, b) => a.asOfDay.localeCompare(b.asOfDay));
  await auditRestrictedRead(db, actor, 'sites', [...sites, ...snapshots]);
  return sites.map((site) => {
    const mine = snapshots.filter((snapshot) => snapshot.siteId === site.id);
    return { site, latest: mine.at(-1) ?? null, previous: mine.at(-2) ?? null };
  });
}

/** A site with every snapshot (replaced ones too, for the history), each with its breakdown. */
export async function siteRecord(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'detention.read');
  const site = await repo.findSite(db, actor, id);
  if (!site) throw new NotFound('site');
  const snapshots = await withBreakdowns(db, await repo.snapshotsOf(db, actor, [id]));
  await auditRestrictedRead(db, actor, 'site', [site, ...snapshots], site.id);
  return { site, snapshots };
}

/** Where a snapshot is shown: its row among its site's figures, for a reader who may see both. */
export async function snapshotAddress(db: Db, actor: MaybeActor, id: string): Promise<string> {
  authorize(actor, 'detention.read');
  const snapshot = await repo.findSnapshot(db, actor, id);
  if (!snapshot || !(await repo.findSite(db, actor, snapshot.siteId))) throw new NotFound('record');
  return `/detention/sites/${snapshot.siteId}#snapshot-${snapshot.id}`;
}

/** A site's columns from its form or API input, checked (classification apart). */
function siteValues(input: SiteInput) {
  const countryIso3 = input.countryIso3?.toUpperCase() ?? null;
  if (countryIso3 && !isKnownAlpha3(countryIso3)) throw new InvalidInput([{ field: 'countryIso3', message: say('problem.notAlpha3', { value: countryIso3 }) }]);
  if ((input.latitude === null || input.latitude === undefined) !== (input.longitude === null || input.longitude === undefined)) {
    throw new InvalidInput([{ field: 'longitude', message: say('problem.bothCoordinates') }]);
  }
  return {
    name: input.name.trim(),
    ...translationValues(input, 'name'),
    kind: input.kind,
    region: input.region?.trim() ?? '',
    ...translationValues(input, 'region'),
    countryIso3,
    latitude: input.latitude?.toString() ?? null,
    longitude: input.longitude?.toString() ?? null,
    operator: input.operator?.trim() ?? '',
    knownFrom: input.knownFrom ?? null,
    knownTo: input.knownTo ?? null,
    source: input.source.trim(),
  };
}

export async function createSite(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.SiteRow> {
  authorize(actor, 'detention.write');
  const input = parseInput(SiteInput, raw);
  const values = siteValues(input);
  const classification = await detentionClassification(db, actor, input);
  return db.transaction(async (tx) => {
    const row = await repo.insertSite(tx, { ...values, ...classification });
    await appendAudit(tx, actor, { action: 'detention.site-created', entityType: 'detention-site', entityId: row.id, detail: { name: row.name, classification: row.classification } });
    return row;
  });
}

/**
 * Edits a site after it was made: its names in French and Arabic above all (the demo's camps came with
 * English only). A save over someone else's newer one is refused (409), and the audit keeps each change.
 */
export async function updateSite(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.SiteRow> {
  authorize(actor, 'detention.write');
  const input = parseInput(SiteUpdate, raw);
  const before = await repo.findSite(db, actor, id);
  if (!before) throw new NotFound('site');
  const values = siteValues(input);
  const classification = await detentionClassification(db, actor, input, before.restrictedGroupIds);
  return db.transaction(async (tx) => {
    const row = await repo.updateSite(tx, id, input.version, { ...values, ...classification });
    if (!row) throw new StaleVersion(await repo.findSite(tx, actor, id));
    await appendAudit(tx, actor, { action: 'detention.site-updated', entityType: 'detention-site', entityId: id, detail: { name: row.name, changes: changedFields(before, row) } });
    return row as repo.SiteRow;
  });
}

/**
 * Records a site's population on a date. A second figure for the same site and date is refused unless
 * it says why it replaces the first: the first is then kept, marked replaced, never overwritten.
 */
export async function addSnapshot(db: Db, actor: MaybeActor, siteId: string, raw: unknown): Promise<repo.SnapshotRow> {
  authorize(actor, 'detention.write');
  const input = parseInput(SnapshotInput, raw);
  const site = await repo.findSite(db, actor, siteId);
  if (!site) throw new NotFound('site');
  const total = input.total ?? null;
  const nationalities = (input.nationalities ?? []).map((part) => ({ ...part, key: /^[a-z]{3}$/i.test(part.key) ? part.key.toUpperCase() : part.key }));
  const categories = input.categories ?? [];
  const problems: FieldProblem[] = [...negativeCounts({ total })];
  if (firstDay(input.asOf) > todayUtc()) problems.push({ field: 'asOf', message: say('problem.inFuture', { value: input.asOf }) });
  problems.push(...breakdownProblems(total, input.partial ?? false, { nationalities, categories }));
  if (total === null && nationalities.length + categories.length === 0 && !input.note?.trim()) problems.push({ field: 'total', message: say('problem.snapshotNeeded') });
  if (problems.length) throw new InvalidInput(problems);
  const existing = await repo.currentSnapshotAt(db, siteId, input.asOf);
  if (existing && !input.replaceReason) {
    throw new Conflict(say('problem.snapshotConflict', { site: site.name, asOf: input.asOf, total: existing.total ?? say('problem.noTotal'), source: existing.source }), [
      { field: 'replaceReason', message: say('problem.snapshotExists', { asOf: input.asOf }) },
    ]);
  }
  const classification = await detentionClassification(db, actor, input);
  return db.transaction(async (tx) => {
    if (existing) await repo.markReplaced(tx, existing.id, input.replaceReason as string);
    const row = await repo.insertSnapshot(
      tx,
      {
        siteId,
        asOf: input.asOf,
        asOfDay: firstDay(input.asOf),
        total,
        partial: input.partial ?? false,
        note: input.note?.trim() ?? '',
        source: input.source.trim(),
        confidence: input.confidence ?? null,
        reportedBy: actor?.userId ?? null,
        replacesId: existing?.id ?? null,
        ...classification,
      },
      [...nationalities.map((part) => ({ dimension: 'nationality' as const, ...part })), ...categories.map((part) => ({ dimension: 'category' as const, ...part }))],
    );
    await appendAudit(tx, actor, {
      action: existing ? 'detention.snapshot-replaced' : 'detention.snapshot-added',
      entityType: 'population-snapshot',
      entityId: row.id,
      detail: { siteId, asOf: row.asOf, total, replaces: existing ? { id: existing.id, total: existing.total, reason: input.replaceReason } : null },
    });
    return row;
  });
}
