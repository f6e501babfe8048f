import { FormActions, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { AuditQuery } from './audit.schema.ts';
import type { AuditEventRow } from './audit.service.ts';

export function AuditPage(props: { ctx: PageContext; rows: AuditEventRow[]; total: number; query: AuditQuery }) {
  const { ctx, query } = props;
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
      <p role="status">{t('list.count', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{t('audit.empty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.record')}</th>
              <th scope="col">{t('audit.from_address')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((e) => (
              <tr>
                <td>{e.seq}</td>
                <td dir="ltr">{e.occurredAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</td>
                <td dir="ltr">{e.actorLabel}</td>
                <td dir="ltr">{e.action}</td>
                <td dir="ltr">
                  {e.entityType}
                  {e.entityId ? ` ${e.entityId}` : ''}
                </td>
                <td dir="ltr">{e.ip ?? '—'}</td>
                <td dir="ltr">
                  <code class="detail">{JSON.stringify(e.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} basePath="/admin/audit" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 50} total={props.total} />
    </Layout>
  );
}
