import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.ts';
import { groups } from '../../db/schema/partners.ts';
import { postForm, type SignedInClient, loginAs } from '../../../test/helpers/app.ts';
import type { LightMyRequestResponse } from 'fastify';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const FTF = 'foreign-terrorist-fighters-working-group';

const api = (client: SignedInClient | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  suite.ctx.app.inject({ method, url, headers: client?.headers ?? {}, payload: payload as never });

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const member = await loginAs(ctx, 'delegate', { partnerIso3: 'NLD', groupSlugs: [FTF] }); // a delegate of the Netherlands in the FTF working group
  const outsider = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' }); // a delegate of France outside it
  const site = await api(officer, 'POST', '/api/v1/detention/sites', { name: 'al-Hol', kind: 'displaced-persons-camp', region: 'north-east Syria', countryIso3: 'syr', latitude: 36.377, longitude: 41.149, source: 'test' });
  expect(site.statusCode, site.body).toBe(201);
  const siteId = site.json().id;
  const snapshot = await api(officer, 'POST', `/api/v1/detention/sites/${siteId}/snapshots`, {
    asOf: '2019-11-19',
    total: 68744,
    partial: true,
    nationalities: [
      { key: 'IRQ', count: 30897 },
      { key: 'SYR', count: 27813 },
      { key: 'third-countries', count: 10029 },
    ],
    source: 'UN OCHA',
  });
  expect(snapshot.statusCode, snapshot.body).toBe(201);
  return { officer, member, outsider, siteId };
});

const ftfId = async () => (await suite.ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, FTF)))[0]?.id as string;

const viewsBy = async (client: SignedInClient) => {
  const [row] = await suite.ctx.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'detention.viewed'), eq(auditEvents.actorUserId, client.user.id)));
  return row?.n ?? 0;
};

