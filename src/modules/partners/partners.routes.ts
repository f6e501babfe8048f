import { Type } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import * as groupsService from './groups.service.ts';
import { exportPartnersCsv, importPartnersCsv } from './partners.csv.ts';
import type { PartnerRow } from './partners.repo.ts';
import { GroupInput, GroupUpdate, GroupView, IdParams, ImportReport, ListQuery, PartnerInput, PartnerPage, PartnerUpdate, PartnerView, PeoplePage, PeopleQuery, PersonInput, PersonUpdate, PersonView } from './partners.schema.ts';
import * as partnersService from './partners.service.ts';
import * as peopleService from './people.service.ts';

function partnerView(p: PartnerRow) {
  return { ...p, updatedAt: p.updatedAt.toISOString() };
}

export const partnersRoutes: AppModule = async (app, { db }) => {
  // CSV imports arrive as the raw text of the file.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const tags = ['partners'];
  app.get('/api/v1/partners', { config: { access: 'partner.read' }, schema: { tags, summary: 'List partners', querystring: ListQuery, response: { 200: PartnerPage, ...ProblemResponses } } }, async (request) => {
    const { rows, total } = await partnersService.listPartners(db, request.actor, request.query);
    return { items: rows.map(partnerView), total, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 50 };
  });

  app.post('/api/v1/partners', { config: { access: 'partner.write' }, schema: { tags, summary: 'Create a partner', body: PartnerInput, response: { 201: PartnerView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(partnerView(await partnersService.createPartner(db, request.actor, request.body))),
  );

  app.get('/api/v1/partners/export.csv', { config: { access: 'partner.read' }, schema: { tags, summary: 'All visible partners as CSV', produces: ['text/csv'] } }, async (request, reply) =>
    reply.type('text/csv; charset=utf-8').send(await exportPartnersCsv(db, request.actor)),
  );

  app.post(
    '/api/v1/partners/import',
    { config: { access: 'partner.write' }, schema: { tags, summary: 'Import partners from CSV (all or nothing)', consumes: ['text/csv'], body: Type.String({ maxLength: 20_000_000 }), response: { 200: ImportReport, ...ProblemResponses } } },
    async (request) => {
      const result = await importPartnersCsv(db, request.actor, request.body);
      return { imported: result.created + result.updated, ...result };
    },
  );

  app.get('/api/v1/partners/:id', { config: { access: 'partner.read' }, schema: { tags, summary: 'One partner', params: IdParams, response: { 200: PartnerView, ...ProblemResponses } } }, async (request) =>
    partnerView(await partnersService.getPartner(db, request.actor, request.params.id)),
  );

  app.put('/api/v1/partners/:id', { config: { access: 'partner.write' }, schema: { tags, summary: 'Replace a partner (send the version you read)', params: IdParams, body: PartnerUpdate, response: { 200: PartnerView, ...ProblemResponses } } }, async (request) =>
    partnerView(await partnersService.updatePartner(db, request.actor, request.params.id, request.body)),
  );

  const peopleTags = ['people'];
  app.get('/api/v1/people', { config: { access: 'person.read' }, schema: { tags: peopleTags, summary: 'List people', querystring: PeopleQuery, response: { 200: PeoplePage, ...ProblemResponses } } }, async (request) => {
    const { rows, total } = await peopleService.listPeople(db, request.actor, request.query);
    return { items: rows, total, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 50 };
  });

  app.post('/api/v1/people', { config: { access: 'person.write' }, schema: { tags: peopleTags, summary: 'Add a person', body: PersonInput, response: { 201: PersonView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await peopleService.createPerson(db, request.actor, request.body)),
  );

  app.get('/api/v1/people/:id', { config: { access: 'person.read' }, schema: { tags: peopleTags, summary: 'One person', params: IdParams, response: { 200: PersonView, ...ProblemResponses } } }, async (request) =>
    peopleService.getPerson(db, request.actor, request.params.id),
  );

  app.put('/api/v1/people/:id', { config: { access: 'person.write' }, schema: { tags: peopleTags, summary: 'Replace a person', params: IdParams, body: PersonUpdate, response: { 200: PersonView, ...ProblemResponses } } }, async (request) =>
    peopleService.updatePerson(db, request.actor, request.params.id, request.body),
  );

  const groupTags = ['groups'];
  app.get('/api/v1/groups', { config: { access: 'group.read' }, schema: { tags: groupTags, summary: 'List groups with members', response: { 200: Type.Array(GroupView), ...ProblemResponses } } }, async (request) =>
    groupsService.listGroups(db, request.actor),
  );

  app.post('/api/v1/groups', { config: { access: 'group.write' }, schema: { tags: groupTags, summary: 'Create a group', body: GroupInput, response: { 201: GroupView, ...ProblemResponses } } }, async (request, reply) => {
    const row = await groupsService.createGroup(db, request.actor, request.body);
    return reply.status(201).send(await groupsService.getGroup(db, request.actor, row.id));
  });

  app.get('/api/v1/groups/:id', { config: { access: 'group.read' }, schema: { tags: groupTags, summary: 'One group', params: IdParams, response: { 200: GroupView, ...ProblemResponses } } }, async (request) =>
    groupsService.getGroup(db, request.actor, request.params.id),
  );

  app.put('/api/v1/groups/:id', { config: { access: 'group.write' }, schema: { tags: groupTags, summary: 'Replace a group and its members', params: IdParams, body: GroupUpdate, response: { 200: GroupView, ...ProblemResponses } } }, async (request) => {
    await groupsService.updateGroup(db, request.actor, request.params.id, request.body);
    return groupsService.getGroup(db, request.actor, request.params.id);
  });
};
