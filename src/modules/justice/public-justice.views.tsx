import { numberFormat } from '../../platform/i18n/formatters.ts';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import { BarChart } from '../../platform/views/charts.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { Chain, RepatriationFigure } from './justice-chain.ts';
import type { JusticeOverview } from './justice-overview.ts';
import { jurisdictionName } from './justice-states.ts';
import type { OverlapAwareTotal } from './justice-totals.ts';
import type { JusticeFigure } from './justice.repo.ts';
import type { JusticeListQuery } from './justice.schema.ts';
import { basisLabel, countText, JusticeFilters, JusticeTable, kindLabel, periodText, placeName, SourceList, TheaterLink } from './justice.views.tsx';

const nameOf = (ctx: PageContext, jurisdiction: string) => jurisdictionName(/^[A-Z]{3}$/.test(jurisdiction) ? { stateIso3: jurisdiction, mechanism: null } : { stateIso3: null, mechanism: jurisdiction }, ctx.locale);

/** "45 + 8": the figures a total added, and a mark when overlapping figures were left out. */
function TotalCell({ ctx, total }: { ctx: PageContext; total: OverlapAwareTotal<JusticeFigure> | undefined }) {
  if (!total || total.added.length === 0) return <>—</>;
  return (
    <>
      {countText(total.total, ctx.locale)}
      {total.overlapping.length > 0 && <span class="source"> {ctx.t('justice.atLeastOverlap')}</span>}
    </>
  );
}

/** Which figures overlap and what was done with them: said in words, beside the total. */
export function OverlapNotes({ ctx, total }: { ctx: PageContext; total: OverlapAwareTotal<JusticeFigure> }) {
  const { t, locale } = ctx;
  return (
    <>
      {total.overlapping.map((cluster) => (
        <p class="notice">
          {t('justice.overlappingFigures', {
            state: placeName(ctx, cluster[0] as JusticeFigure),
            figures: cluster.map((row) => `${countText(row.count, locale)} (${periodText(ctx, row)})`).join(' · '),
          })}
        </p>
      ))}
      {total.inconsistent.map(([narrower, wider]) => (
        <p class="notice">
          {t('justice.inconsistentFigures', {
            state: placeName(ctx, narrower),
            narrower: `${countText(narrower.count, locale)} (${periodText(ctx, narrower)})`,
            wider: `${countText(wider.count, locale)} (${periodText(ctx, wider)})`,
          })}
        </p>
      ))}
      {total.alsoCountedNationally.map((row) => (
        <p class="notice">{t('justice.alsoCountedNationally', { body: placeName(ctx, row), count: countText(row.count, locale), period: periodText(ctx, row) })}</p>
      ))}
    </>
  );
}

function ConvictionsSection({ ctx, overview }: { ctx: PageContext; overview: JusticeOverview }) {
  const { t, locale } = ctx;
  const series = overview.bases.map((basis) => ({ name: basisLabel(ctx, basis), tone: `tone-basis-${basis}` }));
  const compact = numberFormat(intlLocale(locale), { notation: 'compact' });
  // The chart writes each value twice or more (axis ticks, every bar's title): compact notation is slow to format.
  const ticks = new Map<number, string>();
  const formatTick = (value: number) => {
    let text = ticks.get(value);
    if (text === undefined) {
      text = compact.format(value);
      ticks.set(value, text);
    }
    return text;
  };
  return (
    <section aria-labelledby="convictions-heading">
      <h2 id="convictions-heading">{t('justice.convictionsByState')}</h2>
      <p>{t('justice.convictionsHeadline', { total: countText(overview.convictionsTotal.total, locale), exact: overview.convictionsTotal.overlapping.length === 0 ? 'yes' : 'no' })}</p>
      <OverlapNotes ctx={ctx} total={overview.convictionsTotal} />
      {overview.convictions.length === 0 ? (
        <p class="empty">{t('justice.noRecords')}</p>
      ) : (
        <div class="chart-pair">
          <BarChart
            rtl={ctx.rtl}
            title={t('justice.convictionsByState')}
            series={series}
            rows={overview.convictions.map((entry) => ({ label: nameOf(ctx, entry.jurisdiction), values: overview.bases.map((basis) => entry.byBasis.get(basis)?.total ?? 0) }))}
            formatTick={formatTick}
          />
          <DataTable
            rows={overview.convictions}
            caption={t('justice.convictionsByState')}
            empty={t('justice.noRecords')}
            columns={[
              { header: t('justice.state'), cell: (entry) => (/^[A-Z]{3}$/.test(entry.jurisdiction) ? <a href={`/justice/states/${entry.jurisdiction}`}>{nameOf(ctx, entry.jurisdiction)}</a> : nameOf(ctx, entry.jurisdiction)) },
              ...overview.bases.map((basis) => ({ header: basisLabel(ctx, basis), cell: (entry: (typeof overview.convictions)[number]) => <TotalCell ctx={ctx} total={entry.byBasis.get(basis)} /> })),
              { header: t('justice.total'), cell: (entry) => <TotalCell ctx={ctx} total={entry.total} /> },
            ]}
          />
        </div>
      )}
    </section>
  );
}

