import type { Exact } from './money.ts';
import { exact } from './money.ts';
import { BREAKDOWN, type GroupedTotal } from './funding-totals.repo.ts';
import { STAGES, type Stage } from './funding.schema.ts';

export type StageTotals = Record<Stage, Exact>;

export interface BreakdownRow {
  key: string;
  verified: StageTotals;
  awaiting: Exact;
  illustrative: boolean;
}

export interface PartnerRow extends BreakdownRow {
  /** Verified pledges that no verified commitment has fulfilled yet. */
  outstanding: Exact;
}

export interface CampaignSummary {
  verified: StageTotals;
  awaitingVerification: StageTotals;
  /** Pledged but not yet committed, across partners. */
  outstandingPledges: Exact;
  illustrative: boolean;
  partners: PartnerRow[];
  theaters: BreakdownRow[];
  channels: BreakdownRow[];
  /** Month by month, running totals of verified money by stage. */
  timeline: { month: string; cumulative: StageTotals }[];
}

const zeroTotals = (): StageTotals => ({ pledge: exact(0), commitment: exact(0), disbursement: exact(0) });

function breakdown(rows: GroupedTotal[], pick: (row: GroupedTotal) => string | null): Map<string, BreakdownRow> {
  const byKey = new Map<string, BreakdownRow>();
  for (const row of rows) {
    const key = pick(row) ?? '';
    let entry = byKey.get(key);
    if (!entry) {
      entry = { key, verified: zeroTotals(), awaiting: exact(0), illustrative: false };
      byKey.set(key, entry);
    }
    if (row.status === 'verified') entry.verified[row.stage] = entry.verified[row.stage].plus(row.amount);
    else entry.awaiting = entry.awaiting.plus(row.amount);
    entry.illustrative ||= row.illustrative;
  }
  return byKey;
}

/**
 * Turns the grouped sums into what the campaign page shows. Pledges, commitments and disbursements stay
 * separate: a pledge is never added to a commitment. The order rows arrive in changes nothing.
 */
export function summarizeCampaign(rows: GroupedTotal[], fulfilledPledges: Map<string, string>): CampaignSummary {
  const verified = zeroTotals();
  const awaitingVerification = zeroTotals();
  let illustrative = false;
  for (const row of rows.filter((r) => r.breakdown === BREAKDOWN.total)) {
    const target = row.status === 'verified' ? verified : awaitingVerification;
    target[row.stage] = target[row.stage].plus(row.amount);
    illustrative ||= row.illustrative;
  }
  const partners = [...breakdown(rows.filter((r) => r.breakdown === BREAKDOWN.partner), (r) => r.partnerId).values()].map((entry) => {
    const outstanding = entry.verified.pledge.minus(fulfilledPledges.get(entry.key) ?? 0);
    return { ...entry, outstanding: outstanding.isNegative() ? exact(0) : outstanding };
  });
  const theaters = [...breakdown(rows.filter((r) => r.breakdown === BREAKDOWN.theater), (r) => r.theaterSlug).values()];
  const channels = [...breakdown(rows.filter((r) => r.breakdown === BREAKDOWN.channel), (r) => r.channel).values()];

  const monthly = breakdown(rows.filter((r) => r.breakdown === BREAKDOWN.month && r.status === 'verified'), (r) => r.month);
  const running = zeroTotals();
  const timeline = [...monthly.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((entry) => {
      for (const stage of STAGES) running[stage] = running[stage].plus(entry.verified[stage]);
      return { month: entry.key, cumulative: { ...running } };
    });
  const outstandingPledges = partners.reduce((total, partner) => total.plus(partner.outstanding), exact(0));
  return { verified, awaitingVerification, outstandingPledges, illustrative, partners, theaters, channels, timeline };
}
