import Fastify from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocuments, instanceSecrets } from '../src/db/schema/index.ts';
import { installErrorHandler } from '../src/platform/error-handler.ts';
import { type TestContext, buildTestApp, loginAs } from './helpers/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

describe('unique-constraint violations', () => {
  it('are answered 409 with a clear message, not 500, whatever route meets them', async () => {
    // The error exactly as the database and Drizzle raise it: a second row with the same primary key.
    await ctx.db.insert(instanceSecrets).values({ name: 'unique-violation-test', value: 'first' });
    const app = Fastify({ logger: false });
    installErrorHandler(app, 1024);
    app.post('/make', async () => {
      await ctx.db.insert(instanceSecrets).values({ name: 'unique-violation-test', value: 'second' });
      return { made: true };
    });
    const response = await app.inject({ method: 'POST', url: '/make' });
    await app.close();
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: 'This record already exists: another request made the same one at the same moment. Reload the page to see it; nothing else was changed.',
    });
    const [kept] = await ctx.db.select().from(instanceSecrets).where(eq(instanceSecrets.name, 'unique-violation-test'));
    expect(kept?.value).toBe('first');
  });

  it('leave one document and a 409 when the same readout is uploaded twice at the same moment', async () => {
    const officer = await loginAs(ctx, 'secretariat-officer');
    const text = 'Readout of the Political Directors Small Group meeting. The Special Envoy gave an update on Iraq and Syria.';
    const upload = () => ctx.app.inject({ method: 'POST', url: '/api/v1/ingest/documents', headers: officer.headers, payload: { text, fileName: 'same.txt' } });
    const answers = await Promise.all([upload(), upload()]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.statusCode === 409);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    expect(refused?.json().title).toBe('Conflict');
    expect(await ctx.db.select({ id: ingestDocuments.id }).from(ingestDocuments)).toHaveLength(1);
  });
});
