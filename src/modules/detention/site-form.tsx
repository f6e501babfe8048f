import type { FieldProblem } from '../../platform/errors.ts';
import { SelectField, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import { TranslationFields } from '../../platform/views/translated-name.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationFields } from '../partners/partners.views.tsx';
import { SITE_KINDS } from './detention.schema.ts';
import { AggregateOnlyNotice } from './detention.views.tsx';

/**
 * A site's form, to add one (`version` absent) or to edit it, French and Arabic names included: the
 * English name and region are the reference, the translations fall back to them when left empty.
 */
export function SiteFormPage(props: { ctx: PageContext; title: string; action: string; cancelHref: string; values: Record<string, unknown>; groups: GroupRow[]; errors?: FieldProblem[]; stale?: boolean }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <RecordFormPage ctx={ctx} title={props.title} action={props.action} cancelHref={props.cancelHref} version={values.version} errors={errors} stale={props.stale}>
      <AggregateOnlyNotice ctx={ctx} />
      <TextField name="name" label={t('detention.site')} value={text('name')} errors={errors} required maxLength={200} />
      <TranslationFields ctx={ctx} field="name" label={t('detention.site')} values={values} errors={errors} />
      <SelectField name="kind" label={t('detention.kind')} value={text('kind')} options={SITE_KINDS.map((kind) => [kind, t(`detention.kind.${kind}` as never)])} errors={errors} required />
      <TextField name="region" label={t('detention.region')} value={text('region')} errors={errors} maxLength={200} />
      <TranslationFields ctx={ctx} field="region" label={t('detention.region')} values={values} errors={errors} />
      <TextField name="countryIso3" label={t('partners.iso3')} value={text('countryIso3')} errors={errors} maxLength={3} />
      <TextField name="latitude" label={t('detention.latitude')} value={text('latitude')} errors={errors} inputMode="decimal" />
      <TextField name="longitude" label={t('detention.longitude')} value={text('longitude')} errors={errors} inputMode="decimal" />
      <TextField name="operator" label={t('detention.operator')} value={text('operator')} errors={errors} maxLength={300} />
      <TextField name="knownFrom" label={t('detention.knownFrom')} value={text('knownFrom')} errors={errors} hint={t('form.partialDateHint')} />
      <TextField name="knownTo" label={t('detention.knownTo')} value={text('knownTo')} errors={errors} hint={t('form.partialDateHint')} />
      <TextField name="source" label={t('funding.source')} value={text('source')} errors={errors} required maxLength={5000} />
      <ClassificationFields ctx={ctx} value={text('classification') ?? 'restricted'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}
