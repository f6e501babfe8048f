import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.ts';
import { fundingCampaigns } from '../../db/schema/funding.ts';
import { readouts } from '../../db/schema/readouts.ts';
import { incidents } from '../../db/schema/threats.ts';
import { type SignedInClient, type TestContext, buildTestApp, loginAs, postForm } from '../../../test/helpers/app.ts';
import { createMeeting } from '../meetings/meetings.service.ts';

const SEED = fs.readFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt'), 'utf8');

let ctx: TestContext;
let officer: SignedInClient;
let delegate: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
  delegate = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' });
});
afterAll(() => ctx.close());

type Fact = { id: string; position: number; kind: string; proposal: Record<string, unknown>; quote: string; status: string; record: { type: string; id: string } | null };
const api = (client: SignedInClient, method: 'GET' | 'POST', url: string, payload?: unknown) => ctx.app.inject({ method, url, headers: client.headers, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const decide = (documentId: string, fact: Fact, body: Record<string, unknown>) => api(officer, 'POST', `/api/v1/ingest/documents/${documentId}/facts/${fact.id}`, body);

describe('reviewing an ingested readout', () => {
  let documentId: string;
  let facts: Fact[];
  const fact = (kind: string, index = 0) => facts.filter((candidate) => candidate.kind === kind)[index] as Fact;

  it('keeps the readout with every fact proposed and quoted, and finds the same readout ingested twice', async () => {
    const response = await api(officer, 'POST', '/api/v1/ingest/documents', { text: SEED, publishedOn: '2021-09-29', fileName: 'readout.txt' });
    expect(response.statusCode, response.body).toBe(201);
    documentId = response.json().id;
    facts = response.json().facts;
    expect(facts.map((candidate) => candidate.kind)).toEqual(['meeting', 'readout', 'speaker', 'money', 'money', 'incident', 'reference', 'commitment', 'commitment', 'commitment', 'tasking', 'commitment', 'commitment']);
    expect(fact('tasking').proposal).toMatchObject({ workingGroups: ['Communications Working Group', 'Counter ISIS Finance Group', 'Foreign Terrorist Fighters Working Group'], branches: ['ISIS-K'] });
    expect(String(fact('tasking').proposal.title)).toMatch(/^Focus work in the D-ISIS Coalition’s Communications/);
    expect(facts.every((candidate) => candidate.status === 'proposed' && candidate.record === null)).toBe(true);
    expect(fact('incident').quote).toBe('the horrific terrorist attack ISIS-K perpetrated on August 26 in Kabul');
    // Nothing recorded yet: no incident, no campaign.
    expect(await ctx.db.select().from(incidents)).toEqual([]);
    const again = await api(officer, 'POST', '/api/v1/ingest/documents', { text: SEED.replaceAll('\n\n', '\n'), publishedOn: '2021-09-29' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(`/ingest/${documentId}`);
  });

  it('records an accepted fact through the domain’s service, with the reviewer’s corrections and a link back to the words', async () => {
    const early = await decide(documentId, fact('commitment'), { decision: 'accept' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ field: 'meeting', message: 'accept the meeting first: this fact is recorded against it' }]);

    const meeting = await decide(documentId, fact('meeting'), { decision: 'accept', values: { title: 'Small Group political directors, September 2021' } });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const accepted = (meeting.json().facts as Fact[]).find((candidate) => candidate.kind === 'meeting') as Fact;
    expect(accepted).toMatchObject({ status: 'accepted', record: { type: 'meeting' } });
    const meetingPage = await ctx.app.inject({ method: 'GET', url: `/api/v1/meetings/${accepted.record?.id}`, headers: officer.headers });
    expect(meetingPage.json()).toMatchObject({ title: 'Small Group political directors, September 2021', format: 'small-group-political-directors', setting: 'virtual' });
    expect(meetingPage.json().source).toContain(`/ingest/${documentId}#fact-0`);
    // Its page shows that provenance as a citation linked to the words, not as an address in the text.
    const meetingHtml = (await ctx.app.inject({ method: 'GET', url: `/meetings/${accepted.record?.id}`, headers: officer.headers })).body;
    expect(meetingHtml).toContain(`<a href="/ingest/${documentId}#fact-0">Ingested readout`);
    expect(meetingHtml).not.toContain(`: /ingest/${documentId}`);
    const [audited] = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'ingest.fact-accepted'), eq(auditEvents.entityId, fact('meeting').id)));
    expect(audited?.detail).toMatchObject({ kind: 'meeting', edited: ['title'] });

    const acceptedReadout = (await decide(documentId, fact('readout'), { decision: 'accept' })).json().facts[1];
    expect(acceptedReadout).toMatchObject({ status: 'accepted', record: { type: 'readout' } });
    // Published by its authors: cleared outside the platform on the day given at upload, not awaiting anyone.
    const [imported] = await ctx.db.select().from(readouts).where(eq(readouts.id, acceptedReadout.record.id));
    expect(imported).toMatchObject({ clearedOutside: true, publishedOutsideOn: '2021-09-29' });
    expect((await decide(documentId, fact('incident'), { decision: 'accept' })).statusCode).toBe(200);
    const [incident] = await ctx.db.select().from(incidents);
    expect(incident).toMatchObject({ occurredOn: '2021-08-26', city: 'Kabul', countryIso3: 'AFG', branchSlug: 'isis-k' });

    // The goal becomes the 2021 campaign; the pledged total its stated total, a lower bound.
    expect((await decide(documentId, fact('money', 1), { decision: 'accept' })).statusCode).toBe(200);
    expect((await decide(documentId, fact('money', 0), { decision: 'accept' })).statusCode).toBe(200);
    const [campaign] = await ctx.db.select().from(fundingCampaigns);
    expect(campaign).toMatchObject({ name: 'Stabilization 2021', currency: 'USD', goalAmount: '670000000.0000', statedPledged: '600000000.0000', statedPledgedIsLowerBound: true });

    // The Small Group's agreement tasks three working groups: one tasking each, on the ISIS-K branch.
    expect((await decide(documentId, fact('tasking'), { decision: 'accept' })).statusCode).toBe(200);
    const taskings = (await api(officer, 'GET', '/api/v1/taskings')).json() as { groupId: string; branchSlugs: string[]; meetingId: string }[];
    expect(taskings).toHaveLength(3);
    expect(new Set(taskings.map((tasking) => tasking.groupId)).size).toBe(3);
    expect(taskings.every((tasking) => tasking.branchSlugs.includes('isis-k') && tasking.meetingId === accepted.record?.id)).toBe(true);

    const commitment = await decide(documentId, fact('commitment', 3), { decision: 'accept' });
    expect((commitment.json().facts as Fact[]).find((candidate) => candidate.id === fact('commitment', 3).id)).toMatchObject({ status: 'accepted', record: { type: 'commitment' } });
  });

  it('links the reference to the earlier meeting the reviewer chooses, once that meeting is on record', async () => {
    const missing = await decide(documentId, fact('reference'), { decision: 'accept' });
    expect(missing.json().errors[0]).toMatchObject({ field: 'earlierMeetingId', message: expect.stringContaining('choose the earlier meeting from the list') });
    await createMeeting(ctx.db, officer.user.actor, { title: 'Counter ISIS Finance Group meeting', format: 'working-group', setting: 'in-person', city: 'Rome', countryIso3: 'ITA', startsLocal: '2021-06-10T09:00', endsLocal: '2021-06-10T17:00', timeZone: 'Europe/Rome' });
    const ministerial = await createMeeting(ctx.db, officer.user.actor, { title: 'D-ISIS Coalition Ministerial', format: 'ministerial', setting: 'in-person', city: 'Rome', countryIso3: 'ITA', startsLocal: '2021-06-28T09:00', endsLocal: '2021-06-28T17:00', timeZone: 'Europe/Rome' });
    // Two meetings in Rome that month: no guess is made, the reviewer chooses the Ministerial.
    const linked = await decide(documentId, fact('reference'), { decision: 'accept', values: { earlierMeetingId: ministerial.id } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((linked.json().facts as Fact[]).find((candidate) => candidate.id === fact('reference').id)?.record).toEqual({ type: 'meeting', id: ministerial.id });
  });

  it('rejects with a note, decides a fact once, and shows it all on the review page', async () => {
    const rejected = await decide(documentId, fact('commitment', 1), { decision: 'reject', note: 'a statement of need, not a commitment' });
    expect((rejected.json().facts as Fact[]).find((candidate) => candidate.id === fact('commitment', 1).id)).toMatchObject({ status: 'rejected', record: null });
    expect((await decide(documentId, fact('commitment', 1), { decision: 'accept' })).statusCode).toBe(409);

    const page = await ctx.app.inject({ method: 'GET', url: `/ingest/${documentId}`, headers: officer.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<mark id="fact-5" class="span span--incident span--accepted"[^>]*>the horrific terrorist attack ISIS-K perpetrated on August 26 in Kabul<\/mark>/);
    expect(page.body).toContain('a statement of need, not a commitment');
    // Choosing a fact: its quote links to the span, and every piece of the span says which fact it belongs to.
    expect(page.body).toContain('href="#fact-5"');
    expect(page.body).toMatch(/<mark id="fact-5"[^>]*data-facts="5"/);
    // The accepted meeting's values in the reader's words, never their codes.
    expect(page.body).toContain('<dd dir="auto">Small Group</dd>');
    expect(page.body).not.toMatch(/<dd dir="auto">(?:small-group|virtual|in-person|pledged|true|false)<\/dd>/);
    // Through the page form: an edited commitment accepted.
    const target = fact('commitment', 0);
    const posted = await postForm(ctx, officer, `/ingest/${documentId}/facts/${target.id}`, { decision: 'accept', [`v${target.position}-actor`]: 'United States', [`v${target.position}-statement`]: String(target.proposal.statement), [`v${target.position}-kind`]: 'intends' });
    expect(posted.statusCode, posted.body).toBe(303);
    expect((await api(officer, 'GET', `/api/v1/ingest/documents/${documentId}`)).json().facts.find((candidate: Fact) => candidate.id === target.id)).toMatchObject({ status: 'accepted', accepted: { actor: 'United States', kind: 'intends' } });
    expect((await ctx.app.inject({ method: 'GET', url: `/ingest/${documentId}`, headers: delegate.headers })).statusCode).toBe(403);
  });

  it('takes a pasted readout on the upload page and says what is wrong with bad input', async () => {
    const empty = await postForm(ctx, officer, '/ingest', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose a file or paste the text of the readout.');
    const pasted = await postForm(ctx, officer, '/ingest', { text: 'The Counter ISIS Finance Group met in Riyadh on 8 May 2023.', publishedOn: '2023-05-09' });
    expect(pasted.statusCode).toBe(303);
    // The review page says what happened and what to do, not a generic "Created and saved."
    const flash = [pasted.headers['set-cookie'] ?? []].flat().map(String).find((cookie) => cookie.startsWith('__Host-cd_flash='));
    expect(flash).toMatch(/^__Host-cd_flash=read;/);
    const review = await ctx.app.inject({ method: 'GET', url: String(pasted.headers.location), headers: { ...officer.headers, cookie: `${officer.headers.cookie}; __Host-cd_flash=read` } });
    expect(review.body).toContain('The readout was read. Check each proposed fact');
    // Pasted on an Arabic page, the review opens in Arabic.
    const arabic = await postForm(ctx, officer, '/ar/ingest', { text: 'The Communications Working Group met in Amman on 3 June 2023.' });
    expect(arabic.headers.location).toMatch(/^\/ar\/ingest\/[0-9a-f-]{36}$/);
    const duplicate = await postForm(ctx, officer, '/ingest', { text: 'The Counter ISIS Finance Group met in Riyadh on 8 May 2023.' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('already ingested');
    expect((await ctx.app.inject({ method: 'GET', url: '/ingest', headers: officer.headers })).body).toContain('Counter ISIS Finance Group met in Riyadh');
  });
});

describe('accepting pledges and new members', () => {
  const ROME = [
    'Coalition partners met in Rome on 14 March 2024.',
    'Italy pledged EUR 25 million to the 2024 stabilization campaign.',
    'The meeting welcomed Tajikistan as a new member of the Coalition.',
  ].join('\n\n');
  let documentId: string;
  let facts: Fact[];
  const fact = (kind: string) => facts.find((candidate) => candidate.kind === kind) as Fact;

  beforeAll(async () => {
    const response = await api(officer, 'POST', '/api/v1/ingest/documents', { text: ROME, publishedOn: '2024-03-15', fileName: 'rome.txt' });
    expect(response.statusCode, response.body).toBe(201);
    documentId = response.json().id;
    facts = response.json().facts;
  });

  it('proposes a pledge the text gives no year for in the year of its meeting', async () => {
    const text = 'The Small Group met in Oslo on 2 February 2026. Norway pledged USD 4 million for stabilization.';
    const response = await api(officer, 'POST', '/api/v1/ingest/documents', { text, fileName: 'oslo.txt' });
    expect(response.statusCode, response.body).toBe(201);
    const money = response.json().facts.find((candidate: Fact) => candidate.kind === 'money');
    expect(money.proposal).toMatchObject({ amount: '4000000', currency: 'USD', year: 2026, actor: 'Norway' });
  });

  it('proposes the pledge with its donor, and refuses it with the reason while no campaign of its year exists', async () => {
    expect(fact('money').proposal).toMatchObject({ amount: '25000000', currency: 'EUR', kind: 'pledged', year: 2024, actor: 'Italy' });
    // The review page shows each choice in words, never its code.
    const page = await ctx.app.inject({ method: 'GET', url: `/ingest/${documentId}`, headers: officer.headers });
    expect(page.body).toMatch(/value="pledged"[^>]*>Pledged</);
    expect(page.body).toMatch(/value="true"[^>]*>Yes — at least this much</);
    expect(page.body).not.toMatch(/>pledged</);
    // A donor's pledge becomes a contribution on a day: the form asks for it, starting at the meeting's date and saying so.
    expect(fact('money').proposal.date).toBeNull();
    expect(page.body).toMatch(new RegExp(`id="field-v${fact('money').position}-date"[^>]*value="2024-03-14"`));
    expect(page.body).toContain('the meeting’s date (\u20662024-03-14\u2069) is proposed');
    const before = await ctx.db.select().from(fundingCampaigns);
    const refused = await decide(documentId, fact('money'), { decision: 'accept' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'year', message: expect.stringContaining('no stabilization campaign for 2024') });
    // Nothing half-made: no campaign in euros beside the others.
    expect(await ctx.db.select().from(fundingCampaigns)).toEqual(before);
  });

  it('makes the new member a partner joined on the meeting’s day, once, even when two reviewers accept at the same moment', async () => {
    expect(fact('new-member').proposal).toEqual({ partner: 'Tajikistan' });
    const meeting = await decide(documentId, fact('meeting'), { decision: 'accept' });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const [first, second] = await Promise.all([decide(documentId, fact('new-member'), { decision: 'accept' }), decide(documentId, fact('new-member'), { decision: 'accept' })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const partners = await api(officer, 'GET', '/api/v1/partners?q=Tajikistan');
    const listed = (partners.json().items ?? partners.json()) as { nameEn: string; joined: string | null }[];
    expect(listed.filter((partner) => partner.nameEn === 'Tajikistan')).toMatchObject([{ joined: '2024-03-14' }]);
    // The review links to the partner made, and the partner's page cites the readout in words, linked to the words.
    const made = (await api(officer, 'GET', `/api/v1/ingest/documents/${documentId}`)).json().facts.find((candidate: Fact) => candidate.kind === 'new-member');
    const review = await ctx.app.inject({ method: 'GET', url: `/ingest/${documentId}`, headers: officer.headers });
    expect(review.body).toContain(`<a href="/partners/${made.record.id}">Open the record</a>`);
    const partnerPage = await ctx.app.inject({ method: 'GET', url: `/partners/${made.record.id}`, headers: officer.headers });
    expect(partnerPage.body).toContain(`href="/ingest/${documentId}#fact-${made.position}">Ingested readout “\u2068Coalition partners met in Rome on 14 March 2024.\u2069”, published 2024-03-15, characters`);
    expect(partnerPage.body).not.toContain('rome.txt');
  });
});
