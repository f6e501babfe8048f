/**
 * Every statement of the screening module: the list versions and their entries, batches and their rows,
 * decisions and alerts. The services hold the rules (who may screen, what a decision clears, when a hit
 * becomes an alert) and call these.
 */
import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sanctionedEntities, sanctionsListVersions, screeningAlerts, screeningBatches, screeningBatchRows, screeningDecisions } from '../../db/schema/sanctions.ts';
import { cursorKeyOf, type KeysetRequest, keysetClause } from '../../platform/keyset.ts';

export type BatchRow = typeof screeningBatches.$inferSelect;
export type NewBatchRow = typeof screeningBatches.$inferInsert;
export type BatchRowRow = typeof screeningBatchRows.$inferSelect;
export type NewBatchRowRow = typeof screeningBatchRows.$inferInsert;
export type DecisionRow = typeof screeningDecisions.$inferSelect;
export type NewDecisionRow = typeof screeningDecisions.$inferInsert;
export type AlertRow = typeof screeningAlerts.$inferSelect;
export type NewAlertRow = typeof screeningAlerts.$inferInsert;
export type ListVersionRow = typeof sanctionsListVersions.$inferSelect;
export type NewListVersionRow = typeof sanctionsListVersions.$inferInsert;
export type NewEntityRow = typeof sanctionedEntities.$inferInsert;
export type StoredHit = NonNullable<BatchRowRow['hits']>[number];

/** Who sees which batches: everyone's (undefined), a partner's, or one person's own. */
export type BatchScope = { partnerId: string } | { createdBy: string } | undefined;

function batchesIn(scope: BatchScope): SQL | undefined {
  if (!scope) return undefined;
  return 'partnerId' in scope ? eq(screeningBatches.partnerId, scope.partnerId) : eq(screeningBatches.createdBy, scope.createdBy);
}

function decisionsIn(scope: BatchScope): SQL | undefined {
  if (!scope) return undefined;
  return 'partnerId' in scope ? eq(screeningDecisions.partnerId, scope.partnerId) : eq(screeningDecisions.decidedBy, scope.createdBy);
}

// --- batches and their rows ---

export async function insertBatch(tx: Db, values: NewBatchRow): Promise<BatchRow> {
  const [batch] = await tx.insert(screeningBatches).values(values).returning();
  if (!batch) throw new Error('batch insert returned nothing');
  return batch;
}

export async function insertBatchRows(tx: Db, rows: NewBatchRowRow[]): Promise<void> {
  if (rows.length) await tx.insert(screeningBatchRows).values(rows);
}

