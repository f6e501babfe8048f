import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../errors.ts';
import { CsrfField, ErrorSummary, FormActions } from './forms.tsx';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/**
 * The page around every create/edit form: title, the stale-version warning, the error summary, the
 * CSRF and version fields, and the save/cancel actions. Each form supplies only its own fields.
 */
export function RecordFormPage(props: {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  version?: unknown;
  errors?: FieldProblem[];
  /** Set after a save lost to someone else's: the user's values are shown again with this warning. */
  stale?: boolean;
  /** What is saved now, shown beside the warning when the form can summarise it. */
  currentSaved?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      {props.stale && (
        <div class="alert" role="alert">
          <p>{t('form.staleVersion')}</p>
          {props.currentSaved && (
            <p>
              {t('form.currentSaved')}: {props.currentSaved}
            </p>
          )}
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={props.action} class="record-form">
        <CsrfField ctx={ctx} />
        {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
        {props.children}
        <FormActions>
          <button type="submit">{t('form.save')}</button> <a href={props.cancelHref}>{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}
