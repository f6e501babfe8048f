import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { Conflict, InvalidInput, NotFound } from '../../platform/errors.ts';
import { type DocumentKind, documentText } from './document-text.ts';
import { extractOffThread } from './extraction-thread.ts';
import { liveGazetteer } from './live-gazetteer.ts';
import { type FactValues, applyFact } from './fact-appliers.ts';
import { earlierMeetingChoices } from './earlier-meetings.ts';
import * as repo from './ingest.repo.ts';
import { proposedFacts } from './proposals.ts';
import { withUsdAmounts } from './usd-amounts.ts';
import { say } from '../../platform/i18n/say.ts';

/** The same readout saved twice, or pasted with other line breaks, has the same fingerprint. */
const textFingerprint = (text: string) => createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');

/** A readout without a title line is listed by its opening words. */
const untitled = (text: string) => {
  const opening = text.trim().split('\n')[0] ?? '';
  return opening.length > 100 ? `${opening.slice(0, 100).replace(/\s+\S*$/, '')}…` : opening;
};

export interface IngestInput {
  bytes: Buffer;
  kind?: DocumentKind;
  fileName: string;
  publishedOn?: string | null;
}

/**
 * Reads a readout and keeps it with every proposed fact, each tied to its span; nothing else is
 * recorded until a person accepts a fact. A document already ingested is refused with where it is.
 */
export async function ingestDocument(db: Db, actor: MaybeActor, input: IngestInput) {
  authorize(actor, 'ingest.run');
  if (input.publishedOn && !/^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn)) throw new InvalidInput([{ field: 'publishedOn', message: say('problem.publicationDateFormat') }]);
  const { kind, text } = await documentText(input.bytes, input.kind);
  const fingerprint = textFingerprint(text);
  const already = await repo.documentWithFingerprint(db, fingerprint);
  if (already) throw new Conflict(say('problem.alreadyIngested', { date: already.createdAt.toISOString().slice(0, 10), by: already.createdByLabel, path: `/ingest/${already.id}` }), [{ field: 'file', message: say('problem.alreadyIngestedField', { path: `/ingest/${already.id}` }) }]);
  // Read on the extraction thread, within its time budget: a hostile document cannot stall the server.
  const extraction = await withUsdAmounts(db, actor, await extractOffThread(text, { publishedOn: input.publishedOn ?? null, registry: await liveGazetteer(db, actor) }), input.publishedOn ?? null);
  const facts = proposedFacts(extraction, text.length);
  // A reference to a meeting already recorded is proposed with that meeting: the same guess the review's drop-down preselects.
  for (const fact of facts) if (fact.kind === 'reference') fact.proposal.earlierMeetingId = (await earlierMeetingChoices(db, actor, fact.proposal, null)).guess;
  return db.transaction(async (tx) => {
    const document = await repo.insertDocument(
      tx,
      { textSha256: fingerprint, title: (extraction.title ?? untitled(text)).slice(0, 500), fileName: input.fileName.slice(0, 200), sourceKind: kind, publishedOn: input.publishedOn ?? null, text, notes: extraction.notes, createdBy: actor?.userId ?? null, createdByLabel: actor?.label ?? 'system' },
      facts,
    );
    await appendAudit(tx, actor, { action: 'ingest.document-ingested', entityType: 'ingest-document', entityId: document.id, detail: { title: document.title, facts: facts.length, sha256: fingerprint } });
    return document;
  });
}

/** Ingested documents, newest first, with how many of their facts still wait for a decision. */
export async function listDocuments(db: Db, actor: MaybeActor) {
  authorize(actor, 'ingest.run');
  return repo.documentsWithCounts(db, 200);
}

export async function documentRecord(db: Db, actor: MaybeActor, id: string) {
  authorize(actor, 'ingest.run');
  const document = await repo.findDocument(db, id);
  if (!document) throw new NotFound('document');
  const facts = await repo.factsOf(db, id);
  return { document, facts };
}

export interface Decision {
  decision: 'accept' | 'reject';
  /** The reviewer's corrections to the proposal, field by field. */
  values?: FactValues;
  note?: string;
}

/**
 * Accepts a fact — creating its record through the domain's own service, in one transaction with the
 * decision and its audit event — or rejects it. A fact is decided once.
 */
export async function decideFact(db: Db, actor: MaybeActor, documentId: string, factId: string, decision: Decision) {
  const { document, facts } = await documentRecord(db, actor, documentId);
  const fact = facts.find((candidate) => candidate.id === factId);
  if (!fact) throw new NotFound('fact');
  if (fact.status !== 'proposed') throw new Conflict(say('problem.factDecided', { status: fact.status, by: fact.decidedByLabel ?? '—' }));
  const note = (decision.note ?? '').trim().slice(0, 2000);
  return db.transaction(async (tx) => {
    // Two reviewers accepting the same fact at once: the second waits here for the first to finish, then
    // finds it decided and gets 409 — before any record is made twice.
    const locked = await repo.lockedDecision(tx, fact.id);
    if (locked?.status !== 'proposed') throw new Conflict(say('problem.factDecided', { status: locked?.status ?? 'rejected', by: locked?.by ?? '—' }));
    const values = { ...fact.proposal, ...(decision.values ?? {}) };
    const record = decision.decision === 'accept' ? await applyFact(tx, actor, document, facts, fact, values) : { recordType: null, recordId: null };
    const decided = await repo.recordDecision(tx, fact.id, { status: decision.decision === 'accept' ? 'accepted' : 'rejected', accepted: decision.decision === 'accept' ? values : null, ...record, note, decidedBy: actor?.userId ?? null, decidedByLabel: actor?.label ?? 'system', decidedAt: new Date() });
    if (!decided) throw new Conflict(say('problem.factDecidedMeanwhile'));
    await appendAudit(tx, actor, { action: decision.decision === 'accept' ? 'ingest.fact-accepted' : 'ingest.fact-rejected', entityType: 'ingest-fact', entityId: fact.id, detail: { documentId, kind: fact.kind, record: record.recordId ? `${record.recordType}:${record.recordId}` : null, edited: Object.keys(decision.values ?? {}).filter((key) => JSON.stringify(decision.values?.[key]) !== JSON.stringify(fact.proposal[key])) } });
    return decided;
  });
}
