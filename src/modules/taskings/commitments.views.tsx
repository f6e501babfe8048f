import type { FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { MeetingRow, TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { GroupWithMembers } from '../partners/groups.service.ts';
import { partnerName } from '../partners/partners.views.tsx';
import type { CommitmentRow } from './commitments.service.ts';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from './taskings.schema.ts';
import type { TaskingWithProgress } from './taskings.service.ts';
import { type Names, TaskingTable } from './taskings.views.tsx';
import { meetingDay } from '../meetings/meeting-time.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import { SourceText } from '../../platform/views/source-text.tsx';
import type { Column } from '../../platform/views/data-table.tsx';

export type PartnerNames = (id: string | null) => string;

/** The source column, only when some row on the page was read from a readout: hand-entered registers keep their width. */
function sourceColumn(ctx: PageContext, rows: CommitmentRow[]): Column<CommitmentRow>[] {
  if (!rows.some((row) => row.source)) return [];
  return [{ header: ctx.t('funding.source'), cell: (row) => (row.source ? <span class="source"><SourceText ctx={ctx} source={row.source} /></span> : '—') }];
}

export function CommitmentTable({ ctx, rows, partner, names, canWrite, pageRows = rows }: { ctx: PageContext; rows: CommitmentRow[]; partner: PartnerNames; names: Names; canWrite: boolean; pageRows?: CommitmentRow[] }) {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <DataTable
        rows={rows}
        caption={t('commitments.title')}
        empty={t('commitments.none')}
        // Each row is an address of its own (GET /commitments/:id lands here): commitments have no page.
        rowId={(row) => `commitment-${row.id}`}
        columns={[
          { header: t('commitments.who'), cell: (row) => partner(row.partnerId) },
          { header: t('commitments.kind'), cell: (row) => t(`commitments.kind.${row.kind}` as never) },
          { header: t('commitments.statement'), cell: (row) => <span dir="auto">{row.statement}</span> },
          { header: t('taskings.fromMeeting'), cell: (row) => <a href={`/meetings/${row.meetingId}`}>{names.meeting(row.meetingId)}</a> },
          { header: t('taskings.due'), cell: (row) => row.dueOn ?? '—', ltr: true },
          {
            header: t('funding.status'),
            cell: (row) =>
              canWrite ? (
                <form method="post" action={`/commitments/${row.id}/status`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <SelectField name="status" label={t('funding.status')} value={row.status} options={COMMITMENT_STATUSES.map((status) => [status, t(`commitments.status.${status}` as never)])} />
                  <TextField name="evidence" label={t('commitments.evidenceLink')} type="url" />
                  <button type="submit">{t('form.save')}</button>
                </form>
              ) : (
                t(`commitments.status.${row.status}` as never)
              ),
          },
          { header: t('commitments.evidence'), cell: (row) => row.evidence.map((link) => <a href={link}>{new URL(link).hostname}</a>) },
          ...sourceColumn(ctx, pageRows),
        ]}
      />
    </div>
  );
}

export function CommitmentsPage(props: {
  ctx: PageContext;
  view: 'by-partner' | 'by-meeting' | 'overdue';
  found: { rows: CommitmentRow[]; total: number; page: number; pageSize: number };
  query: Record<string, unknown>;
  partner: PartnerNames;
  names: Names;
  canWrite: boolean;
  errors?: FieldProblem[];
}) {
  const { ctx, view, found } = props;
  const rows = found.rows;
  const { t } = ctx;
  const groupKey = (row: CommitmentRow) => (view === 'by-meeting' ? row.meetingId : (row.partnerId ?? ''));
  const grouped = new Map<string, CommitmentRow[]>();
  for (const row of rows) grouped.set(view === 'overdue' ? '' : groupKey(row), [...(grouped.get(view === 'overdue' ? '' : groupKey(row)) ?? []), row]);
  const groups = [...grouped.entries()];
  return (
    <Layout ctx={ctx} title={t('commitments.title')}>
      <h1>{t('commitments.title')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <nav aria-label={t('commitments.views')}>
        <ul class="actions">
          {(['by-partner', 'by-meeting', 'overdue'] as const).map((name) => (
            <li>
              <a href={`/commitments?view=${name}`} aria-current={view === name && !props.query.meetingId ? 'page' : undefined}>
                {t(`commitments.view.${name}` as never)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ActionLinks links={[props.canWrite && ['/commitments/new', t('commitments.new')]]} />
      {rows.length === 0 && <p class="empty">{t('commitments.none')}</p>}
      {groups.map(([key, rows]) => (
        <section>
          {view !== 'overdue' && <h2>{view === 'by-meeting' ? props.names.meeting(key) : props.partner(key || null)}</h2>}
          <CommitmentTable ctx={ctx} rows={[...rows]} pageRows={found.rows} partner={props.partner} names={props.names} canWrite={props.canWrite} />
        </section>
      ))}
      <Pagination ctx={ctx} basePath="/commitments" query={{ ...props.query, view }} page={found.page} pageSize={found.pageSize} total={found.total} />
    </Layout>
  );
}

export function CommitmentFormPage(props: { ctx: PageContext; meetings: MeetingRow[]; partners: { id: string; name: string }[]; theaters: TheaterRow[]; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <Layout ctx={ctx} title={t('commitments.new')}>
      <p>
        <a href="/commitments">{t('commitments.title')}</a>
      </p>
      <h1>{t('commitments.new')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/commitments" class="record-form">
        <CsrfField ctx={ctx} />
        <SelectField name="meetingId" label={t('taskings.fromMeeting')} value={text('meetingId')} options={props.meetings.map((meeting) => [meeting.id, `${meetingDay(meeting)} · ${translated(meeting, ctx.locale, 'title')}`])} errors={errors} required />
        <SelectField name="partnerId" label={t('commitments.who')} value={text('partnerId')} emptyLabel={t('commitments.coalition')} options={props.partners.map((partner) => [partner.id, partner.name])} errors={errors} />
        <SelectField name="kind" label={t('commitments.kind')} value={text('kind')} options={COMMITMENT_KINDS.map((kind) => [kind, t(`commitments.kind.${kind}` as never)])} errors={errors} required />
        <div class="field">
          <label for="field-statement">{t('commitments.statement')}</label>
          <textarea id="field-statement" name="statement" rows={4} required dir="auto">
            {text('statement') ?? ''}
          </textarea>
        </div>
        <SelectField name="theaterSlug" label={t('meetings.theater')} value={text('theaterSlug')} emptyLabel="—" options={props.theaters.map((theater) => [theater.slug, theaterName(theater, ctx.locale as Locale)])} errors={errors} />
        <TextField name="dueOn" label={t('taskings.due')} type="date" value={text('dueOn')} errors={errors} />
        <TextField name="evidence" label={t('commitments.evidenceLink')} type="url" value={Array.isArray(values.evidence) ? (values.evidence as string[])[0] : text('evidence')} errors={errors} maxLength={2000} />
        <FormActions>
          <button type="submit">{t('form.save')}</button> <a href="/commitments">{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}

/** A working group's page: who leads it, what it was asked, what its meetings heard promised, the branches it watches. */
export function GroupWorkPage(props: { ctx: PageContext; group: GroupWithMembers; meetings: MeetingRow[]; taskings: TaskingWithProgress[]; commitments: CommitmentRow[]; partner: PartnerNames; names: Names }) {
  const { ctx, group } = props;
  const { t, locale } = ctx;
  const branches = [...new Set(props.taskings.flatMap((tasking) => tasking.branchSlugs))];
  return (
    <Layout ctx={ctx} title={translated(group, locale, 'name')}>
      <p>
        <a href={`/groups/${group.id}`}>
          <Translated ctx={ctx} record={group} field="name" />
        </a>
      </p>
      <h1>{t('taskings.groupWork', { group: translated(group, locale, 'name') })}</h1>
      <dl class="facts">
        <dt>{t('taskings.coLeads')}</dt>
        <dd>{group.members.filter((member) => member.role === 'co-lead').map((member) => partnerName(member, locale as Locale)).join(', ') || '—'}</dd>
        <dt>{t('taskings.members')}</dt>
        <dd>{group.members.filter((member) => member.role === 'member').map((member) => partnerName(member, locale as Locale)).join(', ') || '—'}</dd>
        <dt>{t('taskings.focusBranches')}</dt>
        <dd>
          {branches.length
            ? branches.map((slug, index) => (
                <>
                  {index > 0 && ', '}
                  <a href={`/threats/branches/${slug}`}>{slug}</a>
                </>
              ))
            : '—'}
        </dd>
      </dl>
      <h2>{t('taskings.title')}</h2>
      <TaskingTable ctx={ctx} rows={props.taskings} names={props.names} />
      <h2>{t('meetings.title')}</h2>
      {props.meetings.length ? (
        <ul>
          {props.meetings.map((meeting) => (
            <li>
              <a href={`/meetings/${meeting.id}`}>
                <Translated ctx={ctx} record={meeting} field="title" />
              </a> <span dir="ltr">({meetingDay(meeting)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('meetings.empty')}</p>
      )}
      <h2>{t('commitments.title')}</h2>
      <CommitmentTable ctx={ctx} rows={props.commitments} partner={props.partner} names={props.names} canWrite={false} />
    </Layout>
  );
}
