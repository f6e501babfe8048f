import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.ts';
import { type SignedInClient, type TestContext, buildTestApp, loginAs, postForm, postUpload } from '../../../test/helpers/app.ts';
import { systemActor } from '../../platform/actor.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { alertsOf, batchRecord, screenNextChunk, submitBatch } from './batches.service.ts';
import { ListFileError } from './list-files.ts';
import { bufferSource } from './list-source.ts';
import { importListFiles, listVersions, versionChanges } from './sanctions-lists.service.ts';

const FIXTURES = path.resolve('test/fixtures/sanctions');
const sdn = fs.readFileSync(path.join(FIXTURES, 'ofac/sdn.csv'), 'latin1');
const alt = fs.readFileSync(path.join(FIXTURES, 'ofac/alt.csv'), 'latin1');
let ctx: TestContext;
let analyst: SignedInClient;
let financeMember: SignedInClient; // a delegate in the Counter ISIS Finance Group
let outsider: SignedInClient;
const admin = systemActor('test');

beforeAll(async () => {
  ctx = await buildTestApp();
  analyst = await loginAs(ctx, 'analyst');
  financeMember = await loginAs(ctx, 'delegate', { partnerIso3: 'ITA', groupSlugs: ['counter-isis-finance-group'] });
  outsider = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' });
});
afterAll(() => ctx.close());

