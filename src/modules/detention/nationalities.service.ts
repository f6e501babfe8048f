import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { auditRestrictedRead } from './detention-access.ts';
import * as repo from './detention.repo.ts';
import { withLatestSnapshot } from './sites.service.ts';

/** A site on the map: where it is, its names, and its latest head count. */
export type MapSite = repo.MapSiteRow & { latest: repo.CurrentSnapshotRow | null };

export interface NationalityRow {
  /** ISO alpha-3, "unknown" or "third-countries". */
  key: string;
  /** Reported in the camps and facilities at each site's latest figure with a nationality breakdown, summed. */
  held: number | null;
  heldAsOf: string | null;
  /** The same at each site's figure before that: the trend. */
  previousHeld: number | null;
  /** Verified repatriations by year of their period's start (running totals left out: they repeat other rows). */
  repatriatedByYear: Record<string, number>;
  repatriatedTotal: number;
}

/**
 * The table the FTF working group uses to urge repatriation: for each state, its nationals reported
 * held at the latest date, the figure before, and what it has repatriated by year.
 */
export async function nationalitiesTable(db: Db, actor: MaybeActor): Promise<{ rows: NationalityRow[]; years: string[] }> {
  return (await nationalityFigures(db, actor)).table;
}

/**
 * The map's figures: the sites with their latest head count, and the nationalities table, from the same
 * reads (one audited read for the page).
 */
export async function mapFigures(db: Db, actor: MaybeActor): Promise<{ sites: MapSite[]; rows: NationalityRow[] }> {
  const { sites, snapshots, table } = await nationalityFigures(db, actor);
  return { sites: withLatestSnapshot(sites, snapshots), rows: table.rows };
}

async function nationalityFigures(db: Db, actor: MaybeActor) {
  authorize(actor, 'detention.read');
  const [{ sites, snapshots, parts }, verified] = await Promise.all([repo.sitesWithCurrentNationalities(db, actor), repo.verifiedRepatriationCounts(db, actor)]);
  const repatriations = verified.filter((row) => row.receivingIso3 && !row.cumulative && row.periodStart);
  await auditRestrictedRead(db, actor, 'nationalities', [...sites, ...snapshots, ...repatriations]);
  return { sites, snapshots, table: tabulate(sites, snapshots, parts, repatriations) };
}

function tabulate(sites: repo.MapSiteRow[], snapshots: repo.CurrentSnapshotRow[], parts: Pick<repo.BreakdownRow, 'snapshotId' | 'key' | 'count'>[], repatriations: Awaited<ReturnType<typeof repo.verifiedRepatriationCounts>>): { rows: NationalityRow[]; years: string[] } {
  const rows = new Map<string, NationalityRow>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) {
      found = { key, held: null, heldAsOf: null, previousHeld: null, repatriatedByYear: {}, repatriatedTotal: 0 };
      rows.set(key, found);
    }
    return found;
  };
  const partsOf = new Map<string, typeof parts>();
  for (const part of parts) {
    const list = partsOf.get(part.snapshotId);
    if (list) list.push(part);
    else partsOf.set(part.snapshotId, [part]);
  }
  // Each site's snapshots with a nationality breakdown, newest first: the latest and the one before.
  const withNationalities = new Map<string, repo.CurrentSnapshotRow[]>();
  for (const snapshot of snapshots) {
    if (!partsOf.has(snapshot.id)) continue;
    const list = withNationalities.get(snapshot.siteId);
    if (list) list.unshift(snapshot);
    else withNationalities.set(snapshot.siteId, [snapshot]);
  }
  for (const site of sites) {
    const [latest, previous] = withNationalities.get(site.id) ?? [];
    for (const part of (latest && partsOf.get(latest.id)) ?? []) {
      const entry = row(part.key);
      entry.held = (entry.held ?? 0) + part.count;
      if (!entry.heldAsOf || (latest && latest.asOf > entry.heldAsOf)) entry.heldAsOf = latest?.asOf ?? null;
    }
    for (const part of (previous && partsOf.get(previous.id)) ?? []) {
      const entry = row(part.key);
      entry.previousHeld = (entry.previousHeld ?? 0) + part.count;
    }
  }
  const years = new Set<string>();
  // A figure that gives families, or nothing countable, cannot be added to people.
  for (const repatriation of repatriations.filter((candidate) => candidate.people !== null)) {
    const entry = row(repatriation.receivingIso3 as string);
    const year = (repatriation.periodStart as string).slice(0, 4);
    const people = repatriation.people as number;
    years.add(year);
    entry.repatriatedByYear[year] = (entry.repatriatedByYear[year] ?? 0) + people;
    entry.repatriatedTotal += people;
  }
  return { rows: [...rows.values()], years: [...years].sort() };
}
