import { CsrfField, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import type { ReadoutVersionRow } from './readouts.repo.ts';
import type { DeskReadoutProps } from './readouts.views.tsx';

/** Editing (or correcting, once published) the text, and moving the readout through its workflow. */
export function DeskEditing(props: DeskReadoutProps) {
  const { ctx, readout } = props;
  const { t } = ctx;
  const draft = props.draft ?? (props.versions.at(-1) as ReadoutVersionRow);
  return (
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
  );
}