const screen = (client: SignedInClient, body: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/v1/screening/screen', headers: client.headers, payload: body });

describe('list versions', () => {
  it('imports each list as a dated version, and shows what the next version added, removed and amended', async () => {
    const first = await importListFiles(ctx.db, admin, [
      bufferSource('sdn.csv', sdn.split('\n').filter((line) => !line.startsWith('306,')).join('\n')),
      bufferSource('alt.csv', alt),
    ]);
    expect(first.map((version) => [version.list, version.entityCount])).toEqual([['OFAC-SDN', 5]]);
    const amended = sdn.replace('"BIN LADIN, Usama bin Muhammad bin Awad"', '"BIN LADIN, Usama bin Muhammad bin Awad bin Laden"').split('\n').filter((line) => !line.startsWith('21286,')).join('\n');
    const [second] = await importListFiles(ctx.db, admin, [bufferSource('sdn.csv', amended), bufferSource('alt.csv', alt)]);
    const changes = await versionChanges(ctx.db, admin, second?.id as string);
    expect(changes.added.map((entry) => entry.ref)).toEqual(['OFAC-SDN:306']);
    expect(changes.removed.map((entry) => entry.ref)).toEqual(['OFAC-SDN:21286']);
    expect(changes.amended.map((entry) => entry.ref)).toEqual(['OFAC-SDN:6365']);
  });

  it('keeps the versions in force when a file is malformed', async () => {
    const before = (await listVersions(ctx.db, admin)).length;
    await expect(importListFiles(ctx.db, admin, [bufferSource('UN_consolidated.xml', '<CONSOLIDATED_LIST><INDIVIDUALS>')])).rejects.toThrow(ListFileError);
    await expect(importListFiles(ctx.db, admin, [bufferSource('sdn.csv', '1,"A"\nbroken\n')])).rejects.toThrow('sdn.csv (primary): line 1 is not an OFAC primary row');
    expect((await listVersions(ctx.db, admin)).length).toBe(before);
  });
});

describe('screening a name', () => {
  it('answers analysts and the finance group with explained hits against the lists in force, and no one else', async () => {
    await importListFiles(ctx.db, admin, [bufferSource('UN_consolidated.xml', fs.readFileSync(path.join(FIXTURES, 'UN_consolidated.xml'), 'utf8'))]);
    const response = await screen(analyst, { name: 'ابو بكر البغدادي', dob: '1971' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { hits, listed } = response.json();
    expect(listed).toBeGreaterThan(1000);
    // The same person on the UN and OFAC lists is one subject, the first, with both references.
    const un = hits.find((hit: { ref: string }) => hit.ref === 'UN:QDi.299');
    expect(un).toMatchObject({ subject: 0 });
    // The full listed record, as stored and read back: documents, addresses, the record as the list has it.
    expect(un.entity).toMatchObject({ birthPlaces: ['Iraq'], addresses: ['Iraq', 'Syrian Arab Republic'], documents: [{ type: 'National Identification Number', number: '0134852' }], raw: { REFERENCE_NUMBER: 'QDi.299' } });
    expect(un.explanation.matched.map((match: { how: string }) => match.how)).toContain('transliteration');
    expect((await screen(financeMember, { name: 'Usama bin Laden' })).statusCode).toBe(200);
    expect((await screen(outsider, { name: 'Usama bin Laden' })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/screening', headers: outsider.headers })).statusCode).toBe(403);
    const [audited] = await ctx.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'screening.screened'), eq(auditEvents.actorUserId, analyst.user.id)));
    expect(audited?.n).toBe(1);
  });

  it('names bad input and keeps answering', async () => {
    expect((await screen(analyst, { name: '' })).statusCode).toBe(400);
    expect((await screen(analyst, { name: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await screen(analyst, { name: 'Zawahiri', dob: '12/06/1951' })).json().errors).toEqual([{ field: 'body.dob', message: expect.stringContaining('pattern') }]);
    expect((await screen(analyst, { name: '山田太郎 🙂' })).statusCode).toBe(200);
    const page = await ctx.app.inject({ method: 'POST', url: '/screening', headers: { cookie: analyst.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: analyst.csrfToken, name: 'Ayman al-Zawahiri' }).toString() });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('UN:QDi.006');
    expect(page.body).toContain('Why it matched');
    expect(page.body).toContain('Passport 1084010 · Egypt');
    // What moved the score, said in the reader's language.
    const french = await ctx.app.inject({ method: 'POST', url: '/fr/screening', headers: { cookie: analyst.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: analyst.csrfToken, name: 'Ayman al-Zawahiri', dob: '1951' }).toString() });
    expect(french.body).toContain('né(e) en 1951, comme inscrit');
    expect(page.body).toContain('Giza, Egypt');
  });
});

describe('decisions on hits', () => {
  it('remembers a false positive for the same name and listing, marks a confirmed match, and keeps delegates to their own partner', async () => {
    const name = 'Ayman al-Zawahiri';
    const first = (await screen(analyst, { name })).json();
    const ref = first.hits[0].ref;
    const decide = (client: SignedInClient, body: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/v1/screening/decisions', headers: client.headers, payload: body });
    expect((await decide(analyst, { name, ref, decision: 'false-positive', note: '' })).statusCode).toBe(400);
    expect((await decide(analyst, { name, ref: 'UN:QDi.999999', decision: 'false-positive', note: 'x' })).json().errors).toEqual([{ field: 'ref', message: 'UN:QDi.999999 is not in the lists in force' }]);
    expect((await decide(analyst, { name, ref, decision: 'false-positive', note: 'Different person: born 1990 in Lyon' })).statusCode).toBe(201);
    // The same name in another order, case and punctuation is the same decision (a different spelling is not:
    // clearing a hit is only ever remembered for the name as decided).
    const again = (await screen(analyst, { name: 'AL-ZAWAHIRI, Ayman' })).json();
    expect(again.hits.map((hit: { ref: string }) => hit.ref)).not.toContain(ref);
    expect(again.cleared).toBe(1);

    const usama = (await screen(financeMember, { name: 'Usama bin Laden' })).json();
    const usamaRef = usama.hits[0].ref;
    expect((await decide(financeMember, { name: 'Usama bin Laden', ref: usamaRef, decision: 'confirmed-match', note: 'Same person' })).statusCode).toBe(201);
    const marked = (await screen(analyst, { name: 'Usama bin Laden' })).json().hits.find((hit: { ref: string }) => hit.ref === usamaRef);
    expect(marked.decision).toMatchObject({ decision: 'confirmed-match', note: 'Same person', listingChanged: false });

    const decisionsPage = (client: SignedInClient) => ctx.app.inject({ method: 'GET', url: '/screening/decisions', headers: client.headers }).then((response) => response.body);
    expect(await decisionsPage(analyst)).toContain('Ayman al-Zawahiri');
    expect(await decisionsPage(financeMember)).toContain('Usama bin Laden');
    // A delegate sees only the names their own partner screened.
    expect(await decisionsPage(financeMember)).not.toContain('Ayman al-Zawahiri');
  });
});


describe('batches', () => {
  it('screens an uploaded file in the background, resumes after a restart, and hands back results', async () => {
    const names = ['id,name,dob', 'r1,Ayman al-Zawahiri,1951', 'r2,John Smith,', 'r3,,', 'r4,Hamza bin Laden,', ...Array.from({ length: 396 }, (_, index) => `x${index},Person Number ${index},`)].join('\r\n');
    const batch = await submitBatch(ctx.db, analyst.user.actor, `\uFEFF${names}`, 'names.csv');
    expect(batch).toMatchObject({ status: 'queued', total: 400, processed: 0 });
    // One chunk, then a "restart": nothing in memory carries over, the next call picks up where the rows say.
    expect(await screenNextChunk(ctx.db)).toBe(200);
    expect((await batchRecord(ctx.db, analyst.user.actor, batch.id)).status).toBe('running');
    while ((await screenNextChunk(ctx.db)) > 0);
    const done = await batchRecord(ctx.db, analyst.user.actor, batch.id);
    expect(done).toMatchObject({ status: 'done', processed: 400 });
    expect(done.hitRows).toBeGreaterThanOrEqual(1);
    const csv = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}/results?format=csv`, headers: analyst.headers });
    expect(csv.body).toMatch(/r1,Ayman al-Zawahiri,1951,,\d,UN:QDi\.006|r1,Ayman al-Zawahiri,1951,,\d,OFAC-SDN:2676/);
    expect(csv.body).toContain('r2,John Smith,,,0,');
    const xlsx = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}/results?format=xlsx`, headers: analyst.headers });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // A delegate in the finance group sees only their own partner's batches.
    expect((await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}`, headers: financeMember.headers })).statusCode).toBe(404);
    await expect(submitBatch(ctx.db, analyst.user.actor, 'name\nx\n', 'bad.csv')).rejects.toThrow(InvalidInput);
    // The same through the API: queued (202), screened in the background, results as JSON; another partner's delegate gets 404.
    const queued = await ctx.app.inject({ method: 'POST', url: '/api/v1/screening/batches?fileName=partners.csv', headers: { ...financeMember.headers, 'content-type': 'text/csv' }, payload: '\uFEFFid,name,dob\r\na1,Ayman al-Zawahiri,1951\r\na2,Maria Rossi,\r\n' });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ fileName: 'partners.csv', status: 'queued', total: 2, processed: 0 });
    while ((await screenNextChunk(ctx.db)) > 0);
    const apiBatch = queued.json().id;
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/screening/batches/${apiBatch}`, headers: financeMember.headers })).json()).toMatchObject({ status: 'done', processed: 2, rowsWithHits: 1 });
    const apiResults = (await ctx.app.inject({ method: 'GET', url: `/api/v1/screening/batches/${apiBatch}/results`, headers: financeMember.headers })).json();
    expect(apiResults.rows.map((row: { id: string; hits: unknown[] }) => [row.id, row.hits.length > 0])).toEqual([['a1', true], ['a2', false]]);
    expect(apiResults.rows[0].hits[0].ref).toMatch(/^(UN:QDi\.006|OFAC-SDN:2676)$/);
    const otherDelegate = await loginAs(ctx, 'delegate', { partnerIso3: 'DEU', groupSlugs: ['counter-isis-finance-group'] });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/screening/batches/${apiBatch}/results`, headers: otherDelegate.headers })).statusCode).toBe(404);
    const noHeader = await ctx.app.inject({ method: 'POST', url: '/api/v1/screening/batches', headers: { ...analyst.headers, 'content-type': 'text/csv' }, payload: 'name\nx\n' });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().errors).toEqual([{ field: 'file', message: expect.stringContaining('the columns id and name') }]);
    // A 50 MB file is refused on the batch page itself, the limit named beside the file field; nothing is queued and screening goes on.
    const batchesBefore = (await ctx.app.inject({ method: 'GET', url: '/screening/batches', headers: analyst.headers })).body.match(/\/screening\/batches\/[0-9a-f-]{36}/g)?.length;
    const huge = await postUpload(ctx, analyst, '/screening/batches', { name: 'huge.csv', content: `id,name\n${'1,Person Name\n'.repeat(50 * 1024 * 1024 / 14)}` });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('The file is larger than this server accepts: at most 10 MB');
    expect(huge.body).toContain('action="/screening/batches"');
    expect((await ctx.app.inject({ method: 'GET', url: '/screening/batches', headers: analyst.headers })).body.match(/\/screening\/batches\/[0-9a-f-]{36}/g)?.length).toBe(batchesBefore);
    expect((await screen(analyst, { name: 'Ayman al-Zawahiri' })).statusCode).toBe(200);
    // The batch keeps the uploaded file's own name.
    const named = await postUpload(ctx, analyst, '/screening/batches', { name: 'cifg-donors-march.csv', content: 'id,name\n1,Maria Garcia\n' });
    expect(named.statusCode, named.body).toBe(303);
    const batchPage = await ctx.app.inject({ method: 'GET', url: String(named.headers.location), headers: analyst.headers });
    expect(batchPage.body).toContain('cifg-donors-march.csv');
    expect(batchPage.body).not.toContain('names.csv');
    const badPage = await postUpload(ctx, analyst, '/screening/batches', { name: 'bad.csv', content: 'name\nx\n' });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.body).toContain('the input needs the columns id and name');

    // The SDN version in force dropped Hamza bin Laden (OFAC-SDN:21286); a new version lists him again:
    // the names screened earlier, in a file or on their own, are screened again and the new hit raised.
    expect((await alertsOf(ctx.db, analyst.user.actor, batch.id)).length).toBe(0);
    const single = (await screen(financeMember, { name: 'Hamza bin Ladin' })).json();
    expect(single.hits.map((hit: { ref: string }) => hit.ref)).not.toContain('OFAC-SDN:21286');
    await importListFiles(ctx.db, admin, [bufferSource('sdn.csv', sdn), bufferSource('alt.csv', alt)]);
    while ((await screenNextChunk(ctx.db)) > 0);
    const alerts = await alertsOf(ctx.db, analyst.user.actor, batch.id);
    expect(alerts.map((alert) => [alert.name, alert.ref])).toEqual([['Hamza bin Laden', 'OFAC-SDN:21286']]);
    const page = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}`, headers: analyst.headers });
    expect(page.body).toContain('OFAC-SDN:21286');
    const alertsFor = (client: SignedInClient) => ctx.app.inject({ method: 'GET', url: '/api/v1/screening/alerts', headers: client.headers }).then((response) => response.json());
    const seenByAnalyst = await alertsFor(analyst);
    expect(seenByAnalyst.alerts.map((alert: { name: string; ref: string; screenedIn: { source: string } }) => [alert.name, alert.ref, alert.screenedIn.source]).sort()).toEqual([
      ['Hamza bin Laden', 'OFAC-SDN:21286', 'file'],
      ['Hamza bin Ladin', 'OFAC-SDN:21286', 'single'],
    ]);
    // The finance-group delegate sees the alert on the name they screened, not the analyst's file.
    expect((await alertsFor(financeMember)).alerts.map((alert: { name: string }) => alert.name)).toEqual(['Hamza bin Ladin']);
    const alertsPage = await ctx.app.inject({ method: 'GET', url: '/screening/alerts', headers: financeMember.headers });
    expect(alertsPage.body).toContain('Hamza bin Ladin');
    expect(alertsPage.body).toContain('single name');
    // Single names are not listed among uploaded batches.
    expect((await ctx.app.inject({ method: 'GET', url: '/screening/batches', headers: financeMember.headers })).body).not.toContain('Hamza bin Ladin');
  });
});

