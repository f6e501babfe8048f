import { formatDay } from './readouts.views.tsx';
import { CsrfField, FormActions } from '../../platform/views/forms.tsx';
import { direction, LOCALE_NAMES } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import { TRANSLATION_LOCALES, type TranslationRow } from './translations.service.ts';

/** One form per language the readout can be translated into, holding the translation saved so far. */
export function TranslationForms({ ctx, readoutId, translations }: { ctx: PageContext; readoutId: string; translations: TranslationRow[] }) {
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

