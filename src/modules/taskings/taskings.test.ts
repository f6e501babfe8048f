import { describe, expect, it } from 'vitest';
import { groupId, postForm, type SignedInClient, loginAs } from '../../../test/helpers/app.ts';
import type { LightMyRequestResponse } from 'fastify';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const api = (client: SignedInClient | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  suite.ctx.app.inject({ method, url, headers: client?.headers ?? {}, payload: payload as never });

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const coLead = await loginAs(ctx, 'co-chair', { partnerIso3: 'NLD' }); // a co-chair of the Netherlands, which co-leads the FTF working group
  const delegate = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' }); // of France, which co-leads none of them
  const ftf = await groupId(ctx.db, 'foreign-terrorist-fighters-working-group');
  const meeting = await api(officer, 'POST', '/api/v1/meetings', { title: 'Small Group political directors', format: 'small-group-political-directors', setting: 'virtual', startsLocal: '2021-09-08T14:00', endsLocal: '2021-09-08T16:00', timeZone: 'UTC', classification: 'public' });
  const meetingId = meeting.json().id;
  return { officer, coLead, delegate, meetingId, ftf };
});

const task = (body: Record<string, unknown> = {}) => api(suite.officer, 'POST', '/api/v1/taskings', { meetingId: suite.meetingId, groupId: suite.ftf, title: 'Counter the ISIS-K threat', branchSlugs: ['isis-k'], dueOn: '2021-12-01', ...body });

describe('taskings', () => {
  it('are set by the secretariat, read by delegates, reported on by the group’s co-leads only', async () => {
    expect((await api(suite.delegate, 'POST', '/api/v1/taskings', { meetingId: suite.meetingId, groupId: suite.ftf, title: 'x' })).statusCode).toBe(403);
    const created = await task();
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await api(suite.delegate, 'GET', `/api/v1/taskings/${id}`)).statusCode).toBe(200);
    expect((await api(suite.delegate, 'POST', `/api/v1/taskings/${id}/updates`, { body: 'We did it' })).statusCode).toBe(403);
    const update = await api(suite.coLead, 'POST', `/api/v1/taskings/${id}/updates`, { body: 'Workshop on ISIS-K financing held', progress: 40, presentedAtMeetingId: suite.meetingId });
    expect(update.statusCode, update.body).toBe(201);
    const record = (await api(suite.delegate, 'GET', `/api/v1/taskings/${id}`)).json();
    expect(record.tasking).toMatchObject({ progress: 40, status: 'in-progress' });
    expect(record.updates.map((u: { body: string }) => u.body)).toEqual(['Workshop on ISIS-K financing held']);
    // The due date is the secretariat's to move.
    expect((await api(suite.coLead, 'POST', `/api/v1/taskings/${id}/changes`, { version: record.tasking.version, dueOn: '2022-06-01' })).statusCode).toBe(403);
    expect((await api(suite.coLead, 'POST', `/api/v1/taskings/${id}/changes`, { version: record.tasking.version, status: 'reported' })).json().status).toBe('reported');
  });

  it('refuses a group that does not exist, a due date before the meeting and progress outside 0–100', async () => {
    const bad = await task({ groupId: '00000000-0000-4000-8000-000000000000', dueOn: '2021-01-01', progress: 150 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'progress', message: '150 is outside 0–100' },
      { field: 'groupId', message: 'no such group: a tasking goes to an existing working group or focus group' },
      { field: 'dueOn', message: '2021-01-01 is before the meeting that set the tasking (2021-09-08)' },
    ]);
  });

  it('rolls a parent’s progress up from its sub-taskings, by average or by weight', async () => {
    const parent = (await task({ title: 'Parent', rollup: 'weighted' })).json();
    await task({ title: 'Child A', parentId: parent.id, progress: 100, weight: 3 });
    await task({ title: 'Child B', parentId: parent.id, progress: 0, weight: 1 });
    expect((await api(suite.officer, 'GET', `/api/v1/taskings/${parent.id}`)).json().tasking.progress).toBe(75);
    const page = await api(suite.officer, 'GET', `/taskings/${parent.id}`);
    expect(page.body).toContain('75%');
    expect(page.body).toContain('Child A');
  });

  it('from the form tasks each group ticked, and shows co-leads what needs them', async () => {
    const groups = await Promise.all(['communications-working-group', 'counter-isis-finance-group', 'foreign-terrorist-fighters-working-group'].map((slug) => groupId(suite.ctx.db, slug)));
    const saved = await postForm(suite.ctx, suite.officer, '/taskings', { meetingId: suite.meetingId, groupIds: groups, title: 'Focus on countering the ISIS-K threat', branchSlugs: ['isis-k'], theaterSlugs: ['afghanistan'], dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) });
    expect(saved.statusCode, saved.body).toBe(303);
    const listed = (await api(suite.delegate, 'GET', `/api/v1/taskings?meetingId=${suite.meetingId}&branch=isis-k`)).json();
    const fromForm = listed.filter((row: { title: string }) => row.title === 'Focus on countering the ISIS-K threat');
    expect(fromForm.map((row: { groupId: string }) => row.groupId).sort()).toEqual([...groups].sort());
    expect(fromForm.every((row: { theaterSlugs: string[] }) => row.theaterSlugs.join() === 'afghanistan')).toBe(true);
    const mine = await api(suite.coLead, 'GET', '/taskings/mine');
    expect(mine.body).toContain('Focus on countering the ISIS-K threat');
    expect((await api(suite.delegate, 'GET', '/taskings/mine')).body).not.toContain('Focus on countering the ISIS-K threat');
  });

  it('tasks several groups all or nothing: one group that cannot be tasked leaves no tasking behind', async () => {
    const communications = await groupId(suite.ctx.db, 'communications-working-group');
    const unknownGroup = '00000000-0000-4000-8000-000000000000';
    const title = 'All or nothing across groups';
    const refused = await postForm(suite.ctx, suite.officer, '/taskings', { meetingId: suite.meetingId, groupIds: [communications, unknownGroup], title, dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('no such group');
    const listed = (await api(suite.officer, 'GET', `/api/v1/taskings?meetingId=${suite.meetingId}`)).json();
    expect(listed.filter((row: { title: string }) => row.title === title)).toEqual([]);
  });
});

