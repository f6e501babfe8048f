import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { buildTestApp, makeUser, TEST_PASSWORD, type TestContext } from './helpers/app.ts';
import { TEST_DB_KIND } from './helpers/database.ts';

const TOKEN = `${'a'.repeat(20)}metrics-token-for-tests`;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp({ METRICS_TOKEN: TOKEN });
});
afterAll(() => ctx.close());

describe('metrics', () => {
  it('are answered only to the configured bearer token', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(wrong.body).not.toContain('coalition_desk');
    const untokened = await buildTestApp();
    try {
      expect((await untokened.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } })).statusCode).toBe(401);
    } finally {
      await untokened.close();
    }
  });

  it('count requests and their latency by route template, with the queue and the process', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/v1/partners/00000000-0000-4000-8000-000000000000' });
    await ctx.app.inject({ method: 'GET', url: '/api/v1/partners/00000000-0000-4000-8000-000000000001' });
    await ctx.app.inject({ method: 'GET', url: '/no/such/page' });
    const scrape = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers['content-type']).toContain('text/plain');
    const text = scrape.body;
    // Both ids fall under one route label: ids never become labels.
    expect(text).toContain('coalition_desk_http_requests_total{method="GET",route="/api/v1/partners/:id",status="404"} 2');
    expect(text).toContain('coalition_desk_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('00000000-0000-4000-8000');
    expect(text).toMatch(/coalition_desk_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/partners\/:id"\} 2/);
    expect(text).toMatch(/^coalition_desk_screening_queue_rows 0$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    if (TEST_DB_KIND === 'postgres') expect(text).toMatch(/coalition_desk_db_pool_connections\{state="total"\} \d+/);
  });

  it('refuse a short token at start-up', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32), got 5');
  });
});

describe('logs', () => {
  it('are JSON lines with a request id, and carry no password, cookie, token or e-mail address', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk) => lines.push(...String(chunk).split('\n').filter(Boolean)));
    const app = await buildApp({ db: ctx.db, config: loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'info' }), logStream: stream });
    try {
      const user = await makeUser(ctx.db, 'analyst');
      const page = await app.inject({ method: 'GET', url: '/sign-in' });
      const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const signedIn = await app.inject({ method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, payload: new URLSearchParams({ email: user.email, password: TEST_PASSWORD, formToken }).toString() });
      expect(signedIn.statusCode).toBe(303);
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0] as string;
      await app.inject({ method: 'GET', url: '/account', headers: { cookie } });
      await app.inject({ method: 'GET', url: '/groups/1/meetings.ics?token=calendar-secret-token' });
    } finally {
      await app.close();
    }
    expect(lines.length).toBeGreaterThan(4);
    const entries = lines.map((line) => JSON.parse(line));
    const requests = entries.filter((entry) => entry.req);
    expect(requests.length).toBeGreaterThan(0);
    for (const entry of entries.filter((entry) => entry.msg === 'request completed' || entry.req)) expect(entry.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const all = lines.join('\n');
    for (const secret of [TEST_PASSWORD, 'cd_session', 'calendar-secret-token', '@test.example', 'formToken']) expect(all, secret).not.toContain(secret);
    expect(all).toContain('token=[redacted]');
  });
});
