import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { postForm, type SignedInClient, loginAs, partnerId } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { campaignPageData } from './campaign-page-data.ts';
import { contributionsCsv } from './contributions-export.ts';
import { tableCsv } from './funding-exports.ts';
import type { FundingTable } from './funding-tables.ts';

const api = (client: SignedInClient | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  suite.ctx.app.inject({ method, url, headers: { ...(client?.headers ?? {}), ...headers }, payload: payload as never });

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const delegate = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' }); // of France
  const analyst = await loginAs(ctx, 'analyst');
  const france = await partnerId(ctx.db, 'FRA');
  const italy = await partnerId(ctx.db, 'ITA');
  const rates = await readFile(new URL('../../../test/fixtures/ecb-rates-sample.csv', import.meta.url), 'utf8');
  const imported = await api(officer, 'POST', '/api/v1/funding/rates/import?source=ECB%20sample', rates, { 'content-type': 'text/csv' });
  expect(imported.statusCode, imported.body).toBe(200);
  return { officer, delegate, analyst, france, italy };
});

async function createCampaign(overrides: Record<string, unknown> = {}) {
  const response = await api(suite.officer, 'POST', '/api/v1/funding/campaigns', {
    name: '2021 Stabilization Pledge Drive',
    startsOn: '2021-01-01',
    endsOn: '2021-12-31',
    currency: 'USD',
    goalAmount: '670000000',
    theaterSlugs: ['iraq', 'syria'],
    channels: ['UNDP Funding Facility for Stabilization'],
    source: 'Readout of the Political Directors Small Group Meeting, 2021',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

const summary = async (id: string, client: SignedInClient = suite.officer) => (await api(client, 'GET', `/api/v1/funding/campaigns/${id}`)).json();

describe('exchange rates', () => {
  it('imports the ECB layout, skipping empty cells, and names each bad value by line and currency', async () => {
    const bad = await api(suite.officer, 'POST', '/api/v1/funding/rates/import?source=test', 'Date,USD,XYZ,\n2021-07-01,1.18,2.0,\n2021-07-02,1,18,N/A,\nyesterday,1.1,1.2,\n', { 'content-type': 'text/csv' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'line 1: XYZ', message: '"XYZ" is not an ISO 4217 currency code' },
        { field: 'line 4: Date', message: '"yesterday" is not a date (YYYY-MM-DD or "30 June 2021")' },
      ]),
    );
    // Nothing from the refused file was kept.
    const page = await api(suite.officer, 'GET', '/funding/rates?currency=USD');
    expect(page.body).not.toContain('2021-07-01');
    expect(page.body).toContain('2021-06-30');
  });

  it('reads the daily file, whose dates are spelled out', async () => {
    const response = await api(suite.officer, 'POST', '/api/v1/funding/rates/import?source=ECB%20daily', 'Date, USD, JPY, \n2 July 2021, 1.1851, 131.62, \n', { 'content-type': 'text/csv' });
    expect(response.json()).toEqual({ imported: 2, currencies: ['JPY', 'USD'], from: '2021-07-02', to: '2021-07-02' });
  });
});

describe('campaigns', () => {
  it('names every bad field and creates nothing', async () => {
    const response = await api(suite.officer, 'POST', '/api/v1/funding/campaigns', { name: 'X', startsOn: '2021-12-31', endsOn: '2021-01-01', currency: 'XXQ', goalAmount: '-5', theaterSlugs: ['atlantis'], source: 's' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'currency', message: '"XXQ" is not an ISO 4217 currency code' },
      { field: 'endsOn', message: 'ends before it starts' },
      { field: 'goalAmount', message: '"-5" is not an amount: write digits with at most one decimal separator and no thousands separators (e.g. 1500000 or 1500000.50)' },
      { field: 'theaterSlugs', message: 'no such theater: atlantis' },
    ]);
  });
});

