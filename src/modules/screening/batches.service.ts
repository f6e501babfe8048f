import { say } from '../../platform/i18n/say.ts';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { screeningAlerts, screeningBatches, screeningBatchRows, screeningDecisions } from '../../db/schema/sanctions.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isSecretariat, roleMay } from '../../platform/authz.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { applyDecisions, type DecidedHit, type DecisionRow, decideHit, nameKey } from './decisions.service.ts';
import type { Screener } from './matcher.ts';
import { authorizeScreening, currentScreener, withRawRecords } from './sanctions-lists.service.ts';
import { readNames } from './names-csv.ts';

const MAX_ROWS = 100_000;
const INSERT_BATCH = 1_000;
/** Rows screened per transaction: small enough that a restart loses little, large enough to be quick. */
const CHUNK = 200;

export type BatchRow = typeof screeningBatches.$inferSelect;

/** Batches the actor may see: all for analysts and the secretariat; a delegate only their own partner's. */
function visibleBatches(actor: MaybeActor) {
  if (isSecretariat(actor) || (actor && roleMay(actor.role, 'screening.run'))) return undefined;
  return actor?.partnerId ? eq(screeningBatches.partnerId, actor.partnerId) : eq(screeningBatches.createdBy, actor?.userId ?? '00000000-0000-0000-0000-000000000000');
}

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
    const [batch] = await tx.insert(screeningBatches).values({ fileName: fileName.slice(0, 200), total: rows.length, createdBy: actor?.userId ?? null, createdByLabel: actor?.label ?? 'system', partnerId: actor?.partnerId ?? null }).returning();
    if (!batch) throw new Error('batch insert returned nothing');
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(screeningBatchRows).values(
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
  const [batch] = await tx
    .insert(screeningBatches)
    .values({ source: 'single', fileName: query.name.slice(0, 200), status: 'done', total: 1, processed: 1, hitRows: hits.length ? 1 : 0, createdBy: actor?.userId ?? null, createdByLabel: actor?.label ?? 'system', partnerId: actor?.partnerId ?? null, finishedAt: new Date() })
    .returning({ id: screeningBatches.id });
  if (!batch) throw new Error('batch insert returned nothing');
  await tx.insert(screeningBatchRows).values({ batchId: batch.id, rowNumber: 1, rowId: 'single', name: query.name.slice(0, 2000), dob: query.dob ?? null, nationality: query.nationality ?? null, hits: hits.map((hit) => ({ ref: hit.ref, score: hit.score, name: hit.name })) });
}

/**
 * Screens the next chunk of waiting rows of any batch. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so several processes can share the queue, and a row is done only once its hits are written: after a
 * restart the worker simply carries on. Returns how many rows it screened.
 */
export async function screenNextChunk(db: Db): Promise<number> {
  const screener = await currentScreener(db);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(screeningBatchRows)
      .where(or(isNull(screeningBatchRows.hits), eq(screeningBatchRows.rescreen, true)))
      .orderBy(asc(screeningBatchRows.batchId), asc(screeningBatchRows.rowNumber))
      .limit(CHUNK)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;
    const rescreened = rows.filter((row) => row.rescreen && row.hits !== null);
    await rescreenRows(tx, screener, rescreened);
    const fresh = rows.filter((row) => !(row.rescreen && row.hits !== null));
    if (fresh.length === 0) return rows.length;
    const touched = new Map<string, { processed: number; hitRows: number }>();
    for (const row of fresh) {
      const query = { name: row.name, ...(row.dob ? { dob: row.dob } : {}), ...(row.nationality ? { nationality: row.nationality } : {}) };
      const { hits } = row.name.trim() ? await applyDecisions(tx, row.name, screener.screen(query)) : { hits: [] };
      await tx
        .update(screeningBatchRows)
        .set({ hits: hits.map((hit) => ({ ref: hit.ref, score: hit.score, name: hit.name })), rescreen: false })
        .where(and(eq(screeningBatchRows.batchId, row.batchId), eq(screeningBatchRows.rowNumber, row.rowNumber)));
      const counts = touched.get(row.batchId) ?? { processed: 0, hitRows: 0 };
      counts.processed++;
      if (hits.length) counts.hitRows++;
      touched.set(row.batchId, counts);
    }
    for (const [batchId, counts] of touched) {
      await tx
        .update(screeningBatches)
        .set({
          processed: sql`${screeningBatches.processed} + ${counts.processed}`,
          hitRows: sql`${screeningBatches.hitRows} + ${counts.hitRows}`,
          status: sql`case when ${screeningBatches.processed} + ${counts.processed} >= ${screeningBatches.total} then 'done'::screening_batch_status else 'running'::screening_batch_status end`,
          finishedAt: sql`case when ${screeningBatches.processed} + ${counts.processed} >= ${screeningBatches.total} then now() else null end`,
        })
        .where(eq(screeningBatches.id, batchId));
    }
    return rows.length;
  });
}

