import { isPartialDate, type Period, samePeriod } from './justice-periods.ts';
import type { JusticeFigure } from './justice.repo.ts';

/** What the chain needs of a repatriation figure (the detention module's row). */
export interface RepatriationFigure {
  id: string;
  period: string;
  people: number | null;
  source: string;
}

const PARTIAL = '(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)';

/**
 * A repatriation's period as start and end, when its text names one: "2019-04-20", "2019-01/2019-06",
 * "cumulative 2019-2021". Free words ("unknown", "cumulative to c. 2023") name none: null.
 */
export function repatriationPeriod(text: string): Period | null {
  const trimmed = text.trim();
  const range = new RegExp(`^${PARTIAL}(?:/${PARTIAL})?$`).exec(trimmed);
  const span = /^cumulative (\d{4})-(\d{4})$/.exec(trimmed);
  const [start, end] = range ? [range[1], range[2] ?? range[1]] : span ? [span[1], span[2]] : [];
  if (!start || !end || !isPartialDate(start) || !isPartialDate(end)) return null;
  return { periodStart: start, periodEnd: end };
}

/** The justice kinds that stand for "prosecuted" in the chain repatriated → prosecuted → convicted. */
const PROSECUTED_KINDS: readonly JusticeFigure['kind'][] = ['repatriated-and-prosecuted', 'charged', 'investigations'];

export interface Chain {
  period: Period;
  repatriated: RepatriationFigure[];
  prosecuted: JusticeFigure[];
  convicted: JusticeFigure[];
}

/**
 * Repatriated, prosecuted and convicted for the periods where a repatriation figure and a justice figure
 * cover exactly the same period. Figures of different periods are never set against each other: they
 * are returned apart so the page can say so.
 */
export function chainsOf(rows: readonly JusticeFigure[], repatriations: readonly RepatriationFigure[]): { chains: Chain[]; unmatchedJustice: JusticeFigure[]; unmatchedRepatriations: RepatriationFigure[] } {
  const relevant = rows.filter((row) => row.count !== null && (row.kind === 'convicted' || PROSECUTED_KINDS.includes(row.kind)));
  const chains: Chain[] = [];
  const matchedJustice = new Set<string>();
  const matchedRepatriations = new Set<string>();
  for (const repatriation of repatriations) {
    const period = repatriationPeriod(repatriation.period);
    if (!period) continue;
    const same = relevant.filter((row) => samePeriod(row, period));
    if (same.length === 0) continue;
    let chain = chains.find((candidate) => samePeriod(candidate.period, period));
    if (!chain) {
      chain = { period, repatriated: [], prosecuted: [], convicted: [] };
      chains.push(chain);
    }
    chain.repatriated.push(repatriation);
    matchedRepatriations.add(repatriation.id);
    for (const row of same) {
      if (matchedJustice.has(row.id)) continue;
      matchedJustice.add(row.id);
      (row.kind === 'convicted' ? chain.convicted : chain.prosecuted).push(row);
    }
  }
  return {
    chains,
    unmatchedJustice: relevant.filter((row) => !matchedJustice.has(row.id)),
    unmatchedRepatriations: repatriations.filter((repatriation) => !matchedRepatriations.has(repatriation.id)),
  };
}
