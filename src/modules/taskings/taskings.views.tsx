import type { FieldProblem } from '../../platform/errors.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { SourceText } from '../../platform/views/source-text.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { MeetingRow, TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import type { BranchRow } from '../threats/threats.repo.ts';
import type { TaskingsPage, TaskingWithProgress, UpdateRow } from './taskings.service.ts';
import { ROLLUPS, TASKING_STATUSES, type TaskingQuery } from './taskings.schema.ts';
import { meetingDay } from '../meetings/meeting-time.ts';
import type { ComponentChild } from 'preact';
import { translated } from '../../platform/translated-text.ts';
import { GroupName } from '../partners/people-groups.views.tsx';

/** Group and meeting names in the reader's language (English marked lang="en" where untranslated). */
export interface Names {
  group: (id: string) => ComponentChild;
  meeting: (id: string) => ComponentChild;
}

/** "40%", drawn as a meter too (screen readers read the value). */
export function ProgressMeter({ value }: { value: number }) {
  const rounded = Math.round(value);
  return (
    <span class="progress">
      <meter min={0} max={100} value={rounded} aria-label={`${rounded}%`} /> {rounded}%
    </span>
  );
}

export function TaskingTable({ ctx, rows, names }: { ctx: PageContext; rows: TaskingWithProgress[]; names: Names }) {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <DataTable
        rows={rows}
        caption={t('taskings.title')}
        empty={t('taskings.none')}
        columns={[
          { header: t('taskings.tasking'), cell: (row) => <a href={`/taskings/${row.id}`}>{row.title}</a> },
          { header: t('meetings.group'), cell: (row) => names.group(row.groupId) },
          { header: t('taskings.fromMeeting'), cell: (row) => <a href={`/meetings/${row.meetingId}`}>{names.meeting(row.meetingId)}</a> },
          { header: t('taskings.due'), cell: (row) => row.dueOn ?? '—', ltr: true },
          { header: t('funding.status'), cell: (row) => t(`taskings.status.${row.status}` as never) },
          { header: t('taskings.progress'), cell: (row) => <ProgressMeter value={row.rolledProgress} /> },
        ]}
      />
    </div>
  );
}

export function TaskingListPage(props: { ctx: PageContext; found: TaskingsPage; query: TaskingQuery; groups: GroupRow[]; branches: BranchRow[]; names: Names; canWrite: boolean; attention: number }) {
  const { ctx, query } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('taskings.title')}>
      <h1>{t('taskings.title')}</h1>
      <ActionLinks
        links={[
          props.canWrite && ['/taskings/new', t('taskings.new')],
          ['/taskings/mine', t('taskings.mine', { count: props.attention })],
          ['/commitments', t('commitments.title')],
        ]}
      />
      <form method="get" action="/taskings" class="filters" role="search">
        <SelectField name="groupId" label={t('meetings.group')} value={query.groupId} emptyLabel={t('list.all')} options={props.groups.map((group) => [group.id, translated(group, ctx.locale, 'name')])} />
        <SelectField name="status" label={t('funding.status')} value={query.status} emptyLabel={t('list.all')} options={TASKING_STATUSES.map((status) => [status, t(`taskings.status.${status}` as never)])} />
        <SelectField name="branch" label={t('threats.branch')} value={query.branch} emptyLabel={t('list.all')} options={props.branches.map((branch) => [branch.slug, branch.shortName])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <p role="status">{t('list.count', { count: props.found.total })}</p>
      <TaskingTable ctx={ctx} rows={props.found.rows} names={props.names} />
      <Pagination ctx={ctx} basePath="/taskings" query={query} page={props.found.page} pageSize={props.found.pageSize} total={props.found.total} />
    </Layout>
  );
}

export function MyTaskingsPage({ ctx, rows, total, names }: { ctx: PageContext; rows: TaskingWithProgress[]; total: number; names: Names }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('taskings.mineTitle')}>
      <p>
        <a href="/taskings">{t('taskings.title')}</a>
      </p>
      <h1>{t('taskings.mineTitle')}</h1>
      <p>{t('taskings.mineExplained')}</p>
      {total > rows.length && <p role="status">{t('taskings.mineFirst', { shown: rows.length, total })}</p>}
      <TaskingTable ctx={ctx} rows={rows} names={names} />
    </Layout>
  );
}

