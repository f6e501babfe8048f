import type { FieldProblem } from '../../platform/errors.ts';
import { SelectField, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationFields } from '../partners/partners.views.tsx';
import { TIME_ZONES } from './meeting-time.ts';
import { MEETING_FORMATS, MEETING_SETTINGS } from './meetings.schema.ts';
import { translated } from '../../platform/translated-text.ts';
import { TranslationFields } from '../../platform/views/translated-name.tsx';

export function MeetingFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: Record<string, unknown>;
  groups: GroupRow[];
  errors?: FieldProblem[];
  stale?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <RecordFormPage ctx={ctx} title={props.title} action={props.action} cancelHref="/meetings" version={values.version} errors={errors} stale={props.stale}>
      <TextField name="title" label={t('meetings.titleField')} value={text('title')} required errors={errors} />
      <TranslationFields ctx={ctx} field="title" label={t('meetings.titleField')} values={values} errors={errors} />
      <SelectField name="format" label={t('meetings.format')} value={text('format')} required options={MEETING_FORMATS.map((f) => [f, t(`meetingFormat.${f}` as never)])} errors={errors} />
      <SelectField name="groupId" label={t('meetings.group')} value={text('groupId')} emptyLabel="—" options={props.groups.map((g) => [g.id, translated(g, ctx.locale, 'name')])} errors={errors} />
      <SelectField name="setting" label={t('meetings.setting')} value={text('setting')} required options={MEETING_SETTINGS.map((s) => [s, t(`meetingSetting.${s}` as never)])} errors={errors} />
      <TextField name="city" label={t('meetings.city')} value={text('city')} errors={errors} />
      <TextField name="countryIso3" label={t('meetings.country')} value={text('countryIso3')} hint={t('partners.iso3Hint')} maxLength={3} dir="ltr" errors={errors} />
      <TextField name="startsLocal" label={t('meetings.starts')} type="datetime-local" value={text('startsLocal')} required errors={errors} />
      <TextField name="endsLocal" label={t('meetings.ends')} type="datetime-local" value={text('endsLocal')} required errors={errors} />
      <SelectField name="timeZone" label={t('meetings.timeZone')} value={text('timeZone') ?? 'UTC'} required options={TIME_ZONES.map((z) => [z, z])} errors={errors} />
      <TextField name="notes" label={t('meetings.notes')} value={text('notes')} errors={errors} />
      <TextField name="source" label={t('partners.source')} value={text('source')} errors={errors} />
      <ClassificationFields ctx={ctx} value={text('classification') ?? 'coalition'} restrictedGroupIds={values.restrictedGroupIds as string[]} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}

