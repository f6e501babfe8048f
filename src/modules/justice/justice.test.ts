import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.ts';
import { groupId, loginAs, type SignedInClient } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const api = (client: SignedInClient | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  suite.ctx.app.inject({ method, url, headers: client?.headers ?? {}, payload: payload as never });

const FRENCH_FIGURE = {
  stateIso3: 'FRA',
  periodStart: '2023',
  periodEnd: '2024-06',
  kind: 'convicted',
  count: 31,
  legalBasis: 'terrorism',
  courtOrBody: 'Paris special assize court',
  description: 'Returnees convicted of terrorist criminal conspiracy.',
  sources: ['https://example.org/ministry-of-justice-2024'],
  confidence: 'high',
  classification: 'public',
};

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const french = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' }); // a delegate of France
  const german = await loginAs(ctx, 'delegate', { partnerIso3: 'DEU' }); // a delegate of Germany
  return { officer, french, german };
});

describe('the reference data', () => {
  it('holds the 40 sourced rows of justice_cases.csv, public and verified, with several sources kept apart', async () => {
    const all = (await api(null, 'GET', '/api/v1/justice/cases?pageSize=200')).json();
    expect(all.total).toBe(40);
    const states = new Set(all.items.map((row: { stateIso3: string | null; mechanism: string | null }) => row.stateIso3 ?? row.mechanism));
    expect(states.size).toBe(14);
    const jennifer = all.items.find((row: { description: string }) => row.description.startsWith('Jennifer W.'));
    expect(jennifer).toMatchObject({ stateIso3: 'DEU', periodStart: '2021-10-25', kind: 'landmark-judgment', count: null, legalBasis: 'crimes-against-humanity', confidence: 'high', status: 'verified', classification: 'public' });
    expect(jennifer.sources).toHaveLength(3);
    expect(jennifer.sources[0]).toContain('BBC News, 2021-10-25');
    const uk = all.items.filter((row: { stateIso3: string }) => row.stateIso3 === 'GBR');
    expect(uk.map((row: { periodStart: string | null }) => row.periodStart)).toEqual([null, null]);
    const unitad = all.items.find((row: { mechanism: string; kind: string }) => row.mechanism === 'UNITAD' && row.kind === 'convicted');
    expect(unitad).toMatchObject({ count: 15, overlapsNational: true });
  });

  it('filters by state, kind, legal basis and period, and pages', async () => {
    const iraq = (await api(null, 'GET', '/api/v1/justice/cases?state=irq&kind=convicted')).json();
    expect(iraq.items.map((row: { count: number }) => row.count).sort()).toEqual([514, 616]);
    const genocide = (await api(null, 'GET', '/api/v1/justice/cases?legalBasis=genocide')).json();
    expect(genocide.total).toBe(5);
    // 2016: rows whose period touches that year, including running totals with no start.
    const in2016 = (await api(null, 'GET', '/api/v1/justice/cases?from=2016&to=2016')).json();
    const descriptions = in2016.items.map((row: { stateIso3: string; count: number }) => `${row.stateIso3} ${row.count}`);
    expect(descriptions).toContain('GBR 54');
    expect(descriptions).toContain('IRQ 7374');
    expect(descriptions).not.toContain('BEL 45');
    const page2 = (await api(null, 'GET', '/api/v1/justice/cases?pageSize=15&page=3')).json();
    expect(page2).toMatchObject({ total: 40, page: 3, pageSize: 15 });
    expect(page2.items).toHaveLength(10);
  });

  it('answers bad filters and bad records with a problem naming the field', async () => {
    const badKind = await api(null, 'GET', '/api/v1/justice/cases?kind=executed');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.headers['content-type']).toContain('application/problem+json');
    const bad = await api(suite.officer, 'POST', '/api/v1/justice/cases', { ...FRENCH_FIGURE, count: null, periodStart: '2025', periodEnd: '2024' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['count', 'periodEnd']);
    const both = await api(suite.officer, 'POST', '/api/v1/justice/cases', { ...FRENCH_FIGURE, mechanism: 'UNITAD' });
    expect(both.json().errors[0].field).toBe('stateIso3');
  });
});

