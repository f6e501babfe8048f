import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationFields } from '../partners/partners.views.tsx';
import { CATEGORIES } from './detention.schema.ts';

/**
 * A new head count for the site, with its breakdowns one "KEY NUMBER" a line. After a refusal for a date
 * that already has a figure, it asks why the new one replaces the old (`duplicate` says which).
 */
export function SnapshotForm(props: { ctx: PageContext; siteId: string; groups: GroupRow[]; values: Record<string, unknown>; errors?: FieldProblem[]; duplicate?: string }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <form method="post" action={`/detention/sites/${props.siteId}/snapshots`} class="record-form" id="new-snapshot">
      <h2>{t('detention.addSnapshot')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.duplicate && (
        <p class="alert" role="alert">
          {props.duplicate}
        </p>
      )}
      <CsrfField ctx={ctx} />
      <TextField name="asOf" label={t('detention.asOf')} value={text('asOf')} errors={errors} required hint={t('form.partialDateHint')} />
      <TextField name="total" label={t('detention.population')} value={text('total')} errors={errors} type="number" />
      <div class="field">
        <label for="field-nationalities">{t('detention.nationalitiesField')}</label>
        <p class="hint" id="field-nationalities-hint">{t('detention.nationalitiesHint')}</p>
        <textarea id="field-nationalities" name="nationalities" rows={4} dir="ltr" aria-describedby="field-nationalities-hint">
          {text('nationalities') ?? ''}
        </textarea>
      </div>
      <div class="field">
        <label for="field-categories">{t('detention.categoriesField')}</label>
        <p class="hint" id="field-categories-hint">{t('detention.categoriesHint', { categories: CATEGORIES.join(', ') })}</p>
        <textarea id="field-categories" name="categories" rows={3} dir="ltr" aria-describedby="field-categories-hint">
          {text('categories') ?? ''}
        </textarea>
      </div>
      <div class="field">
        <label>
          <input type="checkbox" name="partial" value="true" checked={values.partial === true || values.partial === 'true'} /> {t('detention.partial')}
        </label>
      </div>
      <TextField name="note" label={t('detention.note')} value={text('note')} errors={errors} maxLength={2000} />
      <TextField name="source" label={t('funding.source')} value={text('source')} errors={errors} required maxLength={5000} />
      <SelectField name="confidence" label={t('funding.confidence')} value={text('confidence')} emptyLabel="—" options={['high', 'medium', 'low'].map((c) => [c, t(`justice.confidence.${c}` as never)])} errors={errors} />
      {props.duplicate && <TextField name="replaceReason" label={t('detention.replaceReason')} value={text('replaceReason')} errors={errors} required maxLength={2000} />}
      <ClassificationFields ctx={ctx} value={text('classification') ?? 'restricted'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={props.groups} errors={errors} />
      <FormActions>
        <button type="submit">{t('form.save')}</button>
      </FormActions>
    </form>
  );
}
