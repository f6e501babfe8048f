import type { ComponentChildren, VNode } from 'preact';

export interface Column<Row> {
  header: ComponentChildren;
  /** A whole header cell in place of `header`, such as a SortableHeader. */
  headerCell?: VNode;
  cell: (row: Row) => ComponentChildren;
  /** Codes, addresses and dates read left to right even on Arabic pages. */
  ltr?: boolean;
}

/** A list table with its empty state: every list in the application looks and reads the same. */
export function DataTable<Row>(props: { columns: Column<Row>[]; rows: readonly Row[]; empty: string; caption?: string }) {
  if (props.rows.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <table class="data-table">
      {props.caption && <caption class="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>{props.columns.map((column) => column.headerCell ?? <th scope="col">{column.header}</th>)}</tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {props.columns.map((column) => (
              <td dir={column.ltr ? 'ltr' : undefined}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
