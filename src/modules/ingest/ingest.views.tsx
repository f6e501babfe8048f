import type { FieldProblem } from '../../platform/errors.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField, fieldError } from '../../platform/views/forms.tsx';
import { translated } from '../../platform/translated-text.ts';
import { meetingDate, meetingDay } from '../meetings/meetings.service.ts';
import type { EarlierMeetingChoices, ReferenceMeetings } from './earlier-meetings.ts';
import { FileField } from '../../platform/views/import-problems.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { DocumentRow, FactRow } from './fact-appliers.ts';

type DocumentListRow = { document: DocumentRow; facts: number; waiting: number };

export function IngestPage({ ctx, documents, errors, values }: { ctx: PageContext; documents: DocumentListRow[]; errors?: FieldProblem[]; values?: Record<string, string> }) {
  const { t } = ctx;
  const textError = fieldError(errors, 'file');
  return (
    <Layout ctx={ctx} title={t('ingest.title')}>
      <h1>{t('ingest.title')}</h1>
      <p>{t('ingest.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/ingest" enctype="multipart/form-data" class="record-form">
        <CsrfField ctx={ctx} />
        <FileField label={t('ingest.file')} accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" required={false} />
        <div class={`field${textError ? ' field--invalid' : ''}`}>
          <label for="field-text">{t('ingest.paste')}</label>
          {textError && (
            <p class="field-error" id="field-text-error">
              {textError}
            </p>
          )}
          <textarea id="field-text" name="text" rows={10} dir="auto" aria-invalid={textError ? 'true' : undefined} aria-describedby={textError ? 'field-text-error' : undefined}>
            {values?.text ?? ''}
          </textarea>
        </div>
        <TextField name="publishedOn" label={t('ingest.publishedOn')} hint={t('ingest.publishedOnHint')} type="date" value={values?.publishedOn} errors={errors} dir="ltr" />
        <FormActions>
          <button type="submit">{t('ingest.submit')}</button>
        </FormActions>
      </form>
      <h2>{t('ingest.documents')}</h2>
      <DataTable
        rows={documents}
        caption={t('ingest.documents')}
        empty={t('ingest.none')}
        columns={[
          { header: t('ingest.field.title'), cell: (row) => <a href={`/ingest/${row.document.id}`} dir="auto">{row.document.title}</a> },
          { header: t('ingest.publishedOn'), cell: (row) => row.document.publishedOn ?? '—', ltr: true },
          { header: t('ingest.ingestedAt'), cell: (row) => `${row.document.createdAt.toISOString().slice(0, 16).replace('T', ' ')} · ${row.document.createdByLabel}`, ltr: true },
          { header: t('ingest.facts'), cell: (row) => String(row.facts) },
          { header: t('ingest.waiting'), cell: (row) => String(row.waiting) },
        ]}
      />
    </Layout>
  );
}

/**
 * The text cut where facts start and end, each piece marked with the facts covering it; a fact's first
 * piece carries its anchor, so the list beside the text links to the words.
 */
function MarkedText({ text, facts }: { text: string; facts: FactRow[] }) {
  const marked = facts.filter((fact) => fact.kind !== 'readout');
  const cuts = [...new Set([0, text.length, ...marked.flatMap((fact) => [fact.start, fact.end])])].sort((a, b) => a - b);
  const anchored = new Set<number>();
  const pieces = cuts.slice(0, -1).map((from, index) => {
    const to = cuts[index + 1] as number;
    const covering = marked.filter((fact) => fact.start <= from && fact.end >= to && fact.start < fact.end);
    const piece = text.slice(from, to);
    if (!covering.length) return piece;
    const first = covering.find((fact) => fact.start === from && !anchored.has(fact.position));
    if (first) anchored.add(first.position);
    const status = covering.some((fact) => fact.status === 'proposed') ? 'proposed' : covering.every((fact) => fact.status === 'rejected') ? 'rejected' : 'accepted';
    return (
      <mark id={first ? `fact-${first.position}` : undefined} class={`span span--${covering[0]?.kind} span--${status}`} title={covering.map((fact) => `${fact.position + 1}`).join(', ')} data-facts={covering.map((fact) => fact.position).join(' ')}>
        {piece}
      </mark>
    );
  });
  return (
    <div class="ingest-text" dir="auto">
      {pieces}
    </div>
  );
}

const RECORD_PATHS: Record<string, (id: string) => string> = {
  meeting: (id) => `/meetings/${id}`,
  readout: (id) => `/desk/readouts/${id}`,
  incident: (id) => `/threats/incidents/${id}`,
  campaign: (id) => `/funding/campaigns/${id}`,
  // Commitments have no page: their address answers with their row in the register.
  commitment: (id) => `/commitments/${id}`,
  tasking: (id) => `/taskings/${id}`,
  'detention-site': (id) => `/detention/sites/${id}`,
  // A snapshot's address leads to its row on its site's page.
  'detention-snapshot': (id) => `/detention/snapshots/${id}`,
  partner: (id) => `/partners/${id}`,
  repatriation: (id) => `/detention/repatriations/${id}`,
  'justice-record': (id) => `/justice/records/${id}`,
};

/** The fields of each kind of fact in reading order (the database keeps a proposal's keys in its own order). */
const FIELD_ORDER: Record<string, string[]> = {
  meeting: ['title', 'date', 'format', 'setting', 'city', 'country', 'theaters', 'workingGroups', 'branches'],
  readout: ['title'],
  speaker: ['name', 'role'],
  'new-member': ['partner'],
  money: ['actor', 'amount', 'currency', 'kind', 'year', 'date', 'lowerBound', 'amountUsd'],
  incident: ['date', 'place', 'perpetrator'],
  reference: ['what', 'when', 'where', 'earlierMeetingId'],
  commitment: ['actor', 'kind', 'statement'],
  tasking: ['title', 'workingGroups', 'branches'],
  detention: ['site', 'population', 'date'],
  repatriation: ['state', 'count', 'kind', 'date'],
  prosecution: ['state', 'kind', 'count', 'accused', 'date', 'court'],
};
const ordered = (kind: string, values: Record<string, unknown>) => [...(FIELD_ORDER[kind] ?? []).filter((field) => field in values), ...Object.keys(values).filter((field) => !(FIELD_ORDER[kind] ?? []).includes(field))].map((field) => [field, values[field]] as const);

/** Fields whose values come from a fixed list, as the services know them. */
const CHOICES: Record<string, Record<string, readonly string[]>> = {
  meeting: { format: ['small-group', 'ministerial', 'working-group', 'focus-group', 'other'], setting: ['virtual', 'in-person', 'hybrid'] },
  money: { kind: ['pledged', 'goal', 'committed', 'disbursed', 'other'], lowerBound: ['true', 'false'] },
  commitment: { kind: ['intends', 'pledges', 'agrees', 'affirms', 'urges'] },
  prosecution: { kind: ['convicted', 'charged', 'acquitted', 'repatriated-and-prosecuted'] },
};

/** The catalogue group of a choice's words: a commitment's or a prosecution's kind has its own words; other fields share theirs. */
const choiceGroupOf = (kind: string, field: string) => ((kind === 'commitment' || kind === 'prosecution') && field === 'kind' ? kind : field);

/** A decided value as the reader says it: a choice (format, setting, kind, yes/no) in their language, never its code. */
function shownValue(ctx: PageContext, kind: string, field: string, value: unknown): string {
  const written = asFieldValue(value);
  const choiceGroup = choiceGroupOf(kind, field);
  if (CHOICES[kind]?.[field]?.includes(written)) return ctx.t(`ingest.choice.${choiceGroup}.${written}` as never);
  return written || '—';
}

function FactField({ ctx, kind, name, field, value, errors, hint }: { ctx: PageContext; kind: string; name: string; field: string; value: unknown; errors?: FieldProblem[]; hint?: string }) {
  const label = ctx.t(`ingest.field.${field}` as never);
  const choices = CHOICES[kind]?.[field];
  // The reader sees each choice in their language; the form sends the code the services know.
  const choiceGroup = choiceGroupOf(kind, field);
  if (choices) return <SelectField name={name} label={label} value={asFieldValue(value)} options={choices.map((choice) => [choice, ctx.t(`ingest.choice.${choiceGroup}.${choice}` as never)] as const)} errors={errors} emptyLabel="—" />;
  if (field === 'statement') {
    const error = fieldError(errors, name);
    return (
      <div class={`field${error ? ' field--invalid' : ''}`}>
        <label for={`field-${name}`}>{label}</label>
        {error && (
          <p class="field-error" id={`field-${name}-error`}>
            {error}
          </p>
        )}
        <textarea id={`field-${name}`} name={name} rows={4} dir="auto" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `field-${name}-error` : undefined}>
          {asFieldValue(value)}
        </textarea>
      </div>
    );
  }
  return <TextField name={name} label={label} value={asFieldValue(value)} errors={errors} hint={hint} />;
}

/** Figures a readout may give without a date (and a donor's sum, asked for the day of its contribution): the form proposes the meeting's date for them, and says so. */
const FIGURE_KINDS = new Set(['detention', 'repatriation', 'prosecution', 'money']);

/** The accepted meeting's date (or the one proposed for it): the date a figure the readout leaves undated most likely counts up to. */
function meetingDateOf(facts: FactRow[]): string | null {
  const meeting = facts.find((fact) => fact.kind === 'meeting');
  const date = (meeting?.accepted ?? meeting?.proposal)?.date;
  return typeof date === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(date) ? date : null;
}

/** A proposal's fields as the form starts them: an undated figure starts at the meeting's date, with a hint saying where that date came from (the date isolated left to right, so an Arabic hint does not reverse it). */
function formFields(ctx: PageContext, fact: FactRow, meetingDate: string | null) {
  return ordered(fact.kind, fact.proposal).map(([field, value]) => {
    const undated = FIGURE_KINDS.has(fact.kind) && field === 'date' && !value && meetingDate !== null;
    return { field, value: undated ? meetingDate : value, hint: undated ? ctx.t('ingest.meetingDateProposed', { date: `\u2066${meetingDate}\u2069` }) : undefined };
  });
}

/**
 * An error's field ("v3-year") as the reviewer knows it: the fact's number and the field's label; a field
 * the form does not show (a service's own, such as a snapshot's replacement reason) by the fact's kind.
 */
function reviewLabelOf(ctx: PageContext, facts: FactRow[]) {
  return (name: string) => {
    const match = /^v(\d+)-(\w+)$/.exec(name);
    const fact = match ? facts.find((candidate) => candidate.position === Number(match[1])) : undefined;
    if (!match || !fact) return undefined;
    const field = match[2] as string;
    return `${fact.position + 1}. ${field in fact.proposal ? ctx.t(`ingest.field.${field}` as never) : ctx.t(`ingest.kind.${fact.kind}` as never)}`;
  };
}

/** A proposal's values as the form's fields: lists as comma-separated text, the rest as text. */
const asFieldValue = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value));

