import { DataTable } from '../../platform/views/data-table.tsx';
import { FormActions, SelectField } from '../../platform/views/forms.tsx';
import { formatDay } from './readouts.views.tsx';
import type { DeskReadoutProps } from './readouts.views.tsx';

/** The versions saved, comparing two of them, and the clearance decisions taken. */
export function DeskHistory(props: DeskReadoutProps) {
  const { ctx, readout } = props;
  const { t } = ctx;
  const { versions } = props;
  const { locale } = ctx;
  return (
    <>
      <h2>{t('desk.history')}</h2>
      <DataTable
        caption={t('desk.history')}
        rows={[...versions].reverse()}
        empty=""
        columns={[
          { header: t('readouts.version'), cell: (v) => v.number },
          { header: t('desk.savedBy'), cell: (v) => v.authorLabel, ltr: true },
          { header: t('audit.when'), cell: (v) => `${v.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, ltr: true },
          { header: t('desk.correctionNote'), cell: (v) => v.correctionNote ?? '' },
          { header: t('desk.compare'), cell: (v) => (v.number > 1 ? <a href={`/desk/readouts/${readout.id}/diff?from=${v.number - 1}&to=${v.number}`}>{t('desk.compareWithPrevious')}</a> : '') },
        ]}
      />
      {versions.length > 1 && (
        <form method="get" action={`/desk/readouts/${readout.id}/diff`} class="filters">
          <SelectField name="from" label={t('desk.compareFrom')} value={String(versions.length - 1)} options={versions.map((v) => [String(v.number), String(v.number)])} />
          <SelectField name="to" label={t('desk.compareTo')} value={String(versions.length)} options={versions.map((v) => [String(v.number), String(v.number)])} />
          <FormActions>
            <button type="submit">{t('desk.compare')}</button>
          </FormActions>
        </form>
      )}
      <h2>{t('desk.decisions')}</h2>
      <DataTable
        caption={t('desk.decisions')}
        rows={props.clearances}
        empty={t('desk.noDecisions')}
        columns={[
          { header: t('readouts.version'), cell: (c) => c.versionNumber },
          { header: t('people.partner'), cell: (c) => props.coLeadNames.get(c.partnerId) ?? c.partnerId },
          { header: t('desk.decision'), cell: (c) => t(`clearanceDecision.${c.decision}` as never) },
          { header: t('desk.comment'), cell: (c) => c.comment },
          { header: t('audit.when'), cell: (c) => formatDay(c.decidedAt, locale) },
        ]}
      />
    </>
  );
}
