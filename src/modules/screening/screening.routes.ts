import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { Type } from '@fastify/type-provider-typebox';
import { DecisionInput, decideHit } from './decisions.service.ts';
import { screenName } from './sanctions-lists.service.ts';
import { ALERTS_PAGE_SIZE, type BatchRow, batchRecord, batchResults, listAlerts, submitBatch } from './batches.service.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { ScreenQuery, ScreenResult } from './screening.schema.ts';
import { costlyAction } from '../../platform/rate-limit.ts';

const Alert = Type.Object({
  id: Type.String(),
  raisedAt: Type.String({ format: 'date-time' }),
  name: Type.String({ description: 'the name as screened' }),
  ref: Type.String(),
  score: Type.Number(),
  listedName: Type.String(),
  screenedIn: Type.Object({ batchId: Type.String(), source: Type.Union([Type.Literal('file'), Type.Literal('single')]), fileName: Type.String() }),
});

const Batch = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')]),
  total: Type.Integer(),
  processed: Type.Integer(),
  rowsWithHits: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const batchView = (batch: BatchRow) => ({ id: batch.id, fileName: batch.fileName, status: batch.status, total: batch.total, processed: batch.processed, rowsWithHits: batch.hitRows, createdAt: batch.createdAt.toISOString(), finishedAt: batch.finishedAt?.toISOString() ?? null });
const BatchHit = Type.Object({ ref: Type.String(), score: Type.Number(), name: Type.String() });

export const screeningRoutes: AppModule = async (app, { db, config }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/screening/batches',
    {
      config: { access: 'signed-in', rateLimit: costlyAction(config) },
      schema: {
        tags: ['screening'],
        summary: 'Queue a CSV of names (id,name[,dob,nationality]) for screening in the background; poll the batch for progress',
        consumes: ['text/csv'],
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
        body: Type.String(),
        response: { 202: Batch, ...ProblemResponses },
      },
    },
    async (request, reply) => reply.status(202).send(batchView(await submitBatch(db, request.actor, request.body, request.query.fileName ?? 'names.csv'))),
  );
  app.get(
    '/api/v1/screening/batches/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['screening'], summary: 'A batch: status and progress', params: IdParams, response: { 200: Batch, ...ProblemResponses } } },
    async (request) => batchView(await batchRecord(db, request.actor, request.params.id)),
  );
  app.get(
    '/api/v1/screening/batches/:id/results',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['screening'],
        summary: "A batch's rows in file order with their hits (null while a row waits to be screened)",
        params: IdParams,
        response: { 200: Type.Object({ batch: Batch, rows: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), dob: Type.Union([Type.String(), Type.Null()]), nationality: Type.Union([Type.String(), Type.Null()]), hits: Type.Union([Type.Array(BatchHit), Type.Null()]) })) }), ...ProblemResponses },
      },
    },
    async (request) => {
      const { batch, rows } = await batchResults(db, request.actor, request.params.id);
      return { batch: batchView(batch), rows: rows.map((row) => ({ id: row.rowId, name: row.name, dob: row.dob, nationality: row.nationality, hits: row.hits })) };
    },
  );
  app.get(
    '/api/v1/screening/alerts',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['screening'],
        summary: 'New hits raised by list updates on names screened earlier (batches and single names the caller may see), newest first',
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          before: Type.Optional(Type.String({ maxLength: 100, description: 'the next (older) page: `older` of the page before' })),
          after: Type.Optional(Type.String({ maxLength: 100, description: 'the previous (newer) page: `newer` of the page after' })),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer({ description: 'counted up to 10,000; see totalIsLowerBound' }),
            totalIsLowerBound: Type.Boolean(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            older: Type.Optional(Type.String({ description: 'pass as `before` for the next (older) page; absent on the oldest' })),
            newer: Type.Optional(Type.String({ description: 'pass as `after` for the previous (newer) page; absent on the newest' })),
            alerts: Type.Array(Alert),
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request) => {
      const { page = 1, before, after } = request.query;
      const { rows, total, totalIsLowerBound, older, newer } = await listAlerts(db, request.actor, { page, before, after });
      return {
        total,
        totalIsLowerBound,
        page,
        pageSize: ALERTS_PAGE_SIZE,
        older,
        newer,
        alerts: rows.map((row) => ({ id: row.id, raisedAt: row.raisedAt.toISOString(), name: row.name, ref: row.ref, score: Number(row.score), listedName: row.listedName, screenedIn: { batchId: row.batchId, source: row.source, fileName: row.fileName } })),
      };
    },
  );

  app.post(
    '/api/v1/screening/decisions',
    { config: { access: 'signed-in' }, schema: { tags: ['screening'], summary: 'Decide a hit: confirmed match or false positive, with a note (remembered until the listing changes)', body: DecisionInput, response: { 201: Type.Object({ id: Type.String(), entityRef: Type.String(), decision: Type.String() }), ...ProblemResponses } } },
    async (request, reply) => reply.status(201).send(await decideHit(db, request.actor, request.body)),
  );
  app.post(
    '/api/v1/screening/screen',
    { config: { access: 'signed-in', rateLimit: costlyAction(config) }, schema: { tags: ['screening'], summary: 'Screen one name against the lists in force (analysts, the secretariat, the Counter ISIS Finance Group)', body: ScreenQuery, response: { 200: ScreenResult, ...ProblemResponses } } },
    async (request) => {
      const { top, threshold, ...query } = request.body;
      const { hits, cleared, listed } = await screenName(db, request.actor, query, { top, threshold });
      return {
        listed,
        cleared,
        hits: hits.map((hit) => ({ ...hit, decision: hit.decision ? { ...hit.decision, at: hit.decision.at.toISOString() } : undefined, entity: { ...hit.entity, names: hit.entity.names.map((name) => ({ full: name.full, quality: name.quality })) } })),
      };
    },
  );
};