export interface TaskingFormChoices {
  meetings: MeetingRow[];
  agenda: { id: string; title: string }[];
  groups: GroupRow[];
  branches: BranchRow[];
  theaters: TheaterRow[];
  parents: TaskingWithProgress[];
}

export function TaskingFormPage(props: { ctx: PageContext; choices: TaskingFormChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx, choices, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : values[name] ? [String(values[name])] : []);
  return (
    <Layout ctx={ctx} title={t('taskings.new')}>
      <p>
        <a href="/taskings">{t('taskings.title')}</a>
      </p>
      <h1>{t('taskings.new')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/taskings" class="record-form">
        <CsrfField ctx={ctx} />
        <SelectField name="meetingId" label={t('taskings.fromMeeting')} value={text('meetingId')} options={choices.meetings.map((meeting) => [meeting.id, `${meetingDay(meeting)} · ${translated(meeting, ctx.locale, 'title')}`])} errors={errors} required />
        {choices.agenda.length > 0 && <SelectField name="agendaItemId" label={t('taskings.agendaItem')} value={text('agendaItemId')} emptyLabel="—" options={choices.agenda.map((item) => [item.id, item.title])} errors={errors} />}
        <fieldset>
          <legend>{t('taskings.toGroups')}</legend>
          {choices.groups.map((group) => (
            <label class="checkbox">
              <input type="checkbox" name="groupIds" value={group.id} checked={list('groupIds').includes(group.id)} /> <GroupName ctx={ctx} group={group} />
            </label>
          ))}
        </fieldset>
        <TextField name="title" label={t('taskings.tasking')} value={text('title')} errors={errors} required maxLength={500} />
        <TextField name="description" label={t('threats.description')} value={text('description')} errors={errors} maxLength={5000} />
        <fieldset>
          <legend>{t('taskings.focusBranches')}</legend>
          {choices.branches.map((branch) => (
            <label class="checkbox">
              <input type="checkbox" name="branchSlugs" value={branch.slug} checked={list('branchSlugs').includes(branch.slug)} /> {branch.shortName}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('taskings.focusTheaters')}</legend>
          {choices.theaters.map((theater) => (
            <label class="checkbox">
              <input type="checkbox" name="theaterSlugs" value={theater.slug} checked={list('theaterSlugs').includes(theater.slug)} /> {theaterName(theater, ctx.locale as Locale)}
            </label>
          ))}
        </fieldset>
        <TextField name="dueOn" label={t('taskings.due')} type="date" value={text('dueOn')} errors={errors} />
        {choices.parents.length > 0 && <SelectField name="parentId" label={t('taskings.parent')} value={text('parentId')} emptyLabel="—" options={choices.parents.map((parent) => [parent.id, parent.title])} errors={errors} />}
        <TextField name="weight" label={t('taskings.weight')} type="number" value={text('weight') ?? '1'} errors={errors} hint={t('taskings.weightHint')} />
        <SelectField name="rollup" label={t('taskings.rollup')} value={text('rollup') ?? 'average'} options={ROLLUPS.map((value) => [value, t(`taskings.rollup.${value}` as never)])} errors={errors} />
        <FormActions>
          <button type="submit">{t('form.save')}</button> <a href="/taskings">{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}

export function UpdatesThread({ ctx, updates, names, titleOf }: { ctx: PageContext; updates: UpdateRow[]; names: Names; titleOf?: (taskingId: string) => string }) {
  const { t } = ctx;
  if (updates.length === 0) return <p class="empty">{t('taskings.noUpdates')}</p>;
  return (
    <ol class="updates">
      {updates.map((update) => (
        <li>
          <p class="source">
            <span dir="ltr">{update.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</span> · {update.authorLabel}
            {titleOf && ` · ${titleOf(update.taskingId)}`}
            {update.progress !== null && ` · ${t('taskings.progress')}: ${update.progress}%`}
            {update.presentedAtMeetingId && (
              <>
                {' · '}
                {t('taskings.presentedAt')} <a href={`/meetings/${update.presentedAtMeetingId}`}>{names.meeting(update.presentedAtMeetingId)}</a>
              </>
            )}
          </p>
          <p dir="auto">{update.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function TaskingPage(props: {
  ctx: PageContext;
  tasking: TaskingWithProgress;
  children: TaskingWithProgress[];
  updates: UpdateRow[];
  names: Names;
  meetings: MeetingRow[];
  may: { report: boolean; write: boolean };
  errors?: FieldProblem[];
  stale?: boolean;
}) {
  const { ctx, tasking, names } = props;
  const { t } = ctx;
  const titles = new Map([tasking, ...props.children].map((row) => [row.id, row.title]));
  return (
    <Layout ctx={ctx} title={tasking.title}>
      <p>
        <a href="/taskings">{t('taskings.title')}</a>
      </p>
      <h1>{tasking.title}</h1>
      {props.stale && (
        <p class="alert" role="alert">
          {t('form.staleVersion')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <dl class="facts">
        <dt>{t('meetings.group')}</dt>
        <dd>
          <a href={`/groups/${tasking.groupId}/work`}>{names.group(tasking.groupId)}</a>
        </dd>
        <dt>{t('taskings.fromMeeting')}</dt>
        <dd>
          <a href={`/meetings/${tasking.meetingId}`}>{names.meeting(tasking.meetingId)}</a>
        </dd>
        <dt>{t('taskings.focusBranches')}</dt>
        <dd>
          {tasking.branchSlugs.length
            ? tasking.branchSlugs.map((slug, index) => (
                <>
                  {index > 0 && ', '}
                  <a href={`/threats/branches/${slug}`}>{slug}</a>
                </>
              ))
            : '—'}
        </dd>
        <dt>{t('taskings.due')}</dt>
        <dd dir="ltr">{tasking.dueOn ?? '—'}</dd>
        <dt>{t('funding.status')}</dt>
        <dd>{t(`taskings.status.${tasking.status}` as never)}</dd>
        <dt>{t('taskings.progress')}</dt>
        <dd>
          <ProgressMeter value={tasking.rolledProgress} />
          {tasking.hasChildren && ` (${t(`taskings.rollup.${tasking.rollup}` as never)})`}
        </dd>
        {tasking.description && (
          <>
            <dt>{t('threats.description')}</dt>
            <dd dir="auto">{tasking.description}</dd>
          </>
        )}
        {tasking.source && (
          <>
            <dt>{t('funding.source')}</dt>
            <dd class="source">
              <SourceText ctx={ctx} source={tasking.source} />
            </dd>
          </>
        )}
      </dl>
      {props.children.length > 0 && (
        <>
          <h2>{t('taskings.subTaskings')}</h2>
          <TaskingTable ctx={ctx} rows={props.children} names={names} />
        </>
      )}
      <h2>{t('taskings.updates')}</h2>
      <UpdatesThread ctx={ctx} updates={props.updates} names={names} titleOf={(id) => titles.get(id) ?? ''} />
      {props.may.report && (
        <form method="post" action={`/taskings/${tasking.id}/updates`} class="record-form">
          <h2>{t('taskings.postUpdate')}</h2>
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="field-body">{t('taskings.updateBody')}</label>
            <textarea id="field-body" name="body" rows={5} required dir="auto" />
          </div>
          {!tasking.hasChildren && <TextField name="progress" label={t('taskings.progressNow')} type="number" errors={props.errors} hint="0–100" />}
          <SelectField name="presentedAtMeetingId" label={t('taskings.presentedAt')} emptyLabel="—" options={props.meetings.map((meeting) => [meeting.id, `${meetingDay(meeting)} · ${translated(meeting, ctx.locale, 'title')}`])} errors={props.errors} />
          <FormActions>
            <button type="submit">{t('taskings.postUpdate')}</button>
          </FormActions>
        </form>
      )}
      {props.may.report && (
        <form method="post" action={`/taskings/${tasking.id}`} class="record-form">
          <h2>{t('taskings.changeStatus')}</h2>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(tasking.version)} />
          <SelectField name="status" label={t('funding.status')} value={tasking.status} options={TASKING_STATUSES.map((status) => [status, t(`taskings.status.${status}` as never)])} />
          <FormActions>
            <button type="submit">{t('form.save')}</button>
          </FormActions>
        </form>
      )}
    </Layout>
  );
}
