import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { ImportRejected, readCsvRecords, type RowProblem } from '../../platform/csv-import.ts';
import { Forbidden, HttpProblem, InvalidInput } from '../../platform/errors.ts';
import * as repo from './detention.repo.ts';
import { reportRepatriation } from './repatriations.service.ts';
import { addSnapshot } from './sites.service.ts';

export const IMPORT_KINDS = ['snapshots', 'repatriations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
const MAX_ROWS = 5_000;

/** The columns each kind of file may have; the first ones are required. */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  snapshots: { required: ['site', 'as_of', 'source'], optional: ['total', 'partial', 'nationalities', 'categories', 'note', 'confidence', 'classification'] },
  repatriations: { required: ['period', 'source'], optional: ['receiving', 'cumulative', 'site', 'people', 'women', 'children', 'men', 'note', 'confidence', 'classification'] },
};

const number = (text: string | undefined) => (text ? Number(text.replaceAll(/[\s,]/g, '')) : null);
const flag = (text: string | undefined) => /^(true|yes|1|partial|cumulative)$/i.test(text?.trim() ?? '');

/** "IRQ 30897; SYR 27813" → [{ key: 'IRQ', count: 30897 }, …]. */
function parts(text: string | undefined) {
  return (text ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\S+)\s+(-?[\d,]+)$/.exec(part);
      return match ? { key: match[1] as string, count: Number((match[2] as string).replaceAll(',', '')) } : { key: part, count: Number.NaN };
    });
}

/**
 * Imports snapshots or repatriations from CSV, all or nothing: every row goes through the same
 * service as the form (same checks, same audit events) inside one transaction, and any problem rolls
 * the whole file back with the problems listed by line and column.
 */
export async function importDetentionCsv(db: Db, actor: MaybeActor, kind: ImportKind, csvText: string): Promise<{ imported: number }> {
  authorize(actor, kind === 'snapshots' ? 'detention.write' : 'repatriation.write');
  const { required, optional } = IMPORT_COLUMNS[kind];
  const records = readCsvRecords(csvText, MAX_ROWS, { required, known: [...required, ...optional] });
  const sites = new Map((await repo.listSites(db, actor)).map((site) => [site.name.toLowerCase(), site.id]));

  const problems: RowProblem[] = [];
  await db.transaction(async (tx) => {
      for (const [index, record] of records.entries()) {
        const line = index + 2;
        const siteId = record.site ? sites.get(record.site.toLowerCase()) : undefined;
        if (record.site && !siteId) {
          problems.push({ line, field: 'site', message: say('problem.noSiteNamed', { name: record.site ?? '' }) });
          continue;
        }
        const classification = record.classification || undefined;
        try {
          if (kind === 'snapshots') {
            await addSnapshot(tx, actor, siteId as string, {
              asOf: record.as_of,
              total: number(record.total),
              partial: flag(record.partial),
              nationalities: parts(record.nationalities),
              categories: parts(record.categories),
              note: record.note ?? '',
              source: record.source,
              confidence: record.confidence || null,
              classification,
            });
          } else {
            await reportRepatriation(tx, actor, {
              receivingIso3: record.receiving || null,
              period: record.period,
              cumulative: flag(record.cumulative),
              siteId: siteId ?? null,
              people: number(record.people),
              women: number(record.women),
              children: number(record.children),
              men: number(record.men),
              note: record.note ?? '',
              source: record.source,
              confidence: record.confidence || null,
              classification,
            });
          }
        } catch (error) {
          if (error instanceof Forbidden) {
            problems.push({ line, field: 'receiving', message: say('problem.ownStateOnly') });
            continue;
          }
          if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
          const fields = error instanceof InvalidInput || 'fields' in error ? ((error as InvalidInput).fields ?? []) : [];
          if (fields.length) for (const field of fields) problems.push({ line, field: field.field.replace(/^body\./, ''), message: field.message });
          else problems.push({ line, field: '(row)', message: error.message });
        }
      }
      // One bad row imports nothing: roll back what the good rows wrote.
      if (problems.length) throw new ImportRejected(problems.slice(0, 200));
    });
  return { imported: records.length };
}
