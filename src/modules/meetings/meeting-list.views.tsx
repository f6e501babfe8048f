import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationBadge } from '../partners/partners.views.tsx';
import { MeetingPlace } from './meeting-place.view.tsx';
import { meetingWhen } from './meeting-time.ts';
import type { MeetingRow, TheaterRow } from './meetings.repo.ts';
import { MEETING_FORMATS, type MeetingListQuery } from './meetings.schema.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import { GroupName } from '../partners/people-groups.views.tsx';
import { theaterName } from './meetings.views.tsx';

export function MeetingListPage(props: { ctx: PageContext; rows: MeetingRow[]; total: number; query: MeetingListQuery; groups: GroupRow[]; theaters: TheaterRow[]; canWrite: boolean }) {
  const { ctx, query } = props;
  const { t, locale } = ctx;
  const filters = { q: query.q, when: query.when, groupId: query.groupId, format: query.format, year: query.year, theater: query.theater, pageSize: query.pageSize };
  const groupById = new Map(props.groups.map((g) => [g.id, g]));
  return (
    <Layout ctx={ctx} title={t('meetings.title')}>
      <h1>{t('meetings.title')}</h1>
      <nav aria-label={t('meetings.when')}>
        <ul class="actions">
          {(['upcoming', 'past'] as const).map((when) => (
            <li>
              <a href={listHref('/meetings', filters, { when, page: undefined })} aria-current={query.when === when ? 'page' : undefined}>
                {t(`meetings.${when}`)}
              </a>
            </li>
          ))}
          <li>
            <a href={listHref('/meetings', { ...filters, when: undefined }, { page: undefined })} aria-current={!query.when ? 'page' : undefined}>
              {t('meetings.all')}
            </a>
          </li>
        </ul>
      </nav>
      <form method="get" action="/meetings" class="filters" role="search">
        {query.when && <input type="hidden" name="when" value={query.when} />}
        <TextField name="q" label={t('list.search')} value={query.q} />
        <SelectField name="groupId" label={t('meetings.group')} value={query.groupId} emptyLabel={t('list.all')} options={props.groups.map((g) => [g.id, translated(g, ctx.locale, 'name')])} />
        <SelectField name="format" label={t('meetings.format')} value={query.format} emptyLabel={t('list.all')} options={MEETING_FORMATS.map((f) => [f, t(`meetingFormat.${f}` as never)])} />
        <TextField name="year" label={t('meetings.year')} type="number" value={query.year ? String(query.year) : undefined} />
        <SelectField name="theater" label={t('meetings.theater')} value={query.theater} emptyLabel={t('list.all')} options={props.theaters.map((th) => [th.slug, theaterName(th, locale)])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <ActionLinks links={[['/meetings/theaters', t('theaters.title')], props.canWrite && ['/meetings/new', t('meetings.new')]]} />
      <p role="status">{t('list.count', { count: props.total })}</p>
      <DataTable
        caption={t('meetings.title')}
        rows={props.rows}
        empty={t('meetings.empty')}
        columns={[
          { header: t('meetings.when'), cell: (m) => meetingWhen(m, locale) },
          { header: t('meetings.titleField'), cell: (m) => <a href={`/meetings/${m.id}`}>
              <Translated ctx={ctx} record={m} field="title" />
            </a> },
          { header: t('meetings.group'), cell: (m) => {
            const group = m.groupId ? groupById.get(m.groupId) : undefined;
            return group ? <GroupName ctx={ctx} group={group} /> : '—';
          } },
          { header: t('meetings.setting'), cell: (m) => <MeetingPlace meeting={m} locale={ctx.locale} t={t} /> },
          { header: t('partners.classification'), cell: (m) => <ClassificationBadge ctx={ctx} value={m.classification} /> },
        ]}
      />
      <Pagination ctx={ctx} basePath="/meetings" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 25} total={props.total} />
    </Layout>
  );
}

