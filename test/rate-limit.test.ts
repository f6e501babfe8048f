import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildTestApp, loginAs, type SignedInClient, type TestContext } from './helpers/app.ts';

/**
 * Costly actions are limited per person, counted in the database: two app instances on one database
 * (as two processes behind a load balancer) share the count.
 */
let ctx: TestContext;
let other: App;
let analyst: SignedInClient;

beforeAll(async () => {
  ctx = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  other = await buildApp({ db: ctx.db, config: loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_PAGE_CACHE_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '3' }), logger: false });
  analyst = await loginAs(ctx, 'analyst');
});
afterAll(async () => {
  await other?.close();
  await ctx?.close();
});

const screen = (app: App, client: SignedInClient, name: string, language = 'en') =>
  app.inject({ method: 'POST', url: '/api/v1/screening/screen', headers: { ...client.headers, 'accept-language': language }, payload: { name } });

describe('rate limits on costly actions', () => {
  it('count one person’s requests across instances, refuse the one over the limit with Retry-After, and spare others', async () => {
    expect((await screen(ctx.app, analyst, 'Sanaullah Ghafari')).statusCode).toBe(200);
    expect((await screen(other, analyst, 'Fatima Zahra')).statusCode).toBe(200);
    expect((await screen(ctx.app, analyst, 'Jean Dupont')).statusCode).toBe(200);
    const refused = await screen(other, analyst, 'One too many', 'fr');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(refused.json().detail).toMatch(/^Trop de demandes de ce type : au plus 3 par minute\. Réessayez dans \d+ secondes?\.$/);
    // Another person, and another costly action of the same person, are counted on their own.
    const colleague = await loginAs(ctx, 'analyst');
    expect((await screen(other, colleague, 'Sanaullah Ghafari')).statusCode).toBe(200);
    const batch = await ctx.app.inject({ method: 'POST', url: '/api/v1/screening/batches', headers: { ...analyst.headers, 'content-type': 'text/csv' }, payload: 'id,name\n1,Sanaullah Ghafari\n' });
    expect(batch.statusCode).toBe(202);
  });

  it('leave ordinary reading alone', async () => {
    for (let index = 0; index < 6; index++) expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: analyst.headers })).statusCode).toBe(200);
  });
});
