import { FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { meetingWhen } from '../meetings/meeting-time.ts';
import type { TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import type { PublishedReadout } from './readouts.repo.ts';
import { publishedText, readoutPath } from './readouts.views.tsx';

export function PublicReadoutListPage(props: {
  ctx: PageContext;
  rows: PublishedReadout[];
  total: number;
  query: { q?: string; year?: number; groupId?: string; theater?: string; page?: number; pageSize?: number };
  groups: GroupRow[];
  theaters: TheaterRow[];
  /** Titles in the reader's language, by readout, where a translation exists. */
  translatedTitles?: Map<string, string>;
}) {
  const { ctx, query } = props;
  const { t, locale } = ctx;
  const filters = { q: query.q, year: query.year, groupId: query.groupId, theater: query.theater };
  return (
    <Layout ctx={ctx} title={t('readouts.title')}>
      <h1>{t('readouts.title')}</h1>
      <form method="get" action="/readouts" class="filters" role="search">
        <TextField name="q" label={t('list.search')} value={query.q} />
        <TextField name="year" label={t('meetings.year')} type="number" value={query.year ? String(query.year) : undefined} />
        <SelectField name="groupId" label={t('meetings.group')} value={query.groupId} emptyLabel={t('list.all')} options={props.groups.map((g) => [g.id, g.name])} />
        <SelectField name="theater" label={t('meetings.theater')} value={query.theater} emptyLabel={t('list.all')} options={props.theaters.map((th) => [th.slug, theaterName(th, locale)])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <p>
        <a href="/readouts/feed.atom">{t('readouts.feed')}</a>
      </p>
      <p role="status">{t('list.count', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{t('readouts.empty')}</p>
      ) : (
        <ol class="readout-list">
          {props.rows.map(({ readout, version, meeting }) => (
            <li>
              {/* Readouts are written in English; the reader's translation is listed where there is one. */}
              <h2 lang={props.translatedTitles?.has(readout.id) ? locale : 'en'} dir="auto">
                <a href={readoutPath(readout)}>{props.translatedTitles?.get(readout.id) ?? version.title}</a>
              </h2>
              <p class="muted">
                {publishedText(ctx, readout)} · {meetingWhen(meeting, locale)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination ctx={ctx} basePath="/readouts" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 20} total={props.total} />
    </Layout>
  );
}

