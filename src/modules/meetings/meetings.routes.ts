import { Type } from '@fastify/type-provider-typebox';
import type { AppModule, NoSettings } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import type { MeetingRow } from './meetings.repo.ts';
import { AgendaItemInput, MeetingInput, MeetingLinkInput, MeetingListQuery, MeetingPage, MeetingUpdate, MeetingView, ParticipantInput } from './meetings.schema.ts';
import * as meetings from './meetings.service.ts';
import { IdParams } from '../../platform/route-schemas.ts';

function meetingView(m: MeetingRow) {
  return { ...m, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString() };
}

const Done = { 204: Type.Null(), ...ProblemResponses };

export const meetingsRoutes: AppModule<NoSettings> = async (app, { db }) => {
  const tags = ['meetings'];
  app.get('/api/v1/meetings', { config: { access: 'meeting.read' }, schema: { tags, summary: 'List meetings', querystring: MeetingListQuery, response: { 200: MeetingPage, ...ProblemResponses } } }, async (request) => {
    const { rows, total } = await meetings.listMeetings(db, request.actor, request.query);
    return { items: rows.map(meetingView), total, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 25 };
  });

  app.post('/api/v1/meetings', { config: { access: 'meeting.write' }, schema: { tags, summary: 'Create a meeting (times are wall-clock in timeZone)', body: MeetingInput, response: { 201: MeetingView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(meetingView(await meetings.createMeeting(db, request.actor, request.body))),
  );

  app.get('/api/v1/meetings/:id', { config: { access: 'meeting.read' }, schema: { tags, summary: 'One meeting', params: IdParams, response: { 200: MeetingView, ...ProblemResponses } } }, async (request) =>
    meetingView(await meetings.getMeeting(db, request.actor, request.params.id)),
  );

  app.put('/api/v1/meetings/:id', { config: { access: 'meeting.write' }, schema: { tags, summary: 'Replace a meeting (send the version you read)', params: IdParams, body: MeetingUpdate, response: { 200: MeetingView, ...ProblemResponses } } }, async (request) =>
    meetingView(await meetings.updateMeeting(db, request.actor, request.params.id, request.body)),
  );

  app.post('/api/v1/meetings/:id/participants', { config: { access: 'meeting.write' }, schema: { tags, summary: 'Record a participant', params: IdParams, body: ParticipantInput, response: Done } }, async (request, reply) => {
    await meetings.addParticipant(db, request.actor, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/meetings/:id/agenda', { config: { access: 'meeting.write' }, schema: { tags, summary: 'Add an agenda item', params: IdParams, body: AgendaItemInput, response: Done } }, async (request, reply) => {
    await meetings.addAgendaItem(db, request.actor, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.put(
    '/api/v1/meetings/:id/agenda/:itemId',
    { config: { access: 'meeting.write' }, schema: { tags, summary: 'Replace an agenda item (e.g. record its outcome)', params: Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) }), body: AgendaItemInput, response: Done } },
    async (request, reply) => {
      await meetings.updateAgendaItem(db, request.actor, request.params.id, request.params.itemId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post('/api/v1/meetings/:id/links', { config: { access: 'meeting.write' }, schema: { tags, summary: 'Record that this meeting carries forward an earlier one', params: IdParams, body: MeetingLinkInput, response: Done } }, async (request, reply) => {
    await meetings.linkToEarlierMeeting(db, request.actor, request.params.id, request.body);
    return reply.status(204).send(null);
  });
};
