import type { RowProblem } from '../csv-import.ts';
import { DataTable } from './data-table.tsx';
import type { PageContext } from './page-context.ts';

/** Why an uploaded file imported nothing: one row per problem, by line and column. */
export function ImportProblems({ ctx, problems }: { ctx: PageContext; problems?: RowProblem[] }) {
  const { t } = ctx;
  if (!problems?.length) return null;
  return (
    <div class="error-summary" role="alert">
      <h2>{t('import.rejected', { count: problems.length })}</h2>
      <DataTable
        caption={t('import.rejected', { count: problems.length })}
        rows={problems}
        empty=""
        columns={[
          { header: t('import.line'), cell: (p) => String(p.line) },
          { header: t('import.column'), cell: (p) => p.field, ltr: true },
          { header: t('import.problem'), cell: (p) => p.message },
        ]}
      />
    </div>
  );
}

/** What an upload came to: how much was imported, or why nothing was (a message, or problems by line). */
export function UploadOutcome({ ctx, done, message, problems }: { ctx: PageContext; done?: string; message?: string; problems?: RowProblem[] }) {
  return (
    <>
      {done && (
        <p role="status" class="notice">
          {done}
        </p>
      )}
      {message && (
        <p role="alert" class="alert">
          {message}
        </p>
      )}
      <ImportProblems ctx={ctx} problems={problems} />
    </>
  );
}

/** The file picker of an upload form. */
export function FileField({ label, name = 'file', accept = '.csv,text/csv', required = true }: { label: string; name?: string; accept?: string; required?: boolean }) {
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <input id={`field-${name}`} type="file" name={name} accept={accept} required={required} />
    </div>
  );
}