function Timeline({ ctx, rows }: { ctx: PageContext; rows: JusticeFigure[] }) {
  const { t } = ctx;
  if (rows.length === 0) return <p class="empty">{t('justice.noRecords')}</p>;
  return (
    <ol class="timeline">
      {rows.map((row) => (
        <li>
          <p>
            <strong>{periodText(ctx, row)}</strong> · {placeName(ctx, row)} · {kindLabel(ctx, row.kind)}
            {row.legalBasis && ` · ${basisLabel(ctx, row.legalBasis)}`}
          </p>
          <p dir="auto">{row.description}</p>
          <p class="source" dir="auto">
            {row.courtOrBody}
          </p>
          <TheaterLink ctx={ctx} row={row} />
          <SourceList ctx={ctx} sources={row.sources} />
        </li>
      ))}
    </ol>
  );
}

export function JusticePublicPage(props: { ctx: PageContext; overview: JusticeOverview; query: JusticeListQuery; signedInLinks: [string, string][] }) {
  const { ctx, overview } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('justice.title')}>
      <h1>{t('justice.title')}</h1>
      <p class="notice">{t('justice.aggregateOnly')}</p>
      {props.signedInLinks.length > 0 && (
        <ul class="actions">
          {props.signedInLinks.map(([href, label]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      )}
      <JusticeFilters ctx={ctx} action="/justice" query={props.query} />
      <ConvictionsSection ctx={ctx} overview={overview} />
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('justice.latestByState')}</h2>
        {overview.latest.length === 0 && <p class="empty">{t('justice.noRecords')}</p>}
        {overview.latest.map((entry) => (
          <section>
            <h3>{/^[A-Z]{3}$/.test(entry.jurisdiction) ? <a href={`/justice/states/${entry.jurisdiction}`}>{nameOf(ctx, entry.jurisdiction)}</a> : nameOf(ctx, entry.jurisdiction)}</h3>
            <JusticeTable ctx={ctx} rows={entry.figures} caption={t('justice.latestOf', { state: nameOf(ctx, entry.jurisdiction) })} linkRecords={false} showState={false} />
          </section>
        ))}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('justice.timeline')}</h2>
        <Timeline ctx={ctx} rows={overview.timeline} />
      </section>
    </Layout>
  );
}

function ChainView({ ctx, chain }: { ctx: PageContext; chain: Chain }) {
  const { t, locale } = ctx;
  const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  const steps: [string, string][] = [
    [t('justice.chainRepatriated'), countText(sum(chain.repatriated.map((row) => row.people)), locale)],
    [t('justice.chainProsecuted'), chain.prosecuted.length ? chain.prosecuted.map((row) => `${countText(row.count, locale)} (${kindLabel(ctx, row.kind)})`).join(' · ') : '—'],
    [t('justice.chainConvicted'), chain.convicted.length ? chain.convicted.map((row) => countText(row.count, locale)).join(' · ') : '—'],
  ];
  return (
    <section>
      <h3>{periodText(ctx, chain.period)}</h3>
      <ol class="chain">
        {steps.map(([label, value]) => (
          <li>
            {label}: <strong>{value}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function JusticeStatePage(props: { ctx: PageContext; iso3: string; rows: JusticeFigure[]; repatriations: RepatriationFigure[]; chains: Chain[]; unmatchedJustice: JusticeFigure[]; unmatchedRepatriations: RepatriationFigure[] }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const state = nameOf(ctx, props.iso3);
  return (
    <Layout ctx={ctx} title={t('justice.stateTitle', { state })}>
      <p>
        <a href="/justice">{t('justice.title')}</a>
      </p>
      <h1>{t('justice.stateTitle', { state })}</h1>
      <p class="notice">{t('justice.aggregateOnly')}</p>
      <h2>{t('justice.figuresOverTime')}</h2>
      <JusticeTable ctx={ctx} rows={props.rows} caption={t('justice.figuresOverTime')} linkRecords={false} showState={false} />
      <h2>{t('justice.repatriations')}</h2>
      <DataTable
        rows={props.repatriations}
        caption={t('justice.repatriations')}
        empty={t('justice.noRepatriations')}
        columns={[
          { header: t('justice.period'), cell: (row) => row.period, ltr: true },
          { header: t('justice.people'), cell: (row) => countText(row.people, locale) },
          { header: t('justice.sources'), cell: (row) => <SourceList ctx={ctx} sources={[row.source]} /> },
        ]}
      />
      <h2>{t('justice.chainTitle')}</h2>
      {props.chains.length === 0 && <p>{t('justice.noChain')}</p>}
      {props.chains.map((chain) => (
        <ChainView ctx={ctx} chain={chain} />
      ))}
      {props.unmatchedJustice.length > 0 && props.unmatchedRepatriations.length > 0 && (
        <p class="notice">
          {t('justice.periodsDiffer', {
            state,
            justice: props.unmatchedJustice.map((row) => `${kindLabel(ctx, row.kind)} ${countText(row.count, locale)} (${periodText(ctx, row)})`).join(' · '),
            repatriations: props.unmatchedRepatriations.map((row) => `${countText(row.people, locale)} (${row.period})`).join(' · '),
          })}
        </p>
      )}
    </Layout>
  );
}
