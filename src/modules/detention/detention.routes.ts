import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { Type } from '@fastify/type-provider-typebox';
import { NationalityRowView, RepatriationCorrection, RepatriationInput, RepatriationView, SiteInput, SiteRecordView, SiteView, SnapshotInput, SnapshotView, VersionInput } from './detention.schema.ts';
import { IMPORT_KINDS, importDetentionCsv } from './detention-csv.ts';
import { nationalitiesTable } from './nationalities.service.ts';
import * as repatriationsService from './repatriations.service.ts';
import * as sites from './sites.service.ts';

export const detentionRoutes: AppModule = async (app, { db }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const tags = ['detention'];

  app.post(
    '/api/v1/detention/import',
    {
      config: { access: 'repatriation.write' },
      schema: { tags, summary: 'Import population snapshots or repatriations from CSV (all or nothing)', consumes: ['text/csv'], querystring: Type.Object({ kind: Type.Enum(IMPORT_KINDS) }), body: Type.String({ maxLength: 5_000_000 }), response: { 200: Type.Object({ imported: Type.Integer() }), ...ProblemResponses } },
    },
    async (request) => importDetentionCsv(db, request.actor, request.query.kind, request.body),
  );
  app.get('/api/v1/detention/sites', { config: { access: 'detention.read' }, schema: { tags, summary: 'Sites the caller may read (restricted reads are audited)', response: { 200: Type.Array(SiteView), ...ProblemResponses } } }, async (request) =>
    sites.listSites(db, request.actor),
  );

  app.post('/api/v1/detention/sites', { config: { access: 'detention.write' }, schema: { tags, summary: 'Create a site (restricted to the FTF working group unless classified otherwise)', body: SiteInput, response: { 201: SiteView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await sites.createSite(db, request.actor, request.body)),
  );

  app.get('/api/v1/detention/sites/:id', { config: { access: 'detention.read' }, schema: { tags, summary: 'A site with its population snapshots and breakdowns', params: IdParams, response: { 200: SiteRecordView, ...ProblemResponses } } }, async (request) => {
    const record = await sites.siteRecord(db, request.actor, request.params.id);
    return record;
  });

  app.post(
    '/api/v1/detention/sites/:id/snapshots',
    { config: { access: 'detention.write' }, schema: { tags, summary: 'Record a population snapshot (409 if the date has one; send replaceReason to replace it)', params: IdParams, body: SnapshotInput, response: { 201: Type.Omit(SnapshotView, ['breakdown']), ...ProblemResponses } } },
    async (request, reply) => reply.status(201).send(await sites.addSnapshot(db, request.actor, request.params.id, request.body)),
  );

  app.get('/api/v1/detention/nationalities', { config: { access: 'detention.read' }, schema: { tags, summary: 'Nationals held and repatriated, by state', response: { 200: Type.Object({ years: Type.Array(Type.String()), rows: Type.Array(NationalityRowView) }), ...ProblemResponses } } }, async (request) =>
    nationalitiesTable(db, request.actor),
  );

  app.get('/api/v1/detention/repatriations', { config: { access: 'detention.read' }, schema: { tags, summary: 'Repatriations the caller may read', response: { 200: Type.Array(RepatriationView), ...ProblemResponses } } }, async (request) =>
    repatriationsService.listRepatriations(db, request.actor),
  );

  app.post('/api/v1/detention/repatriations', { config: { access: 'repatriation.write' }, schema: { tags, summary: "Report a repatriation (a delegate for their own state; the secretariat's are verified at once)", body: RepatriationInput, response: { 201: RepatriationView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await repatriationsService.reportRepatriation(db, request.actor, request.body)),
  );

  app.post('/api/v1/detention/repatriations/:id/verify', { config: { access: 'repatriation.verify' }, schema: { tags, summary: 'Verify a reported repatriation', params: IdParams, body: VersionInput, response: { 200: RepatriationView, ...ProblemResponses } } }, async (request) =>
    repatriationsService.verifyRepatriation(db, request.actor, request.params.id, request.body),
  );

  app.put('/api/v1/detention/repatriations/:id', { config: { access: 'repatriation.write' }, schema: { tags, summary: 'Correct a repatriation, with a reason', params: IdParams, body: RepatriationCorrection, response: { 200: RepatriationView, ...ProblemResponses } } }, async (request) =>
    repatriationsService.correctRepatriation(db, request.actor, request.params.id, request.body),
  );
};
