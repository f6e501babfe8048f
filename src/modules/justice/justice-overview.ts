import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { overlapAwareTotal, type OverlapAwareTotal } from './justice-totals.ts';
import type { JusticeFigure } from './justice.repo.ts';
import { EVENT_KINDS, type JusticeKind, type JusticeListQuery, LEGAL_BASES } from './justice.schema.ts';
import { allJustice, filterOf } from './justice.service.ts';

/** A jurisdiction's key: the state's code, or the mechanism's name. */
export const jurisdictionOf = (row: Pick<JusticeFigure, 'stateIso3' | 'mechanism'>) => row.stateIso3 ?? row.mechanism ?? '';

/** Genocide judgments about the Yazidis: they link to the Iraq and Syria theater, where the crimes were committed. */
export function isYazidiGenocide(row: Pick<JusticeFigure, 'legalBasis' | 'description'>): boolean {
  return row.legalBasis === 'genocide' && /yazid|ezid/i.test(row.description);
}

/** The basis a conviction is charted under; figures with none given are "other". */
const basisOf = (row: JusticeFigure) => row.legalBasis ?? 'other';

export interface JusticeOverview {
  /** Per jurisdiction, the latest figure of each countable kind (by the end of its period). */
  latest: { jurisdiction: string; figures: JusticeFigure[] }[];
  /** Convictions by state and legal basis, each cell an overlap-aware total. */
  convictions: { jurisdiction: string; byBasis: Map<string, OverlapAwareTotal<JusticeFigure>>; total: OverlapAwareTotal<JusticeFigure> }[];
  /** The legal bases that have convictions, in the fixed order. */
  bases: string[];
  /** Every conviction figure together, overlaps set aside (UNITAD-supported convictions shown beside it). */
  convictionsTotal: OverlapAwareTotal<JusticeFigure>;
  /** Landmark judgments and mechanism milestones, oldest first. */
  timeline: JusticeFigure[];
}

/** Builds the public picture from verified records (pure, so it can be tested without a database). */
export function overviewOf(rows: readonly JusticeFigure[]): JusticeOverview {
  const byJurisdiction = new Map<string, JusticeFigure[]>();
  for (const row of rows) byJurisdiction.set(jurisdictionOf(row), [...(byJurisdiction.get(jurisdictionOf(row)) ?? []), row]);
  const latest = [...byJurisdiction.entries()].map(([jurisdiction, own]) => {
    const newest = new Map<JusticeKind, JusticeFigure>();
    for (const row of own) {
      if (EVENT_KINDS.includes(row.kind) || row.count === null) continue;
      const current = newest.get(row.kind);
      if (!current || row.endDay > current.endDay) newest.set(row.kind, row);
    }
    return { jurisdiction, figures: [...newest.values()] };
  });
  const convicted = rows.filter((row) => row.kind === 'convicted' && row.count !== null);
  const bases = LEGAL_BASES.filter((basis) => convicted.some((row) => !row.overlapsNational && basisOf(row) === basis));
  const convictions = [...byJurisdiction.keys()]
    .map((jurisdiction) => {
      const own = convicted.filter((row) => jurisdictionOf(row) === jurisdiction && !row.overlapsNational);
      const byBasis = new Map(bases.map((basis) => [basis, overlapAwareTotal(own.filter((row) => basisOf(row) === basis))] as const));
      return { jurisdiction, byBasis, total: overlapAwareTotal(own) };
    })
    .filter((entry) => entry.total.added.length > 0)
    .sort((a, b) => b.total.total - a.total.total);
  const timeline = rows.filter((row) => EVENT_KINDS.includes(row.kind)).sort((a, b) => a.endDay.localeCompare(b.endDay));
  return { latest: latest.filter((entry) => entry.figures.length > 0), convictions, bases, convictionsTotal: overlapAwareTotal(convicted), timeline };
}

/** The figures /justice shows: verified ones the reader may see, under the page's filters. */
export async function justiceOverview(db: Db, actor: MaybeActor, query: JusticeListQuery): Promise<JusticeOverview & { rows: JusticeFigure[] }> {
  const rows = await allJustice(db, actor, { ...filterOf(query), verifiedOnly: true }, 'justice-overview');
  return { ...overviewOf(rows), rows };
}