/**
 * Screens already-screened rows again after a list update: a hit on an entity the row did not hit
 * before is raised as an alert; the row's hits become the new ones.
 */
async function rescreenRows(tx: Db, screener: Screener, rows: (typeof screeningBatchRows.$inferSelect)[]): Promise<void> {
  for (const row of rows) {
    const query = { name: row.name, ...(row.dob ? { dob: row.dob } : {}), ...(row.nationality ? { nationality: row.nationality } : {}) };
    const { hits } = row.name.trim() ? await applyDecisions(tx, row.name, screener.screen(query)) : { hits: [] };
    const before = new Set((row.hits ?? []).map((hit) => hit.ref));
    const raised = hits.filter((hit) => !before.has(hit.ref));
    if (raised.length) await tx.insert(screeningAlerts).values(raised.map((hit) => ({ batchId: row.batchId, rowNumber: row.rowNumber, name: row.name, ref: hit.ref, score: String(hit.score), listedName: hit.name })));
    await tx
      .update(screeningBatchRows)
      .set({ hits: hits.map((hit) => ({ ref: hit.ref, score: hit.score, name: hit.name })), rescreen: false })
      .where(and(eq(screeningBatchRows.batchId, row.batchId), eq(screeningBatchRows.rowNumber, row.rowNumber)));
  }
}

/** After a list update every name screened so far is screened again (by the worker, in the background). */
export async function queueRescreening(tx: Db): Promise<void> {
  await tx.update(screeningBatchRows).set({ rescreen: true }).where(isNotNull(screeningBatchRows.hits));
}

