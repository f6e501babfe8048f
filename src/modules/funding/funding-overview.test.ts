import { describe, expect, it } from 'vitest';
import { type SignedInClient, loginAs } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  return { officer };
});

async function campaign(fields: Record<string, unknown>): Promise<string> {
  const base = { startsOn: '2021-01-01', endsOn: '2021-12-31', currency: 'USD', classification: 'public', source: 'test source' };
  const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/funding/campaigns', headers: suite.officer.headers, payload: { ...base, ...fields } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const page = async (url: string, client: SignedInClient | null = suite.officer) => (await suite.ctx.app.inject({ method: 'GET', url, headers: client ? { cookie: client.headers.cookie } : {} })).body;
const headline = (body: string) => /<p class="headline">([^<]*)<\/p>/.exec(body)?.[1];

describe('the funding overview', () => {
  it('draws each campaign’s goal beside the pledges stated and verified, with the same figures in a table', async () => {
    await campaign({ name: 'Overview test drive', goalAmount: '670000000', statedPledged: '600000000', statedPledgedIsLowerBound: true });
    const body = await page('/funding');
    expect(body).toContain('<h2 id="overview-heading">Pledged against the goals</h2>');
    expect(body).toMatch(/<svg[^>]*role="img" aria-label="Goal and pledges per campaign \(USD\)"/);
    expect(body).toContain('<title>Goal: USD 670 million</title>');
    expect(body).toContain('<title>Total pledged as stated by the source: USD 600 million</title>');
    const row = /<tr><th scope="row"><a href="\/funding\/campaigns\/[^"]+">Overview test drive<\/a><\/th>(.*?)<\/tr>/.exec(body)?.[1] ?? '';
    expect(row).toContain('670,000,000');
    expect(row).toContain('more than');
    const arabic = await page('/ar/funding');
    expect(arabic).toContain('الهدف والتعهدات لكل حملة (USD)');
  });

  it('says honestly that nothing pledged is recorded instead of "USD 0 pledged … 0%"', async () => {
    const stated = await campaign({ name: 'Stated only drive', goalAmount: '670000000', statedPledged: '600000000', statedPledgedIsLowerBound: true });
    expect(headline(await page(`/stabilization/${stated}`, null))).toBe('More than USD 600 million pledged, as the source states. The goal is USD 670 million.');
    const nothing = await campaign({ name: 'Nothing recorded drive', goalAmount: '394000000' });
    const body = await page(`/funding/campaigns/${nothing}`);
    expect(headline(body)).toBe('No pledged figures are recorded for this drive yet. The goal is USD 394 million.');
    expect(body).not.toContain('USD 0 pledged');
    // The stage cards too: "not recorded", never "USD 0 — 0% of the goal".
    const cards = /<ul class="stage-totals">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
    expect(cards).toContain('not recorded');
    expect(cards).not.toMatch(/USD\s*0<|0% of/);
    // The public list says the same: the stated total where the source gives one, else "not recorded", never "USD 0 / 0%".
    const list = await page('/stabilization', null);
    const row = (name: string) => new RegExp(`<tr><td[^>]*data-label="Campaign"><a href="/stabilization/[^"]+">${name}</a></td>(.*?)</tr>`).exec(list)?.[1] ?? '';
    expect(row('Nothing recorded drive')).toContain('not recorded');
    expect(row('Nothing recorded drive')).not.toMatch(/USD\s*0<|>0%</);
    expect(row('Stated only drive')).toContain('more than');
    expect(row('Stated only drive')).toContain('600,000,000');
    expect(row('Stated only drive')).not.toContain('>0%<');
    expect(row('Stated only drive')).toContain('more than 89%');
    expect(await page('/ar/stabilization', null)).toContain('غير مسجل');
  });
});
