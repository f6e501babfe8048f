import { toCsv } from '../../platform/csv.ts';
import type { XlsxCell } from '../../platform/views/xlsx.ts';
import type { CampaignRow, ContributionRow } from './funding.repo.ts';
import type { FundingTable } from './funding-tables.ts';
import { IATI_TRANSACTION_TYPE } from './funding.schema.ts';

/** CSV keeps the exact rounded decimal as text: no float ever touches it. */
export function tableCsv(table: FundingTable): string {
  return toCsv(
    table.columns,
    table.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : cell.money))),
  );
}

/** XLSX cells: money as numbers (spreadsheets sum them) with the currency's decimals as the cell format. */
export function tableXlsxRows(table: FundingTable): XlsxCell[][] {
  return table.rows.map((row) =>
    row.map((value) => {
      if (typeof value === 'string') return value;
      const decimals = value.money.split('.')[1]?.length ?? 0;
      return { value: Number(value.money), format: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
    }),
  );
}

/**
 * Contributions as IATI-style JSON: one activity per campaign, one transaction per contribution, the
 * stage as the IATI transaction type (12 incoming pledge, 2 outgoing commitment, 3 disbursement).
 */
export function iatiActivity(campaign: CampaignRow, contributions: ContributionRow[], partnerRef: (id: string) => { ref: string | null; name: string }, generatedAt: Date) {
  return {
    'iati-activities': {
      version: '2.03',
      'generated-datetime': generatedAt.toISOString(),
      'iati-activity': [
        {
          'iati-identifier': `coalition-desk-${campaign.id}`,
          title: { narrative: campaign.name },
          'activity-date': [
            { type: '1', 'iso-date': campaign.startsOn },
            { type: '3', 'iso-date': campaign.endsOn },
          ],
          'default-currency': campaign.currency,
          budget: campaign.goalAmount ? { 'period-start': campaign.startsOn, 'period-end': campaign.endsOn, value: { currency: campaign.currency, amount: campaign.goalAmount } } : null,
          'recipient-region': campaign.theaterSlugs.map((slug) => ({ vocabulary: '99', code: slug })),
          transaction: contributions.map((row) => {
            const provider = partnerRef(row.partnerId);
            return {
              ref: row.id,
              'transaction-type': { code: IATI_TRANSACTION_TYPE[row.stage] },
              'transaction-date': { 'iso-date': row.contributedOn },
              value: { currency: row.currency, 'value-date': row.rateDate, amount: row.amount },
              'value-in-default-currency': { currency: campaign.currency, amount: row.amountInCampaignCurrency, rate: row.rateToCampaign },
              'provider-org': { ref: provider.ref, narrative: provider.name },
              'receiver-org': row.channel ? { narrative: row.channel } : null,
              'recipient-region': row.theaterSlug ? { vocabulary: '99', code: row.theaterSlug } : null,
              description: { narrative: row.source },
              'coalition-desk': { status: row.status, illustrative: row.illustrative },
            };
          }),
        },
      ],
    },
  };
}
