import { say } from '../../platform/i18n/say.ts';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { ImportRejected, type RowProblem } from '../../platform/csv-import.ts';
import { type FieldProblem, InvalidInput } from '../../platform/errors.ts';
import { toCsv } from '../../platform/csv.ts';
import { parseInput } from '../../platform/validate.ts';
import { checkedClassification } from './classification.ts';
import { listGroups } from './groups.service.ts';
import * as repo from './partners.repo.ts';
import { PartnerInput } from './partners.schema.ts';
import { normalizePartner } from './partners.service.ts';

/** CSV header ↔ input field. `name` is the English name, as in the coalition's reference files. */
const COLUMNS = {
  name: 'nameEn',
  kind: 'kind',
  iso3: 'iso3',
  joined: 'joined',
  status: 'status',
  source: 'source',
  as_of: 'asOf',
  confidence: 'confidence',
  name_fr: 'nameFr',
  name_ar: 'nameAr',
  classification: 'classification',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED_COLUMNS: Column[] = ['name', 'kind'];
const MAX_ROWS = 10_000;

function toFields(problems: FieldProblem[], line: number, fieldToColumn: Map<string, string>): RowProblem[] {
  return problems.map((p) => ({ line, field: fieldToColumn.get(p.field) ?? p.field, message: p.message }));
}

/**
 * Imports partners from CSV, all or nothing: every row is checked first, and one bad row imports none.
 * Rows match existing partners by ISO code, else by English name, and update them; others are created.
 */
export async function importPartnersCsv(db: Db, actor: MaybeActor, csvText: string): Promise<{ created: number; updated: number }> {
  authorize(actor, 'partner.write');
  let records: Record<string, string>[];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportRejected([{ line, field: '(file)', message: say('problem.csvUnreadable', { detail: (error as Error).message }) }]);
  }
  if (records.length === 0) throw new ImportRejected([{ line: 1, field: '(file)', message: say('problem.noDataRows') }]);
  if (records.length > MAX_ROWS) throw new ImportRejected([{ line: 1, field: '(file)', message: say('problem.tooManyRows', { max: MAX_ROWS }) }]);
  const headers = Object.keys(records[0] ?? {});
  const problems: RowProblem[] = [];
  for (const column of REQUIRED_COLUMNS) {
    if (!headers.includes(column)) problems.push({ line: 1, field: column, message: say('problem.columnMissing') });
  }
  // Unknown columns are refused rather than ignored, so a misspelt header cannot silently drop data.
  for (const header of headers) {
    if (!(header in COLUMNS)) problems.push({ line: 1, field: header, message: say('problem.unknownColumn', { known: Object.keys(COLUMNS).join(', ') }) });
  }
  if (problems.length) throw new ImportRejected(problems);

  const fieldToColumn = new Map<string, string>(Object.entries(COLUMNS).map(([column, field]) => [field, column]));
  const prepared: { line: number; values: ReturnType<typeof normalizePartner>['values']; classification: Awaited<ReturnType<typeof checkedClassification>> }[] = [];
  const seenKeys = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const raw: Record<string, string | undefined> = {};
    for (const [column, value] of Object.entries(record)) {
      const field = COLUMNS[column as Column];
      raw[field] = value.trim() === '' ? undefined : value.trim();
    }
    try {
      const input = parseInput(PartnerInput, raw);
      const { values, problems: rowProblems } = normalizePartner(input);
      if (input.classification === 'restricted') rowProblems.push({ field: 'classification', message: say('problem.restrictedNotFromCsv') });
      problems.push(...toFields(rowProblems, line, fieldToColumn));
      const key = values.iso3 ?? values.nameEn.toLowerCase();
      const earlier = seenKeys.get(key);
      if (earlier) problems.push({ line, field: values.iso3 ? 'iso3' : 'name', message: say('problem.samePartnerAsLine', { line: earlier }) });
      seenKeys.set(key, line);
      if (rowProblems.length === 0) prepared.push({ line, values, classification: await checkedClassification(db, input, 'public', { actor }) });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      problems.push(...toFields(error.fields, line, fieldToColumn));
    }
  }
  if (problems.length) throw new ImportRejected(problems);

  return db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const { line, values, classification } of prepared) {
      const existing = await repo.findPartnerByKey(tx, values);
      if (existing) {
        const row = await repo.updatePartner(tx, existing.id, existing.version, { ...values, ...classification });
        if (!row) throw new ImportRejected([{ line, field: '(row)', message: say('problem.partnerChangedDuringImport') }]);
        updated++;
      } else {
        await repo.insertPartner(tx, { ...values, ...classification });
        created++;
      }
    }
    await appendAudit(tx, actor, { action: 'partner.imported', entityType: 'partner', detail: { created, updated, rows: prepared.length } });
    return { created, updated };
  });
}

export async function exportPartnersCsv(db: Db, actor: MaybeActor): Promise<string> {
  authorize(actor, 'partner.read');
  const rows = await repo.allVisiblePartners(db, actor);
  return toCsv(
    Object.keys(COLUMNS),
    rows.map((p) => [p.nameEn, p.kind, p.iso3, p.joined, p.status, p.source, p.asOf, p.confidence, p.nameFr, p.nameAr, p.classification]),
  );
}

export async function exportPeopleCsv(db: Db, actor: MaybeActor, filter: repo.PeopleFilter): Promise<string> {
  authorize(actor, 'person.read');
  const { rows } = await repo.listPeople(db, actor, { ...filter, page: 1, pageSize: 100_000 });
  return toCsv(
    ['name', 'title', 'partner', 'email', 'classification'],
    rows.map((p) => [p.name, p.title, p.partnerNameEn, p.email, p.classification]),
  );
}

export async function exportGroupsCsv(db: Db, actor: MaybeActor): Promise<string> {
  const groups = await listGroups(db, actor);
  const namesOf = (g: (typeof groups)[number], role: string) =>
    g.members
      .filter((m) => m.role === role)
      .map((m) => m.nameEn)
      .join('; ');
  return toCsv(
    ['name', 'short_name', 'kind', 'co_leads', 'members', 'founded', 'mandate', 'source', 'classification'],
    groups.map((g) => [g.name, g.slug, g.kind, namesOf(g, 'co-lead'), namesOf(g, 'member'), g.founded, g.mandate, g.source, g.classification]),
  );
}
