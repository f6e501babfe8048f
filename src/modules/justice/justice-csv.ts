import countries from 'i18n-iso-countries';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { ImportRejected, readCsvRecords, type RowProblem } from '../../platform/csv-import.ts';
import { Forbidden, HttpProblem, InvalidInput } from '../../platform/errors.ts';
import { say } from '../../platform/i18n/say.ts';
import type { JusticeFigure } from './justice.repo.ts';
import { reportJustice } from './justice.service.ts';

/** The columns of justice_cases.csv, so the reference file itself imports; the first ones are required. */
export const JUSTICE_COLUMNS = {
  required: ['state', 'period_end', 'kind', 'court_or_body', 'description', 'source'],
  optional: ['period_start', 'count', 'legal_basis', 'confidence', 'classification'],
} as const;
const EXPORT_COLUMNS = ['state', 'period_start', 'period_end', 'kind', 'count', 'legal_basis', 'court_or_body', 'description', 'source', 'confidence', 'status', 'classification'] as const;
const MAX_ROWS = 5_000;
const NAMED_STATES: Record<string, string> = { kosovo: 'XKX', syria: 'SYR' };
const MECHANISM_NAMES: Record<string, string> = { un: 'UNITAD', unitad: 'UNITAD' };

/** Several sources in one cell are separated by "; " before each address (the reference file's convention). */
export function splitSources(cell: string): string[] {
  return cell
    .split(/;\s+(?=https?:\/\/)/)
    .map((source) => source.trim())
    .filter(Boolean);
}

/** "FRA", "France" or "UN": the state's code or the mechanism; null for a name no table knows. */
function jurisdictionOfCell(cell: string): { stateIso3: string | null; mechanism: string | null } | null {
  const text = cell.trim();
  const mechanism = MECHANISM_NAMES[text.toLowerCase()];
  if (mechanism) return { stateIso3: null, mechanism };
  if (/^[A-Za-z]{3}$/.test(text)) return { stateIso3: text.toUpperCase(), mechanism: null };
  const iso3 = NAMED_STATES[text.toLowerCase()] ?? countries.getAlpha3Code(text, 'en');
  return iso3 ? { stateIso3: iso3, mechanism: null } : null;
}

const nullable = (text: string | undefined) => (text?.trim() ? text.trim() : null);
const countOf = (text: string | undefined) => (text?.trim() ? Number(text.replaceAll(/[\s,]/g, '')) : null);

/**
 * Imports justice figures from CSV, all or nothing: every row goes through the same service as the form
 * (same checks, same permission, same audit event) inside one transaction, and any problem rolls the
 * whole file back with every problem listed by line and column.
 */
export async function importJusticeCsv(db: Db, actor: MaybeActor, csvText: string): Promise<{ imported: number }> {
  authorize(actor, 'justice.write');
  const records = readCsvRecords(csvText, MAX_ROWS, { required: JUSTICE_COLUMNS.required, known: [...JUSTICE_COLUMNS.required, ...JUSTICE_COLUMNS.optional] });
  // The file's column for each field the service names.
  const columnOf: Record<string, string> = { stateIso3: 'state', mechanism: 'state', periodStart: 'period_start', periodEnd: 'period_end', legalBasis: 'legal_basis', courtOrBody: 'court_or_body', sources: 'source' };
  const problems: RowProblem[] = [];
  await db.transaction(async (tx) => {
    for (const [index, record] of records.entries()) {
      const line = index + 2;
      const jurisdiction = jurisdictionOfCell(record.state ?? '');
      if (!jurisdiction) {
        problems.push({ line, field: 'state', message: say('problem.justiceUnknownState', { value: record.state ?? '' }) });
        continue;
      }
      try {
        await reportJustice(tx, actor, {
          ...jurisdiction,
          periodStart: nullable(record.period_start),
          periodEnd: record.period_end ?? '',
          kind: record.kind,
          count: countOf(record.count),
          legalBasis: nullable(record.legal_basis),
          courtOrBody: record.court_or_body ?? '',
          description: record.description ?? '',
          sources: splitSources(record.source ?? ''),
          confidence: nullable(record.confidence),
          classification: nullable(record.classification) ?? undefined,
        });
      } catch (error) {
        if (error instanceof Forbidden) {
          problems.push({ line, field: 'state', message: say('problem.justiceOwnStateOnly') });
          continue;
        }
        if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
        const fields = error instanceof InvalidInput ? error.fields : [];
        if (fields.length === 0) problems.push({ line, field: '(row)', message: error.message });
        for (const field of fields) {
          const name = field.field.replace(/^body\./, '').split('.')[0] ?? field.field;
          problems.push({ line, field: columnOf[name] ?? name, message: field.message });
        }
      }
    }
    // One bad row imports nothing: roll back what the good rows wrote.
    if (problems.length) throw new ImportRejected(problems.slice(0, 200));
  });
  return { imported: records.length };
}

/** The export's header and rows, in the import's layout (plus status and classification). */
export function justiceSheet(rows: readonly JusticeFigure[]) {
  return {
    columns: EXPORT_COLUMNS,
    rows: rows.map((row) => [row.stateIso3 ?? row.mechanism ?? '', row.periodStart ?? '', row.periodEnd, row.kind, row.count, row.legalBasis ?? '', row.courtOrBody, row.description, row.sources.join('; '), row.confidence ?? '', row.status, row.classification] as const),
  };
}
