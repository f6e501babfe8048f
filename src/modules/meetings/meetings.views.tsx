import { can } from '../../platform/authz.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import type { GroupRow, PartnerRow, PersonRow } from '../partners/partners.repo.ts';
import { ClassificationBadge, ClassificationFields, partnerName } from '../partners/partners.views.tsx';
import { hasCalendarDate } from './meeting-calendar.ts';
import { meetingDay, meetingWhen, TIME_ZONES } from './meeting-time.ts';
import type { AgendaItemRow, LinkedMeeting, MeetingRow, ParticipantRow, TheaterRow } from './meetings.repo.ts';
import { MEETING_FORMATS, MEETING_SETTINGS, type MeetingListQuery, PARTICIPANT_ROLES } from './meetings.schema.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated, TranslationFields } from '../../platform/views/translated-name.tsx';
import { GroupName } from '../partners/people-groups.views.tsx';

export function theaterName(theater: Pick<TheaterRow, 'nameEn' | 'nameFr' | 'nameAr'>, locale: Locale): string {
  return locale === 'fr' ? theater.nameFr : locale === 'ar' ? theater.nameAr : theater.nameEn;
}

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
          { header: t('meetings.setting'), cell: (m) => [t(`meetingSetting.${m.setting}` as never), m.city].filter(Boolean).join(', ') },
          { header: t('partners.classification'), cell: (m) => <ClassificationBadge ctx={ctx} value={m.classification} /> },
        ]}
      />
      <Pagination ctx={ctx} basePath="/meetings" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 25} total={props.total} />
    </Layout>
  );
}

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
            </a> ({meetingWhen({ ...m, endsAt: m.startsAt }, ctx.locale)}) ·{' '}
            <a href={`/meetings/topics/${encodeURIComponent(m.topic)}`}>{m.topic}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface MeetingEditingChoices {
  partners: PartnerRow[];
  people: PersonRow[];
  meetings: MeetingRow[];
}

