import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { meetingWhen } from '../meetings/meeting-time.ts';
import type { ReadoutRow } from './readouts.repo.ts';
import type { Meeting } from './readouts.views.tsx';

export function DeskListPage(props: { ctx: PageContext; found: { rows: { readout: ReadoutRow; meeting: Meeting; title: string }[]; total: number; page: number; pageSize: number }; inbox: { awaitingClearance: { id: string; title: string }[]; returned: { id: string; title: string; comment: string }[] } }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('desk.title')}>
      <h1>{t('desk.title')}</h1>
      {props.inbox.awaitingClearance.length > 0 && (
        <section class="alert" aria-labelledby="awaiting-heading">
          <h2 id="awaiting-heading">{t('desk.awaitingClearance', { count: props.inbox.awaitingClearance.length })}</h2>
          <ul>
            {props.inbox.awaitingClearance.map((r) => (
              <li>
                <a href={`/desk/readouts/${r.id}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.inbox.returned.length > 0 && (
        <section class="alert" aria-labelledby="returned-heading">
          <h2 id="returned-heading">{t('desk.returned', { count: props.inbox.returned.length })}</h2>
          <ul>
            {props.inbox.returned.map((r) => (
              <li>
                <a href={`/desk/readouts/${r.id}`}>{r.title}</a>: {r.comment}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable
        caption={t('desk.title')}
        rows={props.found.rows}
        empty={t('desk.empty')}
        columns={[
          { header: t('meetings.titleField'), cell: (r) => <a href={`/desk/readouts/${r.readout.id}`}>{r.title}</a> },
          { header: t('readouts.meeting'), cell: (r) => <a href={`/meetings/${r.meeting.id}`}>{meetingWhen(r.meeting, locale)}</a> },
          { header: t('readouts.status'), cell: (r) => t(`readoutStatus.${r.readout.status}` as never) },
          { header: t('readouts.version'), cell: (r) => r.readout.currentVersion },
        ]}
      />
      <Pagination ctx={ctx} basePath="/desk/readouts" query={{}} page={props.found.page} pageSize={props.found.pageSize} total={props.found.total} />
    </Layout>
  );
}

