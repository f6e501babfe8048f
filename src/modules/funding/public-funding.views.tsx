import { SourceText } from '../../platform/views/source-text.tsx';
import Decimal from 'decimal.js';
import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { CampaignSummary } from './campaign-summary.ts';
import type { CampaignWithTotals } from './campaigns.service.ts';
import type { CampaignRow } from './funding.repo.ts';
import { STAGES } from './funding.schema.ts';
import { Headline, MoneyText, StatedPledged } from './funding.views.tsx';
import { percentOf } from './money.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';

/** The pledged figure the public may read: the verified total, else the total the source states, else none. */
function shownPledged(campaign: CampaignWithTotals): Decimal | null {
  if (!campaign.verified.pledge.isZero()) return campaign.verified.pledge;
  return campaign.statedPledged ? new Decimal(campaign.statedPledged) : null;
}

/** Never "USD 0" for a drive whose pledges are simply not in the platform: that would be an invented figure. */
function PublicPledged({ ctx, campaign }: { ctx: PageContext; campaign: CampaignWithTotals }) {
  const { t } = ctx;
  if (!campaign.verified.pledge.isZero()) return <MoneyText ctx={ctx} amount={campaign.verified.pledge} currency={campaign.currency} />;
  if (!campaign.statedPledged) return <span class="empty">{t('funding.notRecorded')}</span>;
  const money = <MoneyText ctx={ctx} amount={campaign.statedPledged} currency={campaign.currency} />;
  return (
    <>
      {campaign.statedPledgedIsLowerBound && `${t('funding.moreThan')} `}
      {money} <span class="source">({t('funding.statedPledged')})</span>
    </>
  );
}

/** The public list: campaigns marked public, verified and sourced totals only (never demo figures). */
export function PublicCampaignListPage({ ctx, campaigns }: { ctx: PageContext; campaigns: CampaignWithTotals[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('funding.publicTitle')}>
      <h1>{t('funding.publicTitle')}</h1>
      <p>{t('funding.publicIntro')}</p>
      <DataTable
        rows={campaigns}
        caption={t('funding.publicTitle')}
        empty={t('funding.noCampaigns')}
        columns={[
          { header: t('funding.campaign'), name: true, cell: (c) => <a href={`/stabilization/${c.id}`}><Translated ctx={ctx} record={c} field="name" /></a> },
          { header: t('funding.goal'), cell: (c) => (c.goalAmount ? <MoneyText ctx={ctx} amount={c.goalAmount} currency={c.currency} /> : '—') },
          { header: t('funding.stage.pledge.total'), cell: (c) => <PublicPledged ctx={ctx} campaign={c} /> },
          {
            header: t('funding.pledgedOfGoal'),
            cell: (c) => {
              const shown = shownPledged(c);
              const percent = shown ? percentOf(shown, c.goalAmount) : undefined;
              if (percent === undefined) return '—';
              // A share of a "more than" total is itself a lower bound.
              const lowerBound = c.verified.pledge.isZero() && c.statedPledgedIsLowerBound;
              // Rounded down, so the bound stays true (600 of 670 is "more than 89%", not 90%).
              const floor = lowerBound && shown && c.goalAmount ? shown.div(c.goalAmount).times(100).floor().toNumber() : percent;
              return lowerBound ? `${t('funding.moreThan')} ${floor}%` : `${percent}%`;
            },
          },
        ]}
      />
    </Layout>
  );
}

export function PublicCampaignPage({ ctx, campaign, summary, partnerNames }: { ctx: PageContext; campaign: CampaignRow; summary: CampaignSummary; partnerNames: string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={translated(campaign, ctx.locale, 'name')}>
      <p>
        <a href="/stabilization">{t('funding.publicTitle')}</a>
      </p>
      <h1><Translated ctx={ctx} record={campaign} field="name" /></h1>
      <Headline ctx={ctx} campaign={campaign} verified={summary.verified} />
      <dl class="facts">
        <dt>{t('funding.period')}</dt>
        <dd dir="ltr">
          {campaign.startsOn} – {campaign.endsOn}
        </dd>
        <dt>{t('funding.goal')}</dt>
        <dd>{campaign.goalAmount ? <MoneyText ctx={ctx} amount={campaign.goalAmount} currency={campaign.currency} /> : t('funding.noGoal')}</dd>
        <StatedPledged ctx={ctx} campaign={campaign} />
        {STAGES.map((stage) => (
          <>
            <dt>{t(`funding.stage.${stage}.total` as never)}</dt>
            <dd>{summary.verified[stage].isZero() ? <span class="empty">{t('funding.notRecorded')}</span> : <MoneyText ctx={ctx} amount={summary.verified[stage]} currency={campaign.currency} />}</dd>
          </>
        ))}
        <dt>{t('funding.source')}</dt>
        <dd class="source"><SourceText ctx={ctx} source={campaign.source} /></dd>
      </dl>
      <p class="source">{t('funding.verifiedOnly')}</p>
      <h2>{t('funding.contributingPartners')}</h2>
      {partnerNames.length ? (
        <ul class="columns">
          {partnerNames.map((name) => (
            <li>{name}</li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('funding.noFigures')}</p>
      )}
    </Layout>
  );
}
