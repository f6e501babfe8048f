import type { PageContext } from './page-context.ts';

/** Builds a list URL keeping the current filters, with some parameters changed. */
export function listHref(basePath: string, current: Record<string, unknown>, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** A column header that sorts by its column; a second activation reverses the order. aria-sort tells screen readers. */
export function SortableHeader(props: { ctx: PageContext; basePath: string; query: Record<string, unknown>; column: string; label: string; defaultSort: string }) {
  const currentSort = (props.query.sort as string | undefined) ?? props.defaultSort;
  const currentDir = (props.query.dir as string | undefined) ?? 'asc';
  const active = currentSort === props.column;
  const nextDir = active && currentDir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (currentDir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={listHref(props.basePath, props.query, { sort: props.column, dir: nextDir, page: undefined })}>
        {props.label}
        {active ? (currentDir === 'asc' ? ' ▲' : ' ▼') : ''}
      </a>
    </th>
  );
}

export function Pagination(props: { ctx: PageContext; basePath: string; query: Record<string, unknown>; page: number; pageSize: number; total: number }) {
  const { t } = props.ctx;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      {props.page > 1 && <a href={listHref(props.basePath, props.query, { page: props.page - 1 })} rel="prev">{t('list.previous')}</a>}
      <span>{t('list.pageOf', { page: props.page, pages })}</span>
      {props.page < pages && <a href={listHref(props.basePath, props.query, { page: props.page + 1 })} rel="next">{t('list.next')}</a>}
    </nav>
  );
}

/**
 * Previous and next links of a list read by keyset (after / before a key) instead of by page number:
 * each page costs the same however deep it is. `newer` and `older` are the keys of the pages around.
 */
export function KeysetPagination(props: { ctx: PageContext; basePath: string; query: Record<string, unknown>; newer?: number | string; older?: number | string }) {
  const { t } = props.ctx;
  if (props.newer === undefined && props.older === undefined) return null;
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      {props.newer !== undefined && <a href={listHref(props.basePath, props.query, { after: props.newer, before: undefined, page: undefined })} rel="prev">{t('list.previous')}</a>}
      {props.older !== undefined && <a href={listHref(props.basePath, props.query, { before: props.older, after: undefined, page: undefined })} rel="next">{t('list.next')}</a>}
    </nav>
  );
}
