import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, buildTestApp, loginAs } from './helpers/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

describe('public pages in the language their path names', () => {
  it('serves /fr/… in French and /ar/… in Arabic, right to left, whatever the browser asks for, and sets no cookie', async () => {
    const french = await get('/fr/readouts', { 'accept-language': 'ar' });
    expect(french.statusCode).toBe(200);
    expect(french.body).toMatch(/<html lang="fr" dir="ltr">/);
    expect(french.headers['set-cookie']).toBeUndefined();
    const arabic = await get('/ar/readouts', { 'accept-language': 'fr' });
    expect(arabic.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect((await get('/ar')).body).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it('keeps the reader in that language from link to link and in the search form, and names every language’s address', async () => {
    const page = (await get('/fr/readouts')).body;
    expect(page).toContain('action="/fr/readouts"');
    expect(page).toContain('href="/fr/stabilization"');
    expect(page).toContain('href="/assets/app.css"');
    for (const [code, href] of [['en', '/readouts'], ['fr', '/fr/readouts'], ['ar', '/ar/readouts'], ['x-default', '/readouts']]) expect(page).toContain(`<link rel="alternate" hreflang="${code}" href="${href}"/>`);
    // The language switch names each language's address, English included.
    expect(page).toMatch(/<a href="\/en\/readouts" lang="en" hreflang="en"/);
    expect(page).toMatch(/<a href="\/ar\/readouts" lang="ar" hreflang="ar"/);
    // A search keeps the language and the words searched.
    expect((await get('/fr/readouts?q=Rome')).body).toMatch(/<html lang="fr"/);
  });

  it('does not mix the languages in the shared copy of anonymous pages', async () => {
    await get('/fr/readouts');
    const plain = await get('/readouts', { 'accept-language': 'fr' });
    expect(plain.body).toMatch(/<html lang="fr"/);
    expect(plain.body).not.toContain('href="/fr/stabilization"');
  });

  it('lets a signed-in user read under a language path too, with the account’s session', async () => {
    const officer = await loginAs(ctx, 'secretariat-officer');
    const page = await get('/ar/meetings', { cookie: officer.headers.cookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page.body).toContain('href="/ar/meetings/new"');
  });
});

describe('validation messages in the reader’s language', () => {
  it('names what is wrong in French on a French page and in the API for a French client, in English otherwise', async () => {
    const officer = await loginAs(ctx, 'secretariat-officer');
    const screen = (language: string) => ctx.app.inject({ method: 'POST', url: '/api/v1/ingest/extract', headers: { ...officer.headers, 'accept-language': language }, payload: { text: 'x', publishedOn: 'hier' } });
    expect((await screen('fr')).json().errors).toEqual([{ field: 'body.publishedOn', message: 'doit être au format date' }]);
    expect((await screen('en')).json().errors).toEqual([{ field: 'body.publishedOn', message: 'must be a valid date' }]);
    // A form checked by its service: the missing title is named on the French page.
    const page = await ctx.app.inject({ method: 'POST', url: '/fr/meetings', headers: { cookie: officer.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: officer.csrfToken, format: 'other', setting: 'virtual', startsLocal: '2025-01-01T10:00', endsLocal: '2025-01-01T11:00', timeZone: 'UTC' }).toString() });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('est obligatoire');
    // A service's own check, said in French too.
    const noCity = await ctx.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: { ...officer.headers, 'accept-language': 'fr' }, payload: { title: 'Réunion', format: 'other', setting: 'in-person', startsLocal: '2025-01-01T10:00', endsLocal: '2025-01-01T09:00', timeZone: 'UTC' } });
    expect(noCity.json().errors).toEqual([
      { field: 'endsLocal', message: 'se termine avant de commencer' },
      { field: 'city', message: 'une réunion en présentiel ou hybride doit avoir une ville' },
    ]);
  });
});

describe('refusals in the reader’s language', () => {
  it('says what is missing, conflicting or not allowed in French and Arabic, in the API and on the page', async () => {
    const officer = await loginAs(ctx, 'secretariat-officer');
    const missing = '/api/v1/meetings/00000000-0000-4000-8000-000000000000';
    const inFrench = await ctx.app.inject({ method: 'GET', url: missing, headers: { ...officer.headers, 'accept-language': 'fr' } });
    expect(inFrench.statusCode).toBe(404);
    expect(inFrench.json().detail).toBe('La réunion n’existe pas ou vous n’y avez pas accès.');
    const inArabic = await ctx.app.inject({ method: 'GET', url: missing, headers: { ...officer.headers, 'accept-language': 'ar' } });
    expect(inArabic.json().detail).toBe('السجل المطلوب (الاجتماع) غير موجود أو لا يحق لك الاطلاع عليه.');
    const inEnglish = await ctx.app.inject({ method: 'GET', url: missing, headers: officer.headers });
    expect(inEnglish.json().detail).toBe('The meeting does not exist or you may not see it.');

    // A service's own check, with the value it refuses formatted into the French sentence.
    const badZone = await ctx.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: { ...officer.headers, 'accept-language': 'fr' }, payload: { title: 'Réunion', format: 'other', setting: 'virtual', startsLocal: '2025-01-01T10:00', endsLocal: '2025-01-01T11:00', timeZone: 'Mars/Olympus' } });
    expect(badZone.json().errors).toEqual([{ field: 'timeZone', message: '« Mars/Olympus » n’est pas un fuseau horaire IANA (p. ex. Europe/Rome, America/New_York, UTC)' }]);

    // The error page carries its title in the page's language.
    const page = await ctx.app.inject({ method: 'GET', url: '/ar/desk/readouts/00000000-0000-4000-8000-000000000000', headers: { cookie: officer.headers.cookie } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('404 · غير موجود');
    expect(page.body).toContain('السجل المطلوب (الملخص) غير موجود أو لا يحق لك الاطلاع عليه.');
  });
});