/** The drop-down of meetings a reference may link to, the single likely one chosen; or a message when there is none to choose. */
function EarlierMeetingField({ ctx, name, offered, errors }: { ctx: PageContext; name: string; offered: EarlierMeetingChoices | undefined; errors?: FieldProblem[] }) {
  const error = fieldError(errors, name);
  if (!offered?.meetings.length) {
    return (
      // The error summary's link lands here when there is no drop-down to land on.
      <div class={`field${error ? ' field--invalid' : ''}`} id={`field-${name}`}>
        <p class="field-error" id={`field-${name}-error`}>
          {ctx.t('ingest.noEarlierMeeting')}
        </p>
      </div>
    );
  }
  const options = offered.meetings.map((meeting) => [meeting.id, `${meetingDay(meeting)} · ${translated(meeting, ctx.locale, 'title')}`] as const);
  return <SelectField name={name} label={ctx.t('ingest.field.earlierMeetingId')} value={offered.guess} options={options} errors={errors} emptyLabel="—" required />;
}

/** An accepted reference's meeting by its title and day; its id is never shown (a meeting the reader may not see stays unnamed). */
function linkedMeetingName(ctx: PageContext, references: ReferenceMeetings | undefined, value: unknown): string {
  const meeting = typeof value === 'string' ? references?.linked.get(value) : undefined;
  return meeting ? `${translated(meeting, ctx.locale, 'title')} (${meetingDate(meeting, ctx.locale)})` : '—';
}

