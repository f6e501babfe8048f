import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../db/schema/ingest.ts';
import { type SignedInClient, type TestContext, buildTestApp, loginAs, postUpload } from '../../../test/helpers/app.ts';
import { minimalPdf } from '../../../test/helpers/pdf.ts';
import { stopExtractionThread } from './extraction-thread.ts';

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

const documentsKept = async () => (await ctx.db.select({ n: count() }).from(ingestDocuments))[0]?.n ?? 0;
const ingest = (payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/v1/ingest/documents', headers: officer.headers, payload });

/** A PDF of about `megabytes` MB: a real page with text, padded with a stream nobody reads. */
function largePdf(megabytes: number): Buffer {
  const page = minimalPdf(['The Small Group met in Rome on 3 June 2024.']);
  return Buffer.concat([page, Buffer.from(`\n%${'x'.repeat(megabytes * 1024 * 1024)}\n`)]);
}

describe('bad input to ingestion: a clear message, and nothing kept', () => {
  it.each([
    ['an empty file', { text: '' }, 'the file is empty'],
    ['a page that is all navigation', { html: '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer><a href="/contact">Contact</a></footer></body></html>' }, 'only navigation'],
    ['a scanned PDF with no text layer', { pdfBase64: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF').toString('base64') }, 'PDF'],
  ])('%s', async (_label, payload, message) => {
    const before = await documentsKept();
    const response = await ingest({ ...payload, fileName: 'readout' });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors[0].message).toContain(message);
    expect(await documentsKept()).toBe(before);
  });

  it('a 20 MB PDF on the upload page: refused naming its size, nothing kept', async () => {
    const before = await documentsKept();
    const response = await postUpload(ctx, officer, '/ingest', { name: 'readout.pdf', content: largePdf(20) });
    expect(response.statusCode).toBe(413);
    expect(response.body).toMatch(/too large|MB/);
    expect(await documentsKept()).toBe(before);
  });

  it('mixed languages and amounts with no currency: kept for review, with notes saying so, and no figure invented', async () => {
    const response = await ingest({ text: 'The Small Group met in Rome on 3 June 2024 and the partners agreed to the plan of the co-chairs for the year. Les partenaires de la Coalition ont réaffirmé leur engagement à agir ensemble contre Daech dans la région et au Sahel. Partners pledged 25 million for stabilization.', fileName: 'mixed.txt' });
    expect(response.statusCode, response.body).toBe(201);
    const facts = response.json().facts as { kind: string }[];
    expect(facts.some((fact) => fact.kind === 'money')).toBe(false);
    const notes = response.json().notes as string[];
    expect(notes.join(' ')).toContain('The text mixes languages');
    expect(notes.join(' ')).toContain('25 million');
    const page = await ctx.app.inject({ method: 'GET', url: `/ingest/${response.json().id}`, headers: officer.headers });
    expect(page.body).toContain('25 million');
  });
});
