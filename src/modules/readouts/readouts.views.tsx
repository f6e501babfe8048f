import { intlLocale } from '../../platform/i18n/request-language.ts';
import { diffWords } from 'diff';
import type { FieldProblem } from '../../platform/errors.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { direction, LOCALE_NAMES, type Locale } from '../../platform/i18n/i18n.ts';
import { localizedPath } from '../../platform/i18n/path-locale.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { meetingWhen } from '../meetings/meeting-time.ts';
import type { TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import { renderMarkdown, renderVersion } from './markdown.ts';
import { TRANSLATION_LOCALES, type TranslationRow } from './translations.service.ts';
import type { ClearanceRow, PublishedReadout, ReadoutRow, ReadoutVersionRow } from './readouts.repo.ts';
import { dateTimeFormat } from '../../platform/i18n/formatters.ts';
import { Translated } from '../../platform/views/translated-name.tsx';

type Meeting = PublishedReadout['meeting'];

/**
 * When a readout was published, as far as anyone knows: a readout cleared and published outside the
 * platform shows the day its source gives, or says the day is not known, never the day it was recorded.
 */
function publishedText(ctx: PageContext, readout: ReadoutRow, withLabel = true): string {
  const { t, locale } = ctx;
  if (readout.clearedOutside) {
    if (!readout.publishedOutsideOn) return t('readouts.publishedOutside');
    return t('readouts.publishedOutsideOn', { date: formatDay(new Date(`${readout.publishedOutsideOn}T12:00:00Z`), locale) });
  }
  const date = formatDay(readout.publishedAt as Date, locale);
  return withLabel ? t('readouts.publishedOn', { date }) : date;
}

function formatDay(date: Date, locale: string): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function readoutPath(readout: Pick<ReadoutRow, 'year' | 'slug'>): string {
  return `/readouts/${readout.year}/${readout.slug}`;
}

export function PublicReadoutListPage(props: {
  ctx: PageContext;
  rows: PublishedReadout[];
  total: number;
  query: { q?: string; year?: number; groupId?: string; theater?: string; page?: number; pageSize?: number };
  groups: GroupRow[];
  theaters: TheaterRow[];
  /** Titles in the reader's language, by readout, where a translation exists. */
  translatedTitles?: Map<string, string>;
}) {
  const { ctx, query } = props;
  const { t, locale } = ctx;
  const filters = { q: query.q, year: query.year, groupId: query.groupId, theater: query.theater };
  return (
    <Layout ctx={ctx} title={t('readouts.title')}>
      <h1>{t('readouts.title')}</h1>
      <form method="get" action="/readouts" class="filters" role="search">
        <TextField name="q" label={t('list.search')} value={query.q} />
        <TextField name="year" label={t('meetings.year')} type="number" value={query.year ? String(query.year) : undefined} />
        <SelectField name="groupId" label={t('meetings.group')} value={query.groupId} emptyLabel={t('list.all')} options={props.groups.map((g) => [g.id, g.name])} />
        <SelectField name="theater" label={t('meetings.theater')} value={query.theater} emptyLabel={t('list.all')} options={props.theaters.map((th) => [th.slug, theaterName(th, locale)])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <p>
        <a href="/readouts/feed.atom">{t('readouts.feed')}</a>
      </p>
      <p role="status">{t('list.count', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{t('readouts.empty')}</p>
      ) : (
        <ol class="readout-list">
          {props.rows.map(({ readout, version, meeting }) => (
            <li>
              {/* Readouts are written in English; the reader's translation is listed where there is one. */}
              <h2 lang={props.translatedTitles?.has(readout.id) ? locale : 'en'} dir="auto">
                <a href={readoutPath(readout)}>{props.translatedTitles?.get(readout.id) ?? version.title}</a>
              </h2>
              <p class="muted">
                {publishedText(ctx, readout)} · {meetingWhen(meeting, locale)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination ctx={ctx} basePath="/readouts" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 20} total={props.total} />
    </Layout>
  );
}

export function PublicReadoutPage(props: { ctx: PageContext; readout: ReadoutRow; version: ReadoutVersionRow; meeting: Meeting; versions: ReadoutVersionRow[]; translations: TranslationRow[] }) {
  const { ctx, readout, version, meeting } = props;
  const { t, locale } = ctx;
  const corrections = props.versions.filter((v) => v.correctionNote);
  // The reader's language if the readout has it, else the English original (said so, for a reader of another language).
  const translation = props.translations.find((candidate) => candidate.locale === locale);
  const shown = translation ? { title: translation.title, lang: translation.locale } : { title: version.title, lang: 'en' };
  const languages = ['en', ...props.translations.map((candidate) => candidate.locale)] as Locale[];
  return (
    <Layout ctx={ctx} title={shown.title}>
      <article class="readout">
        <p>
          <a href="/readouts">{t('readouts.backToList')}</a>
        </p>
        <h1 lang={shown.lang} dir="auto">
          {shown.title}
        </h1>
        {languages.length > 1 && (
          <p class="readout-languages">
            {t('translations.available')}{' '}
            {languages.map((code, index) => (
              <>
                {index > 0 && ' · '}
                <a href={localizedPath(code, readoutPath(readout))} hrefLang={code} lang={code} aria-current={code === shown.lang ? 'true' : undefined}>
                  {LOCALE_NAMES[code]}
                </a>
              </>
            ))}
          </p>
        )}
        {locale !== 'en' && !translation && <p class="notice">{t('translations.notTranslated')}</p>}
        <dl class="facts">
          <dt>{t('meetings.when')}</dt>
          <dd>
            <a href={`/meetings/${meeting.id}`}>{meetingWhen(meeting, locale)}</a>
          </dd>
          <dt>{t('meetings.setting')}</dt>
          <dd>{[t(`meetingSetting.${meeting.setting}` as never), meeting.city].filter(Boolean).join(', ')}</dd>
          <dt>{t('readouts.published')}</dt>
          <dd>{publishedText(ctx, readout, false)}</dd>
        </dl>
        {/* Rendered by renderMarkdown: raw HTML escaped, output sanitised to an allow-list. */}
        <div class="readout-body" lang={shown.lang} dir="auto" dangerouslySetInnerHTML={{ __html: translation ? renderMarkdown(translation.bodyMarkdown) : renderVersion(version) }} />
        {corrections.length > 0 && (
          <section aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">{t('readouts.corrections')}</h2>
            <ul>
              {corrections.map((v) => (
                <li>
                  {formatDay(v.createdAt, locale)}: {v.correctionNote}
                </li>
              ))}
            </ul>
            <h3>{t('readouts.earlierVersions')}</h3>
            {props.versions
              .filter((v) => v.number < version.number)
              .map((v) => (
                <details>
                  <summary>
                    {t('readouts.versionOf', { number: v.number, date: formatDay(v.createdAt, locale) })}
                  </summary>
                  <h4>{v.title}</h4>
                  <div class="readout-body" lang="en" dir="auto" dangerouslySetInnerHTML={{ __html: renderVersion(v) }} />
                </details>
              ))}
          </section>
        )}
      </article>
    </Layout>
  );
}

export function DeskListPage(props: { ctx: PageContext; found: { rows: { readout: ReadoutRow; meeting: Meeting; title: string }[]; total: number; page: number; pageSize: number }; inbox: { awaitingClearance: { id: string; title: string }[]; returned: { id: string; title: string; comment: string }[] } }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('desk.title')}>
      <h1>{t('desk.title')}</h1>
      {props.inbox.awaitingClearance.length > 0 && (
        <section class="alert" aria-labelledby="awaiting-heading">
          <h2 id="awaiting-heading">{t('desk.awaitingClearance', { count: props.inbox.awaitingClearance.length })}</h2>
          <ul>
            {props.inbox.awaitingClearance.map((r) => (
              <li>
                <a href={`/desk/readouts/${r.id}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.inbox.returned.length > 0 && (
        <section class="alert" aria-labelledby="returned-heading">
          <h2 id="returned-heading">{t('desk.returned', { count: props.inbox.returned.length })}</h2>
          <ul>
            {props.inbox.returned.map((r) => (
              <li>
                <a href={`/desk/readouts/${r.id}`}>{r.title}</a>: {r.comment}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable
        caption={t('desk.title')}
        rows={props.found.rows}
        empty={t('desk.empty')}
        columns={[
          { header: t('meetings.titleField'), cell: (r) => <a href={`/desk/readouts/${r.readout.id}`}>{r.title}</a> },
          { header: t('readouts.meeting'), cell: (r) => <a href={`/meetings/${r.meeting.id}`}>{meetingWhen(r.meeting, locale)}</a> },
          { header: t('readouts.status'), cell: (r) => t(`readoutStatus.${r.readout.status}` as never) },
          { header: t('readouts.version'), cell: (r) => r.readout.currentVersion },
        ]}
      />
      <Pagination ctx={ctx} basePath="/desk/readouts" query={{}} page={props.found.page} pageSize={props.found.pageSize} total={props.found.total} />
    </Layout>
  );
}

export interface DeskPermissions {
  write: boolean;
  clear: boolean;
}

export function DeskReadoutPage(props: {
  ctx: PageContext;
  readout: ReadoutRow;
  meeting: Meeting;
  versions: ReadoutVersionRow[];
  clearances: ClearanceRow[];
  coLeadNames: Map<string, string>;
  may: DeskPermissions;
  draft?: { title: string; bodyMarkdown: string; correctionNote?: string };
  conflict?: { number: number; title: string; bodyMarkdown: string; authorLabel: string };
  errors?: FieldProblem[];
  message?: string;
  translations?: TranslationRow[];
}) {
  const { ctx, readout, versions } = props;
  const { t, locale } = ctx;
  const current = versions.at(-1) as ReadoutVersionRow;
  const draft = props.draft ?? current;
  const currentClearances = props.clearances.filter((c) => c.versionNumber === readout.currentVersion);
  const editable = props.may.write && readout.status !== 'withdrawn';
  return (
    <Layout ctx={ctx} title={current.title}>
      <p>
        <a href="/desk/readouts">{t('desk.backToList')}</a>
      </p>
      <h1>{current.title}</h1>
      <p>
        {t('readouts.status')}: <strong>{t(`readoutStatus.${readout.status}` as never)}</strong> · {t('readouts.version')} {readout.currentVersion} ·{' '}
        <a href={`/meetings/${props.meeting.id}`}>
          <Translated ctx={ctx} record={props.meeting} field="title" />
        </a>
        {readout.status === 'published' && (
          <>
            {' '}
            · <a href={readoutPath(readout)}>{t('desk.viewPublished')}</a>
          </>
        )}
      </p>
      {props.message && (
        <p class="alert" role="alert">
          {props.message}
        </p>
      )}
      {props.conflict && (
        <div class="alert" role="alert">
          <p>{t('desk.conflict', { number: props.conflict.number, author: props.conflict.authorLabel })}</p>
          <h2>{t('desk.theirVersion')}</h2>
          <pre class="conflict-text">{`${props.conflict.title}\n\n${props.conflict.bodyMarkdown}`}</pre>
          <p>{t('desk.yourVersionBelow')}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />

      <h2>{t('desk.clearance')}</h2>
      {readout.clearedOutside ? (
        <p>{t('readouts.clearedOutside')}</p>
      ) : (
      <ul>
        {[...props.coLeadNames].map(([partnerId, name]) => {
          const decision = currentClearances.filter((c) => c.partnerId === partnerId).at(-1);
          return (
            <li>
              {name}: {decision ? t(`clearanceDecision.${decision.decision}` as never) : t('desk.pending')}
              {decision?.comment ? ` — “${decision.comment}”` : ''}
            </li>
          );
        })}
      </ul>
      )}
      {props.may.clear && readout.status === 'in-clearance' && (
        <form method="post" action={`/desk/readouts/${readout.id}/clearance`} class="record-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(readout.currentVersion)} />
          <TextField name="comment" label={t('desk.comment')} hint={t('desk.commentHint')} errors={props.errors} />
          <FormActions>
            <button type="submit" name="decision" value="cleared">
              {t('desk.clear')}
            </button>
            <button type="submit" name="decision" value="returned" class="button--secondary">
              {t('desk.return')}
            </button>
          </FormActions>
        </form>
      )}

      {editable && (
        <>
          <h2>{readout.status === 'published' ? t('desk.correct') : t('desk.edit')}</h2>
          <form method="post" action={`/desk/readouts/${readout.id}`} class="record-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="baseVersion" value={String(props.conflict?.number ?? readout.currentVersion)} />
            <TextField name="title" label={t('meetings.titleField')} value={draft.title} required errors={props.errors} />
            <div class="field">
              <label for="field-bodyMarkdown">{t('desk.body')}</label>
              <p class="hint">{t('desk.bodyHint')}</p>
              <textarea id="field-bodyMarkdown" name="bodyMarkdown" rows={18} dir="auto" required>
                {draft.bodyMarkdown}
              </textarea>
            </div>
            {readout.status === 'published' && <TextField name="correctionNote" label={t('desk.correctionNote')} value={props.draft?.correctionNote} required errors={props.errors} />}
            <FormActions>
              <button type="submit">{t('form.save')}</button>
            </FormActions>
          </form>
          <h2>{t('desk.workflow')}</h2>
          <div class="form-actions">
            {readout.status === 'draft' && (
              <form method="post" action={`/desk/readouts/${readout.id}/submit`}>
                <CsrfField ctx={ctx} />
                <button type="submit">{t('desk.submit')}</button>
              </form>
            )}
            {readout.status === 'cleared' && (
              <form method="post" action={`/desk/readouts/${readout.id}/publish`}>
                <CsrfField ctx={ctx} />
                <SelectField name="as" label={t('desk.publishAs')} value="public" options={[['public', t('classification.public')], ['coalition', t('classification.coalition')]]} />
                <button type="submit">{t('desk.publish')}</button>
              </form>
            )}
            <form method="post" action={`/desk/readouts/${readout.id}/withdraw`}>
              <CsrfField ctx={ctx} />
              <button type="submit" class="button--secondary">
                {t('desk.withdraw')}
              </button>
            </form>
          </div>
        </>
      )}

      <h2>{t('desk.history')}</h2>
      <DataTable
        caption={t('desk.history')}
        rows={[...versions].reverse()}
        empty=""
        columns={[
          { header: t('readouts.version'), cell: (v) => v.number },
          { header: t('desk.savedBy'), cell: (v) => v.authorLabel, ltr: true },
          { header: t('audit.when'), cell: (v) => `${v.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, ltr: true },
          { header: t('desk.correctionNote'), cell: (v) => v.correctionNote ?? '' },
          { header: t('desk.compare'), cell: (v) => (v.number > 1 ? <a href={`/desk/readouts/${readout.id}/diff?from=${v.number - 1}&to=${v.number}`}>{t('desk.compareWithPrevious')}</a> : '') },
        ]}
      />
      {versions.length > 1 && (
        <form method="get" action={`/desk/readouts/${readout.id}/diff`} class="filters">
          <SelectField name="from" label={t('desk.compareFrom')} value={String(versions.length - 1)} options={versions.map((v) => [String(v.number), String(v.number)])} />
          <SelectField name="to" label={t('desk.compareTo')} value={String(versions.length)} options={versions.map((v) => [String(v.number), String(v.number)])} />
          <FormActions>
            <button type="submit">{t('desk.compare')}</button>
          </FormActions>
        </form>
      )}
      <h2>{t('desk.decisions')}</h2>
      <DataTable
        caption={t('desk.decisions')}
        rows={props.clearances}
        empty={t('desk.noDecisions')}
        columns={[
          { header: t('readouts.version'), cell: (c) => c.versionNumber },
          { header: t('people.partner'), cell: (c) => props.coLeadNames.get(c.partnerId) ?? c.partnerId },
          { header: t('desk.decision'), cell: (c) => t(`clearanceDecision.${c.decision}` as never) },
          { header: t('desk.comment'), cell: (c) => c.comment },
          { header: t('audit.when'), cell: (c) => formatDay(c.decidedAt, locale) },
        ]}
      />
      {editable && <TranslationForms ctx={ctx} readoutId={readout.id} translations={props.translations ?? []} />}
    </Layout>
  );
}

/** One form per language the readout can be translated into, holding the translation saved so far. */
function TranslationForms({ ctx, readoutId, translations }: { ctx: PageContext; readoutId: string; translations: TranslationRow[] }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('translations.title')}</h2>
      <p>{t('translations.intro')}</p>
      {TRANSLATION_LOCALES.map((code) => {
        const saved = translations.find((translation) => translation.locale === code);
        return (
          <form method="post" action={`/desk/readouts/${readoutId}/translations/${code}`} class="record-form" lang={code} dir={direction(code)}>
            <h3>{t('translations.in', { language: LOCALE_NAMES[code] })}</h3>
            <CsrfField ctx={ctx} />
            <div class="field">
              <label for={`translation-${code}-title`}>{t('translations.titleIn', { language: LOCALE_NAMES[code] })}</label>
              <input id={`translation-${code}-title`} name="title" value={saved?.title ?? ''} required maxLength={500} />
            </div>
            <div class="field">
              <label for={`translation-${code}-body`}>{t('translations.bodyIn', { language: LOCALE_NAMES[code] })}</label>
              <textarea id={`translation-${code}-body`} name="bodyMarkdown" rows={10} required>
                {saved?.bodyMarkdown ?? ''}
              </textarea>
            </div>
            {saved && <p class="hint">{t('translations.savedBy', { who: saved.translatorLabel, date: formatDay(saved.updatedAt, locale) })}</p>}
            <FormActions>
              <button type="submit">{t('translations.save')}</button>
            </FormActions>
          </form>
        );
      })}
    </section>
  );
}

export function DiffPage(props: { ctx: PageContext; readoutId: string; from: ReadoutVersionRow; to: ReadoutVersionRow }) {
  const { ctx, from, to } = props;
  const { t } = ctx;
  const parts = diffWords(`${from.title}\n\n${from.bodyMarkdown}`, `${to.title}\n\n${to.bodyMarkdown}`);
  return (
    <Layout ctx={ctx} title={t('desk.diffTitle', { from: from.number, to: to.number })}>
      <p>
        <a href={`/desk/readouts/${props.readoutId}`}>{t('desk.backToReadout')}</a>
      </p>
      <h1>{t('desk.diffTitle', { from: from.number, to: to.number })}</h1>
      <p class="muted">{t('desk.diffLegend')}</p>
      <pre class="diff" dir="auto">
        {parts.map((part) => (part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : <span>{part.value}</span>))}
      </pre>
    </Layout>
  );
}
