import { Type } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { JusticeCorrection, JusticeHistoryView, JusticeInput, JusticeListQuery, JusticePage, JusticeView, VersionInput } from './justice.schema.ts';
import { importJusticeCsv } from './justice-csv.ts';
import * as justice from './justice.service.ts';

export const justiceRoutes: AppModule = async (app, { db }) => {
  // CSV imports arrive as the raw text of the file.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const tags = ['justice'];
  app.post(
    '/api/v1/justice/import',
    { config: { access: 'justice.write' }, schema: { tags, summary: 'Import justice figures from CSV, in the layout of justice_cases.csv (all or nothing; every bad row listed by line and column)', consumes: ['text/csv'], body: Type.String({ maxLength: 5_000_000 }), response: { 200: Type.Object({ imported: Type.Integer() }), ...ProblemResponses } } },
    async (request) => importJusticeCsv(db, request.actor, request.body),
  );
  app.get('/api/v1/justice/cases', { config: { access: 'justice.read' }, schema: { tags, summary: 'Justice figures and judgments the caller may read, newest first (filter by state, kind, legal basis, period)', querystring: JusticeListQuery, response: { 200: JusticePage, ...ProblemResponses } } }, async (request) => {
    const { rows, total, page, pageSize } = await justice.listJustice(db, request.actor, request.query);
    return { items: rows, total, page, pageSize };
  });

  app.post('/api/v1/justice/cases', { config: { access: 'justice.write' }, schema: { tags, summary: "Report a figure or judgment (a delegate for their own state, unverified; the secretariat's are verified at once)", body: JusticeInput, response: { 201: JusticeView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await justice.reportJustice(db, request.actor, request.body)),
  );

  app.get('/api/v1/justice/cases/:id', { config: { access: 'justice.read' }, schema: { tags, summary: 'One justice record (restricted reads are audited)', params: IdParams, response: { 200: JusticeView, ...ProblemResponses } } }, async (request) =>
    justice.getJustice(db, request.actor, request.params.id),
  );

  app.get('/api/v1/justice/cases/:id/history', { config: { access: 'signed-in' }, schema: { tags, summary: 'What happened to a record: reported, verified, corrections with the earlier values (signed-in users: it names who acted)', params: IdParams, response: { 200: JusticeHistoryView, ...ProblemResponses } } }, async (request) => {
    const { history } = await justice.justiceHistory(db, request.actor, request.params.id);
    return history.map((entry) => ({ ...entry, occurredAt: entry.occurredAt.toISOString() }));
  });

  app.put('/api/v1/justice/cases/:id', { config: { access: 'justice.write' }, schema: { tags, summary: 'Correct a record with a reason (send the version you read; 409 if it changed)', params: IdParams, body: JusticeCorrection, response: { 200: JusticeView, ...ProblemResponses } } }, async (request) =>
    justice.correctJustice(db, request.actor, request.params.id, request.body),
  );

  app.post('/api/v1/justice/cases/:id/verify', { config: { access: 'justice.verify' }, schema: { tags, summary: 'Verify a reported record (send the version you read)', params: IdParams, body: VersionInput, response: { 200: JusticeView, ...ProblemResponses } } }, async (request) =>
    justice.verifyJustice(db, request.actor, request.params.id, request.body),
  );
};
