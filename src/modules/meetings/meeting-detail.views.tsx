import { SourceText } from '../../platform/views/source-text.tsx';
import { can } from '../../platform/authz.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { ErrorSummary } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { ClassificationBadge } from '../partners/partners.views.tsx';
import { hasCalendarDate } from './meeting-calendar.ts';
import { MeetingPlace } from './meeting-place.view.tsx';
import { meetingWhen } from './meeting-time.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import { GroupName } from '../partners/people-groups.views.tsx';
import type { MeetingEditingChoices, MeetingRecordView } from './meetings.views.tsx';
import { MeetingAgenda } from './meeting-agenda.views.tsx';
import { MeetingLinks } from './meeting-links.views.tsx';
import { MeetingParticipants } from './meeting-participants.views.tsx';
import { MeetingReadouts } from './meeting-readouts.views.tsx';

export function MeetingDetailPage(props: {
  ctx: PageContext;
  record: MeetingRecordView;
  editing: MeetingEditingChoices | null;
  canManageReadouts: boolean;
  errors?: FieldProblem[];
}) {
  const { ctx, record, editing } = props;
  const { t, locale } = ctx;
  const { meeting } = record;
  return (
    <Layout ctx={ctx} title={translated(meeting, locale, 'title')}>
      <p>
        <a href="/meetings">{t('meetings.backToList')}</a>
      </p>
      <h1>
        <Translated ctx={ctx} record={meeting} field="title" />
      </h1>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <dl class="facts">
        <dt>{t('meetings.when')}</dt>
        <dd>
          {meetingWhen(meeting, locale)}
          {meeting.datePrecision === 'minute' && meeting.timeZone !== 'UTC' && (
            <>
              <br />
              {meetingWhen(meeting, locale, 'UTC')}
            </>
          )}
          {meeting.datePrecision === 'minute' && (
            // Filled in by app.js in the reader's own zone; without script the two lines above stand.
            <span class="viewer-time" data-starts={meeting.startsAt.toISOString()} data-ends={meeting.endsAt.toISOString()} data-label={t('meetings.yourTime')} />
          )}
        </dd>
        <dt>{t('meetings.format')}</dt>
        <dd>{t(`meetingFormat.${meeting.format}` as never)}</dd>
        <dt>{t('meetings.group')}</dt>
        <dd>{record.group ? <a href={`/groups/${record.group.id}`}>
            <GroupName ctx={ctx} group={record.group} />
          </a> : '—'}</dd>
        <dt>{t('meetings.setting')}</dt>
        <dd><MeetingPlace meeting={meeting} locale={ctx.locale} t={t} /></dd>
        {meeting.notes && (
          <>
            <dt>{t('meetings.notes')}</dt>
            <dd>{meeting.notes}</dd>
          </>
        )}
        <dt>{t('partners.source')}</dt>
        <dd class="source">{meeting.source ? <SourceText ctx={ctx} source={meeting.source} /> : '—'}</dd>
        <dt>{t('partners.classification')}</dt>
        <dd>
          <ClassificationBadge ctx={ctx} value={meeting.classification} />
        </dd>
      </dl>
      <ActionLinks
        links={[
          hasCalendarDate(meeting) && [`/meetings/${meeting.id}/calendar.ics`, t('meetings.addToCalendar')],
          Boolean(editing) && [`/meetings/${meeting.id}/edit`, t('form.edit')],
          can(ctx.actor, 'tasking.read') && [`/taskings?meetingId=${meeting.id}`, t('taskings.title')],
          can(ctx.actor, 'tasking.write') && [`/taskings/new?meetingId=${meeting.id}`, t('taskings.new')],
          can(ctx.actor, 'tasking.read') && [`/commitments?view=by-meeting&meetingId=${meeting.id}`, t('commitments.ofMeeting')],
          can(ctx.actor, 'commitment.write') && [`/commitments/new?meetingId=${meeting.id}`, t('commitments.new')],
        ]}
      />

      <MeetingReadouts ctx={ctx} record={record} editing={editing} canManageReadouts={props.canManageReadouts} />
      <MeetingParticipants ctx={ctx} record={record} editing={editing} />
      <MeetingAgenda ctx={ctx} record={record} editing={editing} />
      <MeetingLinks ctx={ctx} record={record} editing={editing} />
    </Layout>
  );
}

