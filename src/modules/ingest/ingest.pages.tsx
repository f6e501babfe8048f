import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Conflict, type FieldProblem, InvalidInput } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { reshowFormWhenTooLarge } from '../../platform/views/upload-too-large.ts';
import { decideFact, documentRecord, ingestDocument, listDocuments } from './documents.service.ts';
import type { FactRow, FactValues } from './fact-appliers.ts';
import { IngestPage, ReviewPage } from './ingest.views.tsx';
import { referenceMeetings } from './earlier-meetings.ts';
import { say } from '../../platform/i18n/say.ts';
import { costlyAction } from '../../platform/rate-limit.ts';
import { flashAs } from '../../platform/flash.ts';

const FactParams = Type.Object({ id: Type.String({ format: 'uuid' }), factId: Type.String({ format: 'uuid' }) });

/** The form's fields for one fact ("v3-date") back as the proposal's values, lists and flags restored. */
export function editedValues(fact: FactRow, body: Record<string, unknown>): FactValues {
  const prefix = `v${fact.position}-`;
  const values: FactValues = {};
  for (const [field, proposed] of Object.entries(fact.proposal)) {
    const raw = body[`${prefix}${field}`];
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    if (Array.isArray(proposed)) values[field] = value.split(',').map((part) => part.trim()).filter(Boolean);
    else if (typeof proposed === 'boolean') values[field] = /^(true|yes|1)$/i.test(value);
    else if (typeof proposed === 'number') values[field] = value === '' ? null : Number(value);
    else values[field] = value === '' ? null : value;
  }
  return values;
}

/** What a refusal says, field by field; a conflict that names no field is put on `field`. */
const problemsOf = (error: InvalidInput | Conflict, field: string): FieldProblem[] => (error.fields.length ? error.fields : [{ field, message: error.message }]);

export const ingestPages: AppModule = async (app, { db, config }) => {
  const reshowUpload = async (request: FastifyRequest, reply: FastifyReply, errors: FieldProblem[], values?: Record<string, string>) =>
    sendPage(reply, <IngestPage ctx={pageContext(request)} documents={await listDocuments(db, request.actor)} errors={errors} values={values} />, reply.statusCode === 200 ? 400 : reply.statusCode);

  app.get('/ingest', { config: { access: 'ingest.run' }, schema: { hide: true } }, async (request, reply) => sendPage(reply, <IngestPage ctx={pageContext(request)} documents={await listDocuments(db, request.actor)} />));

  app.post('/ingest', { config: { access: 'ingest.run', rateLimit: costlyAction(config) }, schema: { body: FormBody, hide: true }, errorHandler: reshowFormWhenTooLarge(config.bodyLimitBytes, reshowUpload) }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const file = Buffer.isBuffer(body.file) && body.file.length > 0 ? body.file : null;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const values = { text: pasted, publishedOn: typeof body.publishedOn === 'string' ? body.publishedOn : '' };
    try {
      if (!file && !pasted.trim()) throw new InvalidInput([{ field: 'file', message: request.t('ingest.noInput') }]);
      const document = await ingestDocument(db, request.actor, { bytes: file ?? Buffer.from(pasted), kind: file ? undefined : 'text', fileName: file ? 'uploaded file' : 'pasted text', publishedOn: values.publishedOn || null });
      flashAs(reply, 'read');
      return reply.redirect(`/ingest/${document.id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput) && !(error instanceof Conflict)) throw error;
      reply.status(error instanceof Conflict ? 409 : 400);
      return reshowUpload(request, reply, problemsOf(error, 'file'), values);
    }
  });

  app.get('/ingest/:id', { config: { access: 'ingest.run' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const { document, facts } = await documentRecord(db, request.actor, request.params.id);
    return sendPage(reply, <ReviewPage ctx={pageContext(request)} document={document} facts={facts} references={await referenceMeetings(db, request.actor, facts)} />);
  });

  /** Accept (with the reviewer's edits) or reject one fact; errors come back beside that fact's form. */
  app.post('/ingest/:id/facts/:factId', { config: { access: 'ingest.run' }, schema: { params: FactParams, body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const { facts } = await documentRecord(db, request.actor, request.params.id);
    const fact = facts.find((candidate) => candidate.id === request.params.factId);
    try {
      if (!fact) throw new InvalidInput([{ field: 'fact', message: say('problem.noSuchFact') }]);
      const decision = body.decision === 'reject' ? 'reject' : 'accept';
      await decideFact(db, request.actor, request.params.id, fact.id, { decision, values: editedValues(fact, body), note: typeof body[`v${fact.position}-note`] === 'string' ? (body[`v${fact.position}-note`] as string) : '' });
      flashAs(reply, 'decided');
      return reply.redirect(`/ingest/${request.params.id}#review-${fact.position}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput) && !(error instanceof Conflict)) throw error;
      const prefix = fact ? `v${fact.position}-` : '';
      const problems = problemsOf(error, 'decision').map((problem) => ({ field: `${prefix}${problem.field}`, message: problem.message }));
      const record = await documentRecord(db, request.actor, request.params.id);
      const references = await referenceMeetings(db, request.actor, record.facts);
      return sendPage(reply, <ReviewPage ctx={pageContext(request)} document={record.document} facts={record.facts} errors={problems} errorFact={fact?.id} references={references} />, error instanceof Conflict ? 409 : 400);
    }
  });
};
