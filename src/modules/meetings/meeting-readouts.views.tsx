import { CsrfField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { MeetingEditingChoices, MeetingRecordView } from './meetings.views.tsx';

/** The meeting's readouts, and drafting one from its record. */
export function MeetingReadouts({ ctx, record, editing, canManageReadouts }: { ctx: PageContext; record: MeetingRecordView; editing: MeetingEditingChoices | null; canManageReadouts: boolean }) {
  const { t } = ctx;
  const { meeting } = record;
  return (
    <>
      <h2>{t('meetings.readouts')}</h2>
      {record.readouts.length === 0 ? (
        <p class="empty">{t('meetings.noReadouts')}</p>
      ) : (
        <ul>
          {record.readouts.map((r) => (
            <li>
              {r.status === 'published' ? <a href={`/readouts/${r.year}/${r.slug}`}>{r.title}</a> : r.title} ({t(`readoutStatus.${r.status}` as never)})
              {canManageReadouts && (
                <>
                  {' '}
                  · <a href={`/desk/readouts/${r.id}`}>{t('meetings.openOnDesk')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <form method="post" action={`/meetings/${meeting.id}/readouts`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('meetings.draftFromRecord')}</button>
        </form>
      )}
    </>
  );
}
