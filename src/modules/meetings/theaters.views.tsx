import type { FieldProblem } from '../../platform/errors.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { TheaterRow } from './meetings.repo.ts';
import { theaterName } from './meetings.views.tsx';

export function TheatersPage(props: { ctx: PageContext; theaters: TheaterRow[]; canWrite: boolean; errors?: FieldProblem[]; values?: Record<string, unknown> }) {
  const { ctx, errors } = props;
  const { t, locale } = ctx;
  const byslug = new Map(props.theaters.map((th) => [th.slug, th]));
  const text = (name: string) => (props.values?.[name] === undefined ? undefined : String(props.values[name]));
  return (
    <Layout ctx={ctx} title={t('theaters.title')}>
      <h1>{t('theaters.title')}</h1>
      <DataTable
        caption={t('theaters.title')}
        rows={props.theaters}
        empty={t('theaters.empty')}
        columns={[
          { header: t('theaters.name'), cell: (th) => <a href={`/meetings?theater=${th.slug}`}>{theaterName(th, locale)}</a> },
          { header: t('groups.slug'), cell: (th) => th.slug, ltr: true },
          { header: t('theaters.partOf'), cell: (th) => (th.parentSlug ? theaterName(byslug.get(th.parentSlug) ?? { nameEn: th.parentSlug, nameFr: th.parentSlug, nameAr: th.parentSlug }, locale) : '—') },
        ]}
      />
      {props.canWrite && (
        <>
          <h2>{t('theaters.add')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action="/meetings/theaters" class="record-form">
            <CsrfField ctx={ctx} />
            <TextField name="slug" label={t('groups.slug')} hint={t('groups.slugHint')} value={text('slug')} required dir="ltr" errors={errors} />
            <TextField name="nameEn" label={t('partners.nameEn')} value={text('nameEn')} required errors={errors} />
            <TextField name="nameFr" label={t('partners.nameFr')} value={text('nameFr')} required errors={errors} />
            <TextField name="nameAr" label={t('partners.nameAr')} value={text('nameAr')} required dir="rtl" errors={errors} />
            <SelectField name="parentSlug" label={t('theaters.partOf')} value={text('parentSlug')} emptyLabel="—" options={props.theaters.filter((th) => !th.parentSlug).map((th) => [th.slug, theaterName(th, locale)])} errors={errors} />
            <FormActions>
              <button type="submit">{t('theaters.addSubmit')}</button>
            </FormActions>
          </form>
        </>
      )}
    </Layout>
  );
}