function FactCard({ ctx, fact, text, errors, meetingDate: factsMeetingDate, references }: { ctx: PageContext; fact: FactRow; text: string; errors?: FieldProblem[]; meetingDate: string | null; references?: ReferenceMeetings }) {
  const { t } = ctx;
  const quote = fact.kind === 'readout' ? null : text.slice(fact.start, fact.end);
  const values = fact.accepted ?? fact.proposal;
  const prefix = `v${fact.position}-`;
  return (
    <li class={`fact fact--${fact.status}`} id={`review-${fact.position}`}>
      <h3>
        {fact.position + 1}. {t(`ingest.kind.${fact.kind}` as never)} · {t(`ingest.status.${fact.status}` as never)}
      </h3>
      {quote !== null && (
        <blockquote dir="auto">
          {/* Isolated, so an English quote keeps its quotation marks in place on an Arabic page. */}
          <a href={`#fact-${fact.position}`}>{t('ingest.quote')}</a>: <bdi>“{quote}”</bdi>
        </blockquote>
      )}
      {fact.status === 'proposed' ? (
        <form method="post" action={`/ingest/${fact.documentId}/facts/${fact.id}`} class="record-form">
          <CsrfField ctx={ctx} />
          {formFields(ctx, fact, factsMeetingDate).map(({ field, value, hint }) =>
            fact.kind === 'reference' && field === 'earlierMeetingId' ? (
              <EarlierMeetingField ctx={ctx} name={`${prefix}${field}`} offered={references?.choices.get(fact.id)} errors={errors} />
            ) : (
              <FactField ctx={ctx} kind={fact.kind} name={`${prefix}${field}`} field={field} value={value} errors={errors} hint={hint} />
            ),
          )}
          <TextField name={`${prefix}note`} label={t('ingest.note')} errors={errors} />
          <FormActions>
            <button type="submit" name="decision" value="accept">
              {t('ingest.accept')}
            </button>
            <button type="submit" name="decision" value="reject" class="button--secondary">
              {t('ingest.reject')}
            </button>
          </FormActions>
        </form>
      ) : (
        <>
          <dl class="facts">
            {ordered(fact.kind, values).map(([field, value]) => (
              <>
                <dt>{t(`ingest.field.${field}` as never)}</dt>
                <dd dir="auto">{fact.kind === 'reference' && field === 'earlierMeetingId' ? linkedMeetingName(ctx, references, value) : shownValue(ctx, fact.kind, field, value)}</dd>
              </>
            ))}
          </dl>
          <p>
            {t('ingest.decidedBy', { status: t(`ingest.status.${fact.status}` as never), who: fact.decidedByLabel ?? '—', date: fact.decidedAt?.toISOString().slice(0, 10) ?? '' })}
            {fact.note ? ` — ${fact.note}` : ''}
          </p>
          {fact.status === 'accepted' && (fact.recordType && fact.recordId ? <a href={RECORD_PATHS[fact.recordType]?.(fact.recordId) ?? '#'}>{t('ingest.record')}</a> : <p>{t('ingest.notedOnly')}</p>)}
        </>
      )}
    </li>
  );
}

