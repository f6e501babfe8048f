import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildTestApp, loginAs } from './helpers/app.ts';
import { httpSuite } from './helpers/http-suite.ts';
import { openTestDatabase } from './helpers/database.ts';

const suite = httpSuite(undefined, { BODY_LIMIT_BYTES: '65536' });

describe('anonymous visitors', () => {
  it.each(['/', '/cookies', '/partners', '/groups', '/sign-in', '/api/docs/json', '/healthz', '/nothing-here'])('get no cookie from %s', async (url) => {
    const response = await suite.ctx.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('are sent to sign in from a protected page, and get 401 problem+json from the API', async () => {
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/people' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fpeople');
    const api = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/people' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('read the cookie page listing the cookies set at sign-in — the session, the device and the one-time confirmation cookie — in each language', async () => {
    const response = await suite.ctx.app.inject({ method: 'GET', url: '/cookies' });
    expect(response.body).toContain('__Host-cd_session');
    expect(response.body).toContain('__Host-cd_flash');
    expect(response.body).toContain('after 30 minutes without activity, or after 12 hours at most');
    const listed = (body: string) => body.match(/<td dir="ltr"><code>(__Host-cd_\w+)<\/code><\/td>/g)?.length;
    const intros = { en: 'Signing in sets only the strictly necessary cookies below', fr: 'La connexion ne dépose que les cookies strictement nécessaires ci-dessous', ar: 'ملفات تعريف الارتباط الضرورية المبيّنة أدناه فقط' };
    for (const [lang, intro] of Object.entries(intros)) {
      const page = (await suite.ctx.app.inject({ method: 'GET', url: `/cookies?lang=${lang}` })).body;
      expect(listed(page), lang).toBe(3);
      expect(page, lang).toContain(intro);
    }
  });

  it('can read pages in Arabic, right to left', async () => {
    const response = await suite.ctx.app.inject({ method: 'GET', url: '/?lang=ar' });
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    const negotiated = await suite.ctx.app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(negotiated.body).toContain('<html lang="fr" dir="ltr">');
  });
});

describe('security headers', () => {
  // /healthz sits outside the platform's context (src/app.ts): the headers must still reach it, as every other kind of answer.
  it.each(['/', '/healthz', '/nothing-here', '/assets/app.css', '/api/v1/people'])('sets a strict CSP without inline script, no framing and a referrer policy on %s', async (url) => {
    const response = await suite.ctx.app.inject({ method: 'GET', url });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    // The older header says the same: DENY, not SAMEORIGIN.
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('adds HSTS when the request came over TLS through a trusted proxy', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ db: database.db, config: loadConfig({ TRUST_PROXY: 'true' }), logger: false });
    for (const url of ['/', '/healthz']) {
      const response = await app.inject({ method: 'GET', url, headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
    await app.close();
    await database.close();
  });

  it('marks signed-in pages as not cacheable', async () => {
    const client = await loginAs(suite.ctx, 'delegate');
    const response = await suite.ctx.app.inject({ method: 'GET', url: '/partners', headers: client.headers });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('errors', () => {
  it('answers a 2 MB URL with 431 problem+json instead of resetting the connection', async () => {
    const server = await buildApp({ db: suite.ctx.db, config: suite.ctx.config, logger: false });
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = server.server.address() as net.AddressInfo;
      // Written as a client does: the whole request first, then the answer is read.
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        let received = '';
        socket.on('data', (chunk) => (received += chunk));
        socket.on('error', (error) => reject(new Error(`${(error as NodeJS.ErrnoException).code} after ${JSON.stringify(received)}`)));
        socket.on('close', () => resolve(received));
        const chunk = 'a'.repeat(64 * 1024);
        let sent = 0;
        const writeMore = () => {
          while (sent < 32) {
            sent++;
            if (!socket.write(chunk)) return void socket.once('drain', writeMore);
          }
          socket.write(' HTTP/1.1\r\nHost: localhost\r\n\r\n');
        };
        socket.write('GET /');
        writeMore();
      });
      expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      expect(answer).toContain('Content-Type: application/problem+json');
      expect(answer).toContain('"detail":"The address or the headers of this request are too long."');
    } finally {
      await server.close();
    }
  });

  it('answers an oversized body with 413 and changes nothing', async () => {
    const client = await loginAs(suite.ctx, 'secretariat-officer');
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/partners', headers: client.headers, payload: { kind: 'organisation', nameEn: 'x'.repeat(70_000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().title).toBe('Content Too Large');
    // The test app allows 64 KB: the answer says so.
    expect(response.json().detail).toBe('The request body is larger than this server accepts: at most 64 KB (BODY_LIMIT_BYTES). Split the file and send it in parts.');
    const list = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/partners?q=xxxxxxxx', headers: client.headers });
    expect(list.json().total).toBe(0);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const client = await loginAs(suite.ctx, 'secretariat-officer');
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/partners', headers: { ...client.headers, 'content-type': 'application/json' }, payload: '{"kind":' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers unknown API paths with 404 problem+json and unknown pages with an HTML page', async () => {
    const api = await suite.ctx.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().status).toBe(404);
    const page = await suite.ctx.app.inject({ method: 'GET', url: '/nothing' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('There is nothing at this address.');
  });

  it('hides internals of a server failure behind a generic message and a request id', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ db: database.db, config: loadConfig({}), logger: false });
    await database.close();
    const response = await app.inject({ method: 'GET', url: '/api/v1/partners' });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.detail).toMatch(/^Something went wrong on our side\. Quote request id [0-9a-f-]{36} when you report it\.$/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack|PGlite|closed/i);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    await app.close();
  });
});

describe('operations endpoints and API description', () => {
  it('reports process health and database readiness', async () => {
    const health = await suite.ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['content-type']).toContain('application/json');
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 description of the JSON API', async () => {
    const response = await suite.ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    const spec = response.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/partners', '/api/v1/partners/{id}', '/api/v1/groups', '/api/v1/account/tokens']));
    expect(Object.keys(spec.paths).some((p) => !p.startsWith('/api/') && !['/healthz', '/readyz'].includes(p))).toBe(false);
    const ui = await suite.ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });
});

describe('shared copies of public pages', () => {
  it('serve anonymous visitors the same page for a few seconds, but never signed-in users', async () => {
    const cached = await buildTestApp({ PUBLIC_PAGE_CACHE_SECONDS: '60' });
    try {
      const before = await cached.app.inject({ method: 'GET', url: '/' });
      const officer = await loginAs(cached, 'secretariat-officer');
      await cached.app.inject({ method: 'POST', url: '/api/v1/partners', headers: officer.headers, payload: { kind: 'organisation', nameEn: 'Cache Test Organisation' } });
      const anonymous = await cached.app.inject({ method: 'GET', url: '/' });
      expect(anonymous.body).toBe(before.body);
      const signedInPage = await cached.app.inject({ method: 'GET', url: '/', headers: officer.headers });
      expect(signedInPage.body).toContain('<h1>My desk</h1>');
      expect(signedInPage.body).toContain(officer.user.email);
      const otherLanguage = await cached.app.inject({ method: 'GET', url: '/?lang=fr' });
      expect(otherLanguage.body).toContain('88 partenaires');
    } finally {
      await cached.close();
    }
  });
});