/** The next rows waiting to be screened (or screened again), locked for this transaction; rows another process holds are skipped. */
export function claimWaitingRows(tx: Db, limit: number): Promise<BatchRowRow[]> {
  return tx
    .select()
    .from(screeningBatchRows)
    .where(or(isNull(screeningBatchRows.hits), eq(screeningBatchRows.rescreen, true)))
    .orderBy(asc(screeningBatchRows.batchId), asc(screeningBatchRows.rowNumber))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Writes a screened row's hits, with its name as decisions remember it (so that its hits filter by decision in SQL). */
export async function setRowHits(tx: Db, row: Pick<BatchRowRow, 'batchId' | 'rowNumber'>, hits: StoredHit[], nameKey: string): Promise<void> {
  await tx
    .update(screeningBatchRows)
    .set({ hits, rescreen: false, nameKey })
    .where(and(eq(screeningBatchRows.batchId, row.batchId), eq(screeningBatchRows.rowNumber, row.rowNumber)));
}

/** Adds to a batch's progress; the batch is done once every row has been screened. */
export async function addBatchProgress(tx: Db, batchId: string, counts: { processed: number; hitRows: number }): Promise<void> {
  const done = sql`${screeningBatches.processed} + ${counts.processed} >= ${screeningBatches.total}`;
  await tx
    .update(screeningBatches)
    .set({
      processed: sql`${screeningBatches.processed} + ${counts.processed}`,
      hitRows: sql`${screeningBatches.hitRows} + ${counts.hitRows}`,
      status: sql`case when ${done} then 'done'::screening_batch_status else 'running'::screening_batch_status end`,
      finishedAt: sql`case when ${done} then now() else null end`,
    })
    .where(eq(screeningBatches.id, batchId));
}

/** Marks every row screened so far to be screened again. */
export async function markAllForRescreening(tx: Db): Promise<void> {
  await tx.update(screeningBatchRows).set({ rescreen: true }).where(isNotNull(screeningBatchRows.hits));
}

export async function findBatch(db: Db, id: string, scope: BatchScope): Promise<BatchRow | undefined> {
  const [batch] = await db.select().from(screeningBatches).where(and(eq(screeningBatches.id, id), batchesIn(scope)));
  return batch;
}

/** Uploaded batches, newest first, at most `limit`. */
const BATCH_KEYSET = { key: screeningBatches.createdAt, id: screeningBatches.id };

/** Uploaded batches in scope, newest first, read by keyset on (time uploaded, id) through their index. */
export async function findFileBatches(db: Db, scope: BatchScope, request: KeysetRequest, limit: number) {
  const { where, orderBy } = keysetClause(BATCH_KEYSET, request);
  const rows = await db
    .select({ batch: screeningBatches, cursorKey: cursorKeyOf(BATCH_KEYSET) })
    .from(screeningBatches)
    .where(and(eq(screeningBatches.source, 'file'), batchesIn(scope), where))
    .orderBy(...orderBy)
    .limit(limit);
  return rows.map((row) => ({ ...row.batch, cursorKey: row.cursorKey }));
}

/** A batch's rows in file order. */
export function rowsOfBatch(db: Db, batchId: string): Promise<BatchRowRow[]> {
  return db.select().from(screeningBatchRows).where(eq(screeningBatchRows.batchId, batchId)).orderBy(asc(screeningBatchRows.rowNumber));
}

/** What the batch page filters by: the latest decision on a hit's (name, listed entry), or none. */
export type HitDecision = DecisionRow['decision'] | 'undecided';

/**
 * Every hit of a batch, one per row and listed entry (the stored hits unnested, in file order), with the
 * latest decision on its name and entry — through the rows-with-hits index and the decisions' key index.
 */
const hitsOfBatch = (batchId: string) => sql`
  SELECT r.row_number, r.row_id, r.name, r.dob, r.nationality, h.ord, h.hit,
         coalesce((SELECT d.decision::text FROM ${screeningDecisions} d
                   WHERE d.name_key = r.name_key AND d.entity_ref = h.hit->>'ref'
                   ORDER BY d.decided_at DESC LIMIT 1), 'undecided') AS decision
  FROM ${screeningBatchRows} r
  CROSS JOIN LATERAL jsonb_array_elements(r.hits) WITH ORDINALITY AS h(hit, ord)
  WHERE r.batch_id = ${batchId} AND jsonb_array_length(r.hits) > 0`;

/** The rows of a plain SQL statement (both drivers answer with `rows`). */
const rowsOf = async <T>(db: Db, statement: SQL): Promise<T[]> => ((await db.execute(statement)) as unknown as { rows: T[] }).rows;

export interface BatchHitRow {
  rowNumber: number;
  rowId: string;
  name: string;
  dob: string | null;
  nationality: string | null;
  stored: StoredHit;
  decision: HitDecision;
}

/** A page of a batch's hits whose latest decision is `decision` (any, for 'all'), in file order. */
export async function batchHitPage(db: Db, batchId: string, decision: HitDecision | 'all', offset: number, limit: number): Promise<BatchHitRow[]> {
  const rows = await rowsOf<{ row_number: number; row_id: string; name: string; dob: string | null; nationality: string | null; hit: StoredHit; decision: HitDecision }>(db, sql`
    SELECT * FROM (${hitsOfBatch(batchId)}) AS hits
    ${decision === 'all' ? sql.empty() : sql`WHERE decision = ${decision}`}
    ORDER BY row_number, ord
    LIMIT ${limit} OFFSET ${offset}`);
  return rows.map((row) => ({ rowNumber: Number(row.row_number), rowId: row.row_id, name: row.name, dob: row.dob, nationality: row.nationality, stored: row.hit, decision: row.decision }));
}

/** How many hits of a batch are under each latest decision, counted in the database. */
export async function batchHitCounts(db: Db, batchId: string): Promise<Map<HitDecision, number>> {
  const rows = await rowsOf<{ decision: HitDecision; n: number }>(db, sql`SELECT decision, count(*)::int AS n FROM (${hitsOfBatch(batchId)}) AS hits GROUP BY decision`);
  return new Map(rows.map((row) => [row.decision, Number(row.n)]));
}

export async function findBatchRowName(db: Db, batchId: string, rowNumber: number): Promise<string | undefined> {
  const [row] = await db.select({ name: screeningBatchRows.name }).from(screeningBatchRows).where(and(eq(screeningBatchRows.batchId, batchId), eq(screeningBatchRows.rowNumber, rowNumber)));
  return row?.name;
}

// --- alerts ---

export async function insertAlerts(tx: Db, alerts: NewAlertRow[]): Promise<void> {
  if (alerts.length) await tx.insert(screeningAlerts).values(alerts);
}

export function alertsOfBatch(db: Db, batchId: string): Promise<AlertRow[]> {
  return db.select().from(screeningAlerts).where(eq(screeningAlerts.batchId, batchId)).orderBy(desc(screeningAlerts.raisedAt));
}

const ALERT_KEYSET = { key: screeningAlerts.raisedAt, id: screeningAlerts.id };

/**
 * A page of alerts on the batches in scope, newest first, read by keyset on (time raised, id) through
 * `screening_alerts_raised_idx`; `offset` serves the older page numbers.
 */
export async function findAlerts(db: Db, scope: BatchScope, request: KeysetRequest & { offset?: number }, limit: number) {
  const { where, orderBy } = keysetClause(ALERT_KEYSET, request);
  const rows = await db
    .select({ alert: screeningAlerts, source: screeningBatches.source, fileName: screeningBatches.fileName, cursorKey: cursorKeyOf(ALERT_KEYSET) })
    .from(screeningAlerts)
    .innerJoin(screeningBatches, eq(screeningBatches.id, screeningAlerts.batchId))
    .where(and(batchesIn(scope), where))
    .orderBy(...orderBy)
    .limit(limit)
    .offset(where ? 0 : (request.offset ?? 0));
  return rows.map((row) => ({ ...row.alert, source: row.source, fileName: row.fileName, cursorKey: row.cursorKey }));
}

/** How many alerts the batches in scope have, counted no further than `upTo`. */
export async function countAlerts(db: Db, scope: BatchScope, upTo: number): Promise<number> {
  const matching = db.select({ id: screeningAlerts.id }).from(screeningAlerts).innerJoin(screeningBatches, eq(screeningBatches.id, screeningAlerts.batchId)).where(batchesIn(scope)).limit(upTo).as('matching');
  const [counted] = await db.select({ n: count() }).from(matching);
  return counted?.n ?? 0;
}

// --- decisions ---

export async function insertDecision(tx: Db, values: NewDecisionRow): Promise<DecisionRow> {
  const [row] = await tx.insert(screeningDecisions).values(values).returning();
  if (!row) throw new Error('decision insert returned nothing');
  return row;
}

/** Decisions on one name for some listed entries, latest first. */
export function decisionsOn(db: Db, nameKey: string, refs: string[]): Promise<DecisionRow[]> {
  return db
    .select()
    .from(screeningDecisions)
    .where(and(eq(screeningDecisions.nameKey, nameKey), inArray(screeningDecisions.entityRef, refs)))
    .orderBy(desc(screeningDecisions.decidedAt));
}

/** The decisions on any of these names about any of these entries, latest first (a page of hits: a few of each). */
export function decisionsOnNames(db: Db, nameKeys: string[], refs: string[]): Promise<DecisionRow[]> {
  if (nameKeys.length === 0 || refs.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(screeningDecisions)
    .where(and(inArray(screeningDecisions.nameKey, nameKeys), inArray(screeningDecisions.entityRef, refs)))
    .orderBy(desc(screeningDecisions.decidedAt));
}

export function listDecisionsIn(db: Db, scope: BatchScope, limit: number): Promise<DecisionRow[]> {
  return db.select().from(screeningDecisions).where(decisionsIn(scope)).orderBy(desc(screeningDecisions.decidedAt)).limit(limit);
}

// --- list versions and their entries ---

export async function insertListVersion(tx: Db, values: NewListVersionRow): Promise<ListVersionRow> {
  const [version] = await tx.insert(sanctionsListVersions).values(values).returning();
  if (!version) throw new Error('version insert returned nothing');
  return version;
}

export async function insertEntities(tx: Db, rows: NewEntityRow[]): Promise<void> {
  if (rows.length) await tx.insert(sanctionedEntities).values(rows);
}

export function listVersionsNewestFirst(db: Db): Promise<ListVersionRow[]> {
  return db.select().from(sanctionsListVersions).orderBy(desc(sanctionsListVersions.importedAt));
}

export async function findListVersion(db: Db, id: string): Promise<ListVersionRow | undefined> {
  const [version] = await db.select().from(sanctionsListVersions).where(eq(sanctionsListVersions.id, id));
  return version;
}

/** The version of the same list imported just before this one. */
export async function previousListVersion(db: Db, version: ListVersionRow): Promise<ListVersionRow | undefined> {
  const [previous] = await db
    .select()
    .from(sanctionsListVersions)
    .where(and(eq(sanctionsListVersions.list, version.list), sql`${sanctionsListVersions.importedAt} < ${version.importedAt}`))
    .orderBy(desc(sanctionsListVersions.importedAt))
    .limit(1);
  return previous;
}

/** A version's entries, by reference, with what tells an amendment. */
export function entrySummaries(db: Db, versionId: string) {
  return db.select({ ref: sanctionedEntities.ref, fingerprint: sanctionedEntities.fingerprint, names: sanctionedEntities.names }).from(sanctionedEntities).where(eq(sanctionedEntities.versionId, versionId));
}

/** The latest version of each list: the lists in force. */
export async function currentVersionIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinctOn([sanctionsListVersions.list], { id: sanctionsListVersions.id })
    .from(sanctionsListVersions)
    .orderBy(asc(sanctionsListVersions.list), desc(sanctionsListVersions.importedAt));
  return rows.map((row) => row.id);
}

/** The entries of these versions with what matching needs; the raw records stay in the database. */
export function entriesForMatching(db: Db, versionIds: string[]) {
  const { raw: _raw, ...matchingColumns } = getTableColumns(sanctionedEntities);
  return db.select(matchingColumns).from(sanctionedEntities).where(inArray(sanctionedEntities.versionId, versionIds));
}

/** The raw records of some entries of these versions, by reference. */
export async function rawRecords(db: Db, versionIds: string[], refs: string[]): Promise<Map<string, unknown>> {
  const rows = await db
    .select({ ref: sanctionedEntities.ref, raw: sanctionedEntities.raw })
    .from(sanctionedEntities)
    .where(and(inArray(sanctionedEntities.versionId, versionIds), inArray(sanctionedEntities.ref, refs)));
  return new Map(rows.map((row) => [row.ref, row.raw]));
}