export function ReviewPage({ ctx, document, facts, errors, errorFact, references }: { ctx: PageContext; document: DocumentRow; facts: FactRow[]; errors?: FieldProblem[]; errorFact?: string; references?: ReferenceMeetings }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={document.title}>
      <p>
        <a href="/ingest">{t('ingest.documents')}</a>
      </p>
      <h1 dir="auto">{document.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labelOf={reviewLabelOf(ctx, facts)} />
      {document.notes.length > 0 && (
        <section>
          <h2>{t('ingest.notes')}</h2>
          <ul>
            {document.notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </section>
      )}
      <div class="ingest-review">
        {/* It scrolls on its own beside the facts, so keyboard users must be able to reach it. */}
        <section aria-labelledby="ingest-text-heading" tabindex={0}>
          <h2 id="ingest-text-heading">{t('ingest.text')}</h2>
          {/* The marks differ by line style as well as colour; this key names each. */}
          <p class="hint mark-key">
            {t('ingest.marksKey')}{' '}
            {(['proposed', 'accepted', 'rejected'] as const).map((status) => (
              <>
                <mark class={`span span--${status}`}>{t(`ingest.status.${status}`)}</mark>{' '}
              </>
            ))}
          </p>
          <MarkedText text={document.text} facts={facts} />
        </section>
        <section aria-labelledby="ingest-facts-heading">
          <h2 id="ingest-facts-heading">{t('ingest.proposed')}</h2>
          <ol class="fact-list">
            {facts.map((fact) => (
              <FactCard ctx={ctx} fact={fact} text={document.text} errors={fact.id === errorFact ? errors : undefined} meetingDate={meetingDateOf(facts)} references={references} />
            ))}
          </ol>
        </section>
      </div>
    </Layout>
  );
}
