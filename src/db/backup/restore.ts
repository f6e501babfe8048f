import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { deferDerivedTables } from '../derived-tables.ts';
import { type BackupHeader, BackupFileError, readBackup, verifyBackup } from './backup-file.ts';
import { type Catalog, readCatalog, rowsOf, type TableShape } from './catalog.ts';
import { knownMigrations, lastAppliedMigration } from './migrations-applied.ts';

/** Parameters per INSERT stay well under PostgreSQL's 65,535. */
const PARAMETERS_PER_INSERT = 30_000;

export class RestoreRefused extends Error {}

export interface RestoreOutcome {
  rows: number;
  tables: number;
}

/**
 * Replaces the contents of a migrated database with a backup's, in one transaction: a failure part-way
 * leaves the database as it was. The file is read through and checked once before anything is touched.
 * A database holding any row is refused unless `force` is given (then every table is emptied first).
 */
export async function restoreDatabase(db: Db, file: string, options: { force?: boolean; onTable?: (table: string, rows: number) => void } = {}): Promise<RestoreOutcome> {
  const { header, rows } = await verifyBackup(file);
  await checkMigration(db, header);
  const catalog = await readCatalog(db);
  checkTables(file, header, catalog);
  const filled = await tablesWithRows(db, catalog);
  if (filled.length && !options.force) {
    throw new RestoreRefused(`the database is not empty (${filled.length} tables hold rows, e.g. ${filled.slice(0, 3).join(', ')}): restore into an empty database, or pass --force to replace everything in it`);
  }
  await db.transaction(async (tx) => {
    // Derived tables (running totals) are restored as backed up, not recomputed row by row as their
    // sources arrive (the settings end with this transaction).
    await deferDerivedTables(tx);
    if (filled.length) await emptyAllTables(tx, catalog);
    await loadRows(tx, file, header, catalog, options.onTable);
    await moveSequencesPastRestoredValues(tx, catalog);
  });
  return { rows, tables: header.tables.length };
}

async function checkMigration(db: Db, header: BackupHeader): Promise<void> {
  const known = knownMigrations();
  const current = await lastAppliedMigration(db);
  if (!known.some((entry) => entry.when === header.migration.when) || header.migration.when > current.when) {
    throw new RestoreRefused(`the backup was made under schema migration ${header.migration.tag}, newer than this version of Coalition Desk knows (${current.tag}); upgrade first`);
  }
}

/** Every table and column of the backup must exist here; columns added since take their defaults. */
function checkTables(file: string, header: BackupHeader, catalog: Catalog): void {
  for (const table of header.tables) {
    const here = catalog.tables.find((shape) => shape.name === table.name);
    if (!here) throw new BackupFileError(`${file}: table ${table.name} is not in this version's schema`);
    const missing = table.columns.filter((column) => !here.columns.includes(column));
    if (missing.length) throw new BackupFileError(`${file}: ${table.name}.${missing.join(`, ${table.name}.`)} not in this version's schema`);
  }
}

async function tablesWithRows(db: Db, catalog: Catalog): Promise<string[]> {
  const filled: string[] = [];
  for (const table of catalog.tables) {
    const [row] = await rowsOf<{ any: boolean }>(db, sql`select exists (select 1 from ${sql.identifier(table.name)}) as any`);
    if (row?.any) filled.push(table.name);
  }
  return filled;
}

/** The audit trail refuses TRUNCATE by trigger; an operator replacing everything lifts it for this transaction only. */
async function emptyAllTables(tx: Db, catalog: Catalog): Promise<void> {
  await tx.execute(sql`alter table audit_events disable trigger audit_events_no_truncate`);
  await tx.execute(sql`truncate ${sql.join(catalog.tables.map((table) => sql.identifier(table.name)), sql`, `)} restart identity cascade`);
  await tx.execute(sql`alter table audit_events enable trigger audit_events_no_truncate`);
}

