import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { can } from '../../platform/authz.ts';
import { type FigureCache, keptList, readerKey } from '../../platform/figure-cache.ts';
import { Conflict, InvalidInput, NotFound, } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import type { MeetingsSettings } from './meetings.module.ts';
import { commaList, formList, formToInput, recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { listPartners, listPeople } from '../partners/partners.repo.ts';
import { groupsVisibleTo } from '../partners/groups.service.ts';
import { readoutsOnMeetingPage } from '../readouts/readouts.service.ts';
import { hasCalendarDate, meetingCalendar } from './meeting-calendar.ts';
import { localInputValue } from './meeting-time.ts';
import { MeetingListQuery } from './meetings.schema.ts';
import * as meetings from './meetings.service.ts';
import { MeetingDetailPage } from './meeting-detail.views.tsx';
import { MeetingFormPage } from './meeting-form.views.tsx';
import { MeetingListPage } from './meeting-list.views.tsx';
import type { MeetingEditingChoices } from './meetings.views.tsx';
import { TheatersPage } from './theaters.views.tsx';
import { TopicThreadPage } from './topic-thread.views.tsx';
import { addTheater } from './theaters.service.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';

const ItemParams = Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) });


/**
 * The choices of the meeting page's forms. Partners are kept until partners change (topic `groups`) and the
 * latest meetings until meetings change (topic `readouts`, which meeting changes announce), per kind of
 * reader; people announce no change, so they are read each time.
 */
async function editingChoices(db: Db, request: FastifyRequest, kept: FigureCache): Promise<MeetingEditingChoices | null> {
  const actor = request.actor;
  if (!can(actor, 'meeting.write')) return null;
  const reader = readerKey(actor);
  const [partners, people, recent] = await Promise.all([
    keptList(kept, 'groups', `meeting-choices|partners|${reader}`, async () => (await listPartners(db, actor, { pageSize: 200 })).rows),
    listPeople(db, actor, { pageSize: 200 }),
    keptList(kept, 'readouts', `meeting-choices|meetings|${reader}`, async () => (await meetings.listMeetings(db, actor, { pageSize: 200 })).rows),
  ]);
  return { partners, people: people.rows, meetings: recent };
}

