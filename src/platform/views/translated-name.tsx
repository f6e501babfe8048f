import type { FieldProblem } from '../errors.ts';
import { type TranslatableField, type Translatable, translatedText } from '../translated-text.ts';
import { TextField } from './forms.tsx';
import type { PageContext } from './page-context.ts';

/** The text for a page, wrapped in lang="en" when the reader's language has none yet. */
export function Translated<F extends TranslatableField>({ ctx, record, field }: { ctx: PageContext; record: Translatable<F>; field: F }) {
  const shown = translatedText(record, ctx.locale, field);
  return shown.lang === ctx.locale ? <>{shown.text}</> : <span lang={shown.lang}>{shown.text}</span>;
}

/** The French and Arabic inputs of a translatable field, for the record's form (empty = show the English). */
export function TranslationFields(props: { ctx: PageContext; field: TranslatableField; label: string; values: Record<string, unknown>; errors?: readonly FieldProblem[] }) {
  const { t } = props.ctx;
  const value = (suffix: 'Fr' | 'Ar') => (props.values[`${props.field}${suffix}`] as string | null | undefined) ?? '';
  return (
    <>
      <TextField name={`${props.field}Fr`} label={t('translations.fieldInFrench', { field: props.label })} hint={t('translations.fallbackHint')} value={value('Fr')} errors={props.errors} dir="ltr" />
      <TextField name={`${props.field}Ar`} label={t('translations.fieldInArabic', { field: props.label })} hint={t('translations.fallbackHint')} value={value('Ar')} errors={props.errors} dir="rtl" />
    </>
  );
}


/** A looked-up record's name, or a dash where the reader may not see it (or it is gone). */
export function translatedOrDash<F extends TranslatableField>(ctx: PageContext, record: Translatable<F> | undefined, field: F) {
  return record ? <Translated ctx={ctx} record={record} field={field} /> : '—';
}

/** A name that has no translation by nature (an acronym, an alias as sources spell it): marked English elsewhere. */
export function EnglishTerm({ ctx, text }: { ctx: PageContext; text: string }) {
  return ctx.locale === 'en' ? <>{text}</> : <bdi lang="en">{text}</bdi>;
}
