import type { MaybeActor } from '../../platform/actor.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { isIsoDay } from '../../platform/calendar-day.ts';
import type { CampaignRow, NewContributionRow } from './funding.repo.ts';
import type { ContributionInput } from './funding.schema.ts';
import { convert, isIsoCurrency, parseAmount } from './money.ts';
import type { RateBook } from './rate-book.ts';
import { say } from '../../platform/i18n/say.ts';
import { reviewOnEntry } from '../../platform/reported-figures.ts';

export interface CheckContext {
  campaign: CampaignRow;
  rates: RateBook;
  /** Today in UTC, as YYYY-MM-DD: disbursements cannot be dated after it. */
  today: string;
  /** A CSV file must use one decimal separator throughout; the first amount with a fraction sets it. */
  decimalSeparator?: '.' | ',';
}

export type CheckedContribution = Omit<NewContributionRow, 'status' | 'reportedBy' | 'reviewedBy' | 'reviewedAt' | 'reviewNote'>;

/**
 * Checks one contribution against its campaign and the reference rates, without touching the database:
 * the form, the API, the CSV upload and the million-row command-line import all go through here.
 */
export function checkContribution(input: ContributionInput, context: CheckContext): { values?: CheckedContribution; problems: FieldProblem[]; separator?: '.' | ',' } {
  const { campaign } = context;
  const problems: FieldProblem[] = [];
  const currency = input.currency.toUpperCase();
  const currencyOk = isIsoCurrency(currency);
  if (!currencyOk) problems.push({ field: 'currency', message: say('problem.notCurrency', { value: input.currency }) });
  const parsed = parseAmount(input.amount, currencyOk ? currency : undefined, context.decimalSeparator);
  if ('problem' in parsed) problems.push({ field: 'amount', message: parsed.problem });
  const dateOk = isIsoDay(input.contributedOn);
  if (!dateOk) problems.push({ field: 'contributedOn', message: say('problem.notCalendarDate', { value: input.contributedOn }) });
  else if (input.stage === 'disbursement' && input.contributedOn > context.today) {
    problems.push({ field: 'contributedOn', message: say('problem.disbursementInFuture', { date: input.contributedOn }) });
  }
  const channel = input.channel?.trim() || null;
  if (channel && !campaign.channels.includes(channel)) {
    problems.push({ field: 'channel', message: campaign.channels.length ? `"${channel}" is not a channel of this campaign (${campaign.channels.join('; ')})` : 'this campaign names no channels' });
  }
  const theaterSlug = input.theaterSlug?.trim() || null;
  if (theaterSlug && !campaign.theaterSlugs.includes(theaterSlug)) {
    problems.push({ field: 'theaterSlug', message: campaign.theaterSlugs.length ? `"${theaterSlug}" is not a theater of this campaign (${campaign.theaterSlugs.join(', ')})` : 'this campaign names no theaters' });
  }
  let rate: ReturnType<RateBook['rate']> | undefined;
  if (currencyOk && dateOk) {
    rate = context.rates.rate(currency, campaign.currency, input.contributedOn);
    if ('problem' in rate) problems.push({ field: 'currency', message: rate.problem });
  }
  if (problems.length || 'problem' in parsed || !rate || 'problem' in rate) return { problems };
  return {
    problems,
    separator: parsed.separator,
    values: {
      campaignId: campaign.id,
      partnerId: input.partnerId,
      stage: input.stage,
      amount: parsed.value.toFixed(),
      currency,
      rateToCampaign: rate.rate.toFixed(),
      rateDate: rate.rateDate,
      amountInCampaignCurrency: convert(parsed.value, rate.rate).toFixed(),
      channel,
      theaterSlug,
      contributedOn: input.contributedOn,
      source: input.source.trim(),
      illustrative: input.illustrative ?? false,
    },
  };
}

/** The secretariat's own entries are verified as they are made; a delegate's wait for the secretariat. */
export function reviewFields(actor: MaybeActor, note = '') {
  return { ...reviewOnEntry(actor), reviewNote: note };
}

