import { intlLocale } from '../../platform/i18n/request-language.ts';
import { SourceText, sourceWords } from '../../platform/views/source-text.tsx';
import { numberFormat } from '../../platform/i18n/formatters.ts';
import { LineChart } from '../../platform/views/charts.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { ClassificationBadge } from '../partners/partners.views.tsx';
import { headCount } from './detention.views.tsx';
import type { SnapshotWithBreakdown } from './sites.service.ts';

/** The current head counts as a line chart and, beside it, the same figures with their sources. */
export function PopulationOverTime({ ctx, current }: { ctx: PageContext; current: SnapshotWithBreakdown[] }) {
  const { t, locale } = ctx;
  const counted = current.filter((snapshot) => snapshot.total !== null);
  return (
    <>
      <h2>{t('detention.populationOverTime')}</h2>
      <div class="chart-wide">
        <LineChart
          rtl={ctx.rtl}
          title={t('detention.populationOverTime')}
          series={[{ name: t('detention.population'), tone: 'tone-commitment' }]}
          points={counted.map((snapshot) => ({ label: snapshot.asOf, values: [snapshot.total ?? 0], note: `${snapshot.asOf}: ${headCount(snapshot.total, locale)} — ${sourceWords(snapshot.source)}` }))}
          formatTick={(value) => numberFormat(intlLocale(locale), { notation: 'compact' }).format(value)}
        />
        <div class="table-scroll">
          <DataTable
            rows={current}
            empty={t('detention.noSnapshots')}
            caption={t('detention.populationOverTime')}
            rowId={(snapshot) => `snapshot-${snapshot.id}`}
            columns={[
              { header: t('detention.asOf'), cell: (snapshot) => snapshot.asOf, ltr: true },
              { header: t('detention.population'), cell: (snapshot) => headCount(snapshot.total, locale) },
              { header: t('detention.note'), cell: (snapshot) => snapshot.note },
              { header: t('funding.source'), cell: (snapshot) => <span class="source"><SourceText ctx={ctx} source={snapshot.source} />{snapshot.confidence && ` · ${t('funding.confidence')}: ${t(`justice.confidence.${snapshot.confidence}` as never)}`}</span> },
              { header: t('partners.classification'), cell: (snapshot) => <ClassificationBadge ctx={ctx} value={snapshot.classification} /> },
            ]}
          />
        </div>
      </div>
    </>
  );
}

/** Figures a correction replaced, kept with the reason: the history of a figure survives its correction. */
export function ReplacedFigures({ ctx, replaced }: { ctx: PageContext; replaced: SnapshotWithBreakdown[] }) {
  const { t, locale } = ctx;
  if (replaced.length === 0) return null;
  return (
    <>
      <h2>{t('detention.replacedFigures')}</h2>
      <DataTable
        caption={t('detention.replacedFigures')}
        rows={replaced}
        rowId={(snapshot) => `snapshot-${snapshot.id}`}
        empty=""
        columns={[
          { header: t('detention.asOf'), cell: (snapshot) => snapshot.asOf, ltr: true },
          { header: t('detention.population'), cell: (snapshot) => headCount(snapshot.total, locale) },
          { header: t('detention.replacementReason'), cell: (snapshot) => snapshot.replacementReason ?? '' },
          { header: t('funding.source'), cell: (snapshot) => <span class="source"><SourceText ctx={ctx} source={snapshot.source} /></span> },
        ]}
      />
    </>
  );
}
