import { FileField } from '../../platform/views/import-problems.tsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { type Column, DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { KeysetPagination, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { screeningAlerts } from '../../db/schema/sanctions.ts';
import type { KeysetPage } from '../../platform/keyset.ts';
import { BATCH_HIT_FILTERS, BATCH_HITS_PAGE_SIZE, type BatchHit, type BatchHitFilter, type BatchRow } from './batches.service.ts';
import { HitCard } from './hit-card.tsx';

type AlertRow = typeof screeningAlerts.$inferSelect;

/** When a new hit was raised, on which screened name, and what it hit: the columns every list of alerts shows. */
function alertColumns<Row extends AlertRow>(t: PageContext['t']): Column<Row>[] {
  return [
    { header: t('screening.decidedAt'), cell: (alert) => alert.raisedAt.toISOString().slice(0, 16).replace('T', ' '), ltr: true },
    { header: t('screening.name'), cell: (alert) => <span dir="auto">{alert.name}</span> },
    { header: t('screening.ref'), cell: (alert) => alert.ref, ltr: true },
    { header: t('screening.score'), cell: (alert) => alert.score },
    { header: t('screening.names'), cell: (alert) => <span dir="auto">{alert.listedName}</span> },
  ];
}

export function BatchesPage({ ctx, batches, errors }: { ctx: PageContext; batches: KeysetPage<BatchRow>; errors?: FieldProblem[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('screening.batches')}>
      <p>
        <a href="/screening">{t('screening.title')}</a>
      </p>
      <h1>{t('screening.batches')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/screening/batches" enctype="multipart/form-data" class="record-form">
        <p>{t('screening.batchHelp')}</p>
        <CsrfField ctx={ctx} />
        <FileField label={t('funding.csvFile')} />
        <FormActions>
          <button type="submit">{t('screening.batchSubmit')}</button>
        </FormActions>
      </form>
      <DataTable
        rows={batches.rows}
        caption={t('screening.batches')}
        empty={t('screening.none')}
        columns={[
          { header: t('screening.files'), cell: (batch) => <a href={`/screening/batches/${batch.id}`}>{batch.fileName}</a> },
          { header: t('screening.importedAt'), cell: (batch) => batch.createdAt.toISOString().slice(0, 16).replace('T', ' '), ltr: true },
          { header: t('funding.status'), cell: (batch) => t(`screening.batchStatus.${batch.status}` as never) },
          { header: t('screening.progress'), cell: (batch) => `${batch.processed} / ${batch.total}` },
          { header: t('screening.rowsWithHits'), cell: (batch) => String(batch.hitRows) },
        ]}
      />
      <KeysetPagination ctx={ctx} basePath="/screening/batches" query={{}} newer={batches.newer} older={batches.older} />
    </Layout>
  );
}

/** The page's hits with the filter and page they were listed under, so that a decision returns to them. */
export interface BatchHitsView {
  items: BatchHit[];
  total: number;
  counts: Record<BatchHitFilter, number>;
  filter: BatchHitFilter;
  page: number;
}

const FILTER_LABELS: Record<BatchHitFilter, string> = { all: 'screening.filter.all', undecided: 'screening.filter.undecided', 'confirmed-match': 'screening.filter.confirmed-match', 'false-positive': 'screening.filter.false-positive' };

/** The hits of a finished batch: filters by decision, each hit with why it matched and a decision form, pages of 20. */
function BatchHits({ ctx, batch, view }: { ctx: PageContext; batch: BatchRow; view: BatchHitsView }) {
  const { t } = ctx;
  const base = `/screening/batches/${batch.id}`;
  return (
    <>
      <nav aria-label={t('screening.filter.label')} class="actions">
        {BATCH_HIT_FILTERS.map((filter) => (
          <a href={filter === 'all' ? `${base}#hits` : `${base}?filter=${filter}#hits`} aria-current={filter === view.filter ? 'page' : undefined}>
            {t(FILTER_LABELS[filter] as never)} ({view.counts[filter]})
          </a>
        ))}
      </nav>
      {view.items.length === 0 && <p>{t('screening.noHitsHere')}</p>}
      {view.items.map((item) => (
        <section class="batch-hit" id={`row-${item.rowNumber}-${item.stored.ref}`} aria-labelledby={`row-${item.rowNumber}-${item.stored.ref}-name`}>
          <h3 id={`row-${item.rowNumber}-${item.stored.ref}-name`}>
            {t('screening.batchRow', { row: item.rowNumber, id: item.rowId })}: <span dir="auto">{item.name}</span>
          </h3>
          {item.hit ? (
            <HitCard
              ctx={ctx}
              hit={item.hit}
              heading="h4"
              action={`${base}/decisions`}
              noteField={`note-${item.rowNumber}-${item.stored.ref}`}
              hidden={{ row: String(item.rowNumber), filter: view.filter, page: String(view.page) }}
            />
          ) : (
            <p>
              <span dir="auto">{item.stored.name}</span> — {item.stored.ref} · {t('screening.score')} {item.stored.score.toFixed(2)}. {t('screening.noLongerHit')}
            </p>
          )}
        </section>
      ))}
      <Pagination ctx={ctx} basePath={base} query={view.filter === 'all' ? {} : { filter: view.filter }} page={view.page} pageSize={BATCH_HITS_PAGE_SIZE} total={view.total} />
    </>
  );
}

export function BatchPage({ ctx, batch, alerts, hits, errors }: { ctx: PageContext; batch: BatchRow; alerts: AlertRow[]; hits: BatchHitsView; errors?: FieldProblem[] }) {
  const { t } = ctx;
  const percent = batch.total ? Math.floor((100 * batch.processed) / batch.total) : 100;
  return (
    <Layout ctx={ctx} title={batch.fileName}>
      <p>
        <a href="/screening/batches">{t('screening.batches')}</a>
      </p>
      <h1>{batch.fileName}</h1>
      {/* While the batch runs, app.js fetches this page again every few seconds and swaps this region in
          place (announced politely); without scripts the link checks again. No page reload: a reload on a
          timer would move a screen reader's place (WCAG 2.2.1). */}
      <div data-live-region="batch-progress" data-done={batch.status === 'done' ? 'true' : 'false'} aria-live="polite">
        <p>
          <progress max={100} value={percent} aria-label={t('screening.progress')} /> {t('screening.batchProgress', { processed: batch.processed, total: batch.total, percent })} ·{' '}
          {t(`screening.batchStatus.${batch.status}` as never)}
        </p>
        <p>{t('screening.rowsWithHitsCount', { count: batch.hitRows })}</p>
        {batch.status !== 'done' && (
          <p>
            <a href={`/screening/batches/${batch.id}`}>{t('screening.checkProgress')}</a>
          </p>
        )}
        {batch.status === 'done' && (
          <p class="actions">
            <a href={`/screening/batches/${batch.id}/results?format=csv`} download>
              {t('funding.downloadCsv')}
            </a>{' '}
            <a href={`/screening/batches/${batch.id}/results?format=xlsx`} download>
              {t('funding.downloadXlsx')}
            </a>
          </p>
        )}
      </div>
      <h2 id="hits">{t('screening.batchHits')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      {/* Listed once every name is screened: app.js swaps this region in when the batch is done. */}
      <div data-live-region="batch-hits" data-done={batch.status === 'done' ? 'true' : 'false'}>
        {batch.status === 'done' ? <BatchHits ctx={ctx} batch={batch} view={hits} /> : <p>{t('screening.batchHitsPending')}</p>}
      </div>
      <h2>{t('screening.alerts')}</h2>
      <DataTable
        rows={alerts}
        caption={t('screening.alerts')}
        empty={t('screening.noAlerts')}
        columns={alertColumns(t)}
      />
    </Layout>
  );
}

type AlertListRow = AlertRow & { source: 'file' | 'single'; fileName: string };

/** Every new hit raised by list updates on names the reader may see, with where each name was screened. */
export function AlertsPage({ ctx, rows, older, newer }: { ctx: PageContext; rows: AlertListRow[]; older?: string; newer?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('screening.alerts')}>
      <p>
        <a href="/screening">{t('screening.title')}</a>
      </p>
      <h1>{t('screening.alerts')}</h1>
      <p>{t('screening.alertsIntro')}</p>
      <DataTable
        rows={rows}
        caption={t('screening.alerts')}
        empty={t('screening.noAlerts')}
        columns={[
          ...alertColumns<AlertListRow>(t),
          { header: t('screening.screenedIn'), cell: (alert) => <a href={`/screening/batches/${alert.batchId}`}>{alert.source === 'single' ? t('screening.singleName') : alert.fileName}</a> },
        ]}
      />
      <KeysetPagination ctx={ctx} basePath="/screening/alerts" query={{}} newer={newer} older={older} />
    </Layout>
  );
}
