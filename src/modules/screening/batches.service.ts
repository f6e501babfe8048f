import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { applyDecisionRows, applyDecisions, type DecidedHit, type DecisionRow, decideHit, nameKey } from './decisions.service.ts';
import type { Screener } from './matcher.ts';
import { authorizeScreening, currentScreener, withRawRecords } from './sanctions-lists.service.ts';
import { readNames } from './names-csv.ts';
import * as repo from './screening.repo.ts';
import { screeningScope } from './screening-scope.ts';
import { type KeysetPage, keysetPage, LIST_COUNT_LIMIT, type KeysetRequest, writePosition } from '../../platform/keyset.ts';

const MAX_ROWS = 100_000;
const INSERT_BATCH = 1_000;
/** Rows screened per transaction: small enough that a restart loses little, large enough to be quick. */
const CHUNK = 200;

/** What a row keeps of its hits: enough to list them and to tell a new one after a list update. */
const stored = (hits: { ref: string; score: number; name: string }[]): repo.StoredHit[] => hits.map((hit) => ({ ref: hit.ref, score: hit.score, name: hit.name }));

export type BatchRow = repo.BatchRow;

/** Queues a CSV of names (id,name[,dob,nationality]) for background screening; the rows are kept until screened. */
export async function submitBatch(db: Db, actor: MaybeActor, csvText: string, fileName: string): Promise<BatchRow> {
  await authorizeScreening(db, actor);
  let rows: ReturnType<typeof readNames>;
  try {
    rows = readNames(csvText);
  } catch (error) {
    throw new InvalidInput([{ field: 'file', message: (error as Error).message }]);
  }
  if (rows.length === 0) throw new InvalidInput([{ field: 'file', message: say('problem.fileHasNoNames') }]);
  if (rows.length > MAX_ROWS) throw new InvalidInput([{ field: 'file', message: say('problem.tooManyNames', { max: MAX_ROWS }) }]);
  return db.transaction(async (tx) => {
    const batch = await repo.insertBatch(tx, { fileName: fileName.slice(0, 200), total: rows.length, createdBy: actor?.userId ?? null, createdByLabel: actor?.label ?? 'system', partnerId: actor?.partnerId ?? null });
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await repo.insertBatchRows(
        tx,
        rows.slice(start, start + INSERT_BATCH).map((row, offset) => ({ batchId: batch.id, rowNumber: start + offset + 1, rowId: row.id.slice(0, 200), name: row.name.slice(0, 2000), dob: row.dob ?? null, nationality: row.nationality ?? null })),
      );
    }
    await appendAudit(tx, actor, { action: 'screening.batch-submitted', entityType: 'screening-batch', entityId: batch.id, detail: { rows: rows.length, fileName: batch.fileName } });
    return batch;
  });
}

/**
 * Keeps a name screened on its own, with the hits it got, as a finished one-row batch: when a list
 * changes it is screened again like any batch row and a new hit becomes an alert.
 */
export async function recordSingleScreening(tx: Db, actor: MaybeActor, query: { name: string; dob?: string; nationality?: string }, hits: { ref: string; score: number; name: string }[]): Promise<void> {
  const batch = await repo.insertBatch(tx, { source: 'single', fileName: query.name.slice(0, 200), status: 'done', total: 1, processed: 1, hitRows: hits.length ? 1 : 0, createdBy: actor?.userId ?? null, createdByLabel: actor?.label ?? 'system', partnerId: actor?.partnerId ?? null, finishedAt: new Date() });
  const name = query.name.slice(0, 2000);
  await repo.insertBatchRows(tx, [{ batchId: batch.id, rowNumber: 1, rowId: 'single', name, dob: query.dob ?? null, nationality: query.nationality ?? null, hits: stored(hits), nameKey: nameKey(name) }]);
}

/**
 * Screens the next chunk of waiting rows of any batch. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so several processes can share the queue, and a row is done only once its hits are written: after a
 * restart the worker simply carries on. Returns how many rows it screened.
 */