// Last in the file: it imports the full SDN fixture, which the tests above expect not to be in force.
describe('a batch on screen', () => {
  it('lists a finished batch\'s hits with why they matched, filtered by decision and paged, and takes decisions in place', async () => {
    await importListFiles(ctx.db, admin, [bufferSource('sdn.csv', Buffer.from(sdn, 'latin1')), bufferSource('alt.csv', Buffer.from(alt, 'latin1')), bufferSource('UN_consolidated.xml', fs.readFileSync(path.join(FIXTURES, 'UN_consolidated.xml')))]);
    // The lists in force with the date their publisher gave the file, or that the file gives none.
    const lists = await ctx.app.inject({ method: 'GET', url: '/screening/lists', headers: analyst.headers });
    expect(lists.body).toContain('<span dir="ltr">2026-02-27</span>');
    expect(lists.body).toContain('not stated in the file');
    const rows = ['id,name', 'p1,Hamza bin Laden', 'p2,Marie Dupont', ...Array.from({ length: 24 }, (_, index) => `q${index},Ayman al-Zawahiri`)].join('\r\n');
    const batch = await submitBatch(ctx.db, analyst.user.actor, rows, 'mixed.csv');
    // While it runs, the page says the hits come once the file is screened, in a region the page script refreshes.
    const running = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}`, headers: analyst.headers });
    expect(running.body).toContain('data-live-region="batch-hits" data-done="false"');
    expect(running.body).toContain('The hits are listed here once every name in the file has been screened.');
    while ((await screenNextChunk(ctx.db)) > 0);

    const page1 = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}`, headers: analyst.headers });
    expect(page1.statusCode).toBe(200);
    expect(page1.body).toContain('Row 1 (id p1)');
    expect(page1.body).toContain('Hamza bin Laden');
    expect(page1.body).toContain('Why it matched');
    expect(page1.body).not.toContain('Marie Dupont');
    // 25 rows with hits, 20 a page: the next page link keeps the filter.
    expect(page1.body).toMatch(/href="\/screening\/batches\/[0-9a-f-]{36}\?page=2"/);
    const undecided = Number(/Undecided \((\d+)\)/.exec(page1.body)?.[1]);
    expect(undecided).toBeGreaterThanOrEqual(25);
    const page2 = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}?page=2`, headers: analyst.headers });
    // Page 2 carries on where page 1 stopped, in file order.
    const rowsOn = (body: string) => [...body.matchAll(/Row (\d+) \(id/g)].map((match) => Number(match[1]));
    expect(rowsOn(page1.body)).toHaveLength(20);
    expect(Math.min(...rowsOn(page2.body))).toBeGreaterThanOrEqual(Math.max(...rowsOn(page1.body)));
    expect(page2.body).not.toContain('Row 1 (id p1)');

    // A decision on row 1's hit: back to the same filter and page, and the hit moves to the false positives.
    const ref = /name="ref" value="([^"]+)"/.exec(page1.body)?.[1] as string;
    const posted = await postForm(ctx, analyst, `/screening/batches/${batch.id}/decisions`, { row: '1', ref, decision: 'false-positive', [`note-1-${ref}`]: 'Namesake, born 1990, passport seen', filter: 'undecided', page: '1' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/screening/batches/${batch.id}?filter=undecided#hits`);
    // The confirmation comes as the platform's one-time message on the next page.
    expect(String(posted.headers['set-cookie'])).toContain('__Host-cd_flash=');
    const after = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}?filter=undecided`, headers: analyst.headers });
    expect(after.body).toContain(`Undecided (${undecided - 1})`);
    expect(after.body).not.toContain(`id="row-1-${ref}"`);
    const cleared = await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}?filter=false-positive`, headers: analyst.headers });
    expect(cleared.body).toContain(`id="row-1-${ref}"`);
    expect(cleared.body).toContain('Row 1 (id p1)');
    expect(cleared.body).toContain('Cleared as a false positive by');
    expect(cleared.body).toContain('Namesake, born 1990, passport seen');

    // Every hit's note field has its own id on the page.
    const ids = [...page1.body.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBe(new Set(ids).size);
    // A decision without a note is refused on the same page, naming what is missing; nothing is recorded.
    const refused = await postForm(ctx, analyst, `/screening/batches/${batch.id}/decisions`, { row: '1', ref, decision: 'confirmed-match', [`note-1-${ref}`]: '', filter: 'all', page: '1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('error-summary');
    expect(refused.body).toContain(`href="#field-note-1-${ref}"`);
    expect(refused.body).toContain(`id="field-note-1-${ref}"`);
    expect((await ctx.app.inject({ method: 'GET', url: `/screening/batches/${batch.id}?filter=confirmed-match`, headers: analyst.headers })).body).toContain('No hit under this filter.');
    // The same on a name screened on its own: the problem sits beside that hit's note field.
    const single = await postForm(ctx, analyst, '/screening/decisions', { name: 'Hamza bin Ladin', ref, decision: 'confirmed-match', [`note-${ref}`]: '' });
    expect(single.statusCode).toBe(400);
    expect(single.body).toContain(`href="#field-note-${ref}"`);
    expect(single.body).toContain(`id="field-note-${ref}"`);
    // Another partner's delegate cannot decide on this batch.
    expect((await postForm(ctx, outsider, `/screening/batches/${batch.id}/decisions`, { row: '1', ref, decision: 'confirmed-match', [`note-1-${ref}`]: 'x' })).statusCode).toBe(403);
  });
});
