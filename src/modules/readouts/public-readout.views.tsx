import { LOCALE_NAMES, type Locale } from '../../platform/i18n/i18n.ts';
import { localizedPath } from '../../platform/i18n/path-locale.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { MeetingPlace } from '../meetings/meeting-place.view.tsx';
import { meetingWhen } from '../meetings/meeting-time.ts';
import { renderMarkdown, renderVersion } from './markdown.ts';
import type { TranslationRow } from './translations.service.ts';
import type { ReadoutRow, ReadoutVersionRow } from './readouts.repo.ts';
import { type Meeting, formatDay, publishedText, readoutPath } from './readouts.views.tsx';

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
          <dd><MeetingPlace meeting={meeting} locale={locale} t={t} /></dd>
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

