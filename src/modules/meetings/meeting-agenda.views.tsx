import { CsrfField, FormActions, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { TheaterRow } from './meetings.repo.ts';
import type { MeetingEditingChoices, MeetingRecordView } from './meetings.views.tsx';
import { theaterName } from './meetings.views.tsx';

/** The agenda with its theaters, topics and outcomes, and editing it. */
export function MeetingAgenda({ ctx, record, editing }: { ctx: PageContext; record: MeetingRecordView; editing: MeetingEditingChoices | null }) {
  const { t, locale } = ctx;
  const { meeting } = record;
  const theaterBySlug = new Map(record.theaters.map((th) => [th.slug, th]));
  return (
    <>
      <h2>{t('meetings.agenda')}</h2>
      {record.agenda.length === 0 ? (
        <p class="empty">{t('meetings.noAgenda')}</p>
      ) : (
        <ol class="agenda">
          {record.agenda.map((item) => (
            <li>
              <strong>{item.title}</strong>
              {item.theaterSlugs.length > 0 && (
                <p>
                  {t('meetings.theaters')}:{' '}
                  {item.theaterSlugs.map((slug, index) => (
                    <>
                      {index > 0 && ', '}
                      <a href={`/meetings?theater=${slug}`}>{theaterBySlug.has(slug) ? theaterName(theaterBySlug.get(slug) as TheaterRow, locale) : slug}</a>
                    </>
                  ))}
                </p>
              )}
              {item.topics.length > 0 && (
                <p>
                  {t('meetings.topics')}:{' '}
                  {item.topics.map((topic, index) => (
                    <>
                      {index > 0 && ', '}
                      <a href={`/meetings/topics/${encodeURIComponent(topic)}`}>{topic}</a>
                    </>
                  ))}
                </p>
              )}
              {item.outcome && (
                <p>
                  {t('meetings.outcome')}: {item.outcome}
                </p>
              )}
              {editing && (
                <form method="post" action={`/meetings/${meeting.id}/agenda/${item.id}`} class="filters">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="title" value={item.title} />
                  {item.theaterSlugs.map((slug) => (
                    <input type="hidden" name="theaterSlugs" value={slug} />
                  ))}
                  <input type="hidden" name="topics" value={item.topics.join(', ')} />
                  <TextField name={`outcome-${item.id}`} label={t('meetings.recordOutcome')} value={item.outcome} />
                  <FormActions>
                    <button type="submit">
                      {t('form.save')}
                      <span class="visually-hidden"> {item.title}</span>
                    </button>
                  </FormActions>
                </form>
              )}
              {editing && (
                <form method="post" action={`/meetings/${meeting.id}/agenda/${item.id}/remove`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="button--secondary">
                    {t('meetings.remove')}
                    <span class="visually-hidden"> {item.title}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing && (
        <form method="post" action={`/meetings/${meeting.id}/agenda`} class="record-form">
          <CsrfField ctx={ctx} />
          <TextField name="title" label={t('meetings.agendaItemTitle')} required />
          <div class="field">
            <label for="field-theaterSlugs">{t('meetings.theaters')}</label>
            <select id="field-theaterSlugs" name="theaterSlugs" multiple size={6}>
              {record.theaters.map((th) => (
                <option value={th.slug}>{theaterName(th, locale)}</option>
              ))}
            </select>
          </div>
          <TextField name="topics" label={t('meetings.topics')} hint={t('meetings.topicsHint')} />
          <TextField name="outcome" label={t('meetings.outcome')} />
          <FormActions>
            <button type="submit">{t('meetings.addAgendaItem')}</button>
          </FormActions>
        </form>
      )}
    </>
  );
}
