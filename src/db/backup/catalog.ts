import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** Rows of a raw query, whichever driver is underneath (both answer with `rows`). */
export async function rowsOf<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface TableShape {
  name: string;
  /** Columns a backup carries: every column but generated ones, in table order. */
  columns: string[];
  primaryKey: string[];
  /** Columns filled by a sequence (serial or identity): their sequence is moved past the restored values. */
  sequenced: string[];
  /** Identity columns declared GENERATED ALWAYS: inserting them needs OVERRIDING SYSTEM VALUE. */
  alwaysIdentity: boolean;
}

export interface Catalog {
  /** Tables in an order that inserts parents before children. */
  tables: TableShape[];
  /**
   * Foreign-key columns that point back into their own table or round a cycle: a restore inserts them
   * empty and fills them once every row is in.
   */
  deferred: Map<string, string[]>;
}

/**
 * Tables that coordinate running processes rather than hold data: the identity epoch counts changes to
 * sessions and accounts so other processes drop their kept copies. A backup leaves it out, and a restore
 * bumps it like any other change to those tables, which is what the processes need.
 */
const NOT_DATA = new Set(['identity_epoch']);

/**
 * Reads the application's tables from PostgreSQL's own catalogue — not from the Drizzle schema — so a
 * backup holds exactly what the database holds, whatever version of the code wrote it.
 */
export async function readCatalog(db: Db): Promise<Catalog> {
  const columns = await rowsOf<{ table_name: string; column_name: string; is_generated: string; identity_generation: string | null; column_default: string | null }>(
    db,
    sql`select c.table_name, c.column_name, c.is_generated, c.identity_generation, c.column_default
        from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
  );
  const keys = await rowsOf<{ table_name: string; columns: string }>(
    db,
    sql`select cl.relname as table_name, string_agg(a.attname, ',' order by array_position(con.conkey, a.attnum)) as columns
        from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_namespace n on n.oid = cl.relnamespace
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
        where con.contype = 'p' and n.nspname = 'public' group by cl.relname`,
  );
  const foreignKeys = await rowsOf<{ child: string; parent: string; columns: string }>(
    db,
    sql`select child.relname as child, parent.relname as parent, string_agg(a.attname, ',') as columns
        from pg_constraint con join pg_class child on child.oid = con.conrelid join pg_class parent on parent.oid = con.confrelid
        join pg_namespace n on n.oid = child.relnamespace join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
        where con.contype = 'f' and n.nspname = 'public' group by con.oid, child.relname, parent.relname`,
  );
  const shapes = new Map<string, TableShape>();
  for (const column of columns) {
    if (NOT_DATA.has(column.table_name)) continue;
    const shape = shapes.get(column.table_name) ?? { name: column.table_name, columns: [], primaryKey: [], sequenced: [], alwaysIdentity: false };
    if (column.is_generated !== 'ALWAYS') shape.columns.push(column.column_name);
    if (column.identity_generation || column.column_default?.startsWith('nextval(')) shape.sequenced.push(column.column_name);
    if (column.identity_generation === 'ALWAYS') shape.alwaysIdentity = true;
    shapes.set(column.table_name, shape);
  }
  for (const key of keys) {
    const shape = shapes.get(key.table_name);
    if (shape) shape.primaryKey = key.columns.split(',');
  }
  return insertOrder(shapes, foreignKeys.map((fk) => ({ child: fk.child, parent: fk.parent, columns: fk.columns.split(',') })));
}

/**
 * Orders tables parents first (Kahn's algorithm). A self-reference, or a cycle that leaves no table
 * free, is broken by deferring the columns of one link.
 */
function insertOrder(shapes: Map<string, TableShape>, foreignKeys: { child: string; parent: string; columns: string[] }[]): Catalog {
  const deferred = new Map<string, string[]>();
  const defer = (table: string, columns: string[]) => deferred.set(table, [...new Set([...(deferred.get(table) ?? []), ...columns])]);
  let links = foreignKeys.filter((fk) => {
    if (fk.child !== fk.parent) return true;
    defer(fk.child, fk.columns);
    return false;
  });
  const remaining = new Set([...shapes.keys()].sort());
  const ordered: TableShape[] = [];
  while (remaining.size) {
    const free = [...remaining].filter((table) => !links.some((fk) => fk.child === table && remaining.has(fk.parent)));
    if (free.length === 0) {
      const broken = links.find((fk) => remaining.has(fk.child) && remaining.has(fk.parent)) as (typeof links)[number];
      defer(broken.child, broken.columns);
      links = links.filter((fk) => fk !== broken);
      continue;
    }
    for (const table of free) {
      remaining.delete(table);
      ordered.push(shapes.get(table) as TableShape);
    }
  }
  return { tables: ordered, deferred };
}
