import type { ComponentChildren, VNode } from 'preact';

export interface Column<Row> {
  header: ComponentChildren;
  /** A whole header cell in place of `header`, such as a SortableHeader. */
  headerCell?: VNode;
  cell: (row: Row) => ComponentChildren;
  /** Codes, addresses and dates read left to right even on Arabic pages. */
  ltr?: boolean;
  /** The row's name (a campaign, a partner): kept wide enough to read in a few lines, not a word a line. */
  name?: boolean;
}

/** `rowId` gives each row an anchor (`#snapshot-…`), so a link elsewhere can point at one row and the row shows it is the one meant. */

/** A list table with its empty state: every list in the application looks and reads the same. */
/** `caption` names the table (and its scrolling box) for screen readers: every table has one. */
export function DataTable<Row>(props: { columns: Column<Row>[]; rows: readonly Row[]; empty: string; caption: string; rowId?: (row: Row) => string }) {
  if (props.rows.length === 0) return <p class="empty">{props.empty}</p>;
  // Wider than a phone? The table scrolls inside its own box, reachable from the keyboard, instead of
  // widening the page (WCAG 1.4.10 reflow); the box is named after the table for screen readers.
  return (
    <div class="table-scroll" role="region" aria-label={props.caption} tabindex={0}>
    <table class="data-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>{props.columns.map((column) => column.headerCell ?? <th scope="col">{column.header}</th>)}</tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr id={props.rowId?.(row)}>
            {props.columns.map((column) => (
              <td dir={column.ltr ? 'ltr' : undefined} class={column.name ? 'name-cell' : undefined} data-label={typeof column.header === 'string' ? column.header : undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
