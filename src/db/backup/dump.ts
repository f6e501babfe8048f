import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './backup-file.ts';
import { readCatalog, rowsOf, type TableShape } from './catalog.ts';
import { lastAppliedMigration } from './migrations-applied.ts';

const PAGE_ROWS = 2_000;

export interface DumpSink {
  header(header: BackupHeader): Promise<void>;
  row(table: string, row: (string | null)[]): Promise<void>;
}

/**
 * Writes every application table to the sink from one consistent snapshot (a read-only, repeatable-read
 * transaction), parents before children, each table in primary-key order. Values are PostgreSQL's text
 * form under fixed output settings, which every column type reads back exactly.
 */
export async function dumpDatabase(db: Db, sink: DumpSink, onTable?: (table: string, rows: number) => void): Promise<void> {
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
      await tx.execute(sql`set local intervalstyle = 'postgres'`);
      await tx.execute(sql`set local timezone = 'UTC'`);
      await tx.execute(sql`set local extra_float_digits = 3`);
      const catalog = await readCatalog(tx);
      await sink.header({
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migration: await lastAppliedMigration(tx),
        tables: catalog.tables.map((table) => ({ name: table.name, columns: table.columns })),
      });
      for (const table of catalog.tables) {
        let written = 0;
        for (let offset = 0; ; offset += PAGE_ROWS) {
          const page = await rowsOf<Record<string, string | null>>(tx, pageQuery(table, offset));
          for (const row of page) await sink.row(table.name, table.columns.map((_, index) => row[`c${index}`] ?? null));
          written += page.length;
          if (page.length < PAGE_ROWS) break;
        }
        onTable?.(table.name, written);
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function pageQuery(table: TableShape, offset: number) {
  const values = sql.join(
    table.columns.map((column, index) => sql`${sql.identifier(column)}::text as ${sql.identifier(`c${index}`)}`),
    sql`, `,
  );
  const order = table.primaryKey.length ? table.primaryKey : table.columns;
  return sql`select ${values} from ${sql.identifier(table.name)} order by ${sql.join(order.map((column) => sql.identifier(column)), sql`, `)} limit ${PAGE_ROWS} offset ${offset}`;
}
