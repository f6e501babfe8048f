import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Keyset pages of a list ordered newest first by (a day or a time, an id): a page is asked for as
 * `before` or `after` the position of a row, so the thousandth page costs what the first does (an
 * offset reads every row before it). A position is written into links as "key~id"; the key is the
 * database's own text of the day or time, so a timestamp keeps its microseconds.
 */
export interface KeysetRequest {
  before?: string;
  after?: string;
}

export interface KeysetColumns {
  key: PgColumn;
  id: PgColumn;
}

interface Position {
  key: string;
  id: string;
}

/** A day, or a time as PostgreSQL writes a timestamp with time zone ("2026-11-01 00:59:00.123456+00"). */
const KEY = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)?$/;
/** A day that exists (not 30 February), so that a hand-made link cannot make the database refuse the query. */
const isCalendarDay = (day: string) => !Number.isNaN(Date.parse(day)) && new Date(Date.parse(day)).toISOString().slice(0, 10) === day;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A position read from a link; a malformed one is ignored (the first page is shown) rather than sent to the database. */
export function readPosition(raw: string | undefined): Position | undefined {
  if (!raw) return undefined;
  const at = raw.lastIndexOf('~');
  const key = raw.slice(0, at);
  const id = raw.slice(at + 1);
  if (at < 1 || !UUID.test(id) || !KEY.test(key) || !isCalendarDay(key.slice(0, 10))) return undefined;
  return { key, id };
}

export const writePosition = (row: { cursorKey: string; id: string }) => `${row.cursorKey}~${row.id}`;

/** The key as the database writes it, selected beside each row so that its link can name the row exactly. */
export const cursorKeyOf = (columns: KeysetColumns) => sql<string>`${columns.key}::text`;

/** Whether the request reads toward newer rows (a "previous" link), in ascending order. */
export const readsTowardNewer = (request: KeysetRequest) => request.after !== undefined && request.before === undefined && readPosition(request.after) !== undefined;

/** The condition that starts the page where the request says, and the order to read it in. */
export function keysetClause(columns: KeysetColumns, request: KeysetRequest): { where: SQL | undefined; orderBy: SQL[] } {
  const before = readPosition(request.before);
  const after = before ? undefined : readPosition(request.after);
  if (after) return { where: sql`(${columns.key}, ${columns.id}) > (${after.key}, ${after.id})`, orderBy: [asc(columns.key), asc(columns.id)] };
  return { where: before ? sql`(${columns.key}, ${columns.id}) < (${before.key}, ${before.id})` : undefined, orderBy: [desc(columns.key), desc(columns.id)] };
}

export interface KeysetPage<T> {
  rows: T[];
  /** `before` for the next (older) page, when there is one. */
  older?: string;
  /** `after` for the previous (newer) page, when there is one. */
  newer?: string;
}

/** Turns the rows read (one more than the page, to know whether a page lies beyond) into a page, newest first. */
export function keysetPage<T extends { cursorKey: string; id: string }>(found: T[], pageSize: number, request: KeysetRequest): KeysetPage<T> {
  const towardNewer = readsTowardNewer(request);
  const beyond = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (towardNewer) rows.reverse();
  const hasOlder = towardNewer ? rows.length > 0 : beyond;
  const hasNewer = towardNewer ? beyond : readPosition(request.before) !== undefined;
  const first = rows[0];
  const last = rows.at(-1);
  return { rows, ...(hasOlder && last ? { older: writePosition(last) } : {}), ...(hasNewer && first ? { newer: writePosition(first) } : {}) };
}

/**
 * Counting a million rows costs more than showing a page of them: lists count no further than this, and
 * say "more than" past it.
 */
export const LIST_COUNT_LIMIT = 10_000;