describe('commitments register', () => {
  it('records what partners committed to, and lists them open by partner, by meeting and overdue', async () => {
    const usa = (await api(suite.officer, 'GET', '/api/v1/partners?q=United%20States')).json().items[0].id;
    const made = await api(suite.officer, 'POST', '/api/v1/commitments', { meetingId: suite.meetingId, partnerId: usa, kind: 'intends', statement: 'The United States intends to continue its support for the Iraqi Security Forces', theaterSlug: 'iraq', dueOn: '2022-01-01' });
    expect(made.statusCode, made.body).toBe(201);
    expect((await api(suite.delegate, 'POST', '/api/v1/commitments', { meetingId: suite.meetingId, kind: 'urges', statement: 'x' })).statusCode).toBe(403);
    const overdue = (await api(suite.delegate, 'GET', '/api/v1/commitments?view=overdue')).json();
    expect(overdue.map((row: { statement: string }) => row.statement)).toContain('The United States intends to continue its support for the Iraqi Security Forces');
    const page = await api(suite.delegate, 'GET', '/commitments?view=by-partner');
    expect(page.body).toContain('United States');
    const met = await api(suite.officer, 'POST', `/api/v1/commitments/${made.json().id}/status`, { status: 'met' });
    expect(met.json().errors).toEqual([{ field: 'evidence', message: 'a commitment marked met needs a link to the evidence' }]);
    const done = await api(suite.officer, 'POST', `/api/v1/commitments/${made.json().id}/status`, { status: 'met', evidence: ['https://example.org/evidence'] });
    expect(done.json().status).toBe('met');
    const fromForm = await postForm(suite.ctx, suite.officer, '/commitments', { meetingId: suite.meetingId, kind: 'urges', statement: 'Partners urge the repatriation of their nationals', theaterSlug: 'syria', evidence: 'https://example.org/readout' });
    expect(fromForm.statusCode, fromForm.body).toBe(303);
    const recorded = (await api(suite.officer, 'GET', '/api/v1/commitments?view=by-meeting')).json().find((row: { statement: string }) => row.statement.startsWith('Partners urge'));
    expect(recorded).toMatchObject({ partnerId: null, theaterSlug: 'syria', evidence: ['https://example.org/readout'] });
    const group = await api(suite.delegate, 'GET', `/groups/${suite.ftf}/work`);
    expect(group.statusCode).toBe(200);
    expect(group.body).toContain('Counter the ISIS-K threat');
    expect(group.body).toContain('Netherlands');
  });
});