describe('contributions', () => {
  it('counts a delegate’s EUR pledge only once the secretariat verifies it, at the rate of its date', async () => {
    const campaign = await createCampaign();
    const reported = await api(suite.delegate, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '25000000', currency: 'EUR', contributedOn: '2021-06-28', source: 'French statement, Rome ministerial' });
    expect(reported.statusCode, reported.body).toBe(201);
    const pledge = reported.json();
    // 1 EUR = 1.1926 USD on 28 June 2021: exact product, no rounding.
    expect(pledge).toMatchObject({ status: 'reported', rateToCampaign: '1.192600000000', amountInCampaignCurrency: '29815000.0000000000000000' });
    expect((await summary(campaign.id)).verified.pledge).toBe('0');
    expect((await summary(campaign.id)).awaitingVerification.pledge).toBe('29815000');
    // Others see no unverified figure at all.
    expect((await summary(campaign.id, suite.analyst)).awaitingVerification.pledge).toBe('0');

    expect((await api(suite.delegate, 'POST', `/api/v1/funding/contributions/${pledge.id}/verify`, { version: 1 })).statusCode).toBe(403);
    const verified = await api(suite.officer, 'POST', `/api/v1/funding/contributions/${pledge.id}/verify`, { version: 1 });
    expect(verified.json().status).toBe('verified');
    expect((await summary(campaign.id, suite.analyst)).verified.pledge).toBe('29815000');

    const page = await api(suite.analyst, 'GET', `/funding/campaigns/${campaign.id}`);
    expect(page.body).toContain('USD 29.8 million pledged of the USD 670 million goal — 4%');
    expect(page.body).toContain('USD 29,815,000');
  });

  it('refuses a delegate reporting for another partner, and one correcting a verified figure', async () => {
    const campaign = await createCampaign();
    const other = await api(suite.delegate, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.italy, stage: 'pledge', amount: '10', currency: 'USD', contributedOn: '2021-06-28', source: 's' });
    expect(other.statusCode).toBe(403);
    const mine = (await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '10', currency: 'USD', contributedOn: '2021-06-28', source: 's' })).json();
    expect(mine.status).toBe('verified');
    const correction = await api(suite.delegate, 'PUT', `/api/v1/funding/contributions/${mine.id}`, { partnerId: suite.france, stage: 'pledge', amount: '20', currency: 'USD', contributedOn: '2021-06-28', source: 's', version: mine.version, reason: 'typo' });
    expect(correction.statusCode).toBe(400);
    expect(correction.json().errors).toEqual([{ field: 'status', message: 'the secretariat has verified this figure; ask it to correct the figure' }]);
  });

  it('refuses bad figures, each with a message naming the field', async () => {
    const campaign = await createCampaign();
    const post = (body: Record<string, unknown>) =>
      api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '100', currency: 'USD', contributedOn: '2021-06-28', source: 's', ...body });
    const cases: [Record<string, unknown>, { field: string; message: string }][] = [
      [{ amount: '0' }, { field: 'amount', message: 'must be more than zero' }],
      [{ amount: '-100' }, { field: 'amount', message: '"-100" is not an amount: write digits with at most one decimal separator and no thousands separators (e.g. 1500000 or 1500000.50)' }],
      [{ amount: '1.5', currency: 'JPY' }, { field: 'amount', message: 'JPY has 0 decimal places; "1.5" has more' }],
      [{ currency: 'ABC' }, { field: 'currency', message: '"ABC" is not an ISO 4217 currency code' }],
      [{ currency: 'CHF' }, { field: 'currency', message: 'no reference rate for CHF on 2021-06-28 or in the 7 days before it; import the rates (Funding → Exchange rates) first' }],
      [{ currency: 'GBP', contributedOn: '2021-03-15' }, { field: 'currency', message: 'no reference rate for GBP on 2021-03-15 or in the 7 days before it; import the rates (Funding → Exchange rates) first' }],
      [{ stage: 'disbursement', contributedOn: '2999-01-01' }, { field: 'contributedOn', message: 'a disbursement is money already transferred; 2999-01-01 is in the future' }],
      [{ channel: 'Somewhere else' }, { field: 'channel', message: '"Somewhere else" is not a channel of this campaign (UNDP Funding Facility for Stabilization)' }],
    ];
    for (const [body, problem] of cases) {
      const response = await post(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors, JSON.stringify(body)).toEqual([problem]);
    }
    expect((await api(suite.officer, 'GET', `/api/v1/funding/campaigns/${campaign.id}/contributions`)).json().total).toBe(0);
  });

  it('links stages so money is not counted twice, and refuses a disbursement larger than what it fulfils', async () => {
    const campaign = await createCampaign();
    const add = async (body: Record<string, unknown>) => {
      const response = await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.italy, currency: 'USD', contributedOn: '2021-06-28', source: 's', ...body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const pledge = await add({ stage: 'pledge', amount: '1000000' });
    const commitment = await add({ stage: 'commitment', amount: '600000', fulfils: [pledge.id] });
    let totals = await summary(campaign.id);
    expect(totals.verified).toEqual({ pledge: '1000000', commitment: '600000', disbursement: '0' });
    expect(totals.outstandingPledges).toBe('400000');

    const tooMuch = await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.italy, stage: 'disbursement', amount: '600000.01', currency: 'USD', contributedOn: '2021-06-29', source: 's', fulfils: [commitment.id] });
    expect(tooMuch.json().errors).toEqual([{ field: 'amount', message: 'the disbursement (USD 600,000.01) is larger than what remains of the commitments it fulfils (USD 600,000)' }]);
    const wrongStage = await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.italy, stage: 'disbursement', amount: '1', currency: 'USD', contributedOn: '2021-06-29', source: 's', fulfils: [pledge.id] });
    expect(wrongStage.json().errors).toEqual([{ field: 'fulfils', message: `a disbursement fulfils commitments; ${pledge.id} is a pledge` }]);
    await add({ stage: 'disbursement', amount: '600000', fulfils: [commitment.id], contributedOn: '2021-06-29' });
    totals = await summary(campaign.id);
    expect(totals.verified).toEqual({ pledge: '1000000', commitment: '600000', disbursement: '600000' });

    const compare = await api(suite.officer, 'GET', '/funding/compare');
    expect(compare.body).toContain('Pledged but not yet committed');
    expect(compare.body).toContain('USD 400,000');
    const outstanding = await api(suite.analyst, 'GET', '/funding/compare/export?table=outstanding&format=csv');
    expect(outstanding.body).toContain('Italy,2021 Stabilization Pledge Drive,1000000.00,400000.00');
    const years = await api(suite.analyst, 'GET', '/funding/compare/export?table=years&format=xlsx');
    expect(years.headers['content-type']).toContain('spreadsheetml');
  });

  it('imports a CSV all or nothing, naming the row and field of each problem', async () => {
    const campaign = await createCampaign();
    const url = `/api/v1/funding/campaigns/${campaign.id}/contributions/import`;
    const mixed = 'partner,stage,amount,currency,date,source\nFRA,pledge,1000.50,USD,2021-06-28,a\nFRA,pledge,"2000,25",USD,2021-06-28,b\nFRA,pledge,5,ZZZ,2021-06-28,c\n';
    const refused = await api(suite.delegate, 'POST', url, mixed, { 'content-type': 'text/csv' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: 'line 3: amount', message: 'uses "," as its decimal separator where the rest of the file uses "."' },
      { field: 'line 4: currency', message: '"ZZZ" is not an ISO 4217 currency code' },
    ]);
    expect((await api(suite.officer, 'GET', `/api/v1/funding/campaigns/${campaign.id}/contributions`)).json().total).toBe(0);
    const foreign = await api(suite.delegate, 'POST', url, 'partner,stage,amount,currency,date,source\nItaly,pledge,10,USD,2021-06-28,a\n', { 'content-type': 'text/csv' });
    expect(foreign.json().errors).toEqual([{ field: 'line 2: partner', message: 'you report for your own partner only' }]);

    const good = await api(suite.delegate, 'POST', url, '\uFEFFpartner,stage,amount,currency,date,source\nFRA,pledge,"1000,50",EUR,2021-06-28,a\nFrance,commitment,2000,USD,2021-06-28,b\n', { 'content-type': 'text/csv' });
    expect(good.json()).toEqual({ imported: 2, campaigns: [campaign.id] });
    expect((await summary(campaign.id)).awaitingVerification).toEqual({ pledge: '1193.1963', commitment: '2000', disbursement: '0' });
  });
});

