import { describe, expect, it } from 'vitest';
import { type SignedInClient, loginAs } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const api = (client: SignedInClient | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  suite.ctx.app.inject({ method, url, headers: { ...(client?.headers ?? {}), ...headers }, payload: payload as never });

const KABUL = {
  occurredOn: '2021-08-26',
  timeZone: 'Asia/Kabul',
  city: 'Kabul',
  place: 'Abbey Gate',
  countryIso3: 'AFG',
  latitude: 34.566,
  longitude: 69.212,
  branchSlug: 'isis-k',
  theaterSlug: 'afghanistan',
  attribution: 'claimed',
  killedLow: 183,
  killedHigh: null,
  injuredLow: 150,
  sources: [{ title: 'Readout', publisher: 'U.S. Department of State' }],
  classification: 'public',
};

const suite = httpSuite(async (ctx) => {
  const analyst = await loginAs(ctx, 'analyst');
  const officer = await loginAs(ctx, 'secretariat-officer');
  const delegate = await loginAs(ctx, 'delegate');
  return { analyst, officer, delegate };
});

describe('branches', () => {
  it('come from the reference data with their aliases and countries', async () => {
    const branches = (await api(null, 'GET', '/api/v1/threats/branches')).json();
    expect(branches).toHaveLength(18);
    expect(branches.find((branch: { slug: string }) => branch.slug === 'isis-k')).toMatchObject({ shortName: 'ISIS-K', countryIso3s: ['AFG', 'PAK'], aliases: expect.arrayContaining(['ISKP', 'IS-Khorasan']) });
    expect(branches.find((branch: { slug: string }) => branch.slug === 'iswap').countryIso3s).toEqual(['NGA', 'NER', 'TCD', 'CMR']);
  });
});

describe('incidents', () => {
  let kabulId: string;

  it('are recorded by analysts and the secretariat, not delegates, and shown to the public when public', async () => {
    expect((await api(suite.delegate, 'POST', '/api/v1/threats/incidents', KABUL)).statusCode).toBe(403);
    const created = await api(suite.analyst, 'POST', '/api/v1/threats/incidents', KABUL);
    expect(created.statusCode, created.body).toBe(201);
    kabulId = created.json().id;
    const page = await api(null, 'GET', `/threats/incidents/${kabulId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('at least 183');
    const hidden = await api(suite.analyst, 'POST', '/api/v1/threats/incidents', { ...KABUL, occurredOn: '2022-09-05', place: 'Russian embassy', classification: 'coalition', killedLow: 6, killedHigh: 6 });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect((await api(null, 'GET', `/threats/incidents/${hidden.json().id}`)).statusCode).toBe(404);
    expect((await api(suite.delegate, 'GET', `/threats/incidents/${hidden.json().id}`)).body).toContain('6');
  });

  it('refuses bad figures with a message naming the field', async () => {
    const post = (body: Record<string, unknown>) => api(suite.analyst, 'POST', '/api/v1/threats/incidents', { ...KABUL, occurredOn: '2020-01-01', ...body });
    const cases: [Record<string, unknown>, { field: string; message: string }][] = [
      [{ killedLow: 20, killedHigh: 10 }, { field: 'killedHigh', message: 'is below the lower figure (20)' }],
      [{ injuredLow: -1 }, { field: 'injuredLow', message: 'cannot be negative (-1)' }],
      [{ countryIso3: 'ABC' }, { field: 'countryIso3', message: '"ABC" is not an ISO 3166-1 alpha-3 code' }],
      [{ occurredOn: '2999-01-01' }, { field: 'occurredOn', message: '2999-01-01 is in the future' }],
      [{ branchSlug: 'isis-atlantis' }, { field: 'branchSlug', message: 'no branch "isis-atlantis"' }],
      [{ localTime: '17:50', timeZone: null }, { field: 'timeZone', message: 'a local time needs its time zone' }],
      [{ latitude: 34.5, longitude: null }, { field: 'longitude', message: 'give both latitude and longitude, or neither' }],
    ];
    for (const [body, problem] of cases) {
      const response = await post(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors, JSON.stringify(body)).toEqual([problem]);
    }
  });

  it('warns of coordinates outside the country and of likely duplicates, and records them once confirmed', async () => {
    const outside = await api(suite.analyst, 'POST', '/api/v1/threats/incidents', { ...KABUL, occurredOn: '2021-08-27', latitude: 48.85, longitude: 2.35 });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().errors).toEqual([{ field: 'latitude', message: '48.85, 2.35 lies outside Afghanistan; check the coordinates, or confirm to record them as they are' }]);
    const duplicate = await api(suite.analyst, 'POST', '/api/v1/threats/incidents', KABUL);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].message).toContain(`/threats/incidents/${kabulId}`);
    const page = await suite.ctx.app.inject({ method: 'POST', url: '/threats/incidents', headers: { cookie: suite.analyst.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: suite.analyst.csrfToken, occurredOn: '2021-08-26', countryIso3: 'AFG', city: 'Kabul', branchSlug: 'isis-k', attribution: 'claimed', sourceTitle1: 'X', sourcePublisher1: 'Y' }).toString() });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(`href="/threats/incidents/${kabulId}"`);
    expect(page.body).toContain('value="X"');
    const confirmed = await api(suite.analyst, 'POST', '/api/v1/threats/incidents', { ...KABUL, confirm: true, place: 'Baron Hotel' });
    expect(confirmed.statusCode).toBe(201);
  });

  it('filters by branch, dates and casualty size, and exports what it shows', async () => {
    const list = (query: string) => api(suite.delegate, 'GET', `/api/v1/threats/incidents?${query}`).then((r) => r.json());
    expect((await list('minKilled=100')).items.every((item: { killedLow: number }) => item.killedLow >= 100)).toBe(true);
    expect((await list('from=2022-01-01')).items.map((item: { occurredOn: string }) => item.occurredOn)).toEqual(['2022-09-05']);
    expect((await list('branch=iswap')).total).toBe(0);
    expect((await list('region=afghanistan')).total).toBe((await list('')).total);
    expect((await list('region=africa')).total).toBe(0);
    const csv = await api(suite.delegate, 'GET', '/threats/incidents.csv?from=2021-08-26&to=2021-08-26');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFdate,branch,attribution,country,source_title,source_publisher,region,time,time_zone,city,place,latitude,longitude,killed_low,killed_high,injured_low,injured_high,targets,description,source_url,source_date,classification');
    expect(csv.body).toContain('2021-08-26,isis-k,claimed,AFG,Readout,U.S. Department of State,afghanistan');
  });

  it('imports a CSV all or nothing, naming the line and column of each problem', async () => {
    const upload = (csv: string) => api(suite.officer, 'POST', '/api/v1/threats/incidents/import', csv, { 'content-type': 'text/csv' });
    const header = 'date,branch,attribution,country,source_title,source_publisher,region,city,killed_low,killed_high\n';
    const refused = await upload(`${header}2019-03-15,ISWAP,claimed,NGA,Report,Agency,west-africa,Maiduguri,10,10\n2019-03-16,ISKP,sure,AFG,Report,Agency,afghanistan,Jalalabad,5,5\n`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'line 3: attribution', message: '"sure" is not one of claimed, attributed, suspected' }]);
    expect((await api(suite.officer, 'GET', '/api/v1/threats/incidents?branch=iswap')).json().total).toBe(0);
    const imported = await upload(`${header}2019-03-15,ISWAP,claimed,NGA,Report,Agency,west-africa,Maiduguri,10,10\n2019-03-16,ISKP,claimed,AFG,Report,Agency,afghanistan,Jalalabad,5,5\n`);
    expect(imported.json()).toEqual({ imported: 2 });
    expect((await api(suite.officer, 'GET', '/api/v1/threats/incidents?branch=iswap')).json().total).toBe(1);
    // West Africa is one of Africa's regions, so the Africa filter finds the Maiduguri attack.
    expect((await api(suite.officer, 'GET', '/api/v1/threats/incidents?region=africa')).json().total).toBe(1);
  });

  it('shows a branch page with its incidents, activity by year and the meetings that discussed it', async () => {
    const meeting = await api(suite.officer, 'POST', '/api/v1/meetings', { title: 'Small Group political directors', format: 'small-group-political-directors', setting: 'virtual', startsLocal: '2021-09-08T14:00', endsLocal: '2021-09-08T16:00', timeZone: 'UTC', classification: 'public' });
    await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.json().id}/agenda`, { title: 'Afghanistan', outcome: 'Focus the working groups on countering the ISIS-K threat.' });
    const page = await api(null, 'GET', '/threats/branches/isis-k');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/threats/incidents/${kabulId}`);
    expect(page.body).toContain('Small Group political directors');
    expect(page.body).toContain('ISKP');
    expect((await api(null, 'GET', '/threats/branches/no-such-branch')).statusCode).toBe(404);
  });
});

describe('the threat map in the reader’s language', () => {
  it('names countries and writes dates in Arabic in the map’s tooltips on the Arabic page', async () => {
    const created = await api(suite.analyst, 'POST', '/api/v1/threats/incidents', { ...KABUL, occurredOn: '2021-09-03', place: 'Map tooltip test' });
    expect(created.statusCode, created.body).toBe(201);
    const page = await api(null, 'GET', '/ar/threats/map');
    expect(page.statusCode).toBe(200);
    const tooltips = [...page.body.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1] as string);
    // The country's shading names Afghanistan in Arabic, not as the atlas spells it in English.
    expect(tooltips.some((text) => text.startsWith('أفغانستان: '))).toBe(true);
    expect(tooltips.some((text) => text.startsWith('Afghanistan'))).toBe(false);
    // The incident's point: the day as an Arabic reader writes it, the place's parts joined by the Arabic comma.
    const point = tooltips.find((text) => text.includes('Kabul'));
    expect(point).toMatch(/^3 سبتمبر 2021 /);
    expect(point).toContain('Kabul، أفغانستان');
    expect(point).not.toContain('2021-09-03');
  });
});
