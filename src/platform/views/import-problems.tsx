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
