import type { Translate } from '../../platform/i18n/i18n.ts';
import type { NationalityRow } from './nationalities.service.ts';

/** The nationalities table as plain rows for CSV and XLSX: the same columns the page shows. */
export function nationalitiesSheet(t: Translate, rows: NationalityRow[], years: string[], name: (key: string) => string) {
  const columns = [t('detention.nationality'), 'ISO', t('detention.held'), t('detention.heldAsOf'), t('detention.change'), ...years.map((year) => t('detention.repatriatedIn', { year })), t('detention.repatriatedTotal')];
  const body = rows.map((row) => [
    name(row.key),
    row.key,
    row.held,
    row.heldAsOf,
    row.held !== null && row.previousHeld !== null ? row.held - row.previousHeld : null,
    ...years.map((year) => row.repatriatedByYear[year] ?? null),
    row.repatriatedTotal,
  ]);
  return { columns, rows: body };
}