async function loadRows(tx: Db, file: string, header: BackupHeader, catalog: Catalog, onTable?: (table: string, rows: number) => void): Promise<void> {
  const fills: Fill[] = [];
  let table: string | null = null;
  let batch: (string | null)[][] = [];
  let countInTable = 0;
  const flush = async () => {
    if (!table || !batch.length) return;
    const shape = catalog.tables.find((candidate) => candidate.name === table) as TableShape;
    const columns = header.tables.find((candidate) => candidate.name === table)?.columns as string[];
    const deferred = catalog.deferred.get(shape.name) ?? [];
    await tx.execute(insertStatement(shape, columns, deferred.length ? withDeferredEmptied(shape, columns, deferred, batch, fills) : batch));
    batch = [];
  };
  for await (const line of readBackup(file)) {
    if ('format' in line) continue;
    if (line.table !== table) {
      await flush();
      if (table) onTable?.(table, countInTable);
      table = line.table;
      countInTable = 0;
    }
    batch.push(line.row);
    countInTable++;
    if (batch.length * line.row.length >= PARAMETERS_PER_INSERT) await flush();
  }
  await flush();
  if (table) onTable?.(table, countInTable);
  for (const fill of fills) {
    for (const values of fill.values) await tx.execute(fillStatement(fill.table, fill.columns, values));
  }
}

/** Values of deferred columns to set once every row is in, with the key of their row. */
interface Fill {
  table: TableShape;
  columns: string[];
  values: (string | null)[][];
}

/**
 * A row's self-referencing (or cycle-closing) columns go in empty and are filled once every row is in:
 * returns the rows to insert and keeps, in `fills`, the key and the values to set afterwards.
 */
function withDeferredEmptied(shape: TableShape, columns: string[], deferred: string[], rows: (string | null)[][], fills: Fill[]) {
  const deferredIndexes = deferred.map((column) => columns.indexOf(column)).filter((index) => index >= 0);
  const keyIndexes = shape.primaryKey.map((column) => columns.indexOf(column));
  let fill = fills.find((entry) => entry.table === shape);
  if (!fill) {
    fill = { table: shape, columns: [...deferredIndexes.map((index) => columns[index] as string), ...shape.primaryKey], values: [] };
    fills.push(fill);
  }
  const target = fill;
  return rows.map((row) => {
    if (deferredIndexes.some((index) => row[index] !== null)) target.values.push([...deferredIndexes.map((index) => row[index] ?? null), ...keyIndexes.map((index) => row[index] ?? null)]);
    return row.map((value, index) => (deferredIndexes.includes(index) ? null : value));
  });
}

function insertStatement(shape: TableShape, columns: string[], rows: (string | null)[][]): SQL {
  const names = sql.join(columns.map((column) => sql.identifier(column)), sql`, `);
  const values = sql.join(rows.map((row) => sql`(${sql.join(row.map((value) => sql`${value}`), sql`, `)})`), sql`, `);
  return shape.alwaysIdentity ? sql`insert into ${sql.identifier(shape.name)} (${names}) overriding system value values ${values}` : sql`insert into ${sql.identifier(shape.name)} (${names}) values ${values}`;
}

function fillStatement(shape: TableShape, columns: string[], values: (string | null)[]): SQL {
  const deferredCount = columns.length - shape.primaryKey.length;
  const assignments = sql.join(columns.slice(0, deferredCount).map((column, index) => sql`${sql.identifier(column)} = ${values[index] ?? null}`), sql`, `);
  const key = sql.join(shape.primaryKey.map((column, index) => sql`${sql.identifier(column)} = ${values[deferredCount + index] ?? null}`), sql` and `);
  return sql`update ${sql.identifier(shape.name)} set ${assignments} where ${key}`;
}

async function moveSequencesPastRestoredValues(tx: Db, catalog: Catalog): Promise<void> {
  for (const table of catalog.tables) {
    for (const column of table.sequenced) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table.name)}), 0) + 1, false)`,
      );
    }
  }
}
