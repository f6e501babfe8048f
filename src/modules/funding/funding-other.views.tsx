import type { RowProblem } from '../../platform/csv-import.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { CampaignSummary } from './campaign-summary.ts';
import type { CampaignWithTotals } from './campaigns.service.ts';
import type { Comparisons } from './comparisons.service.ts';
import type { CampaignRow } from './funding.repo.ts';
import { STAGES } from './funding.schema.ts';
import { Headline, IllustrativeMark, MoneyText } from './funding.views.tsx';
import { percentOf } from './money.ts';

interface RateRow {
  currency: string;
  rateDate: string;
  unitsPerEur: string;
  source: string;
}

export function RatesPage(props: {
  ctx: PageContext;
  rows: RateRow[];
  total: number;
  query: { currency?: string; page?: number; pageSize?: number };
  currencies: string[];
  canImport: boolean;
  problems?: RowProblem[];
  imported?: { imported: number; currencies: string[]; from: string | null; to: string | null };
  source?: string;
}) {
  const { ctx, query } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('funding.rates')}>
      <p>
        <a href="/funding">{t('funding.title')}</a>
      </p>
      <h1>{t('funding.rates')}</h1>
      <p>{t('funding.ratesExplained')}</p>
      {props.imported && (
        <p role="status" class="notice">
          {t('funding.ratesImported', { count: props.imported.imported, currencies: props.imported.currencies.join(', '), from: props.imported.from ?? '—', to: props.imported.to ?? '—' })}
        </p>
      )}
      {props.problems && (
        <div role="alert" class="alert">
          <p>{t('funding.importRejected', { count: props.problems.length })}</p>
          <DataTable
            rows={props.problems}
            empty=""
            columns={[
              { header: t('funding.line'), cell: (p) => String(p.line) },
              { header: t('funding.column'), cell: (p) => p.field },
              { header: t('funding.problem'), cell: (p) => p.message },
            ]}
          />
        </div>
      )}
      {props.canImport && (
        <form method="post" action="/funding/rates/import" enctype="multipart/form-data" class="record-form">
          <h2>{t('funding.ratesImport')}</h2>
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="field-file">{t('funding.ratesFile')}</label>
            <input id="field-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <TextField name="source" label={t('funding.source')} value={props.source} required maxLength={500} hint={t('funding.ratesSourceHint')} />
          <FormActions>
            <button type="submit">{t('funding.importSubmit')}</button>
          </FormActions>
        </form>
      )}
      <form method="get" action="/funding/rates" class="filters" role="search">
        <SelectField name="currency" label={t('funding.currency')} value={query.currency} emptyLabel={t('list.all')} options={props.currencies.map((c) => [c, c])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <p role="status">{t('list.count', { count: props.total })}</p>
      <DataTable
        rows={props.rows}
        empty={t('funding.noRates')}
        caption={t('funding.rates')}
        columns={[
          { header: t('funding.rateDate'), cell: (r) => r.rateDate, ltr: true },
          { header: t('funding.currency'), cell: (r) => r.currency, ltr: true },
          { header: t('funding.unitsPerEur'), cell: (r) => r.unitsPerEur.replace(/\.?0+$/, ''), ltr: true },
          { header: t('funding.source'), cell: (r) => <span class="source">{r.source}</span> },
        ]}
      />
      <Pagination ctx={ctx} basePath="/funding/rates" query={{ currency: query.currency, pageSize: query.pageSize }} page={query.page ?? 1} pageSize={query.pageSize ?? 50} total={props.total} />
    </Layout>
  );
}

function CampaignTotalsTable({ ctx, rows, caption }: { ctx: PageContext; rows: CampaignWithTotals[]; caption: string }) {
  const { t } = ctx;
  return (
    <DataTable
      rows={rows}
      caption={caption}
      empty={t('funding.noFigures')}
      columns={[
        { header: t('funding.year'), cell: (c) => c.startsOn.slice(0, 4), ltr: true },
        { header: t('funding.campaign'), cell: (c) => (<><a href={`/funding/campaigns/${c.id}`}>{c.name}</a> {c.illustrative && <IllustrativeMark ctx={ctx} />}</>) },
        { header: t('funding.goal'), cell: (c) => (c.goalAmount ? <MoneyText ctx={ctx} amount={c.goalAmount} currency={c.currency} /> : '—') },
        ...STAGES.map((stage) => ({ header: t(`funding.stage.${stage}.total` as never), cell: (c: CampaignWithTotals) => <MoneyText ctx={ctx} amount={c.verified[stage]} currency={c.currency} /> })),
      ]}
    />
  );
}