export function MeetingDetailPage(props: {
  ctx: PageContext;
  record: {
    meeting: MeetingRow;
    participants: ParticipantRow[];
    agenda: AgendaItemRow[];
    links: { earlier: LinkedMeeting[]; later: LinkedMeeting[] };
    theaters: TheaterRow[];
    group: GroupRow | null;
    readouts: { id: string; status: string; title: string; year: number; slug: string }[];
  };
  editing: MeetingEditingChoices | null;
  canManageReadouts: boolean;
  errors?: FieldProblem[];
}) {
  const { ctx, record, editing } = props;
  const { t, locale } = ctx;
  const { meeting } = record;
  const theaterBySlug = new Map(record.theaters.map((th) => [th.slug, th]));
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
        <dd>{[t(`meetingSetting.${meeting.setting}` as never), meeting.city, meeting.countryIso3].filter(Boolean).join(', ')}</dd>
        {meeting.notes && (
          <>
            <dt>{t('meetings.notes')}</dt>
            <dd>{meeting.notes}</dd>
          </>
        )}
        <dt>{t('partners.source')}</dt>
        <dd class="source">{meeting.source || '—'}</dd>
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
          can(ctx.actor, 'commitment.write') && [`/commitments/new?meetingId=${meeting.id}`, t('commitments.new')],
        ]}
      />

      <h2>{t('meetings.readouts')}</h2>
      {record.readouts.length === 0 ? (
        <p class="empty">{t('meetings.noReadouts')}</p>
      ) : (
        <ul>
          {record.readouts.map((r) => (
            <li>
              {r.status === 'published' ? <a href={`/readouts/${r.year}/${r.slug}`}>{r.title}</a> : r.title} ({t(`readoutStatus.${r.status}` as never)})
              {props.canManageReadouts && (
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

      <h2>{t('meetings.participants')}</h2>
      <DataTable
        caption={t('meetings.participants')}
        rows={record.participants}
        empty={t('meetings.noParticipants')}
        columns={[
          { header: t('people.partner'), cell: (p) => <a href={`/partners/${p.partnerId}`}>{partnerName({ nameEn: p.partnerNameEn, nameFr: p.partnerNameFr, nameAr: p.partnerNameAr }, locale)}</a> },
          { header: t('meetings.representedBy'), cell: (p) => (p.personName ? [p.personName, p.personTitle].filter(Boolean).join(', ') : '—') },
          { header: t('meetings.role'), cell: (p) => t(`participantRole.${p.role}` as never) },
          ...(editing
            ? [
                {
                  header: <span class="visually-hidden">{t('tokens.actions')}</span>,
                  cell: (p: ParticipantRow) => (
                    <form method="post" action={`/meetings/${meeting.id}/participants/${p.id}/remove`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button--secondary">
                        {t('meetings.remove')}
                        <span class="visually-hidden"> {p.partnerNameEn}</span>
                      </button>
                    </form>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <form method="post" action={`/meetings/${meeting.id}/participants`} class="filters">
          <CsrfField ctx={ctx} />
          <SelectField name="partnerId" label={t('people.partner')} required emptyLabel="—" options={editing.partners.map((p) => [p.id, partnerName(p, locale)])} />
          <SelectField name="personId" label={t('meetings.representedBy')} emptyLabel="—" options={editing.people.map((p) => [p.id, p.name])} />
          <SelectField name="role" label={t('meetings.role')} value="member" options={PARTICIPANT_ROLES.map((r) => [r, t(`participantRole.${r}` as never)])} />
          <FormActions>
            <button type="submit">{t('meetings.addParticipant')}</button>
          </FormActions>
        </form>
      )}

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
    </Layout>
  );
}

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

export function MeetingFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: Record<string, unknown>;
  groups: GroupRow[];
  errors?: FieldProblem[];
  stale?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <RecordFormPage ctx={ctx} title={props.title} action={props.action} cancelHref="/meetings" version={values.version} errors={errors} stale={props.stale}>
      <TextField name="title" label={t('meetings.titleField')} value={text('title')} required errors={errors} />
      <TranslationFields ctx={ctx} field="title" label={t('meetings.titleField')} values={values} errors={errors} />
      <SelectField name="format" label={t('meetings.format')} value={text('format')} required options={MEETING_FORMATS.map((f) => [f, t(`meetingFormat.${f}` as never)])} errors={errors} />
      <SelectField name="groupId" label={t('meetings.group')} value={text('groupId')} emptyLabel="—" options={props.groups.map((g) => [g.id, translated(g, ctx.locale, 'name')])} errors={errors} />
      <SelectField name="setting" label={t('meetings.setting')} value={text('setting')} required options={MEETING_SETTINGS.map((s) => [s, t(`meetingSetting.${s}` as never)])} errors={errors} />
      <TextField name="city" label={t('meetings.city')} value={text('city')} errors={errors} />
      <TextField name="countryIso3" label={t('meetings.country')} value={text('countryIso3')} hint={t('partners.iso3Hint')} maxLength={3} dir="ltr" errors={errors} />
      <TextField name="startsLocal" label={t('meetings.starts')} type="datetime-local" value={text('startsLocal')} required errors={errors} />
      <TextField name="endsLocal" label={t('meetings.ends')} type="datetime-local" value={text('endsLocal')} required errors={errors} />
      <SelectField name="timeZone" label={t('meetings.timeZone')} value={text('timeZone') ?? 'UTC'} required options={TIME_ZONES.map((z) => [z, z])} errors={errors} />
      <TextField name="notes" label={t('meetings.notes')} value={text('notes')} errors={errors} />
      <TextField name="source" label={t('partners.source')} value={text('source')} errors={errors} />
      <ClassificationFields ctx={ctx} value={text('classification') ?? 'coalition'} restrictedGroupIds={values.restrictedGroupIds as string[]} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}

export function TheatersPage(props: { ctx: PageContext; theaters: TheaterRow[]; canWrite: boolean; errors?: FieldProblem[]; values?: Record<string, unknown> }) {
  const { ctx, errors } = props;
  const { t, locale } = ctx;
  const byslug = new Map(props.theaters.map((th) => [th.slug, th]));
  const text = (name: string) => (props.values?.[name] === undefined ? undefined : String(props.values[name]));
  return (
    <Layout ctx={ctx} title={t('theaters.title')}>
      <h1>{t('theaters.title')}</h1>
      <DataTable
        caption={t('theaters.title')}
        rows={props.theaters}
        empty={t('theaters.empty')}
        columns={[
          { header: t('theaters.name'), cell: (th) => <a href={`/meetings?theater=${th.slug}`}>{theaterName(th, locale)}</a> },
          { header: t('groups.slug'), cell: (th) => th.slug, ltr: true },
          { header: t('theaters.partOf'), cell: (th) => (th.parentSlug ? theaterName(byslug.get(th.parentSlug) ?? { nameEn: th.parentSlug, nameFr: th.parentSlug, nameAr: th.parentSlug }, locale) : '—') },
        ]}
      />
      {props.canWrite && (
        <>
          <h2>{t('theaters.add')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action="/meetings/theaters" class="record-form">
            <CsrfField ctx={ctx} />
            <TextField name="slug" label={t('groups.slug')} hint={t('groups.slugHint')} value={text('slug')} required dir="ltr" errors={errors} />
            <TextField name="nameEn" label={t('partners.nameEn')} value={text('nameEn')} required errors={errors} />
            <TextField name="nameFr" label={t('partners.nameFr')} value={text('nameFr')} required errors={errors} />
            <TextField name="nameAr" label={t('partners.nameAr')} value={text('nameAr')} required dir="rtl" errors={errors} />
            <SelectField name="parentSlug" label={t('theaters.partOf')} value={text('parentSlug')} emptyLabel="—" options={props.theaters.filter((th) => !th.parentSlug).map((th) => [th.slug, theaterName(th, locale)])} errors={errors} />
            <FormActions>
              <button type="submit">{t('theaters.addSubmit')}</button>
            </FormActions>
          </form>
        </>
      )}
    </Layout>
  );
}
