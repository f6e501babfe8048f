import type { RowProblem } from '../../platform/csv-import.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { FileField, UploadOutcome } from '../../platform/views/import-problems.tsx';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { ReviewControls } from '../../platform/views/review-forms.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationBadge, ClassificationFields } from '../partners/partners.views.tsx';
import type { RepatriationRow, SiteRow } from './detention.repo.ts';
import { AggregateOnlyNotice, nationalityName, RepatriationTable } from './detention.views.tsx';
import { translated } from '../../platform/translated-text.ts';

export interface RepatriationChoices {
  sites: SiteRow[];
  groups: GroupRow[];
  /** A delegate reports for their own state only: the field is fixed to it. */
  fixedIso3: string | null;
}

function RepatriationFields({ ctx, choices, values, errors }: { ctx: PageContext; choices: RepatriationChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <>
      {choices.fixedIso3 ? (
        <>
          <input type="hidden" name="receivingIso3" value={choices.fixedIso3} />
          <p>
            {t('detention.receivingState')}: <strong>{nationalityName(choices.fixedIso3, ctx)}</strong>
          </p>
        </>
      ) : (
        <TextField name="receivingIso3" label={t('detention.receivingState')} value={text('receivingIso3')} errors={errors} maxLength={3} hint={t('detention.receivingHint')} />
      )}
      <TextField name="period" label={t('detention.period')} value={text('period')} errors={errors} required maxLength={100} hint={t('detention.periodHint')} />
      <div class="field">
        <label>
          <input type="checkbox" name="cumulative" value="true" checked={values.cumulative === true || values.cumulative === 'true'} /> {t('detention.cumulativeField')}
        </label>
      </div>
      <SelectField name="siteId" label={t('detention.fromSite')} value={text('siteId')} emptyLabel={t('funding.unspecified')} options={choices.sites.map((site) => [site.id, translated(site, ctx.locale, 'name')])} errors={errors} />
      <TextField name="people" label={t('detention.people')} value={text('people')} errors={errors} type="number" />
      <TextField name="women" label={t('detention.category.women')} value={text('women')} errors={errors} type="number" />
      <TextField name="children" label={t('detention.category.children')} value={text('children')} errors={errors} type="number" />
      <TextField name="men" label={t('detention.category.men')} value={text('men')} errors={errors} type="number" />
      <TextField name="note" label={t('detention.note')} value={text('note')} errors={errors} maxLength={2000} />
      <TextField name="source" label={t('funding.source')} value={text('source')} errors={errors} required maxLength={5000} />
      <SelectField name="confidence" label={t('funding.confidence')} value={text('confidence')} emptyLabel="—" options={['high', 'medium', 'low'].map((c) => [c, c])} errors={errors} />
      <ClassificationFields ctx={ctx} value={text('classification') ?? 'restricted'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={choices.groups} errors={errors} />
    </>
  );
}

/** "people: 12 → 15" for each field a correction changed. */
function ChangeList({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== 'object') return null;
  return (
    <ul>
      {Object.entries(changes as Record<string, { from: unknown; to: unknown }>).map(([field, change]) => (
        <li dir="auto">{`${field}: ${String(change.from ?? '—')} → ${String(change.to ?? '—')}`}</li>
      ))}
    </ul>
  );
}

export function RepatriationListPage(props: { ctx: PageContext; found: { rows: RepatriationRow[]; total: number; page: number; pageSize: number }; canReport: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('detention.repatriations')}>
      <p>
        <a href="/detention">{t('detention.title')}</a>
      </p>
      <h1>{t('detention.repatriations')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <p>{t('detention.repatriationsExplained')}</p>
      <ActionLinks links={[props.canReport && ['/detention/repatriations/new', t('detention.reportRepatriation')]]} />
      <RepatriationTable ctx={ctx} rows={props.found.rows} />
      <Pagination ctx={ctx} basePath="/detention/repatriations" query={{}} page={props.found.page} pageSize={props.found.pageSize} total={props.found.total} />
    </Layout>
  );
}

export function RepatriationFormPage(props: { ctx: PageContext; choices: RepatriationChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('detention.reportRepatriation')}>
      <p>
        <a href="/detention/repatriations">{t('detention.repatriations')}</a>
      </p>
      <h1>{t('detention.reportRepatriation')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action="/detention/repatriations" class="record-form">
        <CsrfField ctx={ctx} />
        <RepatriationFields ctx={ctx} choices={props.choices} values={props.values} errors={props.errors} />
        <FormActions>
          <button type="submit">{t('funding.reportSubmit')}</button> <a href="/detention/repatriations">{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}

export interface HistoryEntry {
  occurredAt: Date;
  actorLabel: string;
  action: string;
  detail: Record<string, unknown>;
}

export function RepatriationPage(props: { ctx: PageContext; row: RepatriationRow; history: HistoryEntry[]; may: { verify: boolean; correct: boolean }; choices?: RepatriationChoices; values?: Record<string, unknown>; errors?: FieldProblem[]; stale?: boolean }) {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = `${row.receivingIso3 ? nationalityName(row.receivingIso3, ctx) : t('detention.severalStates')} · ${row.period}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/detention/repatriations">{t('detention.repatriations')}</a>
      </p>
      <h1>{title}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      {props.stale && (
        <p class="alert" role="alert">
          {t('form.staleVersion')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <p>
        <ClassificationBadge ctx={ctx} value={row.classification} /> {t(`detention.status.${row.status}` as never)}
        {row.correctionReason && ` · ${t('detention.correctedBecause', { reason: row.correctionReason })}`}
      </p>
      <RepatriationTable ctx={ctx} rows={[row]} />
      <h2>{t('detention.history')}</h2>
      <DataTable
        rows={props.history}
        caption={t('detention.history')}
        empty={t('detention.noFigures')}
        columns={[
          { header: t('funding.date'), cell: (entry) => entry.occurredAt.toISOString().slice(0, 16).replace('T', ' '), ltr: true },
          { header: t('detention.historyWho'), cell: (entry) => entry.actorLabel },
          { header: t('detention.historyWhat'), cell: (entry) => t(`detention.history.${entry.action.replace('detention.repatriation-', '')}` as never) },
          { header: t('funding.correctReason'), cell: (entry) => String(entry.detail.reason ?? '') },
          { header: t('detention.historyChanges'), cell: (entry) => <ChangeList changes={entry.detail.changes} /> },
        ]}
      />
      <ReviewControls
        ctx={ctx}
        action={`/detention/repatriations/${row.id}`}
        record={row}
        may={props.may}
        verifyLabel={t('funding.verify')}
        correction={props.choices && { version: props.values?.version ?? row.version, open: Boolean(props.errors?.length || props.stale), errors: props.errors, fields: <RepatriationFields ctx={ctx} choices={props.choices} values={props.values ?? {}} errors={props.errors} /> }}
      />
    </Layout>
  );
}

export function DetentionImportPage(props: { ctx: PageContext; kinds: { kind: string; columns: string }[]; kind?: string; problems?: RowProblem[]; imported?: number; message?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('detention.import')}>
      <p>
        <a href="/detention">{t('detention.title')}</a>
      </p>
      <h1>{t('detention.import')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <UploadOutcome ctx={ctx} done={props.imported === undefined ? undefined : t('detention.imported', { count: props.imported })} message={props.message} problems={props.problems} />
      <p>{t('detention.importHelp')}</p>
      <ul>
        {props.kinds.map((entry) => (
          <li>
            <strong>{t(`detention.importKind.${entry.kind}` as never)}</strong>: <code dir="ltr">{entry.columns}</code>
          </li>
        ))}
      </ul>
      <form method="post" action="/detention/import" enctype="multipart/form-data" class="record-form">
        <CsrfField ctx={ctx} />
        <SelectField name="kind" label={t('detention.importWhat')} value={props.kind} options={props.kinds.map((entry) => [entry.kind, t(`detention.importKind.${entry.kind}` as never)])} required />
        <FileField label={t('funding.csvFile')} />
        <FormActions>
          <button type="submit">{t('funding.importSubmit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}
