import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { meetingLinks, meetings } from '../../db/schema/meetings.ts';
import { taskings } from '../../db/schema/taskings.ts';
import { type SignedInClient, type TestContext, buildTestApp, loginAs, postForm } from '../../../test/helpers/app.ts';
import { createMeeting } from '../meetings/meetings.service.ts';

/** The project's own readout of the seed meeting (self-written fixture). */
const SEED = fs.readFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt'), 'utf8');

let ctx: TestContext;
let officer: SignedInClient;
let documentId: string;
let meetingId: string;
let facts: Fact[];

type Fact = { id: string; position: number; kind: string; proposal: Record<string, unknown>; start: number; end: number; status: string; record: { type: string; id: string } | null };
const api = (method: 'GET' | 'POST', url: string, payload?: unknown) => ctx.app.inject({ method, url, headers: officer.headers, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const decide = (fact: Fact, body: Record<string, unknown>) => api('POST', `/api/v1/ingest/documents/${documentId}/facts/${fact.id}`, body);
const fact = (kind: string, index = 0) => facts.filter((candidate) => candidate.kind === kind)[index] as Fact;
const page = async (url: string) => (await ctx.app.inject({ method: 'GET', url, headers: officer.headers })).body;
/** The record an accepted fact made, as the document's review now reports it. */
const recordOf = async (target: Fact) => ((await api('GET', `/api/v1/ingest/documents/${documentId}`)).json().facts as Fact[]).find((candidate) => candidate.id === target.id)?.record;
/** The citation a record's page must show for a fact: its characters, linked to the quoted words on the review page. */
const citation = (target: Fact) => new RegExp(`<a href="/ingest/${documentId}#fact-${target.position}">Ingested readout “[^<]*”, published 2021-09-29, characters ${target.start}–${target.end}</a>`);

beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
  const ingested = await api('POST', '/api/v1/ingest/documents', { text: SEED, publishedOn: '2021-09-29', fileName: 'readout.txt' });
  expect(ingested.statusCode, ingested.body).toBe(201);
  documentId = ingested.json().id;
  facts = ingested.json().facts;
  const meeting = await decide(fact('meeting'), { decision: 'accept' });
  expect(meeting.statusCode, meeting.body).toBe(200);
  meetingId = (await recordOf(fact('meeting')))?.id as string;
});
afterAll(() => ctx.close());

describe('records accepted from an ingested readout show where they came from', () => {
  it('a tasking: its page cites the words, and accepting it again changes nothing', async () => {
    expect((await decide(fact('tasking'), { decision: 'accept' })).statusCode).toBe(200);
    const record = await recordOf(fact('tasking'));
    expect(record?.type).toBe('tasking');
    expect(await page(`/taskings/${record?.id}`)).toMatch(citation(fact('tasking')));
    expect((await api('GET', `/api/v1/taskings/${record?.id}`)).json().tasking.source).toContain(`/ingest/${documentId}#fact-${fact('tasking').position}`);
    const before = await ctx.db.select().from(taskings);
    expect((await decide(fact('tasking'), { decision: 'accept' })).statusCode).toBe(409);
    expect(await ctx.db.select().from(taskings)).toHaveLength(before.length);
  });

  it('a commitment: its address opens its row in the register, which cites the words; unknown or hidden, 404', async () => {
    const target = fact('commitment', 0);
    expect((await decide(target, { decision: 'accept' })).statusCode).toBe(200);
    const record = await recordOf(target);
    expect(record?.type).toBe('commitment');
    const address = await ctx.app.inject({ method: 'GET', url: `/commitments/${record?.id}`, headers: officer.headers });
    expect(address.statusCode).toBe(303);
    expect(address.headers.location).toBe(`/commitments?view=by-meeting&meetingId=${meetingId}#commitment-${record?.id}`);
    const register = await page(`/commitments?view=by-meeting&meetingId=${meetingId}`);
    expect(register).toContain(`<tr id="commitment-${record?.id}">`);
    expect(register).toMatch(/<th scope="col">Source<\/th>/);
    expect(register).toMatch(citation(target));
    // The review's "Open the record" and the meeting page lead there.
    expect(await page(`/ingest/${documentId}`)).toContain(`href="/commitments/${record?.id}"`);
    expect(await page(`/meetings/${meetingId}`)).toContain(`href="/commitments?view=by-meeting&amp;meetingId=${meetingId}">Commitments made at this meeting</a>`);
    expect((await ctx.app.inject({ method: 'GET', url: '/commitments/00000000-0000-4000-8000-000000000000', headers: officer.headers })).statusCode).toBe(404);
    // A coalition record: a visitor who is not signed in may not read it, and is not told it exists.
    expect((await ctx.app.inject({ method: 'GET', url: `/commitments/${record?.id}` })).statusCode).toBe(404);
  });

  it('an incident: its page cites the words', async () => {
    expect((await decide(fact('incident'), { decision: 'accept' })).statusCode).toBe(200);
    expect(await page(`/threats/incidents/${(await recordOf(fact('incident')))?.id}`)).toMatch(citation(fact('incident')));
  });
});

