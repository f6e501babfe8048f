import { Type } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { decideFact, documentRecord, ingestDocument } from './documents.service.ts';
import type { DocumentRow, FactRow } from './fact-appliers.ts';
import { DocumentRequest, DocumentView, ExtractRequest, ExtractResponse, FactDecisionInput } from './ingest.schema.ts';
import { documentOf, extractFromRequest } from './ingest.service.ts';
import { costlyAction } from '../../platform/rate-limit.ts';

const tags = ['ingest'];

function factView(document: DocumentRow, fact: FactRow) {
  return {
    id: fact.id,
    position: fact.position,
    kind: fact.kind,
    proposal: fact.proposal,
    accepted: fact.accepted,
    quote: fact.kind === 'readout' ? '' : document.text.slice(fact.start, fact.end),
    start: fact.start,
    end: fact.end,
    status: fact.status,
    record: fact.recordType && fact.recordId ? { type: fact.recordType, id: fact.recordId } : null,
    note: fact.note,
    decidedBy: fact.decidedByLabel,
    decidedAt: fact.decidedAt?.toISOString() ?? null,
  };
}

const documentView = (document: DocumentRow, facts: FactRow[]) => ({
  id: document.id,
  title: document.title,
  fileName: document.fileName,
  sourceKind: document.sourceKind,
  publishedOn: document.publishedOn,
  text: document.text,
  notes: document.notes,
  createdAt: document.createdAt.toISOString(),
  facts: facts.map((fact) => factView(document, fact)),
});

export const ingestRoutes: AppModule = async (app, { db, config }) => {
  app.post(
    '/api/v1/ingest/extract',
    {
      config: { access: 'ingest.run', rateLimit: costlyAction(config) },
      schema: { tags, summary: 'Read a readout (text, HTML or PDF) into proposed facts, each with its verbatim span; nothing is recorded', body: ExtractRequest, response: { 200: ExtractResponse, ...ProblemResponses } },
    },
    async (request) => extractFromRequest(db, request.actor, request.body),
  );

  app.post(
    '/api/v1/ingest/documents',
    { config: { access: 'ingest.run', rateLimit: costlyAction(config) }, schema: { tags, summary: 'Ingest a readout for review: kept with its proposed facts (409 if it was ingested before)', body: DocumentRequest, response: { 201: DocumentView, ...ProblemResponses } } },
    async (request, reply) => {
      const { fileName, publishedOn, ...content } = request.body;
      const { bytes, kind } = documentOf(content);
      const document = await ingestDocument(db, request.actor, { bytes, kind, fileName: fileName ?? `${kind} document`, publishedOn: publishedOn ?? null });
      const record = await documentRecord(db, request.actor, document.id);
      return reply.status(201).send(documentView(record.document, record.facts));
    },
  );

  app.get('/api/v1/ingest/documents/:id', { config: { access: 'ingest.run' }, schema: { tags, summary: 'An ingested readout with its facts and their decisions', params: IdParams, response: { 200: DocumentView, ...ProblemResponses } } }, async (request) => {
    const { document, facts } = await documentRecord(db, request.actor, request.params.id);
    return documentView(document, facts);
  });

  app.post(
    '/api/v1/ingest/documents/:id/facts/:factId',
    {
      config: { access: 'ingest.run' },
      schema: {
        tags,
        summary: 'Accept a fact (creating its record through the same service as hand entry, with your corrections) or reject it',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), factId: Type.String({ format: 'uuid' }) }),
        body: FactDecisionInput,
        response: { 200: DocumentView, ...ProblemResponses },
      },
    },
    async (request) => {
      await decideFact(db, request.actor, request.params.id, request.params.factId, request.body);
      const { document, facts } = await documentRecord(db, request.actor, request.params.id);
      return documentView(document, facts);
    },
  );
};