describe('reporting and verifying', () => {
  it("lets a delegate report only their own state's figures, unseen by others until the secretariat verifies them", async () => {
    expect((await api(suite.german, 'POST', '/api/v1/justice/cases', FRENCH_FIGURE)).statusCode).toBe(403);
    expect((await api(suite.french, 'POST', '/api/v1/justice/cases', { ...FRENCH_FIGURE, stateIso3: null, mechanism: 'UNITAD' })).statusCode).toBe(403);
    const created = await api(suite.french, 'POST', '/api/v1/justice/cases', FRENCH_FIGURE);
    expect(created.statusCode, created.body).toBe(201);
    const figure = created.json();
    expect(figure.status).toBe('reported');
    expect((await api(null, 'GET', `/api/v1/justice/cases/${figure.id}`)).statusCode).toBe(404);
    expect((await api(suite.german, 'GET', `/api/v1/justice/cases/${figure.id}`)).statusCode).toBe(404);
    expect((await api(suite.french, 'GET', `/api/v1/justice/cases/${figure.id}`)).statusCode).toBe(200);
    expect((await api(suite.french, 'POST', `/api/v1/justice/cases/${figure.id}/verify`, { version: 1 })).statusCode).toBe(403);
    const verified = await api(suite.officer, 'POST', `/api/v1/justice/cases/${figure.id}/verify`, { version: 1 });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().status).toBe('verified');
    expect((await api(null, 'GET', `/api/v1/justice/cases/${figure.id}`)).json()).toMatchObject({ count: 31, status: 'verified' });
    expect((await api(suite.officer, 'POST', `/api/v1/justice/cases/${figure.id}/verify`, { version: 2 })).statusCode).toBe(400);
  });

  it("binds Kosovo's delegates, whose partner record has no ISO code, to the code institutions use (XKX)", async () => {
    const kosovar = await loginAs(suite.ctx, 'delegate', { partnerIso3: 'FRA' });
    const [kosovo] = (await api(null, 'GET', '/api/v1/partners?q=Kosovo')).json().items;
    await suite.ctx.db.execute(sql`update users set partner_id = ${kosovo.id} where id = ${kosovar.user.id}`);
    const form = await api(kosovar, 'GET', '/justice/records/new');
    expect(form.body).toContain('name="stateIso3" value="XKX"');
    const created = await api(kosovar, 'POST', '/api/v1/justice/cases', { ...FRENCH_FIGURE, stateIso3: 'XKX', classification: 'coalition' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await api(kosovar, 'POST', '/api/v1/justice/cases', FRENCH_FIGURE)).statusCode).toBe(403);
  });

  it('keeps the earlier value in the history when a figure is corrected, and refuses a stale version with 409', async () => {
    const figure = (await api(suite.french, 'POST', '/api/v1/justice/cases', { ...FRENCH_FIGURE, count: 12 })).json();
    const corrected = await api(suite.french, 'PUT', `/api/v1/justice/cases/${figure.id}`, { ...FRENCH_FIGURE, count: 14, version: 1, reason: 'two verdicts were missing' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ count: 14, version: 2, status: 'reported', correctionReason: 'two verdicts were missing' });
    const stale = await api(suite.french, 'PUT', `/api/v1/justice/cases/${figure.id}`, { ...FRENCH_FIGURE, count: 99, version: 1, reason: 'late edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.count).toBe(14);
    const history = (await api(suite.officer, 'GET', `/api/v1/justice/cases/${figure.id}/history`)).json();
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['justice.reported', 'justice.corrected']);
    expect(history[1].detail).toMatchObject({ reason: 'two verdicts were missing', changes: { count: { from: 12, to: 14 } } });
    // Once verified, a delegate's correction goes through the secretariat.
    await api(suite.officer, 'POST', `/api/v1/justice/cases/${figure.id}/verify`, { version: 2 });
    const refused = await api(suite.french, 'PUT', `/api/v1/justice/cases/${figure.id}`, { ...FRENCH_FIGURE, count: 15, version: 3, reason: 'again' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('status');
  });
});

describe('restricted figures', () => {
  it('refuses a delegate a restriction to a group they are not in; the secretariat may restrict to any group', async () => {
    const finance = await groupId(suite.ctx.db, 'counter-isis-finance-group');
    const restricted = { ...FRENCH_FIGURE, classification: 'restricted', restrictedGroupIds: [finance] };
    const refused = await api(suite.french, 'POST', '/api/v1/justice/cases', restricted);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'restrictedGroupIds', message: `you can restrict a record only to groups you are a member of; not to ${finance}` }]);
    expect((await api(suite.officer, 'POST', '/api/v1/justice/cases', restricted)).statusCode).toBe(201);
  });
  it('are filtered in the query for outsiders and audited when a member reads them', async () => {
    const ftf = await groupId(suite.ctx.db, 'foreign-terrorist-fighters-working-group');
    const member = await loginAs(suite.ctx, 'analyst', { groupSlugs: ['foreign-terrorist-fighters-working-group'] });
    const outsider = await loginAs(suite.ctx, 'analyst');
    const figure = (await api(suite.officer, 'POST', '/api/v1/justice/cases', { ...FRENCH_FIGURE, classification: 'restricted', restrictedGroupIds: [ftf] })).json();
    expect((await api(outsider, 'GET', `/api/v1/justice/cases/${figure.id}`)).statusCode).toBe(404);
    const outsiderList = (await api(outsider, 'GET', '/api/v1/justice/cases?state=FRA&pageSize=200')).json();
    expect(outsiderList.items.map((row: { id: string }) => row.id)).not.toContain(figure.id);
    const views = async () => {
      const [row] = await suite.ctx.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'justice.viewed'), eq(auditEvents.actorUserId, member.user.id)));
      return row?.n ?? 0;
    };
    expect(await views()).toBe(0);
    expect((await api(member, 'GET', `/api/v1/justice/cases/${figure.id}`)).statusCode).toBe(200);
    expect((await api(member, 'GET', '/api/v1/justice/cases?state=FRA')).json().items.map((row: { id: string }) => row.id)).toContain(figure.id);
    expect(await views()).toBe(2);
  });
});

