import type { ComponentChildren } from 'preact';
import { DataTable } from '../../platform/views/data-table.tsx';
import { FormActions, SelectField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { CampaignWithTotals } from './campaigns.service.ts';
import type { Comparisons } from './comparisons.service.ts';
import { STAGES } from './funding.schema.ts';
import { ExportLinks, IllustrativeMark, MoneyText } from './funding.views.tsx';
import { Translated, translatedOrDash } from '../../platform/views/translated-name.tsx';

function CampaignTotalsTable({ ctx, rows, caption }: { ctx: PageContext; rows: CampaignWithTotals[]; caption: string }) {
  const { t } = ctx;
  return (
    <DataTable
      rows={rows}
      caption={caption}
      empty={t('funding.noFigures')}
      columns={[
        { header: t('funding.year'), cell: (c) => c.startsOn.slice(0, 4), ltr: true },
        { header: t('funding.campaign'), cell: (c) => (<><a href={`/funding/campaigns/${c.id}`}><Translated ctx={ctx} record={c} field="name" /></a> {c.illustrative && <IllustrativeMark ctx={ctx} />}</>) },
        { header: t('funding.goal'), cell: (c) => (c.goalAmount ? <MoneyText ctx={ctx} amount={c.goalAmount} currency={c.currency} /> : '—') },
        ...STAGES.map((stage) => ({ header: t(`funding.stage.${stage}.total` as never), cell: (c: CampaignWithTotals) => <MoneyText ctx={ctx} amount={c.verified[stage]} currency={c.currency} /> })),
      ]}
    />
  );
}

/** The comparison page; `figures` is CompareFigures, rendered (and kept) beforehand or to render now. */
export function ComparePage(props: { ctx: PageContext; figures: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.ctx.t('funding.compare')}>
      {props.figures}
    </Layout>
  );
}

/** Everything the comparison page shows: the same for every reader who may see the same figures, in the same language and digits. */
export function CompareFigures(props: { ctx: PageContext; data: Comparisons; partners: readonly { id: string; name: string }[]; partnerId?: string }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const partnerName = new Map(props.partners.map((p) => [p.id, p.name]));
  const campaignById = new Map(data.campaigns.map((c) => [c.id, c]));
  return (
    <>
      <p>
        <a href="/funding">{t('funding.title')}</a>
      </p>
      <h1>{t('funding.compare')}</h1>
      <h2>{t('funding.yearOnYear')}</h2>
      <CampaignTotalsTable ctx={ctx} rows={data.campaigns} caption={t('funding.yearOnYear')} />
      <ExportLinks ctx={ctx} href="/funding/compare/export?table=years" />
      <h2>{t('funding.partnerAcross')}</h2>
      <form method="get" action="/funding/compare" class="filters">
        <SelectField name="partnerId" label={t('funding.partner')} value={props.partnerId} emptyLabel="—" options={props.partners.map((p) => [p.id, p.name])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      {data.partnerCampaigns && (
        <>
          <CampaignTotalsTable ctx={ctx} rows={data.partnerCampaigns} caption={t('funding.partnerAcross')} />
          <ExportLinks ctx={ctx} href={`/funding/compare/export?table=partner&partnerId=${props.partnerId}`} />
        </>
      )}
      <h2>{t('funding.pledgedNotCommitted')}</h2>
      <DataTable
        rows={data.outstanding}
        caption={t('funding.pledgedNotCommitted')}
        empty={t('funding.noneOutstanding')}
        columns={[
          { header: t('funding.partner'), cell: (r) => partnerName.get(r.partnerId) ?? r.partnerId },
          { header: t('funding.campaign'), cell: (r) => <a href={`/funding/campaigns/${r.campaignId}`}>{translatedOrDash(ctx, campaignById.get(r.campaignId), 'name')}</a> },
          { header: t('funding.stage.pledge.total'), cell: (r) => <MoneyText ctx={ctx} amount={r.pledged} currency={campaignById.get(r.campaignId)?.currency ?? 'USD'} /> },
          { header: t('funding.outstanding'), cell: (r) => <MoneyText ctx={ctx} amount={r.outstanding} currency={campaignById.get(r.campaignId)?.currency ?? 'USD'} /> },
        ]}
      />
      <ExportLinks ctx={ctx} href="/funding/compare/export?table=outstanding" />
    </>
  );
}