/** New hits raised for a batch's names by list updates, newest first. */
export async function alertsOf(db: Db, actor: MaybeActor, batchId: string) {
  await batchRecord(db, actor, batchId);
  return db.select().from(screeningAlerts).where(eq(screeningAlerts.batchId, batchId)).orderBy(desc(screeningAlerts.raisedAt));
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

/** Uploaded batches the actor may see, newest first. */
export async function listBatches(db: Db, actor: MaybeActor): Promise<BatchRow[]> {
  await authorizeScreening(db, actor);
  return db.select().from(screeningBatches).where(and(eq(screeningBatches.source, 'file'), visibleBatches(actor))).orderBy(desc(screeningBatches.createdAt)).limit(200);
}

export const ALERTS_PAGE_SIZE = 50;

/**
 * New hits raised by list updates on every name the actor may see — batch rows and names screened on
 * their own — newest first, a page at a time.
 */
export async function listAlerts(db: Db, actor: MaybeActor, page = 1) {
  await authorizeScreening(db, actor);
  const visible = visibleBatches(actor);
  const [total] = await db.select({ n: count() }).from(screeningAlerts).innerJoin(screeningBatches, eq(screeningBatches.id, screeningAlerts.batchId)).where(visible);
  const rows = await db
    .select({ alert: screeningAlerts, source: screeningBatches.source, fileName: screeningBatches.fileName })
    .from(screeningAlerts)
    .innerJoin(screeningBatches, eq(screeningBatches.id, screeningAlerts.batchId))
    .where(visible)
    .orderBy(desc(screeningAlerts.raisedAt), asc(screeningAlerts.name))
    .limit(ALERTS_PAGE_SIZE)
    .offset((page - 1) * ALERTS_PAGE_SIZE);
  return { total: total?.n ?? 0, rows: rows.map((row) => ({ ...row.alert, source: row.source, fileName: row.fileName })) };
}

export async function batchRecord(db: Db, actor: MaybeActor, id: string) {
  await authorizeScreening(db, actor);
  const [batch] = await db.select().from(screeningBatches).where(and(eq(screeningBatches.id, id), visibleBatches(actor)));
  if (!batch) throw new NotFound('batch');
  return batch;
}

/** The screened rows of a batch, in file order, with their hits. */
export async function batchResults(db: Db, actor: MaybeActor, id: string) {
  const batch = await batchRecord(db, actor, id);
  const rows = await db.select().from(screeningBatchRows).where(eq(screeningBatchRows.batchId, id)).orderBy(asc(screeningBatchRows.rowNumber));
  return { batch, rows };
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
 * confirmed, false positive), a page at a time. The page's hits are screened again so that each comes
 * with its explanation and the listed record.
 */
export async function batchHits(db: Db, actor: MaybeActor, batchId: string, filter: BatchHitFilter, page: number) {
  const batch = await batchRecord(db, actor, batchId);
  const rows = await db
    .select()
    .from(screeningBatchRows)
    .where(and(eq(screeningBatchRows.batchId, batchId), sql`jsonb_array_length(${screeningBatchRows.hits}) > 0`))
    .orderBy(asc(screeningBatchRows.rowNumber));
  const keys = [...new Set(rows.map((row) => nameKey(row.name)).filter(Boolean))];
  const latest = new Map<string, DecisionRow['decision']>();
  for (let start = 0; start < keys.length; start += INSERT_BATCH) {
    const decided = await db
      .select({ nameKey: screeningDecisions.nameKey, ref: screeningDecisions.entityRef, decision: screeningDecisions.decision })
      .from(screeningDecisions)
      .where(inArray(screeningDecisions.nameKey, keys.slice(start, start + INSERT_BATCH)))
      .orderBy(desc(screeningDecisions.decidedAt));
    for (const row of decided) if (!latest.has(`${row.nameKey}\u0000${row.ref}`)) latest.set(`${row.nameKey}\u0000${row.ref}`, row.decision);
  }
  const all = rows.flatMap((row) => {
    const key = nameKey(row.name);
    return (row.hits ?? []).map((stored) => ({ row, stored, decision: latest.get(`${key}\u0000${stored.ref}`) }));
  });
  const counts = { all: all.length, undecided: 0, 'confirmed-match': 0, 'false-positive': 0 } satisfies Record<BatchHitFilter, number>;
  for (const item of all) counts[item.decision ?? 'undecided']++;
  const kept = filter === 'all' ? all : all.filter((item) => (item.decision ?? 'undecided') === filter);
  const screener = await currentScreener(db);
  const items: BatchHit[] = [];
  for (const { row, stored, decision } of kept.slice((page - 1) * BATCH_HITS_PAGE_SIZE, page * BATCH_HITS_PAGE_SIZE)) {
    const query = { name: row.name, ...(row.dob ? { dob: row.dob } : {}), ...(row.nationality ? { nationality: row.nationality } : {}) };
    // Decisions are applied to every hit the name gets, then the one listed entry this item is about is kept.
    const now = (await applyDecisions(db, row.name, screener.screen(query), { keepCleared: true })).hits.find((hit) => hit.ref === stored.ref);
    items.push({ rowNumber: row.rowNumber, rowId: row.rowId, name: row.name, dob: row.dob, nationality: row.nationality, stored, ...(decision ? { decision } : {}), ...(now ? { hit: now } : {}) });
  }
  const shown = items.filter((item) => item.hit !== undefined);
  const withRecords = await withRawRecords(db, shown.map((item) => item.hit as DecidedHit));
  shown.forEach((item, index) => {
    item.hit = withRecords[index];
  });
  return { batch, items, total: kept.length, counts };
}

/** Records a decision on a hit of a batch row: the name decided on is the row's own, never one sent with the form. */
export async function decideBatchHit(db: Db, actor: MaybeActor, batchId: string, rowNumber: number, input: { ref: string; decision: unknown; note: string }) {
  await batchRecord(db, actor, batchId);
  const [row] = await db.select({ name: screeningBatchRows.name }).from(screeningBatchRows).where(and(eq(screeningBatchRows.batchId, batchId), eq(screeningBatchRows.rowNumber, rowNumber)));
  if (!row) throw new NotFound('batch');
  return decideHit(db, actor, { name: row.name, ref: input.ref, decision: input.decision, note: input.note });
}
