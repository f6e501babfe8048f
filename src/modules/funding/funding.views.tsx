import { SourceText } from '../../platform/views/source-text.tsx';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import type { ComponentChildren, VNode } from 'preact';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { BarChart, type ChartSeries, LineChart } from '../../platform/views/charts.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import type { TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationBadge, ClassificationFields } from '../partners/partners.views.tsx';
import type { CampaignSummary, StageTotals } from './campaign-summary.ts';
import type { CampaignWithTotals } from './campaigns.service.ts';
import type { CampaignRow } from './funding.repo.ts';
import { type CampaignPageQuery, type PARTNER_SORTS, STAGES, type Stage } from './funding.schema.ts';
import type { Cell, FundingTable } from './funding-tables.ts';
import { type Exact, exact, formatMoney, formatMoneyCompact, percentOf } from './money.ts';
import { listOf, numberFormat } from '../../platform/i18n/formatters.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated, TranslationFields } from '../../platform/views/translated-name.tsx';
import { FundingOverview } from './funding-overview.tsx';

export function IllustrativeMark({ ctx }: { ctx: PageContext }) {
  return (
    <span class="illustrative" title={ctx.t('funding.illustrativeHint')}>
      {ctx.t('funding.illustrative')}
    </span>
  );
}

export function MoneyText({ ctx, amount, currency }: { ctx: PageContext; amount: string | Exact; currency: string }) {
  return (
    <span class="money-text" dir="ltr">
      {formatMoney(amount, currency, ctx.locale)}
    </span>
  );
}

function cellText(cell: Cell, locale: Locale): string {
  return typeof cell === 'string' ? cell : formatMoney(cell.money, cell.currency, locale);
}

/** The CSV and XLSX downloads of one table; `href` names the table, the format is added. */
export function ExportLinks({ ctx, href }: { ctx: PageContext; href: string }) {
  return (
    <p class="actions">
      <a href={`${href}&format=csv`} download>
        {ctx.t('funding.downloadCsv')}
      </a>{' '}
      <a href={`${href}&format=xlsx`} download>
        {ctx.t('funding.downloadXlsx')}
      </a>
    </p>
  );
}

