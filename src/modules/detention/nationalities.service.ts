import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { auditRestrictedRead } from './detention-access.ts';
import * as repo from './detention.repo.ts';

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
  authorize(actor, 'detention.read');
  const sites = await repo.listSites(db, actor);
  const snapshots = await repo.snapshotsOf(db, actor, sites.map((site) => site.id), { current: true });
  const parts = (await repo.breakdownsOf(db, snapshots.map((snapshot) => snapshot.id))).filter((part) => part.dimension === 'nationality');
  const repatriations = (await repo.listRepatriations(db, actor, { status: 'verified' })).filter((row) => row.receivingIso3 && !row.cumulative && row.periodStart);
  await auditRestrictedRead(db, actor, 'nationalities', [...sites, ...snapshots, ...repatriations]);

  const rows = new Map<string, NationalityRow>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) {
      found = { key, held: null, heldAsOf: null, previousHeld: null, repatriatedByYear: {}, repatriatedTotal: 0 };
      rows.set(key, found);
    }
    return found;
  };
  for (const site of sites) {
    // Each site's snapshots with a nationality breakdown, newest first: the latest and the one before.
    const withNationalities = snapshots.filter((snapshot) => snapshot.siteId === site.id && parts.some((part) => part.snapshotId === snapshot.id)).reverse();
    const [latest, previous] = withNationalities;
    for (const part of parts.filter((p) => p.snapshotId === latest?.id)) {
      const entry = row(part.key);
      entry.held = (entry.held ?? 0) + part.count;
      if (!entry.heldAsOf || (latest && latest.asOf > entry.heldAsOf)) entry.heldAsOf = latest?.asOf ?? null;
    }
    for (const part of parts.filter((p) => p.snapshotId === previous?.id)) {
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
