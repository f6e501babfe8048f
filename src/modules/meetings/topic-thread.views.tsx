import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { meetingWhen } from './meeting-time.ts';
import type { MeetingRow } from './meetings.repo.ts';
import { Translated } from '../../platform/views/translated-name.tsx';

export function TopicThreadPage({ ctx, topic, meetings }: { ctx: PageContext; topic: string; meetings: MeetingRow[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('meetings.thread', { topic })}>
      <h1>{t('meetings.thread', { topic })}</h1>
      <DataTable
        caption={t('meetings.thread', { topic })}
        rows={meetings}
        empty={t('meetings.empty')}
        columns={[
          { header: t('meetings.when'), cell: (m) => meetingWhen(m, locale) },
          { header: t('meetings.titleField'), cell: (m) => <a href={`/meetings/${m.id}`}>
              <Translated ctx={ctx} record={m} field="title" />
            </a> },
        ]}
      />
    </Layout>
  );
}