export async function screenNextChunk(db: Db): Promise<number> {
  const screener = await currentScreener(db);
  return db.transaction(async (tx) => {
    const rows = await repo.claimWaitingRows(tx, CHUNK);
    if (rows.length === 0) return 0;
    const rescreened = rows.filter((row) => row.rescreen && row.hits !== null);
    await rescreenRows(tx, screener, rescreened);
    const fresh = rows.filter((row) => !(row.rescreen && row.hits !== null));
    if (fresh.length === 0) return rows.length;
    const touched = new Map<string, { processed: number; hitRows: number }>();
    for (const row of fresh) {
      const query = { name: row.name, ...(row.dob ? { dob: row.dob } : {}), ...(row.nationality ? { nationality: row.nationality } : {}) };
      const { hits } = row.name.trim() ? await applyDecisions(tx, row.name, screener.screen(query)) : { hits: [] };
      await repo.setRowHits(tx, row, stored(hits), nameKey(row.name));
      const counts = touched.get(row.batchId) ?? { processed: 0, hitRows: 0 };
      counts.processed++;
      if (hits.length) counts.hitRows++;
      touched.set(row.batchId, counts);
    }
    for (const [batchId, counts] of touched) await repo.addBatchProgress(tx, batchId, counts);
    return rows.length;
  });
}

/**
 * Screens already-screened rows again after a list update: a hit on an entity the row did not hit
 * before is raised as an alert; the row's hits become the new ones.
 */
async function rescreenRows(tx: Db, screener: Screener, rows: repo.BatchRowRow[]): Promise<void> {
  for (const row of rows) {
    const query = { name: row.name, ...(row.dob ? { dob: row.dob } : {}), ...(row.nationality ? { nationality: row.nationality } : {}) };
    const { hits } = row.name.trim() ? await applyDecisions(tx, row.name, screener.screen(query)) : { hits: [] };
    const before = new Set((row.hits ?? []).map((hit) => hit.ref));
    const raised = hits.filter((hit) => !before.has(hit.ref));
    await repo.insertAlerts(tx, raised.map((hit) => ({ batchId: row.batchId, rowNumber: row.rowNumber, name: row.name, ref: hit.ref, score: String(hit.score), listedName: hit.name })));
    await repo.setRowHits(tx, row, stored(hits), nameKey(row.name));
  }
}

/** After a list update every name screened so far is screened again (by the worker, in the background). */
export async function queueRescreening(tx: Db): Promise<void> {
  await repo.markAllForRescreening(tx);
}

/** New hits raised for a batch's names by list updates, newest first. */
export async function alertsOf(db: Db, actor: MaybeActor, batchId: string) {
  await batchRecord(db, actor, batchId);
  return repo.alertsOfBatch(db, batchId);
}

/** Keeps screening waiting rows every second while the server runs; returns the function that stops it. */
export function startScreeningWorker(db: Db, onError: (error: unknown) => void): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      while ((await screenNextChunk(db)) > 0);
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}

export const BATCHES_PAGE_SIZE = 25;

/** Uploaded batches the actor may see, newest first, a page at a time by keyset: one statement however many there are. */
export async function listBatches(db: Db, actor: MaybeActor, request: KeysetRequest = {}): Promise<KeysetPage<BatchRow>> {
  await authorizeScreening(db, actor);
  return keysetPage(await repo.findFileBatches(db, screeningScope(actor), request, BATCHES_PAGE_SIZE + 1), BATCHES_PAGE_SIZE, request);
}

export const ALERTS_PAGE_SIZE = 50;

/**
 * New hits raised by list updates on every name the actor may see — batch rows and names screened on
 * their own — newest first, a page at a time: by keyset (`before`/`after` an alert), so a deep page costs
 * what the first does, with a bounded count — two statements however many alerts there are. A page
 * number (an offset) is still understood.
 */
export async function listAlerts(db: Db, actor: MaybeActor, request: KeysetRequest & { page?: number } = {}) {
  await authorizeScreening(db, actor);
  const scope = screeningScope(actor);
  const offset = ((request.page ?? 1) - 1) * ALERTS_PAGE_SIZE;
  const [found, n] = await Promise.all([repo.findAlerts(db, scope, { ...request, offset }, ALERTS_PAGE_SIZE + 1), repo.countAlerts(db, scope, LIST_COUNT_LIMIT + 1)]);
  const page = keysetPage(found, ALERTS_PAGE_SIZE, request);
  // An offset page has newer alerts before it even without a `before` key.
  const newer = page.newer ?? (!request.before && !request.after && offset > 0 && page.rows[0] ? writePosition(page.rows[0]) : undefined);
  return { ...page, ...(newer ? { newer } : {}), total: Math.min(n, LIST_COUNT_LIMIT), totalIsLowerBound: n > LIST_COUNT_LIMIT };
}

