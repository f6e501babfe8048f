import { describe, expect, it } from 'vitest';
import { loginAs, partnerId, postForm, postUpload, type SignedInClient } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const get = (url: string, client?: SignedInClient) => suite.ctx.app.inject({ method: 'GET', url, headers: client?.headers ?? {} });
/** The page's text without tags, so assertions read what a visitor reads. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const french = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' });
  return { officer, french };
});

describe('/justice', () => {
  it('shows the public figures with their sources, sets no cookie, and never adds overlapping counts', async () => {
    const response = await get('/justice');
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    const text = textOf(response.body);
    // Convictions of the reference data: UNITAD's 15 and the overlapping UK and Iraqi figures are not added.
    // BEL 45+8, FRA 20, GBR max(54,40), USA 155, IRQ max(616,514), SYR 7000, NLD 4, SWE 1, BIH 24, KAZ 53, PRT 2.
    expect(text).toContain('At least 7,982 convictions recorded across states');
    expect(text).toContain('UNITAD supported 15 convictions in third States');
    expect(text).toMatch(/United Kingdom: these figures cover overlapping periods and may count the same people, so they are not added: 54 \(until May 2016\) · 40 \(until February 2019\)/);
    expect(text).toContain('Iraq: the figures do not agree — 616 (2018) is larger than 514 (January 2018 – May 2019), whose period contains it.');
    expect(response.body).toContain('<svg viewBox');
    expect(response.body).toContain('chart-bar tone-basis-terrorism');
    // Sources are links; a year stays a year.
    expect(response.body).toContain('href="https://www.hrw.org/report/2017/12/05/flawed-justice/accountability-isis-crimes-iraq"');
    expect(text).toContain('2014 – December 2017');
  });

  it('has a timeline of judgments and milestones whose Yazidi genocide judgments link to the Iraq and Syria theater', async () => {
    const text = textOf((await get('/justice?kind=landmark-judgment&legalBasis=genocide')).body);
    expect(text).toContain('Taha al-J.');
    expect(text).not.toContain('Sharia4Belgium');
    const body = (await get('/justice')).body;
    const taha = body.slice(body.indexOf('Taha al-J., an Iraqi IS member'));
    expect(taha.slice(0, 1500)).toContain('href="/meetings?theater=iraq"');
  });

  it('filters by period: only figures whose period touches it', async () => {
    const text = textOf((await get('/justice?from=2022&to=2022')).body);
    expect(text).toContain('Paris special assize court');
    expect(text).not.toContain('Sharia4Belgium');
  });

  it('speaks French and Arabic', async () => {
    expect(textOf((await get('/fr/justice')).body)).toContain('Condamnations par État et fondement juridique');
    const arabic = await get('/ar/justice');
    expect(arabic.body).toContain('dir="rtl"');
    expect(textOf(arabic.body)).toContain('الإدانات بحسب الدولة والأساس القانوني');
  });
});

describe('/justice/states/:iso3', () => {
  it('sets repatriated → prosecuted → convicted side by side only for the same period, and says when periods differ', async () => {
    for (const payload of [
      { receivingIso3: 'KAZ', period: 'cumulative 2019-2021', cumulative: true, people: 607, source: 'test: Kazakh MFA', classification: 'public' },
      { receivingIso3: 'KAZ', period: '2019-01/2019-06', people: 595, source: 'test: Operation Zhusan', classification: 'public' },
    ]) {
      const created = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/detention/repatriations', headers: suite.officer.headers, payload });
      expect(created.statusCode, created.body).toBe(201);
    }
    const text = textOf((await get('/justice/states/kaz')).body);
    expect(text).toContain('Justice: Kazakhstan');
    expect(text).toMatch(/2019 – 2021 Repatriated: 607 Prosecuted: — Convicted: 53/);
    expect(text).toContain('The periods differ, so these figures are not compared or divided');
    expect(text).toContain('Investigations 7 (January 2019)');
    expect(text).toContain('595 (2019-01/2019-06)');
    expect(text).not.toMatch(/%/);
    expect((await get('/justice/states/ZZZ')).statusCode).toBe(404);
  });
});

describe('the partner page', () => {
  it("shows the state's latest justice figures with a link to the rest", async () => {
    const text = textOf((await get(`/partners/${await partnerId(suite.ctx.db, 'DEU')}`)).body);
    expect(text).toContain('Prosecutions and trials');
    expect(text).toMatch(/2013 – August 2018 Investigations 24/);
    expect(text).toMatch(/2013 – August 2018 Charged or tried 12/);
    expect((await get(`/partners/${await partnerId(suite.ctx.db, 'DEU')}`)).body).toContain('href="/justice/states/DEU"');
  });
});

describe('signed-in pages', () => {
  it('lets a delegate report by form, the secretariat verify, and keeps the history of a correction', async () => {
    const form = await get('/justice/records/new', suite.french);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="stateIso3" value="FRA"');
    const fields = { stateIso3: 'FRA', periodStart: '2024', periodEnd: '2024', kind: 'convicted', count: '17', legalBasis: 'terrorism', courtOrBody: 'Paris criminal court', description: 'Returnees convicted in 2024.', sources: 'https://example.org/a (Ministry, 2025)\nhttps://example.org/b (Le Monde, 2025)', confidence: 'high', classification: 'public' };
    const bad = await postForm(suite.ctx, suite.french, '/justice/records', { ...fields, count: '' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('count: give the count');
    const created = await postForm(suite.ctx, suite.french, '/justice/records', fields);
    expect(created.statusCode, created.body).toBe(303);
    const url = String(created.headers.location);
    expect(textOf((await get(url, suite.french)).body)).toContain('Reported, awaiting verification');
    expect((await get(url)).statusCode).toBe(404);
    const corrected = await postForm(suite.ctx, suite.french, `${url}/correct`, { ...fields, count: '19', version: '1', reason: 'two late verdicts' });
    expect(corrected.statusCode, corrected.body).toBe(303);
    expect((await postForm(suite.ctx, suite.officer, `${url}/verify`, { version: '2' })).statusCode).toBe(303);
    const page = textOf((await get(url, suite.officer)).body);
    expect(page).toContain('Verified');
    expect(page).toContain('two late verdicts');
    expect(page).toContain('count: 17 → 19');
    const anonymous = await get(url);
    expect(anonymous.statusCode).toBe(200);
    // The correction's reason is public with the figure; who made it stays with signed-in readers.
    expect(textOf(anonymous.body)).toContain('corrected: two late verdicts');
    expect(anonymous.body).not.toContain(suite.french.user.email);
  });

  it('imports a CSV all or nothing, listing every bad row by line and column', async () => {
    const header = 'state,period_start,period_end,kind,count,legal_basis,court_or_body,description,source,confidence';
    const good = 'FRA,2025-01,2025-03,charged,6,terrorism,Paris court,Returnees charged.,https://example.org/c (AFP),medium';
    const rejected = await postUpload(suite.ctx, suite.french, '/justice/import', { name: 'j.csv', content: [header, good, 'DEU,2025,2025,convicted,3,terrorism,Court,Other state.,https://example.org/d,high', 'FRA,2025,2025,convicted,,terrorism,Court,No count.,https://example.org/e,high', 'FRA,2025,2025-13,executed,1,terrorism,Court,Bad.,https://example.org/f,high'].join('\r\n') });
    expect(rejected.statusCode).toBe(400);
    const text = textOf(rejected.body);
    expect(text).toMatch(/3 state you report justice figures for your own state only/);
    expect(text).toMatch(/4 count give the count/);
    expect(text).toMatch(/5 period_end/);
    expect(text).toMatch(/5 kind/);
    const api = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/justice/cases?state=FRA&kind=charged&from=2025', headers: suite.french.headers });
    expect(api.json().total).toBe(0);
    const accepted = await postUpload(suite.ctx, suite.french, '/justice/import', { name: 'j.csv', content: `${header}\r\n${good}\r\n` });
    expect(accepted.statusCode).toBe(200);
    expect(textOf(accepted.body)).toContain('1 figure imported');
  });

  it('exports what the reader may see as CSV and XLSX', async () => {
    const csv = await get('/justice/records?format=csv&state=DEU');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('state,period_start,period_end,kind,count,legal_basis,court_or_body,description,source,confidence,status,classification');
    expect(lines).toHaveLength(7);
    const xlsx = await get('/justice/records?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
