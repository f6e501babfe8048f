import type { FieldProblem } from '../../platform/errors.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { DecidedHit, DecisionRow } from './decisions.service.ts';

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

/**
 * One hit: why it matched, the listed record, and a decision form posting to `action` with `hidden`
 * fields that bring the reader back to the same screening (or the same filtered page of a batch).
 */
export function HitCard({ ctx, hit, hidden, action = '/screening/decisions', noteField = `note-${hit.ref}`, sameSubjectAsAbove, heading = 'h3' }: { ctx: PageContext; hit: DecidedHit; hidden: Record<string, string>; action?: string; noteField?: string; sameSubjectAsAbove?: boolean; heading?: 'h3' | 'h4' }) {
  const { t } = ctx;
  const { entity, explanation } = hit;
  const Heading = heading;
  const Sub = heading === 'h3' ? 'h4' : 'h5';
  return (
    <article class="hit">
      <Heading>
        <span dir="auto">{hit.name}</span> — {hit.ref} · {t('screening.score')} {hit.score.toFixed(2)}
      </Heading>
      {sameSubjectAsAbove && (
        <p>
          {t('screening.sameSubject')}
          {hit.groupedBy && ` ${t(`screening.groupedBy.${hit.groupedBy}` as never)}`}
        </p>
      )}
      {hit.decision && (
        <p class={hit.decision.listingChanged ? 'alert' : 'notice'}>
          {t(hit.decision.decision === 'confirmed-match' ? 'screening.confirmedBy' : 'screening.clearedBy', { by: hit.decision.by, date: hit.decision.at.toISOString().slice(0, 10), note: hit.decision.note })}
          {hit.decision.listingChanged && ` ${t('screening.listingChanged')}`}
        </p>
      )}
      <Sub>{t('screening.why')}</Sub>
      <ul>
        {explanation.matched.map((match) => (
          <li dir="auto">
            {t('screening.tokenMatch', { query: match.query, listed: match.listed, how: t(`screening.how.${match.how}` as never), similarity: match.similarity.toFixed(2), weight: match.weight.toFixed(2) })}
            {match.aynDropped && ` — ${t('screening.aynDropped')}`}
          </li>
        ))}
        {(explanation.differing ?? []).map((pair) => (
          <li dir="auto">{t('screening.differing', pair)}</li>
        ))}
        {explanation.unmatchedQuery.length > 0 && <li dir="auto">{t('screening.unmatchedQuery', { tokens: explanation.unmatchedQuery.join(', ') })}</li>}
        {explanation.unmatchedListed.length > 0 && <li dir="auto">{t('screening.unmatchedListed', { tokens: explanation.unmatchedListed.join(', ') })}</li>}
        {explanation.adjustments.map((adjustment) => (
          <li>{`${t(`screening.adjustment.${adjustment.code}` as never, adjustment.values)}: ${adjustment.change > 0 ? '+' : ''}${adjustment.change.toFixed(2)}`}</li>
        ))}
      </ul>
      <details>
        <summary>{t('screening.record')}</summary>
        <dl class="facts">
          <dt>{t('screening.kind')}</dt>
          <dd>{entity.kind}</dd>
          <dt>{t('screening.names')}</dt>
          <dd>
            <ul>
              {entity.names.map((name) => (
                <li dir="auto">
                  {name.full} {name.quality === 'low' ? `(${t('screening.weakAlias')})` : ''}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('screening.born')}</dt>
          <dd dir="ltr">{entity.birthDates.join(', ') || '—'}</dd>
          <dt>{t('screening.birthPlace')}</dt>
          <dd dir="auto">{entity.birthPlaces.join('; ') || '—'}</dd>
          <dt>{t('screening.nationality')}</dt>
          <dd>{entity.nationalities.join(', ') || '—'}</dd>
          <dt>{t('screening.documents')}</dt>
          <dd>
            {entity.documents.length ? (
              <ul>
                {entity.documents.map((document) => (
                  <li dir="auto">{[`${document.type} ${document.number}`, document.country, document.note].filter(Boolean).join(' · ')}</li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('screening.addresses')}</dt>
          <dd>
            {entity.addresses.length ? (
              <ul>
                {entity.addresses.map((address) => (
                  <li dir="auto">{address}</li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('screening.programmes')}</dt>
          <dd>{entity.programmes.join(', ') || '—'}</dd>
          <dt>{t('screening.listedOn')}</dt>
          <dd dir="ltr">{entity.listedOn ?? '—'}</dd>
        </dl>
        {entity.raw !== undefined && entity.raw !== null && (
          <details>
            <summary>{t('screening.raw')}</summary>
            <pre class="raw-record" dir="ltr">
              {JSON.stringify(entity.raw, null, 2)}
            </pre>
          </details>
        )}
      </details>
      <form method="post" action={action} class="record-form">
        <CsrfField ctx={ctx} />
        {Object.entries(hidden).map(([field, value]) => (
          <input type="hidden" name={field} value={value} />
        ))}
        <input type="hidden" name="ref" value={hit.ref} />
        <fieldset>
          <legend>{t('screening.decide')}</legend>
          <label class="checkbox">
            <input type="radio" name="decision" value="confirmed-match" required /> {t('screening.decision.confirmed-match')}
          </label>
          <label class="checkbox">
            <input type="radio" name="decision" value="false-positive" /> {t('screening.decision.false-positive')}
          </label>
        </fieldset>
        <TextField name={noteField} label={t('screening.decisionNote')} required maxLength={2000} />
        <FormActions>
          <button type="submit">{t('screening.recordDecision')}</button>
        </FormActions>
      </form>
    </article>
  );
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
