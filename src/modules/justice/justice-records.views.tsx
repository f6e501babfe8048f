import type { RowProblem } from '../../platform/csv-import.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, fieldError, SelectField, TextField } from '../../platform/views/forms.tsx';
import { FileField, UploadOutcome } from '../../platform/views/import-problems.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import { ReviewControls } from '../../platform/views/review-forms.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationBadge, ClassificationFields } from '../partners/partners.views.tsx';
import { jurisdictionName } from './justice-states.ts';
import type { JusticeFigure, JusticeRow } from './justice.repo.ts';
import { CONFIDENCES, JUSTICE_KINDS, type JusticeListQuery, LEGAL_BASES, MECHANISMS } from './justice.schema.ts';
import { basisLabel, JusticeFilters, JusticeTable, kindLabel, placeName } from './justice.views.tsx';

export interface JusticeChoices {
  groups: GroupRow[];
  /** A delegate reports for their own state only: the field is fixed to it. */
  fixedIso3: string | null;
}

function JusticeFields({ ctx, choices, values, errors }: { ctx: PageContext; choices: JusticeChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  const sources = Array.isArray(values.sources) ? (values.sources as string[]).join('\n') : text('sources');
  const sourcesError = fieldError(errors, 'sources');
  return (
    <>
      {choices.fixedIso3 ? (
        <>
          <input type="hidden" name="stateIso3" value={choices.fixedIso3} />
          <p>
            {t('justice.state')}: <strong>{jurisdictionName({ stateIso3: choices.fixedIso3, mechanism: null }, ctx.locale)}</strong>
          </p>
        </>
      ) : (
        <>
          <TextField name="stateIso3" label={t('justice.state')} value={text('stateIso3')} errors={errors} maxLength={3} hint={t('justice.stateHint')} dir="ltr" />
          <SelectField name="mechanism" label={t('justice.mechanism')} value={text('mechanism')} emptyLabel="—" options={MECHANISMS.map((name) => [name, name])} errors={errors} />
        </>
      )}
      <TextField name="periodStart" label={t('justice.periodStart')} value={text('periodStart')} errors={errors} maxLength={10} hint={t('justice.periodStartHint')} dir="ltr" />
      <TextField name="periodEnd" label={t('justice.periodEnd')} value={text('periodEnd')} errors={errors} required maxLength={10} hint={t('form.partialDateHint')} dir="ltr" />
      <SelectField name="kind" label={t('justice.kind')} value={text('kind')} options={JUSTICE_KINDS.map((kind) => [kind, kindLabel(ctx, kind)])} errors={errors} required />
      <TextField name="count" label={t('justice.count')} value={text('count')} errors={errors} type="number" hint={t('justice.countHint')} />
      <SelectField name="legalBasis" label={t('justice.legalBasis')} value={text('legalBasis')} emptyLabel="—" options={LEGAL_BASES.map((basis) => [basis, basisLabel(ctx, basis)])} errors={errors} />
      <TextField name="courtOrBody" label={t('justice.courtOrBody')} value={text('courtOrBody')} errors={errors} required maxLength={300} />
      <TextField name="description" label={t('justice.description')} value={text('description')} errors={errors} required maxLength={2000} />
      <div class={`field${sourcesError ? ' field--invalid' : ''}`}>
        <label for="field-sources">{`${t('justice.sources')} *`}</label>
        <p class="hint" id="field-sources-hint">
          {t('justice.sourcesHint')}
        </p>
        {sourcesError && (
          <p class="field-error" id="field-sources-error">
            {sourcesError}
          </p>
        )}
        <textarea id="field-sources" name="sources" rows={3} required dir="auto" aria-describedby={sourcesError ? 'field-sources-hint field-sources-error' : 'field-sources-hint'} aria-invalid={sourcesError ? 'true' : undefined}>
          {sources ?? ''}
        </textarea>
      </div>
      <SelectField name="confidence" label={t('justice.confidence')} value={text('confidence')} emptyLabel="—" options={CONFIDENCES.map((level) => [level, t(`justice.confidence.${level}` as never)])} errors={errors} />
      <div class="field">
        <label>
          <input type="checkbox" name="overlapsNational" value="true" checked={values.overlapsNational === true || values.overlapsNational === 'true'} /> {t('justice.overlapsNationalField')}
        </label>
      </div>
      <ClassificationFields ctx={ctx} value={text('classification') ?? 'public'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={choices.groups} errors={errors} />
    </>
  );
}

export function JusticeFormPage(props: { ctx: PageContext; choices: JusticeChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx } = props;
  return (
    <RecordFormPage ctx={ctx} title={ctx.t('justice.report')} action="/justice/records" cancelHref="/justice/records" errors={props.errors}>
      <p class="notice">{ctx.t('justice.aggregateOnly')}</p>
      <JusticeFields ctx={ctx} choices={props.choices} values={props.values} errors={props.errors} />
    </RecordFormPage>
  );
}

export function JusticeListPage(props: { ctx: PageContext; rows: JusticeFigure[]; total: number; query: JusticeListQuery; may: { report: boolean } }) {
  const { ctx, query } = props;
  const { t } = ctx;
  const filters = { state: query.state, kind: query.kind, legalBasis: query.legalBasis, status: query.status, from: query.from, to: query.to };
  return (
    <Layout ctx={ctx} title={t('justice.records')}>
      <p>
        <a href="/justice">{t('justice.title')}</a>
      </p>
      <h1>{t('justice.records')}</h1>
      <ActionLinks
        links={[
          [listHref('/justice/records', filters, { format: 'csv' }), t('list.exportCsv')],
          [listHref('/justice/records', filters, { format: 'xlsx' }), t('justice.exportXlsx')],
          props.may.report && ['/justice/records/new', t('justice.report')],
          props.may.report && ['/justice/import', t('justice.import')],
          ctx.actor !== null && [listHref('/justice/records', { ...filters, status: 'reported' }, {}), t('justice.awaitingVerification')],
        ]}
      />
      <JusticeFilters ctx={ctx} action="/justice/records" query={query} withState />
      <p role="status">{t('list.count', { count: props.total })}</p>
      <JusticeTable ctx={ctx} rows={props.rows} caption={t('justice.records')} linkRecords />
      <Pagination ctx={ctx} basePath="/justice/records" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 50} total={props.total} />
    </Layout>
  );
}

export interface HistoryEntry {
  occurredAt: Date;
  actorLabel: string;
  action: string;
  detail: Record<string, unknown>;
}

/** "count: 12 → 14" for each field a correction changed: the earlier value stays on record. */
function ChangeList({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== 'object') return null;
  return (
    <ul>
      {Object.entries(changes as Record<string, { from: unknown; to: unknown }>).map(([field, change]) => (
        <li dir="auto">{`${field}: ${JSON.stringify(change.from ?? null)} → ${JSON.stringify(change.to ?? null)}`}</li>
      ))}
    </ul>
  );
}

export function JusticeRecordPage(props: { ctx: PageContext; row: JusticeRow; history: HistoryEntry[] | null; may: { verify: boolean; correct: boolean }; choices?: JusticeChoices; values?: Record<string, unknown>; errors?: FieldProblem[]; stale?: boolean }) {
  const { ctx, row } = props;
  const { t } = ctx;
  const title = `${placeName(ctx, row)} · ${kindLabel(ctx, row.kind)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/justice/records">{t('justice.records')}</a>
      </p>
      <h1>{title}</h1>
      {props.stale && (
        <p class="alert" role="alert">
          {t('form.staleVersion')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <p>
        <ClassificationBadge ctx={ctx} value={row.classification} /> {t(`justice.status.${row.status}` as never)}
        {row.correctionReason && ` · ${t('justice.correctedBecause', { reason: row.correctionReason })}`}
      </p>
      <JusticeTable ctx={ctx} rows={[row]} caption={title} linkRecords={false} />
      <ReviewControls
        ctx={ctx}
        action={`/justice/records/${row.id}`}
        record={row}
        may={props.may}
        verifyLabel={t('justice.verify')}
        correction={props.choices && { version: props.values?.version ?? row.version, open: Boolean(props.errors?.length || props.stale), errors: props.errors, fields: <JusticeFields ctx={ctx} choices={props.choices} values={props.values ?? {}} errors={props.errors} /> }}
      />
      {props.history && (
        <>
          <h2>{t('justice.history')}</h2>
          <DataTable
            rows={props.history}
            caption={t('justice.history')}
            empty={t('justice.noRecords')}
            columns={[
              { header: t('justice.when'), cell: (entry) => entry.occurredAt.toISOString().slice(0, 16).replace('T', ' '), ltr: true },
              { header: t('justice.who'), cell: (entry) => entry.actorLabel },
              { header: t('justice.what'), cell: (entry) => t(`justice.history.${entry.action.replace('justice.', '')}` as never) },
              { header: t('justice.reason'), cell: (entry) => String(entry.detail.reason ?? '') },
              { header: t('justice.changes'), cell: (entry) => <ChangeList changes={entry.detail.changes} /> },
            ]}
          />
        </>
      )}
    </Layout>
  );
}

export function JusticeImportPage(props: { ctx: PageContext; columns: string; problems?: RowProblem[]; imported?: number; message?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('justice.import')}>
      <p>
        <a href="/justice/records">{t('justice.records')}</a>
      </p>
      <h1>{t('justice.import')}</h1>
      <UploadOutcome ctx={ctx} done={props.imported === undefined ? undefined : t('justice.imported', { count: props.imported })} message={props.message} problems={props.problems} />
      <p>{t('justice.importHelp')}</p>
      <p>
        <code dir="ltr">{props.columns}</code>
      </p>
      <form method="post" action="/justice/import" enctype="multipart/form-data" class="record-form">
        <CsrfField ctx={ctx} />
        <FileField label={t('funding.csvFile')} />
        <FormActions>
          <button type="submit">{t('funding.importSubmit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}
