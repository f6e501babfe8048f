import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/authz.ts';
import { InvalidInput, StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { formList, formToInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { saveForm } from '../../platform/views/save-form.ts';
import { agendaOf } from '../meetings/meetings.repo.ts';
import { latestMeetings, listMeetings, listTheaters } from '../meetings/meetings.service.ts';
import { getGroup, listGroups } from '../partners/groups.service.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';
import { listBranches } from '../threats/threats.service.ts';
import { commitmentsOfMeetings, getCommitment, listCommitments, recordCommitment, setCommitmentStatus } from './commitments.service.ts';
import { CommitmentFormPage, CommitmentsPage, GroupWorkPage } from './commitments.views.tsx';
import { CommitmentQuery, TaskingQuery } from './taskings.schema.ts';
import * as taskings from './taskings.service.ts';
import { MyTaskingsPage, type Names, TaskingFormPage, TaskingListPage, TaskingPage } from './taskings.views.tsx';
import { translatedOrDash } from '../../platform/views/translated-name.tsx';

const NewTaskingQuery = Type.Object({ meetingId: Type.Optional(Type.String({ format: 'uuid' })), lang: Type.Optional(Type.String({ maxLength: 10 })) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

export const taskingsPages: AppModule = async (app, { db }) => {
  /** Group and meeting names for the tables, as the reader may see them. */
  async function names(request: FastifyRequest): Promise<Names & { groups: Awaited<ReturnType<typeof listGroups>>; meetings: Awaited<ReturnType<typeof latestMeetings>> }> {
    const [groups, meetings] = await Promise.all([listGroups(db, request.actor, app.figures), latestMeetings(db, request.actor, 200, app.figures)]);
    const ctx = pageContext(request);
    const groupById = new Map(groups.map((group) => [group.id, group]));
    const meetingById = new Map(meetings.map((meeting) => [meeting.id, meeting]));
    return {
      groups,
      meetings,
      group: (id) => translatedOrDash(ctx, groupById.get(id), 'name'),
      meeting: (id) => translatedOrDash(ctx, meetingById.get(id), 'title'),
    };
  }

  async function partnerNames(request: FastifyRequest) {
    const directory = await partnerDirectory(db, request.actor, request.locale);
    return { list: directory.list, name: (id: string | null) => (id ? directory.name(id) : request.t('commitments.coalition')) };
  }

  async function renderTasking(request: FastifyRequest, reply: FastifyReply, id: string, problem: { errors?: InvalidInput['fields']; stale?: boolean } = {}) {
    const [record, lookup] = await Promise.all([taskings.taskingRecord(db, request.actor, id), names(request)]);
    return sendPage(
      reply,
      <TaskingPage ctx={pageContext(request)} tasking={record.tasking} children={record.children} updates={record.updates} names={lookup} meetings={lookup.meetings} may={{ report: record.mayReport, write: can(request.actor, 'tasking.write') }} errors={problem.errors} stale={problem.stale} />,
      problem.stale ? 409 : problem.errors ? 400 : 200,
    );
  }

  async function formChoices(request: FastifyRequest, meetingId: string | undefined) {
    const lookup = await names(request);
    const [branches, theaters, agenda, parents] = await Promise.all([
      listBranches(db, request.actor, app.figures),
      listTheaters(db, app.figures),
      meetingId ? agendaOf(db, meetingId) : Promise.resolve([]),
      meetingId ? taskings.listTaskings(db, request.actor, { meetingId, pageSize: 200 }).then((found) => found.rows) : Promise.resolve([]),
    ]);
    return { meetings: lookup.meetings, agenda, groups: lookup.groups, branches, theaters, parents };
  }

  app.get('/taskings', { config: { access: 'tasking.read' }, schema: { querystring: TaskingQuery, hide: true } }, async (request, reply) => {
    const [found, lookup, branches, attention] = await Promise.all([taskings.listTaskings(db, request.actor, request.query), names(request), listBranches(db, request.actor, app.figures), taskings.taskingsNeedingAttention(db, request.actor)]);
    return sendPage(reply, <TaskingListPage ctx={pageContext(request)} found={found} query={request.query} groups={lookup.groups} branches={branches} names={lookup} canWrite={can(request.actor, 'tasking.write')} attention={attention.total} />);
  });

  app.get('/taskings/mine', { config: { access: 'signed-in' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => {
    const [attention, lookup] = await Promise.all([taskings.taskingsNeedingAttention(db, request.actor), names(request)]);
    return sendPage(reply, <MyTaskingsPage ctx={pageContext(request)} rows={attention.rows} total={attention.total} names={lookup} />);
  });

  app.get('/taskings/new', { config: { access: 'tasking.write' }, schema: { querystring: NewTaskingQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <TaskingFormPage ctx={pageContext(request)} choices={await formChoices(request, request.query.meetingId)} values={{ meetingId: request.query.meetingId }} />),
  );

  /** One tasking per group ticked: a meeting often asks several working groups the same thing. */
  app.post('/taskings', { config: { access: 'tasking.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    const { groupIds: ticked, ...rest } = input;
    const groupIds = formList(ticked);
    const common = { ...rest, branchSlugs: formList(input.branchSlugs), theaterSlugs: formList(input.theaterSlugs), ...(input.weight === undefined ? {} : { weight: Number(input.weight) }) };
    return saveForm(
      reply,
      async () => {
        const created = await taskings.createTaskingsForGroups(db, request.actor, common, groupIds);
        return created.length === 1 ? `/taskings/${created[0]?.id}` : `/taskings?meetingId=${input.meetingId}`;
      },
      async ({ errors }) => <TaskingFormPage ctx={pageContext(request)} choices={await formChoices(request, input.meetingId as string | undefined)} values={{ ...input, groupIds, branchSlugs: common.branchSlugs, theaterSlugs: common.theaterSlugs }} errors={errors} />,
    );
  });

  app.get('/taskings/:id', { config: { access: 'tasking.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => renderTasking(request, reply, request.params.id));

  const change = async (request: FastifyRequest, reply: FastifyReply, id: string, work: () => Promise<unknown>) =>
    saveForm(
      reply,
      async () => {
        await work();
        return `/taskings/${id}`;
      },
      (problem) => renderTasking(request, reply, id, { errors: problem.errors, stale: Boolean(problem.stale) }),
      { refuses: [InvalidInput, StaleVersion] },
    );

  app.post('/taskings/:id', { config: { access: 'tasking.report' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, () => taskings.changeTasking(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/taskings/:id/updates', { config: { access: 'tasking.report' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, () => taskings.postUpdate(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.get('/groups/:id/work', { config: { access: 'tasking.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const group = await getGroup(db, request.actor, request.params.id);
    const [rows, meetings, lookup, partners] = await Promise.all([
      taskings.listTaskings(db, request.actor, { groupId: group.id, pageSize: 200 }).then((found) => found.rows),
      listMeetings(db, request.actor, { groupId: group.id, pageSize: 200 }),
      names(request),
      partnerNames(request),
    ]);
    const commitments = await commitmentsOfMeetings(db, request.actor, meetings.rows.map((meeting) => meeting.id));
    return sendPage(reply, <GroupWorkPage ctx={pageContext(request)} group={group} meetings={meetings.rows} taskings={rows} commitments={commitments} partner={partners.name} names={lookup} />);
  });

  app.get('/commitments', { config: { access: 'tasking.read' }, schema: { querystring: CommitmentQuery, hide: true } }, async (request, reply) => {
    const view = request.query.view ?? 'by-partner';
    const [found, lookup, partners] = await Promise.all([listCommitments(db, request.actor, view, request.query), names(request), partnerNames(request)]);
    return sendPage(reply, <CommitmentsPage ctx={pageContext(request)} view={view} found={found} query={request.query} partner={partners.name} names={lookup} canWrite={can(request.actor, 'commitment.write')} />);
  });

  app.get('/commitments/new', { config: { access: 'commitment.write' }, schema: { querystring: NewTaskingQuery, hide: true } }, async (request, reply) => {
    const [lookup, partners, theaters] = await Promise.all([names(request), partnerNames(request), listTheaters(db, app.figures)]);
    return sendPage(reply, <CommitmentFormPage ctx={pageContext(request)} meetings={lookup.meetings} partners={partners.list} theaters={theaters} values={{ meetingId: request.query.meetingId }} />);
  });

  /** A commitment's address: commitments have no page, so it answers with its row in the register, among its meeting's others. */
  app.get('/commitments/:id', { config: { access: 'tasking.read' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const commitment = await getCommitment(db, request.actor, request.params.id);
    return reply.redirect(`/commitments?view=by-meeting&meetingId=${commitment.meetingId}#commitment-${commitment.id}`, 303);
  });

  app.post('/commitments', { config: { access: 'commitment.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    input.evidence = formList(input.evidence);
    return saveForm(
      reply,
      async () => {
        await recordCommitment(db, request.actor, input);
        return '/commitments?view=by-meeting';
      },
      async ({ errors }) => {
        const [lookup, partners, theaters] = await Promise.all([names(request), partnerNames(request), listTheaters(db, app.figures)]);
        return <CommitmentFormPage ctx={pageContext(request)} meetings={lookup.meetings} partners={partners.list} theaters={theaters} values={input} errors={errors} />;
      },
    );
  });

  app.post('/commitments/:id/status', { config: { access: 'commitment.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    return saveForm(
      reply,
      async () => {
        await setCommitmentStatus(db, request.actor, request.params.id, { status: input.status, evidence: formList(input.evidence) });
        return '/commitments?view=by-meeting';
      },
      async ({ errors }) => {
        const [found, lookup, partners] = await Promise.all([listCommitments(db, request.actor, 'by-meeting'), names(request), partnerNames(request)]);
        return <CommitmentsPage ctx={pageContext(request)} view="by-meeting" found={found} query={{ view: 'by-meeting' }} partner={partners.name} names={lookup} canWrite errors={errors} />;
      },
      { refuses: [InvalidInput] },
    );
  });
};

