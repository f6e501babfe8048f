import { FileField } from '../../platform/views/import-problems.tsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { type Column, DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { screeningAlerts } from '../../db/schema/sanctions.ts';
import type { BatchRow } from './batches.service.ts';

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

export function BatchesPage({ ctx, batches, errors }: { ctx: PageContext; batches: BatchRow[]; errors?: FieldProblem[] }) {
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
        rows={batches}
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
    </Layout>
  );
}

export function BatchPage({ ctx, batch, alerts }: { ctx: PageContext; batch: BatchRow; alerts: AlertRow[] }) {
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
export function AlertsPage({ ctx, rows, total, page, pageSize }: { ctx: PageContext; rows: AlertListRow[]; total: number; page: number; pageSize: number }) {
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
      <Pagination ctx={ctx} basePath="/screening/alerts" query={{}} page={page} pageSize={pageSize} total={total} />
    </Layout>
  );
}
