import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestContext, buildTestApp, loginAs } from '../../../test/helpers/app.ts';
import { minimalPdf } from '../../../test/helpers/pdf.ts';
import { importRates } from '../funding/rates.service.ts';

let ctx: TestContext;
let officer: SignedInClient;
let delegate: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
  delegate = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' });
});
afterAll(() => ctx.close());

const extract = (client: SignedInClient, payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/v1/ingest/extract', headers: client.headers, payload });

describe('POST /api/v1/ingest/extract', () => {
  it('reads text, a saved page or a PDF into the extraction, with the text its offsets refer to', async () => {
    const seed = fs.readFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt'), 'utf8');
    const response = await extract(officer, { text: seed, publishedOn: '2021-09-29' });
    expect(response.statusCode, response.body).toBe(200);
    const { documentText, extraction } = response.json();
    expect(extraction).toMatchObject({ date: '2021-09-29', meetingFormat: 'small-group', branches: ['ISIS-K'] });
    for (const fact of extraction.commitments) expect(documentText.slice(fact.start, fact.end)).toBe(fact.quote);

    const page = await extract(officer, { html: `<html><body><nav>Home · News</nav><article><h1>Readout</h1><p>${seed.split('\n\n')[3]}</p></article></body></html>` });
    expect(page.json().extraction.incidents[0]).toMatchObject({ place: 'Kabul', perpetrator: 'ISIS-K' });
    const pdf = await extract(officer, { pdfBase64: minimalPdf(['The Small Group met in Rome on 3 June 2024.']).toString('base64') });
    expect(pdf.json().extraction).toMatchObject({ date: '2024-06-03', location: { city: 'Rome', country: 'Italy' } });
  });

  it('converts sums in other currencies to US dollars at the reference rate of the publication date, and says when it cannot', async () => {
    const text = 'The Small Group met in Brussels on 10 October 2023. The European Union committed €35 million to stabilization in Iraq.';
    const before = (await extract(officer, { text, publishedOn: '2023-10-12' })).json().extraction;
    expect(before.money[0]).toMatchObject({ amount: '35000000', currency: 'EUR', amountUsd: null });
    expect(before.notes.join(' ')).toContain('no reference rate for USD on 2023-10-12');
    await importRates(ctx.db, officer.user.actor, 'Date,USD,\n2023-10-12,1.0620,\n', 'ECB reference rates (test extract)');
    const after = (await extract(officer, { text: text.replace('10 October', '9 October'), publishedOn: '2023-10-12' })).json().extraction;
    expect(after.money[0]).toMatchObject({ currency: 'EUR', amountUsd: '37170000' });
    // With no publication date, the meeting's stated day gives the rate; a meeting known only by its month gives none.
    const byMeetingDay = (await extract(officer, { text: text.replace('10 October', '12 October') })).json().extraction;
    expect(byMeetingDay.money[0]).toMatchObject({ currency: 'EUR', amountUsd: '37170000' });
    const byMonth = (await extract(officer, { text: text.replace('on 10 October 2023', 'in October 2023') })).json().extraction;
    expect(byMonth.money[0]).toMatchObject({ currency: 'EUR', amountUsd: null });
    expect(byMonth.notes.join(' ')).toContain('without a publication date or a stated meeting day');
  });

  it('names what is wrong with a request, and is for the secretariat only', async () => {
    expect((await extract(officer, { text: 'x', html: '<p>x</p>' })).json().errors).toEqual([{ field: 'body', message: 'send exactly one of text, html or pdfBase64' }]);
    expect((await extract(officer, { text: '' })).json().errors).toEqual([{ field: 'file', message: 'the file is empty' }]);
    expect((await extract(officer, { text: 'x', publishedOn: 'yesterday' })).statusCode).toBe(400);
    expect((await extract(officer, { pdfBase64: minimalPdf([]).toString('base64') })).json().errors[0].message).toContain('no text layer');
    expect((await extract(delegate, { text: 'The Small Group met today.' })).statusCode).toBe(403);
  });

  it('reads text sent as HTML that is no document, or only a fragment (the fuzz test found a 500 here)', async () => {
    for (const html of ['M-,|yO|n\\', '<<<>>>', 'The Small Group met <b>in Rome</b> on 28 June 2021.']) {
      const response = await extract(officer, { html });
      expect(response.statusCode, html).toBe(200);
    }
    const fragment = (await extract(officer, { html: 'The Small Group met <b>in Rome</b> on 28 June 2021.' })).json();
    expect(fragment.documentText).toBe('The Small Group met in Rome on 28 June 2021.');
    expect(fragment.extraction.location).toMatchObject({ city: 'Rome' });
  });
});
