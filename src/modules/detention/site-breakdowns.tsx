import { DataTable } from '../../platform/views/data-table.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { headCount, nationalityName } from './detention.views.tsx';
import type { SnapshotWithBreakdown } from './sites.service.ts';

type Dimension = 'nationality' | 'category';

/** One snapshot's breakdown by nationality or by category, saying when it covers only part of the total. */
function BreakdownTable({ ctx, snapshot, dimension }: { ctx: PageContext; snapshot: SnapshotWithBreakdown; dimension: Dimension }) {
  const { t } = ctx;
  const parts = snapshot.breakdown.filter((part) => part.dimension === dimension);
  if (parts.length === 0) return <p class="empty">{t('detention.noBreakdown')}</p>;
  return (
    <>
      {snapshot.partial && <p class="notice">{t('detention.partialBreakdown', { total: headCount(snapshot.total, ctx.locale) })}</p>}
      <DataTable
        rows={parts}
        empty=""
        caption={t(dimension === 'nationality' ? 'detention.byNationality' : 'detention.byCategory')}
        columns={[
          { header: t(dimension === 'nationality' ? 'detention.nationality' : 'detention.category'), cell: (part) => (dimension === 'nationality' ? nationalityName(part.key, ctx) : t(`detention.category.${part.key}` as never)) },
          { header: t('detention.people'), cell: (part) => headCount(part.count, ctx.locale) },
        ]}
      />
    </>
  );
}

/** The newest breakdown of each kind among the current snapshots (a later total may come without one). */
export function LatestBreakdowns({ ctx, current }: { ctx: PageContext; current: SnapshotWithBreakdown[] }) {
  const { t } = ctx;
  const latestWith = (dimension: Dimension) => [...current].reverse().find((snapshot) => snapshot.breakdown.some((part) => part.dimension === dimension));
  return (
    <>
      {(['nationality', 'category'] as const).map((dimension) => {
        const snapshot = latestWith(dimension);
        return (
          <>
            <h2>{t(dimension === 'nationality' ? 'detention.latestByNationality' : 'detention.latestByCategory', { date: snapshot?.asOf ?? '—' })}</h2>
            {snapshot ? <BreakdownTable ctx={ctx} snapshot={snapshot} dimension={dimension} /> : <p class="empty">{t('detention.noBreakdown')}</p>}
          </>
        );
      })}
    </>
  );
}
