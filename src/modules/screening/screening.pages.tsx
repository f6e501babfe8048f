import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem } from '../../platform/errors.ts';
import { reshowFormWhenTooLarge } from '../../platform/views/upload-too-large.ts';
import { can } from '../../platform/authz.ts';
import { InvalidInput } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { parseInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { ListFileError } from './list-files.ts';
import { bufferSource } from './list-source.ts';
import { currentScreener, importListFiles, listVersions, screenName, versionChanges, authorizeScreening } from './sanctions-lists.service.ts';
import { ScreenQuery } from './screening.schema.ts';
import { ChangesPage, DecisionsPage, ListsPage, ScreeningPage } from './screening.views.tsx';
import { alertsOf, BATCH_HIT_FILTERS, type BatchHitFilter, batchHits, batchResults, decideBatchHit, listAlerts, listBatches, submitBatch } from './batches.service.ts';
import { AlertsPage, BatchPage, BatchesPage } from './batches.views.tsx';
import { toCsv } from '../../platform/csv.ts';
import { sendCsv, sendPage } from '../../platform/views/render.ts';
import { sendXlsx } from '../../platform/views/xlsx.ts';
import { decideHit, listDecisions } from './decisions.service.ts';
import { costlyAction } from '../../platform/rate-limit.ts';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const BatchQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  filter: Type.Optional(Type.Enum(BATCH_HIT_FILTERS)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
const PageQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  before: Type.Optional(Type.String({ maxLength: 100 })),
  after: Type.Optional(Type.String({ maxLength: 100 })),
});
/** Upload fields and the file names the list readers know them by. */
const UPLOAD_FIELDS = { un: 'UN_consolidated.xml', eu: 'EU_financial_sanctions.xml', uk: 'UK_ConList.csv', sdn: 'sdn.csv', alt: 'alt.csv', consPrim: 'cons_prim.csv', consAlt: 'cons_alt.csv' } as const;

