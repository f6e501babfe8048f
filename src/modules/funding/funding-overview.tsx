import { BarChart } from '../../platform/views/charts.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import type { CampaignWithTotals } from './campaigns.service.ts';
import { exact, formatMoney, formatMoneyCompact } from './money.ts';
import { IllustrativeMark, MoneyText } from './funding.views.tsx';

/**
 * The funding overview: every campaign's goal beside what was pledged, as the sources state it and as
 * verified on the platform, one chart per currency (amounts in different currencies are never drawn on
 * one scale). The table under the chart carries the same figures for screen readers and print.
 */
export function FundingOverview({ ctx, campaigns }: { ctx: PageContext; campaigns: CampaignWithTotals[] }) {
  const { t } = ctx;
  const shown = campaigns.filter((c) => c.goalAmount || c.statedPledged || !c.verified.pledge.isZero()).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const currencies = [...new Set(shown.map((c) => c.currency))];
  if (shown.length === 0) return null;
  const amount = (value: string | null) => (value ? Number(exact(value).toFixed(0)) : 0);
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('funding.overview')}</h2>
      {currencies.map((currency) => {
        const rows = shown.filter((c) => c.currency === currency);
        const title = t('funding.overviewChart', { currency });
        return (
          <div class="funding-overview">
            <BarChart
              title={title}
              rtl={ctx.rtl}
              series={[
                { name: t('funding.goal'), tone: 'tone-goal' },
                { name: t('funding.statedPledged'), tone: 'tone-pledge' },
                { name: t('funding.verifiedPledges'), tone: 'tone-commitment' },
              ]}
              rows={rows.map((c) => ({ label: `${c.startsOn.slice(0, 4)} · ${translated(c, ctx.locale, 'name')}`, values: [amount(c.goalAmount), amount(c.statedPledged), amount(c.verified.pledge.toFixed(0))] }))}
              formatTick={(value) => formatMoneyCompact(String(Math.round(value)), currency, ctx.locale)}
            />
            <div class="table-scroll" role="region" aria-label={title} tabindex={0}>
              <table class="compact">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('funding.campaign')}</th>
                    <th scope="col">{t('funding.goal')}</th>
                    <th scope="col">{t('funding.statedPledged')}</th>
                    <th scope="col">{t('funding.verifiedPledges')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr>
                      <th scope="row">
                        <a href={`/funding/campaigns/${c.id}`}>
                          <Translated ctx={ctx} record={c} field="name" />
                        </a>
                        {c.illustrative && (
                          <>
                            {' '}
                            <IllustrativeMark ctx={ctx} />
                          </>
                        )}
                      </th>
                      <td class="number">{c.goalAmount ? <MoneyText ctx={ctx} amount={c.goalAmount} currency={currency} /> : '—'}</td>
                      <td class="number">{c.statedPledged ? c.statedPledgedIsLowerBound ? t('funding.moreThanAmount', { amount: formatMoney(c.statedPledged, currency, ctx.locale) }) : <MoneyText ctx={ctx} amount={c.statedPledged} currency={currency} /> : '—'}</td>
                      <td class="number">
                        <MoneyText ctx={ctx} amount={c.verified.pledge} currency={currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