describe('access', () => {
  it('restricts figures to the FTF working group by default: an outsider gets 404, a member sees them', async () => {
    const site = (await api(suite.officer, 'GET', `/api/v1/detention/sites/${suite.siteId}`)).json();
    expect(site.site.classification).toBe('restricted');
    expect((await api(suite.outsider, 'GET', `/api/v1/detention/sites/${suite.siteId}`)).statusCode).toBe(404);
    expect((await api(suite.outsider, 'GET', `/detention/sites/${suite.siteId}`)).statusCode).toBe(404);
    expect((await api(suite.outsider, 'GET', '/api/v1/detention/nationalities')).json().rows).toEqual([]);
    const seen = await api(suite.member, 'GET', `/api/v1/detention/sites/${suite.siteId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().snapshots[0]).toMatchObject({ total: 68744, partial: true });
    const nationalities = (await api(suite.member, 'GET', '/api/v1/detention/nationalities')).json();
    expect(nationalities.rows.find((row: { key: string }) => row.key === 'IRQ')).toMatchObject({ held: 30897, heldAsOf: '2019-11-19' });
  });

  it('audits every read of restricted figures, page or API, and sends no-store', async () => {
    const reads = ['/detention', `/detention/sites/${suite.siteId}`, '/detention/nationalities', '/detention/nationalities?format=csv', '/detention/map', '/api/v1/detention/sites', `/api/v1/detention/sites/${suite.siteId}`, '/api/v1/detention/nationalities'];
    for (const url of reads) {
      const before = await viewsBy(suite.member);
      const response = await api(suite.member, 'GET', url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(await viewsBy(suite.member), url).toBe(before + 1);
    }
    // Reading nothing restricted is not logged.
    const before = await viewsBy(suite.outsider);
    await api(suite.outsider, 'GET', '/api/v1/detention/sites');
    expect(await viewsBy(suite.outsider)).toBe(before);
  });

  it('shows the public only figures marked public, with no cookie and no no-store', async () => {
    const open = await api(suite.officer, 'POST', '/api/v1/detention/sites', { name: 'Roj', kind: 'displaced-persons-camp', source: 'test', classification: 'public' });
    await api(suite.officer, 'POST', `/api/v1/detention/sites/${open.json().id}/snapshots`, { asOf: '2024-06-14', total: 2600, source: 'public source', classification: 'public' });
    await api(suite.officer, 'POST', `/api/v1/detention/sites/${open.json().id}/snapshots`, { asOf: '2023', total: 2500, source: 'restricted source' });
    const page = await api(null, 'GET', '/camps');
    expect(page.body).toContain('2,600');
    expect(page.body).not.toContain('2,500');
    expect(page.body).not.toContain('al-Hol');
    expect(page.headers['set-cookie']).toBeUndefined();
  });
});

describe('population snapshots', () => {
  it('refuses bad figures with a message naming the field, and changes nothing', async () => {
    const post = (body: Record<string, unknown>) => api(suite.officer, 'POST', `/api/v1/detention/sites/${suite.siteId}/snapshots`, { asOf: '2020-07-19', total: 65406, source: 's', ...body });
    const cases: [Record<string, unknown>, { field: string; message: string }][] = [
      [{ total: -5 }, { field: 'total', message: 'cannot be negative (-5)' }],
      [{ asOf: '2999-01' }, { field: 'asOf', message: '2999-01 is in the future' }],
      [{ nationalities: [{ key: 'IRQ', count: 70000 }] }, { field: 'nationalities', message: 'IRQ = 70000, more than the total of 65406' }],
      [{ nationalities: [{ key: 'IRQ', count: 30573 }] }, { field: 'nationalities', message: 'IRQ = 30573, less than the total of 65406: mark the breakdown partial if the source gives only part of it' }],
      [{ nationalities: [{ key: 'ZZZ', count: 1 }], partial: true }, { field: 'nationalities', message: '"ZZZ" is not a nationality: use an ISO 3166-1 alpha-3 code (e.g. FRA), "unknown" or "third-countries"' }],
    ];
    for (const [body, problem] of cases) {
      const response = await post(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors, JSON.stringify(body)).toEqual([problem]);
    }
    expect((await api(suite.officer, 'GET', `/api/v1/detention/sites/${suite.siteId}`)).json().snapshots).toHaveLength(1);
  });

  it('never overwrites a figure for the same date: it asks for a reason, then keeps the old one as history', async () => {
    const again = await api(suite.officer, 'POST', `/api/v1/detention/sites/${suite.siteId}/snapshots`, { asOf: '2019-11-19', total: 68700, source: 'corrected OCHA figure' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'replaceReason', message: 'a figure for 2019-11-19 exists; say why this one replaces it' }]);
    const page = await postForm(suite.ctx, suite.officer, `/detention/sites/${suite.siteId}/snapshots`, { asOf: '2019-11-19', total: '68700', source: 'corrected OCHA figure' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Why this figure replaces the one recorded');
    const replaced = await api(suite.officer, 'POST', `/api/v1/detention/sites/${suite.siteId}/snapshots`, { asOf: '2019-11-19', total: 68700, source: 'corrected OCHA figure', replaceReason: 'OCHA corrected its count' });
    expect(replaced.statusCode).toBe(201);
    const snapshots = (await api(suite.officer, 'GET', `/api/v1/detention/sites/${suite.siteId}`)).json().snapshots;
    expect(snapshots.map((s: { total: number; replacesId: string | null }) => [s.total, s.replacesId !== null])).toEqual([
      [68744, false],
      [68700, true],
    ]);
    const sitePage = await api(suite.officer, 'GET', `/detention/sites/${suite.siteId}`);
    expect(sitePage.body).toContain('Replaced figures');
    expect(sitePage.body).toContain('OCHA corrected its count');
  });
});

describe('repatriations', () => {
  it('lets a delegate report only for their own state; the secretariat verifies', async () => {
    const figure = { receivingIso3: 'FRA', period: '2020-06-22', children: 10, people: 10, siteId: null, source: 'UN OCHA' };
    const mine = await api(suite.outsider, 'POST', '/api/v1/detention/repatriations', { ...figure, classification: 'coalition' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ status: 'reported', classification: 'coalition' });
    // Their own state's figure stays visible to them although the secretariat restricted it to the FTF group.
    const restricted = await api(suite.officer, 'POST', '/api/v1/detention/repatriations', { ...figure, period: '2020-07' });
    expect(restricted.json()).toMatchObject({ classification: 'restricted' });
    expect((await api(suite.outsider, 'GET', '/api/v1/detention/repatriations')).json().map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([mine.json().id, restricted.json().id]));
    expect((await api(suite.outsider, 'POST', '/api/v1/detention/repatriations', { receivingIso3: 'DEU', period: '2022', people: 50, source: 's' })).statusCode).toBe(403);
    expect((await api(suite.outsider, 'POST', `/api/v1/detention/repatriations/${mine.json().id}/verify`, { version: 1 })).statusCode).toBe(403);
    const verified = await api(suite.officer, 'POST', `/api/v1/detention/repatriations/${mine.json().id}/verify`, { version: 1 });
    expect(verified.json().status).toBe('verified');
    const table = (await api(suite.member, 'GET', '/api/v1/detention/nationalities')).json();
    expect(table.rows.find((row: { key: string }) => row.key === 'FRA')).toMatchObject({ repatriatedByYear: { '2020': 20 }, repatriatedTotal: 20 });
  });

  it('starts a delegate’s form on a visibility they may use, so its first submit as shown succeeds', async () => {
    /** What the form shows chosen: the classification and the groups selected. */
    const shown = (html: string) => ({
      classification: /<select[^>]*name="classification"[^>]*>[\s\S]*?<option value="(\w+)" selected/.exec(html)?.[1] ?? 'none',
      restrictedGroupIds: [.../<select[^>]*name="restrictedGroupIds"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1]?.matchAll(/<option value="([^"]+)" selected/g) ?? []].map((match) => match[1] as string),
    });
    const figure = { receivingIso3: 'FRA', period: '2022-05', people: '3', source: 'Ministry of Foreign Affairs' };
    // In no group: coalition-wide (restricted to the FTF group would be refused to them).
    const outsiders = shown((await api(suite.outsider, 'GET', '/detention/repatriations/new')).body);
    expect(outsiders).toEqual({ classification: 'coalition', restrictedGroupIds: [] });
    expect((await postForm(suite.ctx, suite.outsider, '/detention/repatriations', { ...figure, ...outsiders })).statusCode).toBe(303);
    // In another group: restricted to that group of theirs, preselected.
    const smallGroup = (await suite.ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, 'small-group')))[0]?.id as string;
    const inSmallGroup = await loginAs(suite.ctx, 'delegate', { partnerIso3: 'DEU', groupSlugs: ['small-group'] });
    const theirs = shown((await api(inSmallGroup, 'GET', '/detention/repatriations/new')).body);
    expect(theirs).toEqual({ classification: 'restricted', restrictedGroupIds: [smallGroup] });
    expect((await postForm(suite.ctx, inSmallGroup, '/detention/repatriations', { ...figure, receivingIso3: 'DEU', ...theirs })).statusCode).toBe(303);
    // A suite.member of the FTF working group, and the secretariat, start restricted to it, shown on the form.
    expect(shown((await api(suite.member, 'GET', '/detention/repatriations/new')).body)).toEqual({ classification: 'restricted', restrictedGroupIds: [await ftfId()] });
    expect(shown((await api(suite.officer, 'GET', `/detention/sites/${suite.siteId}`)).body)).toEqual({ classification: 'restricted', restrictedGroupIds: [await ftfId()] });
  });

  it('restricts a delegate’s figure to the FTF group by default only when they are in it, as restrictions go everywhere', async () => {
    const figure = { receivingIso3: 'FRA', period: '2021-03', people: 4, source: 'Ministry of Foreign Affairs' };
    const before = (await api(suite.officer, 'GET', '/api/v1/detention/repatriations')).json().length;
    const byDefault = await api(suite.outsider, 'POST', '/api/v1/detention/repatriations', figure);
    expect(byDefault.statusCode).toBe(400);
    expect(byDefault.json().errors).toEqual([{ field: 'restrictedGroupIds', message: 'figures here are restricted to the Foreign Terrorist Fighters Working Group unless classified otherwise, and you are not a member of it: choose another classification, or groups you are a member of' }]);
    const named = await api(suite.outsider, 'POST', '/api/v1/detention/repatriations', { ...figure, classification: 'restricted', restrictedGroupIds: [await ftfId()] });
    expect(named.statusCode).toBe(400);
    expect(named.json().errors[0].message).toContain('you can restrict a record only to groups you are a member of');
    expect((await api(suite.officer, 'GET', '/api/v1/detention/repatriations')).json().length).toBe(before);
    // The same on the form, in French: the refusal beside the classification, nothing stored.
    const page = await postForm(suite.ctx, suite.outsider, '/detention/repatriations?lang=fr', { ...figure, people: '4', classification: 'restricted' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('vous n’en êtes pas membre');
    // A member of the working group gets the default; so does the secretariat, member or not.
    const members = await api(suite.member, 'POST', '/api/v1/detention/repatriations', { ...figure, receivingIso3: 'NLD' });
    expect(members.statusCode, members.body).toBe(201);
    expect(members.json()).toMatchObject({ classification: 'restricted' });
    expect((await api(suite.officer, 'POST', '/api/v1/detention/repatriations', { ...figure, period: '2021-04' })).statusCode).toBe(201);
  });

  it('refuses parts larger than the total, negative counts and future dates', async () => {
    const post = (body: Record<string, unknown>) => api(suite.officer, 'POST', '/api/v1/detention/repatriations', { receivingIso3: 'KAZ', period: '2019-01/2019-06', source: 's', ...body });
    expect((await post({ people: 595, women: 156, children: 406, men: 133 })).json().errors).toEqual([{ field: 'people', message: 'men, women and children add up to 695, more than the 595 people given' }]);
    expect((await post({ people: -1 })).json().errors).toEqual([{ field: 'people', message: 'cannot be negative (-1)' }]);
    expect((await post({ people: 5, period: '2999-01' })).json().errors).toEqual([{ field: 'period', message: '2999-01 is in the future' }]);
    expect((await post({ people: 5, receivingIso3: 'ABC' })).json().errors).toEqual([{ field: 'receivingIso3', message: '"ABC" is not an ISO 3166-1 alpha-3 code' }]);
  });

  it('keeps running totals out of the yearly sums, and exports the table', async () => {
    await api(suite.officer, 'POST', '/api/v1/detention/repatriations', { receivingIso3: 'KAZ', period: '2019-01/2019-06', people: 595, source: 's' });
    await api(suite.officer, 'POST', '/api/v1/detention/repatriations', { receivingIso3: 'KAZ', period: 'cumulative 2019-2021', cumulative: true, people: 607, source: 's' });
    const table = (await api(suite.member, 'GET', '/api/v1/detention/nationalities')).json();
    expect(table.rows.find((row: { key: string }) => row.key === 'KAZ')).toMatchObject({ repatriatedByYear: { '2019': 595 }, repatriatedTotal: 595 });
    const csv = await api(suite.member, 'GET', '/detention/nationalities?format=csv&sort=state');
    expect(csv.body).toContain('Kazakhstan,KAZ,,,,595');
    expect(csv.body).toMatch(/^\uFEFFNationality,ISO,Held \(latest\),As of,Change since the figure before,Repatriated 2019,/);
    const xlsx = await api(suite.member, 'GET', '/detention/nationalities?format=xlsx');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="nationalities.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('corrections', () => {
  it('keeps every correction with its reason and the values it changed', async () => {
    const row = (await api(suite.officer, 'POST', '/api/v1/detention/repatriations', { receivingIso3: 'UZB', period: '2021-04-30', people: 93, women: 24, children: 69, source: 'Embassy' })).json();
    const noReason = await api(suite.officer, 'PUT', `/api/v1/detention/repatriations/${row.id}`, { receivingIso3: 'UZB', period: '2021-04-30', people: 98, source: 'Embassy', version: row.version });
    expect(noReason.statusCode).toBe(400);
    const corrected = await api(suite.officer, 'PUT', `/api/v1/detention/repatriations/${row.id}`, { receivingIso3: 'UZB', period: '2021-04-30', people: 98, women: 24, children: 74, source: 'Embassy', version: row.version, reason: 'five more children on the manifest' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const stale = await api(suite.officer, 'PUT', `/api/v1/detention/repatriations/${row.id}`, { receivingIso3: 'UZB', period: '2021-04-30', people: 1, source: 'Embassy', version: row.version, reason: 'late edit' });
    expect(stale.statusCode).toBe(409);
    const page = await api(suite.officer, 'GET', `/detention/repatriations/${row.id}`);
    expect(page.body).toContain('five more children on the manifest');
    expect(page.body).toContain('people: 93 → 98');
    expect(page.body).toContain('children: 69 → 74');
  });
});

describe('CSV import', () => {
  const upload = (client: SignedInClient, kind: string, csv: string) =>
    suite.ctx.app.inject({ method: 'POST', url: `/api/v1/detention/import?kind=${kind}`, headers: { ...client.headers, 'content-type': 'text/csv' }, payload: csv });

  it('imports snapshots all or nothing, naming the line and column of each problem', async () => {
    const bad = 'site,as_of,total,partial,nationalities,source\nal-Hol,2021-06,62000,true,IRQ 30000; SYR 20000,UNICEF\nal-Hol,2022-01,57000,,IRQ 60000,Kurdistan24\natlantis,2022-01,5,,,x\n';
    const refused = await upload(suite.officer, 'snapshots', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: 'line 3: nationalities', message: 'IRQ = 60000, more than the total of 57000' },
      { field: 'line 4: site', message: 'no site named "atlantis"' },
    ]);
    const asOfs = () => api(suite.officer, 'GET', `/api/v1/detention/sites/${suite.siteId}`).then((r) => r.json().snapshots.map((s: { asOf: string }) => s.asOf));
    expect(await asOfs()).not.toContain('2021-06');
    const good = await upload(suite.officer, 'snapshots', 'site,as_of,total,partial,nationalities,source\nal-Hol,2021-06,62000,true,IRQ 30000; SYR 20000,UNICEF\n');
    expect(good.json()).toEqual({ imported: 1 });
    expect(await asOfs()).toContain('2021-06');
  });

  it('lets a delegate import only their own state’s repatriations', async () => {
    const refused = await upload(suite.outsider, 'repatriations', 'receiving,period,people,source,classification\nFRA,2021-03,5,note,coalition\nDEU,2021-03,7,note,coalition\n');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'line 3: receiving', message: 'you report repatriations for your own state only' }]);
    expect((await upload(suite.outsider, 'snapshots', 'site,as_of,source\nal-Hol,2021,x\n')).statusCode).toBe(403);
  });
});

