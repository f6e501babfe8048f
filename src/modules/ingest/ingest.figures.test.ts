import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { justiceRecords } from '../../db/schema/justice.ts';
import { populationSnapshots, repatriations } from '../../db/schema/detention.ts';
import { type SignedInClient, type TestContext, buildTestApp, loginAs, postForm } from '../../../test/helpers/app.ts';
import { stopExtractionThread } from './extraction-thread.ts';

// Self-written: a readout of the kind the detention and justice registers are fed from.
const READOUT = [
  'Coalition partners met in Rome on 14 March 2024.',
  'The al-Hol camp held some 30,000 people in February 2024.',
  'Kazakhstan repatriated 45 women and children in January 2024.',
  'In 2023, Iraq convicted 120 foreign terrorist fighters.',
  'Some 45 returnees were prosecuted in Belgium.',
].join('\n\n');

let ctx: TestContext;
let officer: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
});
afterAll(async () => {
  await stopExtractionThread();
  await ctx.close();
});

type Fact = { id: string; position: number; kind: string; proposal: Record<string, unknown>; quote: string; status: string; record: { type: string; id: string } | null };
const api = (method: 'GET' | 'POST', url: string, payload?: unknown) => ctx.app.inject({ method, url, headers: officer.headers, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const page = async (url: string) => {
  const response = await ctx.app.inject({ method: 'GET', url, headers: officer.headers });
  expect(response.statusCode, url).toBe(200);
  return response.body;
};

describe('accepting head counts, repatriations and prosecutions', () => {
  let documentId: string;
  let facts: Fact[];
  const fact = (kind: string, index = 0) => facts.filter((candidate) => candidate.kind === kind)[index] as Fact;
  const decide = (target: Fact, body: Record<string, unknown>) => api('POST', `/api/v1/ingest/documents/${documentId}/facts/${target.id}`, body);

  beforeAll(async () => {
    const response = await api('POST', '/api/v1/ingest/documents', { text: READOUT, publishedOn: '2024-03-15', fileName: 'figures.txt' });
    expect(response.statusCode, response.body).toBe(201);
    documentId = response.json().id;
    facts = response.json().facts;
  });

  it('proposes each figure with its words, and shows it in the reader’s language', async () => {
    expect(fact('detention')).toMatchObject({ proposal: { site: 'al-Hol', population: 30000, date: '2024-02' }, quote: 'al-Hol camp held some 30,000 people' });
    expect(fact('repatriation')).toMatchObject({ proposal: { state: 'Kazakhstan', count: 45, kind: 'women and children', date: '2024-01' }, quote: 'Kazakhstan repatriated 45 women and children' });
    expect(fact('prosecution').proposal).toMatchObject({ state: 'Iraq', count: 120, kind: 'convicted', date: '2023' });
    const english = await page(`/ingest/${documentId}`);
    expect(english).toContain('Camp or detention head count');
    expect(english).toMatch(/value="convicted"[^>]*>Convicted</);
    const french = await ctx.app.inject({ method: 'GET', url: `/ingest/${documentId}?lang=fr`, headers: { ...officer.headers, 'accept-language': 'fr' } });
    expect(french.body).toContain('Rapatriement');
    expect(french.body).toMatch(/value="convicted"[^>]*>Condamnées</);
  });

  it('refuses a head count for a site not on record, saying so, and records it once the site exists', async () => {
    const refused = await decide(fact('detention'), { decision: 'accept' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'site', message: expect.stringContaining('no site "al-Hol"') }]);
    expect(await ctx.db.select().from(populationSnapshots)).toEqual([]);

    const site = await api('POST', '/api/v1/detention/sites', { name: 'al-Hol', kind: 'displaced-persons-camp', countryIso3: 'SYR', source: 'UN OCHA', classification: 'coalition' });
    expect(site.statusCode, site.body).toBe(201);
    const accepted = await decide(fact('detention'), { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [snapshot] = await ctx.db.select().from(populationSnapshots);
    expect(snapshot).toMatchObject({ siteId: site.json().id, asOf: '2024-02', total: 30000 });
    // The record made is the snapshot itself, not its site.
    expect(accepted.json().facts.find((candidate: Fact) => candidate.id === fact('detention').id).record).toEqual({ type: 'detention-snapshot', id: snapshot?.id });
    // The site page shows the figure and where it was read: the document and the span.
    const sitePage = await page(`/detention/sites/${site.json().id}`);
    expect(sitePage).toContain('30,000');
    // The source links to the quoted words, and shows no internal address as text.
    expect(sitePage).toContain(`href="/ingest/${documentId}#fact-${fact('detention').position}"`);
    expect(sitePage).not.toContain(`: /ingest/${documentId}`);
    const start = READOUT.indexOf('al-Hol camp');
    expect(sitePage).toContain(`characters ${start}–${start + fact('detention').quote.length}`);

    // Accepting it again changes nothing.
    expect((await decide(fact('detention'), { decision: 'accept' })).statusCode).toBe(409);
    expect(await ctx.db.select().from(populationSnapshots)).toHaveLength(1);
  });

  it('opens the snapshot made, among its site’s figures, from the review page, in the reader’s language', async () => {
    const [snapshot] = await ctx.db.select().from(populationSnapshots);
    const review = await page(`/ingest/${documentId}`);
    expect(review).toContain(`<a href="/detention/snapshots/${snapshot?.id}">Open the record</a>`);
    const opened = await ctx.app.inject({ method: 'GET', url: `/detention/snapshots/${snapshot?.id}`, headers: officer.headers });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/detention/sites/${snapshot?.siteId}#snapshot-${snapshot?.id}`);
    // The row the address points at is the snapshot's, with its figure.
    expect(await page(`/detention/sites/${snapshot?.siteId}`)).toMatch(new RegExp(`<tr id="snapshot-${snapshot?.id}">.*?30,000`, 's'));
    const arabic = await ctx.app.inject({ method: 'GET', url: `/ar/detention/snapshots/${snapshot?.id}`, headers: officer.headers });
    expect(arabic.headers.location).toBe(`/ar/detention/sites/${snapshot?.siteId}#snapshot-${snapshot?.id}`);
    const unknown = await ctx.app.inject({ method: 'GET', url: '/detention/snapshots/00000000-0000-4000-8000-000000000000', headers: officer.headers });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses, in words, a head count that another readout already gave for the same site and month', async () => {
    const again = await api('POST', '/api/v1/ingest/documents', { text: 'Partners met in Paris on 2 March 2024.\n\nThe al-Hol camp held some 30,500 people in February 2024.', fileName: 'again.txt' });
    expect(again.statusCode, again.body).toBe(201);
    const target = (again.json().facts as Fact[]).find((candidate) => candidate.kind === 'detention') as Fact;
    const refused = await postForm(ctx, officer, `/ingest/${again.json().id}/facts/${target.id}`, { decision: 'accept' });
    expect(refused.statusCode).toBe(409);
    // The summary names the fact, not the service's field code.
    expect(refused.body).toContain(`${target.position + 1}. Camp or detention head count: `);
    expect(refused.body).not.toContain('replaceReason:');
    expect(await ctx.db.select().from(populationSnapshots)).toHaveLength(1);
  });

  it('records a repatriation once when two reviewers accept it at the same moment, and shows its source', async () => {
    const [first, second] = await Promise.all([decide(fact('repatriation'), { decision: 'accept' }), decide(fact('repatriation'), { decision: 'accept' })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const rows = await ctx.db.select().from(repatriations);
    expect(rows).toMatchObject([{ receivingIso3: 'KAZ', period: '2024-01', people: 45, note: 'women and children', status: 'verified' }]);
    const link = `/ingest/${documentId}#fact-${fact('repatriation').position}`;
    const list = await page('/detention/repatriations');
    expect(list).toContain(`href="${link}"`);
    expect(list).not.toContain(`: ${link}`);
    // The record page links it too (its correction form holds the source as typed).
    expect(await page(`/detention/repatriations/${rows[0]?.id}`)).toContain(`href="${link}"`);
  });

  it('refuses a figure with no date or an unknown state, and makes no record', async () => {
    const before = await ctx.db.select().from(justiceRecords);
    const undated = await decide(fact('prosecution', 1), { decision: 'accept' });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().errors).toEqual([{ field: 'date', message: expect.stringContaining('the readout gives no date for this figure') }]);
    const malformed = await decide(fact('prosecution', 1), { decision: 'accept', values: { date: '14/03/2024' } });
    expect(malformed.json().errors).toEqual([{ field: 'date', message: expect.stringContaining('the date of the figure is needed, as YYYY-MM-DD') }]);
    const unknown = await decide(fact('prosecution', 1), { decision: 'accept', values: { state: 'Atlantis', date: '2023' } });
    expect(unknown.json().errors).toEqual([{ field: 'state', message: '"Atlantis" is neither a partner in the registry nor a state known by that English name' }]);
    expect(await ctx.db.select().from(justiceRecords)).toEqual(before);
    // Through the page form, the reviewer's French interface gets the reason in French, beside the fact.
    const target = fact('prosecution', 1);
    const posted = await postForm(ctx, officer, `/ingest/${documentId}/facts/${target.id}?lang=fr`, { decision: 'accept', [`v${target.position}-date`]: '' });
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('le compte rendu ne date pas ce chiffre');
    // The summary names the field as the form labels it, never by its form code.
    expect(posted.body).toContain(`${target.position + 1}. Date: le compte rendu ne date pas ce chiffre`);
    expect(posted.body).not.toContain(`v${target.position}-date:`);
    const arabic = await postForm(ctx, officer, `/ar/ingest/${documentId}/facts/${target.id}`, { decision: 'accept', [`v${target.position}-date`]: '' });
    expect(arabic.body).toContain('لا يذكر البيان تاريخًا لهذا الرقم');
    expect(await ctx.db.select().from(justiceRecords)).toEqual(before);
  });

  it('proposes the meeting’s date for a conviction the readout leaves undated, saying so, and accepting the form makes the justice record', async () => {
    const target = fact('prosecution', 1);
    expect(target.proposal.date).toBeNull();
    const review = await page(`/ingest/${documentId}`);
    expect(review).toMatch(new RegExp(`id="field-v${target.position}-date"[^>]*value="2024-03-14"`));
    expect(review).toContain('The readout gives no date for this figure: the meeting’s date (\u20662024-03-14\u2069) is proposed.');
    expect(await page(`/ar/ingest/${documentId}`)).toContain('نقترح تاريخ الاجتماع (\u20662024-03-14\u2069)');
    const before = await ctx.db.select().from(justiceRecords);
    // Decided on an Arabic page, the reviewer comes back to the Arabic page.
    const posted = await postForm(ctx, officer, `/ar/ingest/${documentId}/facts/${target.id}`, { decision: 'accept', [`v${target.position}-date`]: '2024-03-14' });
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toBe(`/ar/ingest/${documentId}#review-${target.position}`);
    const made = (await ctx.db.select().from(justiceRecords)).filter((row) => !before.some((old) => old.id === row.id));
    expect(made).toMatchObject([{ stateIso3: 'BEL', kind: 'charged', count: 45, periodEnd: '2024-03-14' }]);
    expect(await page(`/ingest/${documentId}`)).toContain(`<a href="/justice/records/${made[0]?.id}">Open the record</a>`);
  });

  it('makes a justice record of a conviction through the justice service, with its source', async () => {
    const before = await ctx.db.select().from(justiceRecords);
    const accepted = await decide(fact('prosecution'), { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const made = (await ctx.db.select().from(justiceRecords)).filter((row) => !before.some((old) => old.id === row.id));
    expect(made).toHaveLength(1);
    const [record] = made;
    expect(record).toMatchObject({ stateIso3: 'IRQ', kind: 'convicted', count: 120, periodEnd: '2023', description: 'Iraq convicted 120 foreign terrorist fighters', courtOrBody: 'Not named in the readout' });
    const link = `/ingest/${documentId}#fact-${fact('prosecution').position}`;
    expect(record?.sources[0]).toContain(link);
    expect(await page(`/justice/records/${record?.id}`)).toContain(`href="${link}"`);
    expect((await decide(fact('prosecution'), { decision: 'accept' })).statusCode).toBe(409);
    expect(await ctx.db.select().from(justiceRecords)).toHaveLength(before.length + 1);
  });
});
