import { DataTable } from '../../platform/views/data-table.tsx';
import { FormActions, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { KeysetPagination, listHref } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { AuditQuery } from './audit.schema.ts';
import type { AuditEventsPage } from './audit.service.ts';
import { AuditDetail, AuditSentence } from './audit-detail.tsx';

export function AuditPage(props: { ctx: PageContext; found: AuditEventsPage; query: AuditQuery }) {
  const { ctx, query, found } = props;
  const { t } = ctx;
  const filters = { action: query.action, entityType: query.entityType, entityId: query.entityId, actor: query.actor, from: query.from, to: query.to };
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <form method="get" action="/admin/audit" class="filters" role="search">
        <TextField name="actor" label={t('audit.actor')} value={query.actor} dir="ltr" />
        <TextField name="action" label={t('audit.action')} value={query.action} dir="ltr" />
        <TextField name="entityType" label={t('audit.entityType')} value={query.entityType} dir="ltr" />
        <TextField name="from" label={t('audit.from')} type="date" value={query.from} />
        <TextField name="to" label={t('audit.to')} type="date" value={query.to} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <p>
        <a href={listHref('/admin/audit/export.csv', filters, {})}>{t('list.exportCsv')}</a>
      </p>
      <p role="status">{found.totalIsLowerBound ? t('audit.moreThan', { count: found.total }) : t('list.count', { count: found.total })}</p>
      <DataTable
        caption={t('audit.title')}
        rows={found.rows}
        empty={t('audit.empty')}
        columns={[
          { header: '#', cell: (e) => e.seq },
          { header: t('audit.when'), cell: (e) => `${e.occurredAt.toISOString().replace('T', ' ').slice(0, 19)} UTC`, ltr: true },
          // An address may wrap (it is in the sentence too): the detail column needs the width more.
          { header: t('audit.actor'), cell: (e) => <bdi class="audit-actor" dir="ltr">{e.actorLabel}</bdi> },
          { header: t('audit.action'), cell: (e) => <AuditSentence ctx={ctx} event={e} /> },
          { header: t('audit.record'), cell: (e) => (e.entityId ? <a href={listHref('/admin/audit', { entityId: e.entityId }, {})}>{e.entityId.slice(0, 8)}</a> : '—'), ltr: true },
          { header: t('audit.from_address'), cell: (e) => e.ip ?? '—', ltr: true },
          { header: t('audit.detail'), cell: (e) => <AuditDetail ctx={ctx} event={e} /> },
        ]}
      />
      <KeysetPagination ctx={ctx} basePath="/admin/audit" query={{ ...filters, pageSize: query.pageSize }} newer={found.newer} older={found.older} />
    </Layout>
  );
}