export async function batchRecord(db: Db, actor: MaybeActor, id: string) {
  await authorizeScreening(db, actor);
  const batch = await repo.findBatch(db, id, screeningScope(actor));
  if (!batch) throw new NotFound('batch');
  return batch;
}

/** The screened rows of a batch, in file order, with their hits. */
export async function batchResults(db: Db, actor: MaybeActor, id: string) {
  const batch = await batchRecord(db, actor, id);
  return { batch, rows: await repo.rowsOfBatch(db, id) };
}

export const BATCH_HITS_PAGE_SIZE = 20;
export const BATCH_HIT_FILTERS = ['all', 'undecided', 'confirmed-match', 'false-positive'] as const;
export type BatchHitFilter = (typeof BATCH_HIT_FILTERS)[number];

/** One hit of one screened row, as the batch page lists it: with its explanation when the lists in force still give it. */
export interface BatchHit {
  rowNumber: number;
  rowId: string;
  name: string;
  dob: string | null;
  nationality: string | null;
  /** The hit as the lists in force give it now, with its explanation and latest decision; absent when they no longer do. */
  hit?: DecidedHit;
  /** The hit as it was screened. */
  stored: { ref: string; score: number; name: string };
  decision?: DecisionRow['decision'];
}

/**
 * The hits of a batch, one per row and listed entry, filtered by the latest decision on each (none,
 * confirmed, false positive), a page at a time. The filter, the page and the counts are worked out in
 * the database (each row keeps its name key beside its hits); the page's names are screened again so
 * that each hit comes with its explanation and the listed record, and their decisions are read at once:
 * the same statements for a batch of ten hits or of a hundred thousand.
 */
export async function batchHits(db: Db, actor: MaybeActor, batchId: string, filter: BatchHitFilter, page: number) {
  const batch = await batchRecord(db, actor, batchId);
  const [found, byDecision] = await Promise.all([repo.batchHitPage(db, batchId, filter, (page - 1) * BATCH_HITS_PAGE_SIZE, BATCH_HITS_PAGE_SIZE), repo.batchHitCounts(db, batchId)]);
  const counts = { all: 0, undecided: 0, 'confirmed-match': 0, 'false-positive': 0 } satisfies Record<BatchHitFilter, number>;
  for (const [decision, n] of byDecision) {
    counts[decision] = n;
    counts.all += n;
  }
  const screener = await currentScreener(db);
  const screened = found.map((row) => screener.screen({ name: row.name, ...(row.dob ? { dob: row.dob } : {}), ...(row.nationality ? { nationality: row.nationality } : {}) }));
  const keys = found.map((row) => nameKey(row.name));
  const decisions = await repo.decisionsOnNames(db, [...new Set(keys.filter(Boolean))], [...new Set(found.map((row) => row.stored.ref))]);
  const items: BatchHit[] = found.map((row, index) => {
    const key = keys[index] as string;
    // Decisions are applied to every hit the name gets, then the one listed entry this item is about is kept.
    const now = key ? applyDecisionRows(screened[index] ?? [], decisions.filter((decision) => decision.nameKey === key), { keepCleared: true }).hits : (screened[index] ?? []);
    const hit = now.find((candidate) => candidate.ref === row.stored.ref);
    const decision = row.decision === 'undecided' ? undefined : row.decision;
    return { rowNumber: row.rowNumber, rowId: row.rowId, name: row.name, dob: row.dob, nationality: row.nationality, stored: row.stored, ...(decision ? { decision } : {}), ...(hit ? { hit } : {}) };
  });
  const shown = items.filter((item) => item.hit !== undefined);
  const withRecords = await withRawRecords(db, shown.map((item) => item.hit as DecidedHit));
  shown.forEach((item, index) => {
    item.hit = withRecords[index];
  });
  return { batch, items, total: counts[filter], counts };
}

/** Records a decision on a hit of a batch row: the name decided on is the row's own, never one sent with the form. */
export async function decideBatchHit(db: Db, actor: MaybeActor, batchId: string, rowNumber: number, input: { ref: string; decision: unknown; note: string }) {
  await batchRecord(db, actor, batchId);
  const name = await repo.findBatchRowName(db, batchId, rowNumber);
  if (name === undefined) throw new NotFound('batch');
  return decideHit(db, actor, { name, ref: input.ref, decision: input.decision, note: input.note });
}