describe('exports and the public summary', () => {
  it('exports tables as CSV and XLSX and contributions as IATI JSON with the stage codes', async () => {
    const campaign = await createCampaign();
    await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '1000000.25', currency: 'EUR', contributedOn: '2021-06-30', source: 'statement', theaterSlug: 'iraq' }).then((r) => expect(r.statusCode, r.body).toBe(201));
    // 1,000,000.25 × 1.1884 = 1,188,400.2971 → 1188400.30, rounded once to cents.
    const csv = await api(suite.analyst, 'GET', `/funding/campaigns/${campaign.id}/export?table=partners&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('France,1188400.30,0.00,0.00,1188400.30,0.00,');
    const xlsx = await api(suite.analyst, 'GET', `/funding/campaigns/${campaign.id}/export?table=theaters&format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const iati = (await api(suite.analyst, 'GET', `/funding/campaigns/${campaign.id}/iati.json`)).json();
    expect(iati['iati-activities']['iati-activity'][0].transaction[0]).toMatchObject({
      'transaction-type': { code: '12' },
      value: { currency: 'EUR', amount: '1000000.2500' },
      'provider-org': { ref: 'FRA' },
    });
  });

  it('streams the contributions CSV a batch at a time, the same file as the table it exports', async () => {
    const campaign = await createCampaign({ name: 'Streamed export drive' });
    for (let day = 1; day <= 12; day++) {
      const contributedOn = `2021-07-${String(13 - day).padStart(2, '0')}`;
      const created = await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: day % 2 ? suite.france : suite.italy, stage: 'pledge', amount: `${day}000.5`, currency: 'USD', contributedOn, source: `statement ${day}` });
      expect(created.statusCode, created.body).toBe(201);
    }
    const actor = { userId: suite.analyst.user.id, label: 'analyst', role: 'analyst' as const, partnerId: null, groupIds: [], ip: null };
    const chunks: string[] = [];
    for await (const chunk of await contributionsCsv(suite.ctx.db, actor, translator('en'), 'en', campaign.id, 5)) chunks.push(chunk);
    // The header, then batches of 5, 5 and 2 rows.
    expect(chunks.slice(1).map((chunk) => chunk.trimEnd().split('\r\n').length)).toEqual([5, 5, 2]);
    const table = await campaignPageData(suite.ctx.db, actor, translator('en'), 'en', campaign.id, {}, { contributions: true });
    expect(chunks.join('')).toBe(`\uFEFF${tableCsv(table.tables.contributions as FundingTable)}`);
    const response = await api(suite.analyst, 'GET', `/funding/campaigns/${campaign.id}/export?table=contributions&format=csv`);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body).toBe(chunks.join(''));
    expect(response.body).toContain('2021-07-01,Italy');
    expect(response.body).toContain('2021-07-12,France');
  });

  it('shows the public summary of a public campaign with verified figures only, and nothing of others', async () => {
    const campaign = await createCampaign({ classification: 'public', name: 'Public drive' });
    const hidden = await createCampaign({ name: 'Coalition-only drive' });
    await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.italy, stage: 'pledge', amount: '5000000', currency: 'USD', contributedOn: '2021-06-28', source: 's' });
    await api(suite.delegate, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '7000000', currency: 'USD', contributedOn: '2021-06-28', source: 's' });
    const page = await api(null, 'GET', `/stabilization/${campaign.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('USD 5,000,000');
    expect(page.body).toContain('Italy');
    expect(page.body).not.toContain('France');
    expect(page.body).not.toContain('7,000,000');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await api(null, 'GET', `/stabilization/${hidden.id}`)).statusCode).toBe(404);
    expect((await api(null, 'GET', '/stabilization')).body).not.toContain('Coalition-only drive');
  });

  it('never shows the public a demo figure; signed-in readers see it marked as one', async () => {
    const campaign = await createCampaign({ classification: 'public', name: 'Drive with demo rows' });
    const germany = await partnerId(suite.ctx.db, 'DEU');
    const sourced = await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.italy, stage: 'pledge', amount: '3000000', currency: 'USD', contributedOn: '2021-06-28', source: 'statement' });
    expect(sourced.statusCode, sourced.body).toBe(201);
    const demo = await api(suite.officer, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: germany, stage: 'pledge', amount: '9000000', currency: 'USD', contributedOn: '2021-06-29', source: 'none', illustrative: true });
    expect(demo.statusCode, demo.body).toBe(201);
    const page = await api(null, 'GET', `/stabilization/${campaign.id}`);
    expect(page.body).toContain('Italy');
    expect(page.body).not.toContain('Germany');
    expect(page.body).not.toContain('9,000,000');
    expect(page.body).not.toContain('12,000,000');
    expect(page.body).not.toContain('demo figure');
    const list = await api(null, 'GET', '/stabilization');
    expect(list.body).toContain('Drive with demo rows');
    expect(list.body).not.toContain('demo figure');
    const desk = await api(suite.analyst, 'GET', `/funding/campaigns/${campaign.id}`);
    expect(desk.body).toContain('Germany');
    expect(desk.body).toContain('demo figure');
  });
});

describe('pages', () => {
  it('reports through the form, keeps what was typed on a refusal, and verifies from the contribution page', async () => {
    const campaign = await createCampaign();
    const refused = await postForm(suite.ctx, suite.delegate, `/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '12,34,5', currency: 'EUR', contributedOn: '2021-06-28', source: 'note' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="12,34,5"');
    const saved = await postForm(suite.ctx, suite.delegate, `/funding/campaigns/${campaign.id}/contributions`, { partnerId: suite.france, stage: 'pledge', amount: '1000', currency: 'EUR', contributedOn: '2021-06-28', source: 'note' });
    expect(saved.statusCode).toBe(303);
    const contributionUrl = String(saved.headers.location);
    const id = contributionUrl.split('/').at(-1) as string;
    const review = await api(suite.officer, 'GET', '/funding/review');
    expect(review.body).toContain(contributionUrl);
    const verified = await postForm(suite.ctx, suite.officer, `${contributionUrl}/verify`, { version: '1' });
    expect(verified.statusCode).toBe(303);
    expect((await api(suite.officer, 'GET', `/api/v1/funding/contributions/${id}`)).json().status).toBe('verified');
    const rejectWithoutReason = await postForm(suite.ctx, suite.officer, `${contributionUrl}/reject`, { version: '2' });
    expect(rejectWithoutReason.statusCode).toBe(400);
    expect(rejectWithoutReason.body).toContain('say why the figure is rejected; the partner reads it');
  });
});
