import { Type } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { importIncidentsCsv } from './incidents-csv.ts';
import { BranchView, IncidentInput, IncidentPage, IncidentQuery, IncidentView } from './threats.schema.ts';
import * as threats from './threats.service.ts';

export const threatsRoutes: AppModule = async (app, { db }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const tags = ['threats'];
  app.get('/api/v1/threats/branches', { config: { access: 'threat.read' }, schema: { tags, summary: 'ISIS core and its branches, with aliases', response: { 200: Type.Array(BranchView), ...ProblemResponses } } }, async (request) =>
    threats.listBranches(db, request.actor),
  );
  app.get('/api/v1/threats/incidents', { config: { access: 'threat.read' }, schema: { tags, summary: 'Incidents, filtered by branch, country, dates and casualties', querystring: IncidentQuery, response: { 200: IncidentPage, ...ProblemResponses } } }, async (request) => {
    const { rows, total, totalIsLowerBound, older, newer } = await threats.listIncidents(db, request.actor, request.query);
    return { items: rows, total, totalIsLowerBound, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 50, older, newer };
  });
  app.post('/api/v1/threats/incidents', { config: { access: 'threat.write' }, schema: { tags, summary: 'Record an incident (409 with the doubts until confirm is true)', body: IncidentInput, response: { 201: IncidentView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await threats.createIncident(db, request.actor, request.body)),
  );
  app.get('/api/v1/threats/incidents/:id', { config: { access: 'threat.read' }, schema: { tags, summary: 'One incident', params: IdParams, response: { 200: IncidentView, ...ProblemResponses } } }, async (request) =>
    threats.getIncident(db, request.actor, request.params.id),
  );
  app.post('/api/v1/threats/incidents/import', { config: { access: 'threat.write' }, schema: { tags, summary: 'Import incidents from CSV (all or nothing)', consumes: ['text/csv'], body: Type.String({ maxLength: 5_000_000 }), response: { 200: Type.Object({ imported: Type.Integer() }), ...ProblemResponses } } }, async (request) =>
    importIncidentsCsv(db, request.actor, request.body),
  );
};