describe('a reference to an earlier meeting', () => {
  const field = () => `v${fact('reference').position}-earlierMeetingId`;

  it('says so when no earlier meeting the reviewer may read is near the date the text gives', async () => {
    const review = await page(`/ingest/${documentId}`);
    expect(review).toContain('No earlier meeting found');
    expect(review).not.toContain(`name="${field()}"`);
  });

  it('is chosen from the meetings near that date, refused when the id is not one of them, and linked with its source once', async () => {
    // Half past midnight in Rome is still May in UTC: the meeting is held in June where it is held.
    const ministerial = await createMeeting(ctx.db, officer.user.actor, { title: 'D-ISIS Coalition Ministerial', format: 'ministerial', setting: 'in-person', city: 'Rome', countryIso3: 'ITA', startsLocal: '2021-06-01T00:30', endsLocal: '2021-06-01T17:00', timeZone: 'Europe/Rome' });
    const spring = await createMeeting(ctx.db, officer.user.actor, { title: 'Stabilization focus group', format: 'focus-group', setting: 'virtual', startsLocal: '2021-04-20T14:00', endsLocal: '2021-04-20T16:00', timeZone: 'UTC' });
    const longAgo = await createMeeting(ctx.db, officer.user.actor, { title: 'Counter ISIS Finance Group meeting', format: 'working-group', setting: 'in-person', city: 'Rome', countryIso3: 'ITA', startsLocal: '2019-06-12T09:00', endsLocal: '2019-06-12T17:00', timeZone: 'Europe/Rome' });

    const review = await page(`/ingest/${documentId}`);
    const select = new RegExp(`<select id="field-${field()}" name="${field()}"[^>]*>([\\s\\S]*?)</select>`).exec(review)?.[1] ?? '';
    // The one meeting held in Rome in June is proposed; the spring meeting is offered; one two years away, and the meeting itself, are not.
    expect(select).toContain(`<option value="${ministerial.id}" selected>2021-06-01 · D-ISIS Coalition Ministerial</option>`);
    expect(select).toContain(`<option value="${spring.id}">2021-04-20 · Stabilization focus group</option>`);
    expect(select).not.toContain(longAgo.id);
    expect(select).not.toContain(meetingId);

    const refused = await decide(fact('reference'), { decision: 'accept', values: { earlierMeetingId: longAgo.id } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'earlierMeetingId', message: 'choose one of the meetings offered for this reference' }]);
    const notAnId = await postForm(ctx, officer, `/ingest/${documentId}/facts/${fact('reference').id}`, { decision: 'accept', [field()]: 'not-a-meeting' });
    expect(notAnId.statusCode).toBe(400);
    expect(notAnId.body).toContain('choose one of the meetings offered for this reference');
    expect(await ctx.db.select().from(meetingLinks)).toEqual([]);

    const accepted = await postForm(ctx, officer, `/ingest/${documentId}/facts/${fact('reference').id}`, { decision: 'accept', [field()]: ministerial.id });
    expect(accepted.statusCode, accepted.body).toBe(303);
    expect(await ctx.db.select().from(meetingLinks)).toHaveLength(1);
    expect((await decide(fact('reference'), { decision: 'accept', values: { earlierMeetingId: ministerial.id } })).statusCode).toBe(409);
    expect(await ctx.db.select().from(meetingLinks)).toHaveLength(1);

    // The accepted card names the meeting by its title and day, never its id.
    const card = /<li class="fact fact--accepted" id="review-6">([\s\S]*?)<\/li>/.exec(await page(`/ingest/${documentId}`))?.[1] ?? '';
    expect(card).toContain('D-ISIS Coalition Ministerial (June 1, 2021)');
    expect(card).not.toContain(`<dd dir="auto">${ministerial.id}</dd>`);

    // The meeting page's link to the Ministerial: its day only (not "9:00 AM – 9:00 AM"), and the words that made it.
    const link = new RegExp(`<li><a href="/meetings/${ministerial.id}">([\\s\\S]*?)</li>`).exec(await page(`/meetings/${meetingId}`))?.[1] ?? '';
    expect(link).toContain('(June 1, 2021)');
    expect(link).not.toMatch(/AM|PM|\d:\d\d/);
    expect(link).toMatch(citation(fact('reference')));
  });

  it('is proposed at reading with the meeting the drop-down preselects, on the calendar of the place it was held', async () => {
    const [ministerial] = await ctx.db.select().from(meetings).where(eq(meetings.title, 'D-ISIS Coalition Ministerial'));
    // Another readout naming the same Ministerial, read now that it is on record (half past midnight in Rome, still May in UTC).
    const again = await api('POST', '/api/v1/ingest/documents', { text: `${SEED}\nThe Co-Chairs thanked the hosts.`, publishedOn: '2021-09-29', fileName: 'readout-2.txt' });
    expect(again.statusCode, again.body).toBe(201);
    const reference = (again.json().facts as Fact[]).find((candidate) => candidate.kind === 'reference');
    expect(reference?.proposal.earlierMeetingId).toBe(ministerial?.id);
  });
});
