import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../errors.ts';
import { CsrfField, FormActions, TextField } from './forms.tsx';
import type { PageContext } from './page-context.ts';

/** A one-button review action (verify) on a versioned record: a stale version is refused, never applied. */
export function VersionedActionForm({ ctx, action, version, label }: { ctx: PageContext; action: string; version: number; label: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit">{label}</button>
    </form>
  );
}

/** The fold-out correction form: the record's fields, the version read, and the reason kept on record. */
export function CorrectionForm(props: { ctx: PageContext; action: string; version: unknown; open: boolean; errors?: FieldProblem[]; children: ComponentChildren }) {
  const { t } = props.ctx;
  return (
    <details open={props.open}>
      <summary>{t('funding.correct')}</summary>
      <form method="post" action={props.action} class="record-form">
        <CsrfField ctx={props.ctx} />
        <input type="hidden" name="version" value={String(props.version)} />
        {props.children}
        <TextField name="reason" label={t('funding.correctReason')} errors={props.errors} required maxLength={2000} />
        <FormActions>
          <button type="submit">{t('funding.correctSubmit')}</button>
        </FormActions>
      </form>
    </details>
  );
}

/**
 * The review controls of a figure a delegate reports and the secretariat verifies (justice records,
 * repatriations, contributions): verify while it is not verified, whatever else the module adds (a
 * rejection), and the correction form with the record's own fields.
 */
export function ReviewControls(props: {
  ctx: PageContext;
  /** The record's own address; the forms post to …/verify and …/correct. */
  action: string;
  record: { status: string; version: number };
  may: { verify: boolean; correct: boolean };
  verifyLabel: string;
  /** The record's fields for the correction form, when the reader may correct it. */
  correction?: { version: unknown; open: boolean; errors?: FieldProblem[]; fields: ComponentChildren };
  children?: ComponentChildren;
}) {
  const { ctx, action, record, may, correction } = props;
  return (
    <>
      {may.verify && record.status !== 'verified' && <VersionedActionForm ctx={ctx} action={`${action}/verify`} version={record.version} label={props.verifyLabel} />}
      {props.children}
      {may.correct && correction && (
        <CorrectionForm ctx={ctx} action={`${action}/correct`} version={correction.version} open={correction.open} errors={correction.errors}>
          {correction.fields}
        </CorrectionForm>
      )}
    </>
  );
}