export const meetingsPages: AppModule<MeetingsSettings> = async (app, { db, config }) => {
  const groupsFor = (request: FastifyRequest) => groupsVisibleTo(db, request.actor, app.figures);

  /** The meeting page, with the problems of a form posted from it when there are any. */
  async function renderMeeting(request: FastifyRequest, reply: FastifyReply, id: string, errors?: InvalidInput['fields']) {
    const [record, editing] = await Promise.all([meetings.getMeetingRecord(db, request.actor, id, app.figures), editingChoices(db, request, app.figures)]);
    const { readouts, mayManage: canManageReadouts } = await readoutsOnMeetingPage(db, request.actor, record.meeting);
    return sendPage(
      reply,
      <MeetingDetailPage ctx={pageContext(request)} record={{ ...record, readouts }} editing={editing} canManageReadouts={canManageReadouts} errors={errors} />,
      errors ? 400 : 200,
    );
  }

  /** Runs a change made from the meeting page; bad input re-renders the page with the problems listed. */
  async function changeFromMeetingPage(request: FastifyRequest, reply: FastifyReply, id: string, change: () => Promise<unknown>) {
    try {
      await change();
      return reply.redirect(`/meetings/${id}`, 303);
    } catch (error) {
      if (error instanceof InvalidInput) return renderMeeting(request, reply, id, error.fields);
      throw error;
    }
  }

  app.get('/meetings', { config: { access: 'meeting.read' }, schema: { querystring: MeetingListQuery, hide: true } }, async (request, reply) => {
    const [{ rows, total }, groups, theaters] = await Promise.all([meetings.listMeetings(db, request.actor, request.query, app.figures), groupsFor(request), meetings.listTheaters(db, app.figures)]);
    return sendPage(reply, <MeetingListPage ctx={pageContext(request)} rows={rows} total={total} query={request.query} groups={groups} theaters={theaters} canWrite={can(request.actor, 'meeting.write')} />);
  });

  app.get('/meetings/new', { config: { access: 'meeting.write' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <MeetingFormPage ctx={pageContext(request)} action="/meetings" title={request.t('meetings.new')} values={{ setting: 'virtual', timeZone: 'UTC', classification: 'coalition' }} groups={await groupsFor(request)} />),
  );

  app.post('/meetings', { config: { access: 'meeting.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = recordFormInput(request.body);
    return saveForm(
      reply,
      async () => `/meetings/${(await meetings.createMeeting(db, request.actor, input)).id}`,
      async ({ errors }) => <MeetingFormPage ctx={pageContext(request)} action="/meetings" title={request.t('meetings.new')} values={input} groups={await groupsFor(request)} errors={errors} />,
    );
  });

  app.get('/meetings/theaters', { config: { access: 'meeting.read' }, schema: { querystring: Type.Object({ lang: Type.Optional(Type.String()) }), hide: true } }, async (request, reply) =>
    sendPage(reply, <TheatersPage ctx={pageContext(request)} theaters={await meetings.listTheaters(db, app.figures)} canWrite={can(request.actor, 'meeting.write')} />),
  );

  app.post('/meetings/theaters', { config: { access: 'meeting.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    try {
      await addTheater(db, request.actor, input);
      return reply.redirect('/meetings/theaters', 303);
    } catch (error) {
      if (!(error instanceof InvalidInput || error instanceof Conflict)) throw error;
      return sendPage(reply, <TheatersPage ctx={pageContext(request)} theaters={await meetings.listTheaters(db, app.figures)} canWrite errors={error.fields} values={input} />, error.status);
    }
  });

  app.get('/meetings/topics/:topic', { config: { access: 'meeting.read' }, schema: { params: Type.Object({ topic: Type.String({ minLength: 1, maxLength: 200 }) }), hide: true } }, async (request, reply) =>
    sendPage(reply, <TopicThreadPage ctx={pageContext(request)} topic={request.params.topic} meetings={await meetings.topicThread(db, request.actor, request.params.topic)} />),
  );

  app.get('/meetings/:id', { config: { access: 'meeting.read' }, schema: { params: IdParams, hide: true } }, async (request, reply) => renderMeeting(request, reply, request.params.id));

  app.get('/meetings/:id/calendar.ics', { config: { access: 'meeting.read' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const meeting = await meetings.getMeeting(db, request.actor, request.params.id);
    if (!hasCalendarDate(meeting)) throw new NotFound('calendarDate');
    // From PUBLIC_URL, never from the request's Host header.
    const origin = config.publicUrl;
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${meeting.id}.ics"`)
      .send(meetingCalendar([meeting], origin, meeting.title));
  });

  app.get('/meetings/:id/edit', { config: { access: 'meeting.write' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const meeting = await meetings.getMeeting(db, request.actor, request.params.id);
    const values = { ...meeting, startsLocal: localInputValue(meeting.startsAt, meeting.timeZone), endsLocal: localInputValue(meeting.endsAt, meeting.timeZone) };
    return sendPage(reply, <MeetingFormPage ctx={pageContext(request)} action={`/meetings/${meeting.id}`} title={request.t('meetings.edit')} values={values} groups={await groupsFor(request)} />);
  });

  app.post('/meetings/:id', { config: { access: 'meeting.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = recordFormInput(request.body);
    return saveForm(
      reply,
      async () => `/meetings/${(await meetings.updateMeeting(db, request.actor, request.params.id, input)).id}`,
      async ({ errors, stale }) => (
        <MeetingFormPage ctx={pageContext(request)} action={`/meetings/${request.params.id}`} title={request.t('meetings.edit')} values={withCurrentVersion(input, stale)} groups={await groupsFor(request)} errors={errors} stale={Boolean(stale)} />
      ),
    );
  });

  app.post('/meetings/:id/participants', { config: { access: 'meeting.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    changeFromMeetingPage(request, reply, request.params.id, () => meetings.addParticipant(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/meetings/:id/participants/:itemId/remove', { config: { access: 'meeting.write' }, schema: { params: ItemParams, body: FormBody, hide: true } }, async (request, reply) =>
    changeFromMeetingPage(request, reply, request.params.id, () => meetings.removeParticipant(db, request.actor, request.params.id, request.params.itemId)),
  );

  app.post('/meetings/:id/agenda', { config: { access: 'meeting.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    input.theaterSlugs = formList(input.theaterSlugs);
    // Topics are typed as one comma-separated field.
    input.topics = commaList(input.topics);
    return changeFromMeetingPage(request, reply, request.params.id, () => meetings.addAgendaItem(db, request.actor, request.params.id, input));
  });

  app.post('/meetings/:id/agenda/:itemId', { config: { access: 'meeting.write' }, schema: { params: ItemParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    // Each item's outcome field is named after the item, so the labels on one page stay unique.
    const outcome = input[`outcome-${request.params.itemId}`];
    const item = {
      title: input.title,
      theaterSlugs: formList(input.theaterSlugs),
      topics: commaList(input.topics),
      outcome: typeof outcome === 'string' ? outcome : '',
    };
    return changeFromMeetingPage(request, reply, request.params.id, () => meetings.updateAgendaItem(db, request.actor, request.params.id, request.params.itemId, item));
  });

  app.post('/meetings/:id/agenda/:itemId/remove', { config: { access: 'meeting.write' }, schema: { params: ItemParams, body: FormBody, hide: true } }, async (request, reply) =>
    changeFromMeetingPage(request, reply, request.params.id, () => meetings.removeAgendaItem(db, request.actor, request.params.id, request.params.itemId)),
  );

  app.post('/meetings/:id/links', { config: { access: 'meeting.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    changeFromMeetingPage(request, reply, request.params.id, () => meetings.linkToEarlierMeeting(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );
};
