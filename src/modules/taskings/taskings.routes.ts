import { Type } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { listCommitments, recordCommitment, setCommitmentStatus } from './commitments.service.ts';
import { CommitmentInput, CommitmentQuery, CommitmentStatusInput, CommitmentView, TaskingChange, TaskingInput, TaskingQuery, TaskingView, UpdateInput } from './taskings.schema.ts';
import * as taskings from './taskings.service.ts';

const UpdateView = Type.Object({ id: Type.String(), taskingId: Type.String(), body: Type.String(), progress: Type.Union([Type.Integer(), Type.Null()]), presentedAtMeetingId: Type.Union([Type.String(), Type.Null()]), authorLabel: Type.String() });

export const taskingsRoutes: AppModule = async (app, { db }) => {
  const tags = ['taskings'];
  app.get(
    '/api/v1/taskings',
    { config: { access: 'tasking.read' }, schema: { tags, summary: 'Taskings with their rolled-up progress, a page at a time (page, pageSize ≤ 200; the total in X-Total-Count)', querystring: TaskingQuery, response: { 200: Type.Array(TaskingView), ...ProblemResponses } } },
    async (request, reply) => {
      const found = await taskings.listTaskings(db, request.actor, request.query);
      reply.header('x-total-count', String(found.total));
      return found.rows.map((row) => ({ ...row, progress: row.rolledProgress }));
    },
  );
  app.post('/api/v1/taskings', { config: { access: 'tasking.write' }, schema: { tags, summary: 'Task a group from a meeting', body: TaskingInput, response: { 201: TaskingView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await taskings.createTasking(db, request.actor, request.body)),
  );
  app.get('/api/v1/taskings/:id', { config: { access: 'tasking.read' }, schema: { tags, summary: 'A tasking, its sub-taskings and updates', params: IdParams, response: { 200: Type.Object({ tasking: TaskingView, children: Type.Array(TaskingView), updates: Type.Array(UpdateView) }), ...ProblemResponses } } }, async (request) => {
    const record = await taskings.taskingRecord(db, request.actor, request.params.id);
    return { tasking: { ...record.tasking, progress: record.tasking.rolledProgress }, children: record.children.map((row) => ({ ...row, progress: row.rolledProgress })), updates: record.updates };
  });
  app.post('/api/v1/taskings/:id/changes', { config: { access: 'tasking.report' }, schema: { tags, summary: 'Change status or progress (co-leads and the secretariat)', params: IdParams, body: TaskingChange, response: { 200: TaskingView, ...ProblemResponses } } }, async (request) =>
    taskings.changeTasking(db, request.actor, request.params.id, request.body),
  );
  app.post('/api/v1/taskings/:id/updates', { config: { access: 'tasking.report' }, schema: { tags, summary: 'Report back on a tasking (co-leads and the secretariat)', params: IdParams, body: UpdateInput, response: { 201: UpdateView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await taskings.postUpdate(db, request.actor, request.params.id, request.body)),
  );
  app.get('/api/v1/commitments', { config: { access: 'tasking.read' }, schema: { tags, summary: 'The commitments register, a page at a time (view: by-partner = open ones, by-meeting, overdue; page, pageSize up to 200)', querystring: CommitmentQuery, response: { 200: Type.Array(CommitmentView), ...ProblemResponses } } }, async (request) =>
    (await listCommitments(db, request.actor, request.query.view ?? 'by-meeting', request.query)).rows,
  );
  app.post('/api/v1/commitments', { config: { access: 'commitment.write' }, schema: { tags, summary: 'Record a commitment made at a meeting', body: CommitmentInput, response: { 201: CommitmentView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await recordCommitment(db, request.actor, request.body)),
  );
  app.post('/api/v1/commitments/:id/status', { config: { access: 'commitment.write' }, schema: { tags, summary: 'Mark a commitment met (with evidence), lapsed or withdrawn', params: IdParams, body: CommitmentStatusInput, response: { 200: CommitmentView, ...ProblemResponses } } }, async (request) =>
    setCommitmentStatus(db, request.actor, request.params.id, request.body),
  );
};
