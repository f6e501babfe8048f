import type { RowProblem } from '../../platform/csv-import.ts';
import { FileField, ImportProblems } from '../../platform/views/import-problems.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';

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
      <ImportProblems ctx={ctx} problems={props.problems} />
      {props.canImport && (
        <form method="post" action="/funding/rates/import" enctype="multipart/form-data" class="record-form">
          <h2>{t('funding.ratesImport')}</h2>
          <CsrfField ctx={ctx} />
          <FileField label={t('funding.ratesFile')} />
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
