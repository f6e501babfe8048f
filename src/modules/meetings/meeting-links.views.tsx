import { CsrfField, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { SourceText } from '../../platform/views/source-text.tsx';
import { meetingDate, meetingDay } from './meeting-time.ts';
import type { LinkedMeeting } from './meetings.repo.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import type { MeetingEditingChoices, MeetingRecordView } from './meetings.views.tsx';

function LinkedMeetings({ ctx, title, meetings }: { ctx: PageContext; title: string; meetings: LinkedMeeting[] }) {
  if (meetings.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {meetings.map((m) => (
          <li>
            <a href={`/meetings/${m.id}`}>
              <Translated ctx={ctx} record={m} field="title" />
            </a> ({meetingDate(m, ctx.locale)}) ·{' '}
            <a href={`/meetings/topics/${encodeURIComponent(m.topic)}`}>{m.topic}</a>
            {m.source && (
              <p class="source">
                {ctx.t('funding.source')}: <SourceText ctx={ctx} source={m.source} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The meetings this one carries forward and those that carry it forward, and linking one. */
export function MeetingLinks({ ctx, record, editing }: { ctx: PageContext; record: MeetingRecordView; editing: MeetingEditingChoices | null }) {
  const { t, locale } = ctx;
  const { meeting } = record;
  return (
    <>
      <h2>{t('meetings.links')}</h2>
      {record.links.earlier.length === 0 && record.links.later.length === 0 && <p class="empty">{t('meetings.noLinks')}</p>}
      <LinkedMeetings ctx={ctx} title={t('meetings.carriesForward')} meetings={record.links.earlier} />
      <LinkedMeetings ctx={ctx} title={t('meetings.carriedForwardBy')} meetings={record.links.later} />
      {editing && (
        <form method="post" action={`/meetings/${meeting.id}/links`} class="filters">
          <CsrfField ctx={ctx} />
          {/* Up to 200 choices: each named by its sortable day, not the full time with its zone (a tenth of the cost to write, issue 20). */}
          <SelectField name="earlierMeetingId" label={t('meetings.earlierMeeting')} required emptyLabel="—" options={editing.meetings.filter((m) => m.id !== meeting.id).map((m) => [m.id, `${meetingDay(m)} · ${translated(m, locale, 'title')}`])} />
          <TextField name="topic" label={t('meetings.topic')} required />
          <FormActions>
            <button type="submit">{t('meetings.addLink')}</button>
          </FormActions>
        </form>
      )}
    </>
  );
}
