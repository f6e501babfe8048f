import { type Period, periodDays } from './justice-periods.ts';

/** What a total needs of a record. */
export interface Countable extends Period {
  id: string;
  stateIso3: string | null;
  mechanism: string | null;
  count: number | null;
  overlapsNational: boolean;
}

export interface OverlapAwareTotal<Row extends Countable> {
  /**
   * Separate figures added up; where one jurisdiction's figures cover overlapping periods, only the
   * largest of them counts (the others may hold the same people), so the total is then a lower bound.
   */
  total: number;
  /** True when every figure was added: no overlap left any out. */
  exact: boolean;
  /** Figures of one jurisdiction whose periods overlap: shown side by side, never added together. */
  overlapping: Row[][];
  /** Figures that include people already in states' own figures (UNITAD-supported convictions): shown beside, never added. */
  alsoCountedNationally: Row[];
  /** The figures that went into the total. */
  added: Row[];
  /**
   * Pairs that cannot both be right as counts of the same thing: a figure for a period lying inside
   * another's is larger than it (Iraq: 616 in 2018 against 514 from 2018 to May 2019). Shown as such.
   */
  inconsistent: [narrower: Row, wider: Row][];
}

/**
 * Totals of one kind of figure (convictions, say) across records without counting anyone twice:
 * a mechanism's figures that repeat national ones are set aside, and a jurisdiction's figures whose
 * periods overlap (a running total beside a yearly one) are not added to each other.
 */
export function overlapAwareTotal<Row extends Countable>(rows: readonly Row[]): OverlapAwareTotal<Row> {
  const counted = rows.filter((row) => row.count !== null);
  const alsoCountedNationally = counted.filter((row) => row.overlapsNational);
  const byJurisdiction = new Map<string, Row[]>();
  for (const row of counted.filter((candidate) => !candidate.overlapsNational)) {
    const key = row.stateIso3 ?? row.mechanism ?? '';
    byJurisdiction.set(key, [...(byJurisdiction.get(key) ?? []), row]);
  }
  let total = 0;
  const overlapping: Row[][] = [];
  const added: Row[] = [];
  for (const group of byJurisdiction.values()) {
    for (const cluster of overlapClusters(group)) {
      // Figures that overlap may count the same people: the largest is what is known at least.
      const largest = cluster.reduce((best, row) => ((row.count ?? 0) > (best.count ?? 0) ? row : best));
      total += largest.count ?? 0;
      added.push(largest);
      if (cluster.length > 1) overlapping.push(cluster);
    }
  }
  return { total, exact: overlapping.length === 0 && alsoCountedNationally.length === 0, overlapping, alsoCountedNationally, added, inconsistent: overlapping.flatMap(inconsistentPairs) };
}

/** Within overlapping figures, a larger count for a period that lies inside another figure's period. */
function inconsistentPairs<Row extends Countable>(cluster: Row[]): [Row, Row][] {
  const pairs: [Row, Row][] = [];
  // Each figure's days worked out once, not once for every other figure it is set against.
  const days = new Map(cluster.map((row) => [row, periodDays(row)] as const));
  for (const narrower of cluster) {
    for (const wider of cluster) {
      if (narrower === wider) continue;
      const inner = days.get(narrower) as { from: string; to: string };
      const outer = days.get(wider) as { from: string; to: string };
      const inside = outer.from <= inner.from && inner.to <= outer.to && (outer.from < inner.from || inner.to < outer.to);
      if (inside && (narrower.count ?? 0) > (wider.count ?? 0)) pairs.push([narrower, wider]);
    }
  }
  return pairs;
}

/** Groups figures into runs whose periods overlap, directly or through one another. */
function overlapClusters<Row extends Countable>(rows: readonly Row[]): Row[][] {
  const sorted = [...rows].map((row) => ({ row, days: periodDays(row) })).sort((a, b) => a.days.from.localeCompare(b.days.from) || a.days.to.localeCompare(b.days.to));
  const clusters: Row[][] = [];
  let reach = '';
  for (const { row, days } of sorted) {
    const current = clusters.at(-1);
    if (current && days.from <= reach) {
      current.push(row);
      if (days.to > reach) reach = days.to;
    } else {
      clusters.push([row]);
      reach = days.to;
    }
  }
  return clusters;
}