export const screeningPages: AppModule = async (app, { db, config }) => {
  app.get('/screening', { config: { access: 'signed-in' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => {
    await authorizeScreening(db, request.actor);
    return sendPage(reply, <ScreeningPage ctx={pageContext(request)} listed={(await currentScreener(db)).size} />);
  });

  app.post('/screening', { config: { access: 'signed-in', rateLimit: costlyAction(config) }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, string>;
    const values = { name: body.name ?? '', dob: body.dob ?? '', nationality: body.nationality ?? '' };
    try {
      const query = parseInput(ScreenQuery, { name: values.name, ...(values.dob ? { dob: values.dob } : {}), ...(values.nationality ? { nationality: values.nationality } : {}) });
      const { hits, cleared, listed } = await screenName(db, request.actor, query);
      return sendPage(reply, <ScreeningPage ctx={pageContext(request)} values={values} hits={hits} cleared={cleared} listed={listed} />);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return sendPage(reply, <ScreeningPage ctx={pageContext(request)} values={values} listed={(await currentScreener(db)).size} errors={error.fields} />, 400);
    }
  });

  /** A decision posted from a hit: recorded, then the same screening shown again with it applied. */
  app.post('/screening/decisions', { config: { access: 'signed-in' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, string>;
    const values = { name: body.name ?? '', dob: body.dob ?? '', nationality: body.nationality ?? '' };
    const query = { name: values.name, ...(values.dob ? { dob: values.dob } : {}), ...(values.nationality ? { nationality: values.nationality } : {}) };
    try {
      await decideHit(db, request.actor, { name: values.name, ref: body.ref ?? '', decision: body.decision, note: body[`note-${body.ref}`] ?? '' });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const { hits, cleared, listed } = await screenName(db, request.actor, parseInput(ScreenQuery, query), { record: false });
      // The note's problem is shown beside the note field of the hit it is about (named after its listing).
      const errors = error.fields.map((problem) => (problem.field === 'note' ? { ...problem, field: `note-${body.ref ?? ''}` } : problem));
      return sendPage(reply, <ScreeningPage ctx={pageContext(request)} values={values} hits={hits} cleared={cleared} listed={listed} errors={errors} />, 400);
    }
    const { hits, cleared, listed } = await screenName(db, request.actor, parseInput(ScreenQuery, query), { record: false });
    return sendPage(reply, <ScreeningPage ctx={pageContext(request)} values={values} hits={hits} cleared={cleared} listed={listed} saved />);
  });

  app.get('/screening/decisions', { config: { access: 'signed-in' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <DecisionsPage ctx={pageContext(request)} rows={await listDecisions(db, request.actor)} />),
  );

  app.get('/screening/batches', { config: { access: 'signed-in' }, schema: { querystring: PageQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <BatchesPage ctx={pageContext(request)} batches={await listBatches(db, request.actor, { before: request.query.before, after: request.query.after })} />),
  );

  const reshowBatches = async (request: FastifyRequest, reply: FastifyReply, errors: FieldProblem[]) =>
    sendPage(reply, <BatchesPage ctx={pageContext(request)} batches={await listBatches(db, request.actor)} errors={errors} />, reply.statusCode);
  app.post('/screening/batches', { config: { access: 'signed-in', rateLimit: costlyAction(config) }, schema: { body: FormBody, hide: true }, errorHandler: reshowFormWhenTooLarge(config.bodyLimitBytes, reshowBatches) }, async (request, reply) => {
    const file = (request.body as Record<string, unknown>).file;
    try {
      if (!Buffer.isBuffer(file) || file.length === 0) throw new InvalidInput([{ field: 'file', message: request.t('partners.importNoFile') }]);
      const batch = await submitBatch(db, request.actor, new TextDecoder('utf-8').decode(file), uploadedName(request.uploadedFileNames?.file));
      return reply.redirect(`/screening/batches/${batch.id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      reply.status(400);
      return reshowBatches(request, reply, error.fields);
    }
  });

  app.get('/screening/alerts', { config: { access: 'signed-in' }, schema: { querystring: PageQuery, hide: true } }, async (request, reply) => {
    const { rows, older, newer } = await listAlerts(db, request.actor, { page: request.query.page, before: request.query.before, after: request.query.after });
    return sendPage(reply, <AlertsPage ctx={pageContext(request)} rows={rows} older={older} newer={newer} />);
  });

  /** A batch: its progress, then its hits under a filter (by decision), a page at a time, each with a decision form. */
  const showBatch = async (request: FastifyRequest, reply: FastifyReply, id: string, view: { filter: BatchHitFilter; page: number; errors?: FieldProblem[] }) => {
    const { batch, items, total, counts } = await batchHits(db, request.actor, id, view.filter, view.page);
    return sendPage(
      reply,
      <BatchPage ctx={pageContext(request)} batch={batch} alerts={await alertsOf(db, request.actor, id)} hits={{ items, total, counts, filter: view.filter, page: view.page }} errors={view.errors} />,
      view.errors ? 400 : 200,
    );
  };

  app.get('/screening/batches/:id', { config: { access: 'signed-in' }, schema: { params: IdParams, querystring: BatchQuery, hide: true } }, async (request, reply) =>
    showBatch(request, reply, request.params.id, { filter: request.query.filter ?? 'all', page: request.query.page ?? 1 }),
  );

  /** A decision on one hit of a batch: recorded against the row's own name, then back to the same filter and page (post/redirect/get). */
  app.post('/screening/batches/:id/decisions', { config: { access: 'signed-in' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, string>;
    const filter = (BATCH_HIT_FILTERS as readonly string[]).includes(body.filter ?? '') ? (body.filter as BatchHitFilter) : 'all';
    const page = Math.min(100_000, Math.max(1, Number.parseInt(body.page ?? '1', 10) || 1));
    const row = Number.parseInt(body.row ?? '', 10);
    try {
      if (!Number.isInteger(row) || row < 1) throw new InvalidInput([{ field: 'row', message: request.t('screening.rowMissing') }]);
      // Each hit's note field is named after its row and listing, so that ids stay unique on a page of hits.
      await decideBatchHit(db, request.actor, request.params.id, row, { ref: body.ref ?? '', decision: body.decision, note: body[`note-${row}-${body.ref ?? ''}`] ?? '' });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      // The problem is shown beside the note field of the hit it is about, and the summary links there.
      const noteField = `note-${row}-${body.ref ?? ''}`;
      return showBatch(request, reply, request.params.id, { filter, page, errors: error.fields.map((problem) => (problem.field === 'note' ? { ...problem, field: noteField } : problem)) });
    }
    const query = new URLSearchParams({ ...(filter === 'all' ? {} : { filter }), ...(page > 1 ? { page: String(page) } : {}) });
    // The confirmation is the platform's one-time message (flash), shown on the page this redirects to.
    return reply.redirect(`/screening/batches/${request.params.id}?${query}#hits`, 303);
  });

  app.get('/screening/batches/:id/results', { config: { access: 'signed-in' }, schema: { params: IdParams, querystring: Type.Object({ format: Type.Enum(['csv', 'xlsx'] as const) }), hide: true } }, async (request, reply) => {
    const { rows } = await batchResults(db, request.actor, request.params.id);
    const columns = ['id', 'name', 'dob', 'nationality', 'hits', 'best_ref', 'best_score', 'best_name', 'all_hits'];
    const cells = rows.map((row) => {
      const hits = row.hits ?? [];
      return [row.rowId, row.name, row.dob ?? '', row.nationality ?? '', hits.length, hits[0]?.ref ?? '', hits[0]?.score ?? '', hits[0]?.name ?? '', hits.map((hit) => `${hit.ref} ${hit.score}`).join('; ')];
    });
    if (request.query.format === 'csv') return sendCsv(reply, 'screening-results.csv', toCsv(columns, cells));
    return sendXlsx(reply, 'screening-results.xlsx', 'results', columns, cells);
  });

  app.get('/screening/lists', { config: { access: 'signed-in' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <ListsPage ctx={pageContext(request)} versions={await listVersions(db, request.actor)} canImport={can(request.actor, 'screening.import')} />),
  );

  const reshowLists = async (request: FastifyRequest, reply: FastifyReply, errors: FieldProblem[]) =>
    sendPage(reply, <ListsPage ctx={pageContext(request)} versions={await listVersions(db, request.actor)} canImport message={errors.map((error) => error.message).join(' ')} />, reply.statusCode);
  app.post('/screening/lists', { config: { access: 'screening.import' }, schema: { body: FormBody, hide: true }, errorHandler: reshowFormWhenTooLarge(config.bodyLimitBytes, reshowLists) }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const files = Object.entries(UPLOAD_FIELDS).flatMap(([field, name]) => {
      const file = body[field];
      return Buffer.isBuffer(file) && file.length ? [bufferSource(name, file)] : [];
    });
    const ctx = pageContext(request);
    try {
      if (!files.length) throw new ListFileError(request.t('partners.importNoFile'));
      const versions = await importListFiles(db, request.actor, files);
      return sendPage(reply, <ListsPage ctx={ctx} versions={await listVersions(db, request.actor)} canImport imported={versions.reduce((sum, version) => sum + version.entityCount, 0)} />);
    } catch (error) {
      if (!(error instanceof ListFileError)) throw error;
      return sendPage(reply, <ListsPage ctx={ctx} versions={await listVersions(db, request.actor)} canImport message={error.message} />, 400);
    }
  });

  app.get('/screening/lists/:id/changes', { config: { access: 'signed-in' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const changes = await versionChanges(db, request.actor, request.params.id);
    return sendPage(reply, <ChangesPage ctx={pageContext(request)} {...changes} />);
  });
};

/** The uploaded file's own name as the sender's browser gave it: the last path segment, controls removed. */
function uploadedName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return base || 'names.csv';
}
