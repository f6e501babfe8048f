import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ingestDocuments, ingestFacts } from '../../db/schema/ingest.ts';

// Queries only, on the ingest module's own tables: no permission checks, no rules (documents.service.ts holds them).

export type DocumentRow = typeof ingestDocuments.$inferSelect;
export type FactRow = typeof ingestFacts.$inferSelect;
export type NewDocument = typeof ingestDocuments.$inferInsert;
export type NewFact = Omit<typeof ingestFacts.$inferInsert, 'documentId' | 'position'>;

/** The document already ingested with this text, if any. */
export async function documentWithFingerprint(db: Db, textSha256: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(ingestDocuments).where(eq(ingestDocuments.textSha256, textSha256));
  return row;
}

/** Keeps a document and its proposed facts, numbered in the order given. */
export async function insertDocument(tx: Db, values: NewDocument, facts: NewFact[]): Promise<DocumentRow> {
  const [document] = await tx.insert(ingestDocuments).values(values).returning();
  if (!document) throw new Error('document insert returned nothing');
  if (facts.length) await tx.insert(ingestFacts).values(facts.map((fact, position) => ({ ...fact, documentId: document.id, position })));
  return document;
}

/** Documents, newest first, with how many facts each has and how many still wait for a decision. */
export function documentsWithCounts(db: Db, limit: number) {
  return db
    .select({ document: ingestDocuments, facts: count(ingestFacts.id), waiting: sql<number>`count(*) filter (where ${ingestFacts.status} = 'proposed')`.mapWith(Number) })
    .from(ingestDocuments)
    .leftJoin(ingestFacts, eq(ingestFacts.documentId, ingestDocuments.id))
    .groupBy(ingestDocuments.id)
    .orderBy(desc(ingestDocuments.createdAt))
    .limit(limit);
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(ingestDocuments).where(eq(ingestDocuments.id, id));
  return row;
}

export function factsOf(db: Db, documentId: string): Promise<FactRow[]> {
  return db.select().from(ingestFacts).where(eq(ingestFacts.documentId, documentId)).orderBy(asc(ingestFacts.position));
}

/** A fact's decision as it stands, its row locked until the transaction ends: a second reviewer waits here. */
export async function lockedDecision(tx: Db, factId: string): Promise<{ status: FactRow['status']; by: string | null } | undefined> {
  const [row] = await tx.select({ status: ingestFacts.status, by: ingestFacts.decidedByLabel }).from(ingestFacts).where(eq(ingestFacts.id, factId)).for('update');
  return row;
}

/** Records a decision on a fact still proposed; undefined when it was decided meanwhile. */
export async function recordDecision(tx: Db, factId: string, values: Partial<typeof ingestFacts.$inferInsert>): Promise<FactRow | undefined> {
  const [row] = await tx
    .update(ingestFacts)
    .set(values)
    .where(and(eq(ingestFacts.id, factId), eq(ingestFacts.status, 'proposed')))
    .returning();
  return row;
}
