import type { Translate } from '../../platform/i18n/i18n.ts';
import type { CampaignSummary, StageTotals } from './campaign-summary.ts';
import type { CampaignWithTotals } from './campaigns.service.ts';
import type { Comparisons } from './comparisons.service.ts';
import type { CampaignRow, ContributionRow } from './funding.repo.ts';
import { STAGES } from './funding.schema.ts';
import { minorUnits, roundForDisplay } from './money.ts';

/** A cell is text, or money in a currency: rounded once (half-even), formatted by whoever shows it. */
export type Cell = string | { money: string; currency: string };
export interface FundingTable {
  name: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface Names {
  partner: (id: string) => string;
  theater: (slug: string) => string;
}

/** The amount rounded once to the currency's minor units, written with all of them ("1188400.30"). */
const money = (amount: { toFixed(): string } | string, currency: string): Cell => ({ money: roundForDisplay(amount.toString(), currency).toFixed(minorUnits(currency) ?? 2), currency });

function stageCells(totals: StageTotals, currency: string): Cell[] {
  return STAGES.map((stage) => money(totals[stage], currency));
}

function stageHeaders(t: Translate): string[] {
  return STAGES.map((stage) => t(`funding.stage.${stage}.total` as never));
}

/**
 * Every table of the campaign page, in one shape: the page shows them, and CSV and XLSX exports write
 * exactly the same rows, so what is copied is what is read.
 */
export function campaignTables(t: Translate, campaign: CampaignRow, summary: CampaignSummary, names: Names, contributions: ContributionRow[] = []): Record<string, FundingTable> {
  const currency = campaign.currency;
  const illustrative = (flag: boolean) => (flag ? t('funding.illustrative') : '');
  return {
    partners: {
      name: 'partners',
      title: t('funding.byPartner'),
      columns: [t('funding.partner'), ...stageHeaders(t), t('funding.outstanding'), t('funding.awaiting'), t('funding.illustrativeColumn')],
      rows: summary.partners.map((row) => [names.partner(row.key), ...stageCells(row.verified, currency), money(row.outstanding, currency), money(row.awaiting, currency), illustrative(row.illustrative)]),
    },
    theaters: {
      name: 'theaters',
      title: t('funding.byTheater'),
      columns: [t('funding.theater'), ...stageHeaders(t), t('funding.awaiting')],
      rows: summary.theaters.map((row) => [row.key ? names.theater(row.key) : t('funding.unspecified'), ...stageCells(row.verified, currency), money(row.awaiting, currency)]),
    },
    channels: {
      name: 'channels',
      title: t('funding.byChannel'),
      columns: [t('funding.channel'), ...stageHeaders(t), t('funding.awaiting')],
      rows: summary.channels.map((row) => [row.key || t('funding.unspecified'), ...stageCells(row.verified, currency), money(row.awaiting, currency)]),
    },
    timeline: {
      name: 'timeline',
      title: t('funding.overTime'),
      columns: [t('funding.month'), ...STAGES.map((stage) => t(`funding.stage.${stage}.cumulative` as never))],
      rows: summary.timeline.map((row) => [row.month, ...stageCells(row.cumulative, currency)]),
    },
    contributions: {
      name: 'contributions',
      title: t('funding.contributions'),
      columns: contributionColumns(t, currency),
      rows: contributions.map(contributionCells(t, currency, names)),
    },
  };
}

/** The contributions table's header row (also the header of its streamed CSV export). */
export function contributionColumns(t: Translate, currency: string): string[] {
  return [t('funding.date'), t('funding.partner'), t('funding.stageLabel'), t('funding.amountOriginal'), t('funding.currency'), t('funding.rate'), t('funding.rateDate'), t('funding.amountConverted', { currency }), t('funding.channel'), t('funding.theater'), t('funding.status'), t('funding.source'), t('funding.illustrativeColumn')];
}

/** One contribution as a row of the contributions table. */
export function contributionCells(t: Translate, currency: string, names: Names): (row: ContributionRow) => Cell[] {
  return (row) => [
    row.contributedOn,
    names.partner(row.partnerId),
    t(`funding.stage.${row.stage}` as never),
    money(row.amount, row.currency),
    row.currency,
    row.rateToCampaign,
    row.rateDate,
    money(row.amountInCampaignCurrency, currency),
    row.channel ?? '',
    row.theaterSlug ? names.theater(row.theaterSlug) : '',
    t(`funding.status.${row.status}` as never),
    row.source,
    row.illustrative ? t('funding.illustrative') : '',
  ];
}

/** The comparison page's tables, for CSV and XLSX: year on year, one partner across campaigns, pledged but not committed. */
export function comparisonTables(t: Translate, data: Comparisons, partnerName: (id: string) => string): Record<string, FundingTable> {
  const campaignById = new Map(data.campaigns.map((campaign) => [campaign.id, campaign]));
  const totalsColumns = [t('funding.year'), t('funding.campaign'), t('funding.currency'), t('funding.goal'), ...stageHeaders(t), t('funding.illustrativeColumn')];
  const totalsRows = (rows: CampaignWithTotals[]) =>
    rows.map((c): Cell[] => [c.startsOn.slice(0, 4), c.name, c.currency, c.goalAmount ? money(c.goalAmount, c.currency) : '', ...stageCells(c.verified, c.currency), c.illustrative ? t('funding.illustrative') : '']);
  return {
    years: { name: 'years', title: t('funding.yearOnYear'), columns: totalsColumns, rows: totalsRows(data.campaigns) },
    partner: { name: 'partner', title: t('funding.partnerAcross'), columns: totalsColumns, rows: totalsRows(data.partnerCampaigns ?? []) },
    outstanding: {
      name: 'outstanding',
      title: t('funding.pledgedNotCommitted'),
      columns: [t('funding.partner'), t('funding.campaign'), t('funding.stage.pledge.total'), t('funding.outstanding')],
      rows: data.outstanding.map((row) => {
        const currency = campaignById.get(row.campaignId)?.currency ?? 'USD';
        return [partnerName(row.partnerId), campaignById.get(row.campaignId)?.name ?? '', money(row.pledged, currency), money(row.outstanding, currency)];
      }),
    },
  };
}