describe('the API description and CSV import', () => {
  it('describes every justice route in OpenAPI with its request and response schemas', async () => {
    const spec = (await api(null, 'GET', '/api/docs/json')).json();
    const cases = spec.paths['/api/v1/justice/cases'];
    expect(cases.get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['state', 'kind', 'legalBasis', 'from', 'to', 'page', 'pageSize']));
    expect(cases.get.responses['200'].content['application/json'].schema.properties.items).toBeDefined();
    expect(cases.post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['periodEnd', 'kind', 'sources']));
    expect(spec.paths['/api/v1/justice/cases/{id}'].put.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['version', 'reason']));
    expect(spec.paths['/api/v1/justice/cases/{id}/verify'].post.responses['409']).toBeDefined();
    expect(spec.paths['/api/v1/justice/import'].post).toBeDefined();
  });

  it('imports the reference file itself, and refuses a file with one bad row, naming each by line and column', async () => {
    const header = 'state,period_start,period_end,kind,count,legal_basis,court_or_body,description,source,confidence';
    const csv = [header, 'UN,2018,2024-09-17,convicted,15,,UNITAD,Supported convictions.,https://example.org/u (UNITAD); https://example.org/v (UN Press),high', 'Kosovo,2019-04-20,2019-04-20,repatriated-and-prosecuted,4,terrorism,Kosovo prosecution,Men charged on return.,https://example.org/k (AFP),medium', 'Atlantis,2019,2019,convicted,3,terrorism,Court,Unknown state.,https://example.org/x,low'].join('\r\n');
    const kosovoBefore = (await api(suite.officer, 'GET', '/api/v1/justice/cases?state=XKX')).json().total;
    const refused = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/justice/import', headers: { ...suite.officer.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'line 4: state', message: '"Atlantis" is neither a state (ISO alpha-3 code or English name) nor UN/UNITAD' }]);
    expect((await api(suite.officer, 'GET', '/api/v1/justice/cases?state=XKX')).json().total).toBe(kosovoBefore);
    const accepted = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/justice/import', headers: { ...suite.officer.headers, 'content-type': 'text/csv' }, payload: csv.split('\r\n').slice(0, 3).join('\r\n') });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // Imported by the secretariat: verified, and coalition-wide unless the file says otherwise.
    const kosovo = (await api(suite.officer, 'GET', '/api/v1/justice/cases?state=XKX')).json();
    expect(kosovo.total).toBe(kosovoBefore + 1);
    const unitad = (await api(suite.officer, 'GET', '/api/v1/justice/cases?state=UNITAD&kind=convicted&from=2018')).json();
    expect(unitad.items.find((row: { classification: string }) => row.classification === 'coalition')).toMatchObject({ overlapsNational: true, status: 'verified' });
    expect(unitad.items.find((row: { classification: string }) => row.classification === 'coalition').sources).toHaveLength(2);
  });
});