export function ComparePage(props: { ctx: PageContext; data: Comparisons; partners: { id: string; name: string }[]; partnerId?: string }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const partnerName = new Map(props.partners.map((p) => [p.id, p.name]));
  const campaignById = new Map(data.campaigns.map((c) => [c.id, c]));
  return (
    <Layout ctx={ctx} title={t('funding.compare')}>
      <p>
        <a href="/funding">{t('funding.title')}</a>
      </p>
      <h1>{t('funding.compare')}</h1>
      <h2>{t('funding.yearOnYear')}</h2>
      <CampaignTotalsTable ctx={ctx} rows={data.campaigns} caption={t('funding.yearOnYear')} />
      <h2>{t('funding.partnerAcross')}</h2>
      <form method="get" action="/funding/compare" class="filters">
        <SelectField name="partnerId" label={t('funding.partner')} value={props.partnerId} emptyLabel="—" options={props.partners.map((p) => [p.id, p.name])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      {data.partnerCampaigns && <CampaignTotalsTable ctx={ctx} rows={data.partnerCampaigns} caption={t('funding.partnerAcross')} />}
      <h2>{t('funding.pledgedNotCommitted')}</h2>
      <DataTable
        rows={data.outstanding}
        caption={t('funding.pledgedNotCommitted')}
        empty={t('funding.noneOutstanding')}
        columns={[
          { header: t('funding.partner'), cell: (r) => partnerName.get(r.partnerId) ?? r.partnerId },
          { header: t('funding.campaign'), cell: (r) => <a href={`/funding/campaigns/${r.campaignId}`}>{campaignById.get(r.campaignId)?.name ?? ''}</a> },
          { header: t('funding.stage.pledge.total'), cell: (r) => <MoneyText ctx={ctx} amount={r.pledged} currency={campaignById.get(r.campaignId)?.currency ?? 'USD'} /> },
          { header: t('funding.outstanding'), cell: (r) => <MoneyText ctx={ctx} amount={r.outstanding} currency={campaignById.get(r.campaignId)?.currency ?? 'USD'} /> },
        ]}
      />
    </Layout>
  );
}

/** The public list: campaigns marked public, verified totals only. */
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
          { header: t('funding.campaign'), cell: (c) => (<><a href={`/stabilization/${c.id}`}>{c.name}</a> {c.illustrative && <IllustrativeMark ctx={ctx} />}</>) },
          { header: t('funding.goal'), cell: (c) => (c.goalAmount ? <MoneyText ctx={ctx} amount={c.goalAmount} currency={c.currency} /> : '—') },
          { header: t('funding.stage.pledge.total'), cell: (c) => <MoneyText ctx={ctx} amount={c.verified.pledge} currency={c.currency} /> },
          { header: t('funding.pledgedOfGoal'), cell: (c) => { const percent = percentOf(c.verified.pledge, c.goalAmount); return percent === undefined ? '—' : `${percent}%`; } },
        ]}
      />
    </Layout>
  );
}

export function PublicCampaignPage({ ctx, campaign, summary, partnerNames }: { ctx: PageContext; campaign: CampaignRow; summary: CampaignSummary; partnerNames: string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={campaign.name}>
      <p>
        <a href="/stabilization">{t('funding.publicTitle')}</a>
      </p>
      <h1>{campaign.name}</h1>
      {summary.illustrative && (
        <p>
          <IllustrativeMark ctx={ctx} /> {t('funding.illustrativeHint')}
        </p>
      )}
      <Headline ctx={ctx} campaign={campaign} verified={summary.verified} />
      <dl class="facts">
        <dt>{t('funding.period')}</dt>
        <dd dir="ltr">
          {campaign.startsOn} – {campaign.endsOn}
        </dd>
        <dt>{t('funding.goal')}</dt>
        <dd>{campaign.goalAmount ? <MoneyText ctx={ctx} amount={campaign.goalAmount} currency={campaign.currency} /> : t('funding.noGoal')}</dd>
        {campaign.statedPledged && (
          <>
            <dt>{t('funding.statedPledged')}</dt>
            <dd>
              {campaign.statedPledgedIsLowerBound && `${t('funding.moreThan')} `}
              <MoneyText ctx={ctx} amount={campaign.statedPledged} currency={campaign.currency} />
            </dd>
          </>
        )}
        {STAGES.map((stage) => (
          <>
            <dt>{t(`funding.stage.${stage}.total` as never)}</dt>
            <dd>
              <MoneyText ctx={ctx} amount={summary.verified[stage]} currency={campaign.currency} />
            </dd>
          </>
        ))}
        <dt>{t('funding.source')}</dt>
        <dd class="source">{campaign.source}</dd>
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