/** A table of the campaign page, with its CSV and XLSX downloads. */
export function FundingTableView({ ctx, table, exportBase, headerCells }: { ctx: PageContext; table: FundingTable; exportBase?: string; headerCells?: VNode[] }) {
  const { t, locale } = ctx;
  if (table.rows.length === 0) return <p class="empty">{t('funding.noFigures')}</p>;
  const moneyColumns = new Set((table.rows[0] ?? []).flatMap((cell, index) => (typeof cell === 'string' ? [] : [index])));
  return (
    <div>
      {/* Wide: it scrolls in its own visible box with the first column kept in view, never cut off. */}
      <div class="table-scroll" role="region" aria-label={table.title} tabindex={0}>
      <table class="data-table">
        <caption class="visually-hidden">{table.title}</caption>
        <thead>
          <tr>{headerCells ?? table.columns.map((column, index) => <th scope="col" class={moneyColumns.has(index) ? 'money' : undefined}>{column}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              {row.map((cell, index) => (index === 0 ? <th scope="row">{cellText(cell, locale)}</th> : <td data-label={table.columns[index]} class={typeof cell === 'string' ? undefined : 'money'} dir={typeof cell === 'string' ? undefined : 'ltr'}>{cellText(cell, locale)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {exportBase && <ExportLinks ctx={ctx} href={`${exportBase}?table=${table.name}`} />}
    </div>
  );
}

/** "USD 600 million pledged of the USD 670 million goal — 90%": verified figures only. */
export function Headline({ ctx, campaign, verified }: { ctx: PageContext; campaign: CampaignRow; verified: StageTotals }) {
  const { t, locale } = ctx;
  const pledged = formatMoneyCompact(verified.pledge, campaign.currency, locale);
  if (verified.pledge.isZero()) return <NoVerifiedPledgesHeadline ctx={ctx} campaign={campaign} />;
  if (!campaign.goalAmount) return <p class="headline">{t('funding.headlineNoGoal', { pledged })}</p>;
  const goal = formatMoneyCompact(campaign.goalAmount, campaign.currency, locale);
  const percent = percentOf(verified.pledge, campaign.goalAmount) ?? 0;
  return <p class="headline">{t(campaign.goalIsLowerBound ? 'funding.headlineLowerBound' : 'funding.headline', { pledged, goal, percent })}</p>;
}

/** Nothing verified yet: the total the source states if there is one, else that none is recorded (never "USD 0 pledged … 0%"). */
function NoVerifiedPledgesHeadline({ ctx, campaign }: { ctx: PageContext; campaign: CampaignRow }) {
  const { t, locale } = ctx;
  const stated = campaign.statedPledged ? t(campaign.statedPledgedIsLowerBound ? 'funding.headlineStatedLowerBound' : 'funding.headlineStated', { pledged: formatMoneyCompact(campaign.statedPledged, campaign.currency, locale) }) : t('funding.headlineNoPledges');
  const goal = campaign.goalAmount ? t(campaign.goalIsLowerBound ? 'funding.headlineGoalLowerBound' : 'funding.headlineGoal', { goal: formatMoneyCompact(campaign.goalAmount, campaign.currency, locale) }) : '';
  return <p class="headline">{[stated, goal].filter(Boolean).join(' ')}</p>;
}

function StageCards({ ctx, campaign, summary }: { ctx: PageContext; campaign: CampaignRow; summary: CampaignSummary }) {
  const { t } = ctx;
  return (
    <ul class="stage-totals">
      {STAGES.map((stage) => {
        const percent = percentOf(summary.verified[stage], campaign.goalAmount);
        return (
          <li>
            {t(`funding.stage.${stage}.total` as never)}
            {/* Nothing verified at this stage: said so, not "USD 0 — 0% of the goal" as if it were a figure. */}
            <strong>{summary.verified[stage].isZero() ? t('funding.notRecorded') : <MoneyText ctx={ctx} amount={summary.verified[stage]} currency={campaign.currency} />}</strong>
            {percent !== undefined && !summary.verified[stage].isZero() && t('funding.ofGoal', { percent })}
            {!summary.awaitingVerification[stage].isZero() && (
              <div class="source">
                {t('funding.plusAwaiting')} <MoneyText ctx={ctx} amount={summary.awaitingVerification[stage]} currency={campaign.currency} />
              </div>
            )}
          </li>
        );
      })}
      <li>
        {t('funding.outstanding')}
        <strong>{summary.verified.pledge.isZero() ? t('funding.notRecorded') : <MoneyText ctx={ctx} amount={summary.outstandingPledges} currency={campaign.currency} />}</strong>
        {t('funding.outstandingHint')}
      </li>
    </ul>
  );
}

export function stageSeries(ctx: PageContext, suffix: '' | '.cumulative' = ''): ChartSeries[] {
  return STAGES.map((stage) => ({ name: ctx.t(`funding.stage.${stage}${suffix || '.total'}` as never), tone: `tone-${stage}` }));
}

function compactTick(ctx: PageContext) {
  return (value: number) => numberFormat(intlLocale(ctx.locale), { notation: 'compact' }).format(value);
}

/** The figures of a stage-totals row as chart values (pixels only; the table carries the exact amounts). */
function chartValues(totals: StageTotals): number[] {
  return STAGES.map((stage) => totals[stage].toNumber());
}

/** The total the source states ("more than USD 600 million"), kept beside the partners' figures (rule 6). */
export function StatedPledged({ ctx, campaign }: { ctx: PageContext; campaign: CampaignRow }) {
  if (!campaign.statedPledged) return null;
  return (
    <>
      <dt>{ctx.t('funding.statedPledged')}</dt>
      <dd>
        {campaign.statedPledgedIsLowerBound && `${ctx.t('funding.moreThan')} `}
        <MoneyText ctx={ctx} amount={campaign.statedPledged} currency={campaign.currency} />
      </dd>
    </>
  );
}

export function CampaignFacts({ ctx, campaign, theaters }: { ctx: PageContext; campaign: CampaignRow; theaters: TheaterRow[] }) {
  const { t, locale } = ctx;
  const theaterNames = new Map(theaters.map((theater) => [theater.slug, theaterName(theater, locale)]));
  return (
    <dl class="facts">
      <dt>{t('funding.period')}</dt>
      <dd dir="ltr">
        {campaign.startsOn} – {campaign.endsOn}
      </dd>
      <dt>{t('funding.goal')}</dt>
      <dd>{campaign.goalAmount ? <MoneyText ctx={ctx} amount={campaign.goalAmount} currency={campaign.currency} /> : t('funding.noGoal')}{campaign.goalIsLowerBound && ` (${t('funding.lowerBound')})`}</dd>
      <StatedPledged ctx={ctx} campaign={campaign} />
      <dt>{t('funding.theaters')}</dt>
      <dd>{listOf(intlLocale(locale), campaign.theaterSlugs.map((slug) => theaterNames.get(slug) ?? slug)) || '—'}</dd>
      <dt>{t('funding.channels')}</dt>
      <dd>{campaign.channels.join('; ') || '—'}</dd>
      {campaign.notes && (
        <>
          <dt>{t('funding.notes')}</dt>
          <dd>{campaign.notes}</dd>
        </>
      )}
      <dt>{t('funding.source')}</dt>
      <dd class="source">
        <SourceText ctx={ctx} source={campaign.source} />
        {campaign.asOf && ` (${t('funding.asOf', { date: campaign.asOf })})`}
        {campaign.confidence && ` · ${t('funding.confidence')}: ${['high', 'medium', 'low'].includes(campaign.confidence) ? t(`justice.confidence.${campaign.confidence}` as never) : campaign.confidence}`}
      </dd>
    </dl>
  );
}

export interface CampaignFiguresProps {
  ctx: PageContext;
  campaign: CampaignRow;
  summary: CampaignSummary;
  tables: Record<string, FundingTable>;
  theaters: TheaterRow[];
  query: Pick<CampaignPageQuery, 'sort' | 'dir'>;
  may: { report: boolean; edit: boolean };
}

/**
 * The campaign page above its contributions: headline, totals, facts and every table and chart. It depends
 * only on the figures, what the reader may see and do, the language and digits, and the partners' sort, so
 * the page renders it once and keeps it with the figures (platform/figure-cache.ts).
 */
export function CampaignFigures(props: CampaignFiguresProps) {
  const { ctx, campaign, summary, tables, query, may } = props;
  const { t } = ctx;
  const base = `/funding/campaigns/${campaign.id}`;
  const exportBase = `${base}/export`;
  const partnerTable = tables.partners as FundingTable;
  const sortHeader = (column: (typeof PARTNER_SORTS)[number], label: string, money: boolean) => {
    const active = (query.sort ?? 'pledge') === column;
    const dir = query.dir ?? (column === 'partner' ? 'asc' : 'desc');
    const next = active && dir === 'desc' ? 'asc' : 'desc';
    return (
      <th scope="col" class={money ? 'money' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={`${listHref(base, { sort: column, dir: next }, {})}#by-partner`}>
          {label}
          {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </a>
      </th>
    );
  };
  const partnerHeaders = [
    sortHeader('partner', t('funding.partner'), false),
    ...STAGES.map((stage) => sortHeader(stage, t(`funding.stage.${stage}.total` as never), true)),
    sortHeader('outstanding', t('funding.outstanding'), true),
    <th scope="col" class="money">{t('funding.awaiting')}</th>,
    <th scope="col">{t('funding.illustrativeColumn')}</th>,
  ];
  const goal = campaign.goalAmount ? exact(campaign.goalAmount).toNumber() : undefined;
  return (
    <>
      <p>
        <a href="/funding">{t('funding.title')}</a>
      </p>
      <h1><Translated ctx={ctx} record={campaign} field="name" /></h1>
      <p>
        <ClassificationBadge ctx={ctx} value={campaign.classification} /> {summary.illustrative && <IllustrativeMark ctx={ctx} />}
      </p>
      <Headline ctx={ctx} campaign={campaign} verified={summary.verified} />
      <p class="source">{t('funding.verifiedOnly')}</p>
      <StageCards ctx={ctx} campaign={campaign} summary={summary} />
      <ActionLinks
        links={[
          may.report && [`${base}/contributions/new`, t('funding.report')],
          may.report && [`${base}/contributions/import`, t('funding.importCsv')],
          may.edit && [`${base}/edit`, t('form.edit')],
          [`${base}/iati.json`, t('funding.downloadIati')],
          campaign.classification === 'public' && [`/stabilization/${campaign.id}`, t('funding.publicSummary')],
        ]}
      />
      <CampaignFacts ctx={ctx} campaign={campaign} theaters={props.theaters} />

      <h2 id="by-partner">{partnerTable.title}</h2>
      <div class="chart-pair">
        <BarChart
          rtl={ctx.rtl}
          title={partnerTable.title}
          series={stageSeries(ctx)}
          rows={summary.partners.slice(0, 20).map((row) => ({ label: String(partnerTable.rows[summary.partners.indexOf(row)]?.[0] ?? ''), values: chartValues(row.verified) }))}
          formatTick={compactTick(ctx)}
        />
        <FundingTableView ctx={ctx} table={partnerTable} exportBase={exportBase} headerCells={partnerHeaders} />
      </div>

      <h2 id="over-time">{tables.timeline?.title}</h2>
      <div class="chart-pair">
        <LineChart
          rtl={ctx.rtl}
          title={tables.timeline?.title ?? ''}
          series={stageSeries(ctx, '.cumulative')}
          points={summary.timeline.map((row) => ({ label: row.month, values: chartValues(row.cumulative) }))}
          target={goal !== undefined ? { value: goal, label: t('funding.goal') } : undefined}
          formatTick={compactTick(ctx)}
        />
        <FundingTableView ctx={ctx} table={tables.timeline as FundingTable} exportBase={exportBase} />
      </div>

      {(['theaters', 'channels'] as const).map((name) => (
        <>
          <h2 id={`by-${name}`}>{tables[name]?.title}</h2>
          <div class="chart-pair">
            <BarChart
              rtl={ctx.rtl}
              title={tables[name]?.title ?? ''}
              series={stageSeries(ctx)}
              rows={summary[name].map((row, index) => ({ label: String(tables[name]?.rows[index]?.[0] ?? ''), values: chartValues(row.verified) }))}
              formatTick={compactTick(ctx)}
            />
            <FundingTableView ctx={ctx} table={tables[name] as FundingTable} exportBase={exportBase} />
          </div>
        </>
      ))}
    </>
  );
}

export interface CampaignPageProps {
  ctx: PageContext;
  campaign: CampaignRow;
  /** CampaignFigures, rendered (and kept) beforehand, or to render now. */
  figures: ComponentChildren;
  query: CampaignPageQuery;
  contributionsTotal: number;
  /** The count stopped at its limit: more contributions match. */
  contributionsTotalIsLowerBound?: boolean;
  /** The contributions list, below the filters. */
  children?: ComponentChildren;
}

export function CampaignPage(props: CampaignPageProps) {
  const { ctx, campaign, query } = props;
  const { t } = ctx;
  const base = `/funding/campaigns/${campaign.id}`;
  return (
    <Layout ctx={ctx} title={translated(campaign, ctx.locale, 'name')}>
      {props.figures}
      <h2 id="contributions">{t('funding.contributions')}</h2>
      <form method="get" action={`${base}#contributions`} class="filters" role="search">
        <SelectField name="stage" label={t('funding.stageLabel')} value={query.stage} emptyLabel={t('list.all')} options={STAGES.map((stage) => [stage, t(`funding.stage.${stage}` as never)])} />
        <SelectField name="status" label={t('funding.status')} value={query.status} emptyLabel={t('list.all')} options={(['reported', 'verified', 'rejected'] as const).map((status) => [status, t(`funding.status.${status}` as never)])} />
        <div class="form-actions">
          <button type="submit">{t('list.apply')}</button>
        </div>
      </form>
      <p role="status">{props.contributionsTotalIsLowerBound ? t('list.moreThan', { count: props.contributionsTotal }) : t('list.count', { count: props.contributionsTotal })}</p>
      {props.children}
    </Layout>
  );
}

/**
 * The overview charts and the campaigns table: what the funding page shows from the figures alone, the
 * same for every reader who may see the same figures in the same language (so it is rendered once and
 * kept with them, platform/figure-cache.ts).
 */
export function FundingFigures({ ctx, campaigns }: { ctx: PageContext; campaigns: CampaignWithTotals[] }) {
  const { t } = ctx;
  return (
    <>
      <FundingOverview ctx={ctx} campaigns={campaigns} />
      <DataTable
        rows={campaigns}
        empty={t('funding.noCampaigns')}
        caption={t('funding.title')}
        columns={[
          { header: t('funding.campaign'), name: true, cell: (c) => (<><a href={`/funding/campaigns/${c.id}`}><Translated ctx={ctx} record={c} field="name" /></a> {c.illustrative && <IllustrativeMark ctx={ctx} />}</>) },
          { header: t('funding.period'), cell: (c) => `${c.startsOn} – ${c.endsOn}`, ltr: true },
          { header: t('funding.goal'), cell: (c) => (c.goalAmount ? <MoneyText ctx={ctx} amount={c.goalAmount} currency={c.currency} /> : '—') },
          ...STAGES.map((stage: Stage) => ({ header: t(`funding.stage.${stage}.total` as never), cell: (c: CampaignWithTotals) => <MoneyText ctx={ctx} amount={c.verified[stage]} currency={c.currency} /> })),
          { header: t('funding.pledgedOfGoal'), cell: (c) => { const percent = percentOf(c.verified.pledge, c.goalAmount); return percent === undefined ? '—' : `${percent}%`; } },
          { header: t('partners.classification'), cell: (c) => <ClassificationBadge ctx={ctx} value={c.classification} /> },
        ]}
      />
    </>
  );
}

/** The funding page; `figuresHtml` is FundingFigures rendered (and kept) beforehand. */
export function CampaignListPage(props: { ctx: PageContext; figuresHtml: string; may: { create: boolean; verify: boolean; report: boolean }; awaiting: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('funding.title')}>
      <h1>{t('funding.title')}</h1>
      <ActionLinks
        links={[
          props.may.create && ['/funding/campaigns/new', t('funding.newCampaign')],
          props.may.verify && ['/funding/review', t('funding.reviewQueue', { count: props.awaiting })],
          ['/funding/compare', t('funding.compare')],
          ['/funding/rates', t('funding.rates')],
          ['/funding/compare/export?table=years&format=csv', t('list.exportCsv')],
          ['/funding/compare/export?table=years&format=xlsx', t('funding.downloadXlsx')],
        ]}
      />
      <div class="funding-figures" dangerouslySetInnerHTML={{ __html: props.figuresHtml }} />
    </Layout>
  );
}

export function CampaignFormPage(props: { ctx: PageContext; title: string; action: string; cancelHref: string; values: Record<string, unknown>; theaters: TheaterRow[]; groups: GroupRow[]; errors?: FieldProblem[]; stale?: boolean }) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  return (
    <RecordFormPage ctx={ctx} title={props.title} action={props.action} cancelHref={props.cancelHref} version={values.version} errors={errors} stale={props.stale}>
      <TextField name="name" label={t('funding.campaignName')} value={text('name')} errors={errors} required maxLength={300} />
      <TranslationFields ctx={ctx} field="name" label={t('funding.campaignName')} values={values} errors={errors} />
      <TextField name="startsOn" label={t('funding.startsOn')} type="date" value={text('startsOn')} errors={errors} required />
      <TextField name="endsOn" label={t('funding.endsOn')} type="date" value={text('endsOn')} errors={errors} required />
      <TextField name="currency" label={t('funding.currency')} value={text('currency') ?? 'USD'} errors={errors} required maxLength={3} hint={t('funding.currencyHint')} />
      <TextField name="goalAmount" label={t('funding.goal')} value={text('goalAmount')} errors={errors} inputMode="decimal" hint={t('funding.amountHint')} />
      <div class="field">
        <label>
          <input type="checkbox" name="goalIsLowerBound" value="true" checked={values.goalIsLowerBound === true || values.goalIsLowerBound === 'true'} /> {t('funding.goalIsLowerBound')}
        </label>
      </div>
      <TextField name="statedPledged" label={t('funding.statedPledged')} value={text('statedPledged')} errors={errors} inputMode="decimal" hint={t('funding.statedPledgedHint')} />
      <div class="field">
        <label>
          <input type="checkbox" name="statedPledgedIsLowerBound" value="true" checked={values.statedPledgedIsLowerBound === true || values.statedPledgedIsLowerBound === 'true'} /> {t('funding.statedPledgedIsLowerBound')}
        </label>
      </div>
      <fieldset>
        <legend>{t('funding.theaters')}</legend>
        {props.theaters.map((theater) => (
          <label class="checkbox">
            <input type="checkbox" name="theaterSlugs" value={theater.slug} checked={list('theaterSlugs').includes(theater.slug)} /> {theaterName(theater, locale)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="field-channels">{t('funding.channels')}</label>
        <p class="hint" id="field-channels-hint">{t('funding.channelsHint')}</p>
        <textarea id="field-channels" name="channels" rows={3} aria-describedby="field-channels-hint">
          {list('channels').join('\n')}
        </textarea>
      </div>
      <div class="field">
        <label for="field-notes">{t('funding.notes')}</label>
        <textarea id="field-notes" name="notes" rows={3}>
          {text('notes') ?? ''}
        </textarea>
      </div>
      <TextField name="source" label={t('funding.source')} value={text('source')} errors={errors} required maxLength={5000} />
      <TextField name="asOf" label={t('funding.asOfField')} value={text('asOf')} errors={errors} hint={t('form.partialDateHint')} />
      <SelectField name="confidence" label={t('funding.confidence')} value={text('confidence')} emptyLabel="—" options={['high', 'medium', 'low'].map((c) => [c, t(`justice.confidence.${c}` as never)])} errors={errors} />
      <ClassificationFields ctx={ctx} value={text('classification')} restrictedGroupIds={list('restrictedGroupIds')} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}
