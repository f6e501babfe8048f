import type { FieldProblem } from '../../platform/errors.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { DecidedHit, DecisionRow } from './decisions.service.ts';
import { HitCard } from './hit-card.tsx';

export interface VersionRow {
  id: string;
  list: string;
  importedAt: Date;
  fileSha256: string;
  fileNames: string[];
  entityCount: number;
  publishedOn: string | null;
  importedByLabel: string;
}

export function ScreeningPage(props: { ctx: PageContext; values?: Record<string, string>; hits?: DecidedHit[]; cleared?: number; listed: number; errors?: FieldProblem[]; saved?: boolean }) {
  const { ctx, values = {} } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('screening.title')}>
      <h1>{t('screening.title')}</h1>
      <p>{t('screening.intro', { count: props.listed })}</p>
      <p class="actions">
        <a href="/screening/lists">{t('screening.lists')}</a> <a href="/screening/batches">{t('screening.batches')}</a> <a href="/screening/decisions">{t('screening.decisions')}</a> <a href="/screening/alerts">{t('screening.alerts')}</a>
      </p>
      {props.saved && (
        <p role="status" class="notice">
          {t('screening.decisionSaved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {/* POST keeps the names screened out of addresses, browser history and server logs. */}
      <form method="post" action="/screening" class="record-form">
        <CsrfField ctx={ctx} />
        <TextField name="name" label={t('screening.name')} value={values.name} errors={props.errors} required maxLength={500} dir="auto" />
        <TextField name="dob" label={t('screening.dob')} value={values.dob} errors={props.errors} hint={t('screening.dobHint')} />
        <TextField name="nationality" label={t('screening.nationality')} value={values.nationality} errors={props.errors} />
        <FormActions>
          <button type="submit">{t('screening.screen')}</button>
        </FormActions>
      </form>
      {props.hits && (
        <section aria-live="polite">
          <h2>{t('screening.hits', { count: props.hits.length })}</h2>
          {Boolean(props.cleared) && <p>{t('screening.cleared', { count: props.cleared ?? 0 })}</p>}
          {props.hits.map((hit, index) => (
            <HitCard ctx={ctx} hit={hit} hidden={values} sameSubjectAsAbove={index > 0 && props.hits?.[index - 1]?.subject === hit.subject} />
          ))}
        </section>
      )}
    </Layout>
  );
}

export function ListsPage(props: { ctx: PageContext; versions: VersionRow[]; canImport: boolean; message?: string; imported?: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('screening.lists')}>
      <p>
        <a href="/screening">{t('screening.title')}</a>
      </p>
      <h1>{t('screening.lists')}</h1>
      {props.imported !== undefined && (
        <p role="status" class="notice">
          {t('screening.imported', { count: props.imported })}
        </p>
      )}
      {props.message && (
        <p role="alert" class="alert">
          {props.message}
        </p>
      )}
      <DataTable
        rows={props.versions}
        caption={t('screening.lists')}
        empty={t('screening.noLists')}
        columns={[
          // The list by its name and publisher: file names and server paths say nothing to a reader.
          { header: t('screening.list'), cell: (row) => t(`screening.listTitle.${row.list}` as never) },
          { header: t('screening.publisher'), cell: (row) => t(`screening.listPublisher.${row.list}` as never) },
          // The publisher's own date from the file, so that "the lists in force" says how recent they are.
          { header: t('screening.publishedOn'), cell: (row) => (row.publishedOn ? <span dir="ltr">{row.publishedOn}</span> : t('screening.publishedUnknown')) },
          { header: t('screening.importedAt'), cell: (row) => row.importedAt.toISOString().slice(0, 10), ltr: true },
          { header: t('screening.entries'), cell: (row) => String(row.entityCount) },
          { header: t('screening.changes'), cell: (row) => <a href={`/screening/lists/${row.id}/changes`}>{t('screening.changes')}</a> },
        ]}
      />
      {props.canImport && (
        <form method="post" action="/screening/lists" enctype="multipart/form-data" class="record-form">
          <h2>{t('screening.import')}</h2>
          <p>{t('screening.importHelp')}</p>
          <CsrfField ctx={ctx} />
          {(['un', 'eu', 'uk', 'sdn', 'alt', 'consPrim', 'consAlt'] as const).map((field) => (
            <div class="field">
              <label for={`field-${field}`}>{t(`screening.file.${field}` as never)}</label>
              <input id={`field-${field}`} type="file" name={field} accept=".xml,.csv" />
            </div>
          ))}
          <FormActions>
            <button type="submit">{t('funding.importSubmit')}</button>
          </FormActions>
        </form>
      )}
    </Layout>
  );
}

export function ChangesPage(props: { ctx: PageContext; version: VersionRow; previous: VersionRow | null; added: { ref: string; name: string }[]; removed: { ref: string; name: string }[]; amended: { ref: string; name: string }[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const section = (title: string, rows: { ref: string; name: string }[]) => (
    <>
      <h2>{`${title} (${rows.length})`}</h2>
      <DataTable
        rows={rows.slice(0, 500)}
        empty={t('screening.none')}
        caption={title}
        columns={[
          { header: t('screening.ref'), cell: (row) => row.ref, ltr: true },
          { header: t('screening.names'), cell: (row) => <span dir="auto">{row.name}</span> },
        ]}
      />
    </>
  );
  return (
    <Layout ctx={ctx} title={t('screening.changes')}>
      <p>
        <a href="/screening/lists">{t('screening.lists')}</a>
      </p>
      <h1>{`${t(`screening.listTitle.${props.version.list}` as never)} · ${props.version.importedAt.toISOString().slice(0, 10)}`}</h1>
      <p>{props.previous ? t('screening.comparedWith', { date: props.previous.importedAt.toISOString().slice(0, 16).replace('T', ' ') }) : t('screening.firstVersion')}</p>
      {section(t('screening.added'), props.added)}
      {section(t('screening.removed'), props.removed)}
      {section(t('screening.amended'), props.amended)}
    </Layout>
  );
}

export function DecisionsPage({ ctx, rows }: { ctx: PageContext; rows: DecisionRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('screening.decisions')}>
      <p>
        <a href="/screening">{t('screening.title')}</a>
      </p>
      <h1>{t('screening.decisions')}</h1>
      <DataTable
        rows={rows}
        caption={t('screening.decisions')}
        empty={t('screening.none')}
        columns={[
          { header: t('screening.decidedAt'), cell: (row) => row.decidedAt.toISOString().slice(0, 16).replace('T', ' '), ltr: true },
          { header: t('screening.name'), cell: (row) => <span dir="auto">{row.nameAsScreened}</span> },
          { header: t('screening.ref'), cell: (row) => row.entityRef, ltr: true },
          { header: t('screening.decide'), cell: (row) => t(`screening.decision.${row.decision}` as never) },
          { header: t('screening.decisionNote'), cell: (row) => <span dir="auto">{row.note}</span> },
          { header: t('detention.historyWho'), cell: (row) => row.decidedByLabel },
        ]}
      />
    </Layout>
  );
}
