import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/db/seed/data-files.ts';
import { nameTranslations } from '../src/db/seed/translations.ts';
import { buildTestApp, groupId, postForm, type SignedInClient, type TestContext, loginAs } from './helpers/app.ts';

let ctx: TestContext;
let officer: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
});
afterAll(() => ctx.close());

const page = async (url: string, client: SignedInClient | null = officer) => {
  const response = await ctx.app.inject({ method: 'GET', url, headers: client ? { cookie: client.headers.cookie } : {} });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.body;
};

/** Posts a record's form and follows its redirect to the record's page path. */
async function saved(url: string, fields: Record<string, string>): Promise<string> {
  const response = await postForm(ctx, officer, url, fields);
  expect(response.statusCode, /<main[\s\S]*/.exec(response.body)?.[0].slice(0, 1500)).toBe(303);
  return String(response.headers.location).replace(/\?.*$/, '');
}

describe('names in the reader’s language', () => {
  it('shows a branch’s name and region in French and Arabic from the reference translations', async () => {
    const arabic = await page('/ar/threats/branches/isis-k', null);
    expect(arabic).toContain('تنظيم داعش - ولاية خراسان');
    expect(arabic).toContain('أفغانستان؛ باكستان؛ آسيا الوسطى');
    expect(arabic).toMatch(/<bdi lang="en">ISIS-K<\/bdi>/);
    expect(arabic).not.toContain('Afghanistan; Pakistan; Central Asia');
    const french = await page('/fr/threats/branches/isis-k', null);
    expect(french).toContain("État islamique d'Iraq et du Levant-Khorassan");
    const list = await page('/ar/threats', null);
    expect(list).toContain('الساحل (مالي؛ النيجر؛ بوركينا فاسو)');
  });

  it('writes the Arabic branch page in Arabic: English-only texts marked lang="en", lists joined without a Latin comma', async () => {
    await saved('/threats/incidents', { occurredOn: '2021-08-26', countryIso3: 'AFG', city: 'Kabul', place: 'Abbey Gate', placeAr: 'بوابة آبي', branchSlug: 'isis-k', attribution: 'claimed', sourceTitle1: 'Test source', sourcePublisher1: 'Test publisher', classification: 'public' });
    const meetingId = /\/meetings\/([0-9a-f-]{36})/.exec(await saved('/meetings', { title: 'Branch page meeting', format: 'ministerial', setting: 'virtual', startsLocal: '2031-03-01T10:00', endsLocal: '2031-03-01T12:00', timeZone: 'UTC', classification: 'public' }))?.[1] ?? '';
    await postForm(ctx, officer, '/taskings', { meetingId, groupIds: [await groupId(ctx.db, 'foreign-terrorist-fighters-working-group')], title: 'Focus work on countering the ISIS-K threat', branchSlugs: ['isis-k'], dueOn: '2031-06-01', classification: 'public' });
    const arabic = await page('/ar/threats/branches/isis-k', officer);
    const main = /<main[\s\S]*<\/main>/.exec(arabic)?.[0] ?? '';
    // The countries list and the incident's place are joined the Arabic way.
    expect(main).toContain('أفغانستان وباكستان');
    expect(main).toMatch(/،\s*<bdi lang="en">Kabul<\/bdi>،\s*أفغانستان/);
    // A tasking title has no translation: it is marked as English.
    expect(main).toMatch(/<a href="\/ar\/taskings\/[^"]+">\s*<bdi lang="en">Focus work on countering the ISIS-K threat<\/bdi>/);
    // No Latin comma between Arabic words anywhere in the visible text of the page's main part.
    const visible = main.replace(/<bdi lang="en">[\s\S]*?<\/bdi>|<span lang="en">[\s\S]*?<\/span>|<script[\s\S]*?<\/script>|<svg[\s\S]*?<\/svg>|<[^>]+>/g, ' ');
    expect(visible).not.toMatch(/[\u0600-\u06FF]\s*,|,\s*[\u0600-\u06FF]/);
  });

  it('lets the secretariat set a branch’s French and Arabic names on its form, and no one else', async () => {
    const form = await page('/threats/branches/iswap/names');
    expect(form).toContain('name="nameAr"');
    expect(form).toContain('value="الدولة الإسلامية في غرب أفريقيا"');
    expect(await saved('/threats/branches/iswap/names', { nameFr: 'Province d’Afrique de l’Ouest (test)', nameAr: 'ولاية غرب أفريقيا (تجربة)', regionFr: '', regionAr: '' })).toBe('/threats/branches/iswap');
    expect(await page('/ar/threats/branches/iswap', null)).toContain('ولاية غرب أفريقيا (تجربة)');
    // An emptied region shows the English, marked as English.
    expect(await page('/ar/threats/branches/iswap', null)).toContain('<span lang="en">West Africa (Lake Chad Basin)</span>');
    // The audit trail's entry links to the branch's page.
    const audit = await page('/admin/audit?action=threats.branch-names-set', await loginAs(ctx, 'secretariat-admin'));
    expect(audit).toMatch(/<a href="\/threats\/branches\/iswap"><bdi>ISWAP<\/bdi><\/a>/);
    const analyst = await loginAs(ctx, 'analyst');
    expect((await postForm(ctx, analyst, '/threats/branches/iswap/names', { nameAr: 'x' })).statusCode).toBe(403);
  });

  it('saves a meeting title’s translations on its form, shows them, and falls back to English marked lang="en"', async () => {
    const base = { format: 'ministerial', setting: 'virtual', startsLocal: '2031-03-01T10:00', endsLocal: '2031-03-01T12:00', timeZone: 'UTC', classification: 'public' };
    const path = await saved('/meetings', { ...base, title: 'Translation test ministerial', titleFr: 'Réunion ministérielle de test', titleAr: 'اجتماع وزاري تجريبي' });
    expect(await page(`/ar${path}`, null)).toMatch(/<h1>\s*اجتماع وزاري تجريبي\s*<\/h1>/);
    expect(await page(`/fr${path}`, null)).toContain('Réunion ministérielle de test');
    const form = await page(`${path}/edit`);
    expect(form).toContain('value="Réunion ministérielle de test"');
    expect(form).toContain('value="اجتماع وزاري تجريبي"');

    const untranslated = await saved('/meetings', { ...base, title: 'Untranslated test meeting' });
    expect(await page(`/ar${untranslated}`, null)).toContain('<span lang="en">Untranslated test meeting</span>');
    expect(await page(untranslated, null)).not.toContain('<span lang="en">Untranslated test meeting</span>');
    // Clearing a translation on the form brings the English back.
    const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '1';
    await saved(path, { ...base, title: 'Translation test ministerial', titleFr: 'Réunion ministérielle de test', titleAr: '', version });
    expect(await page(`/ar${path}`, null)).toContain('<span lang="en">Translation test ministerial</span>');
  });

  it('saves a campaign’s name in French and Arabic and shows it on the campaign and list pages', async () => {
    const path = await saved('/funding/campaigns', { name: 'Translation test drive', nameFr: 'Campagne de test', nameAr: 'حملة تجريبية', startsOn: '2031-01-01', endsOn: '2031-12-31', currency: 'USD', goalAmount: '1000', classification: 'public', source: 'test' });
    expect(await page(`/ar${path}`)).toContain('حملة تجريبية');
    expect(await page('/fr/funding')).toContain('Campagne de test');
    expect(await page(`${path}/edit`)).toContain('value="حملة تجريبية"');
  });

  it('saves a detention site’s name and region in Arabic and falls back to English for French', async () => {
    const path = await saved('/detention/sites', { name: 'Translation test camp', nameAr: 'مخيم تجريبي', kind: 'displaced-persons-camp', region: 'Test region', regionAr: 'منطقة تجريبية', countryIso3: 'SYR', source: 'test', classification: 'public' });
    const arabic = await page(`/ar${path}`);
    expect(arabic).toContain('مخيم تجريبي');
    expect(arabic).toContain('منطقة تجريبية');
    expect(await page(`/fr${path}`)).toContain('<span lang="en">Translation test camp</span>');
  });

  it('edits a detention site’s French and Arabic names on its form after it was made, audited, and no one else', async () => {
    const path = await saved('/detention/sites', { name: 'Camp named later', kind: 'displaced-persons-camp', region: 'North-east Syria', countryIso3: 'SYR', source: 'test', classification: 'coalition' });
    expect(await page(path)).toContain(`href="${path}/edit"`);
    const form = await page(`${path}/edit`);
    expect(form).toContain('name="nameFr"');
    expect(form).toContain('value="Camp named later"');
    const version = /name="version" value="(\d+)"/.exec(form)?.[1];
    expect(version).toBe('1');
    const fields = { name: 'Camp named later', kind: 'displaced-persons-camp', region: 'North-east Syria', regionAr: 'شمال شرق سوريا', countryIso3: 'SYR', source: 'test', classification: 'coalition' };
    expect(await saved(path, { ...fields, nameFr: 'Camp nommé plus tard', nameAr: 'مخيم سُمّي لاحقًا', version: '1' })).toBe(path);
    expect(await page(`/fr${path}`)).toMatch(/<h1>\s*Camp nommé plus tard\s*<\/h1>/);
    const arabic = await page(`/ar${path}`);
    expect(arabic).toContain('مخيم سُمّي لاحقًا');
    expect(arabic).toContain('شمال شرق سوريا');
    // A second save from the same (now old) form is refused and loses nothing typed.
    const stale = await postForm(ctx, officer, path, { ...fields, nameFr: 'Autre nom', version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Autre nom"');
    // The change is in the audit trail, with the before and after of each name.
    const audit = await page('/admin/audit?action=detention.site-updated', await loginAs(ctx, 'secretariat-admin'));
    expect(audit).toContain('edited the site');
    expect(audit).toContain('Camp nommé plus tard');
    const delegate = await loginAs(ctx, 'delegate');
    expect((await postForm(ctx, delegate, path, { ...fields, nameFr: 'x', version: '2' })).statusCode).toBe(403);
  });

  it('saves an incident’s place in Arabic and shows it on the incident page', async () => {
    const path = await saved('/threats/incidents', { occurredOn: '2019-02-02', countryIso3: 'AFG', city: 'Kabul', place: 'Test square', placeAr: 'ساحة تجريبية', branchSlug: 'isis-k', attribution: 'claimed', sourceTitle1: 'Test source', sourcePublisher1: 'Test publisher' });
    expect(await page(`/ar${path}`)).toContain('ساحة تجريبية');
  });

  it('gives every demo meeting title, campaign region and branch region a French and an Arabic name', () => {
    const meeting = nameTranslations('meeting');
    for (const row of readCsv('meetings.csv')) expect(meeting(row.title ?? ''), row.title).toEqual({ fr: expect.any(String), ar: expect.any(String) });
    const region = nameTranslations('region');
    const branch = nameTranslations('branch');
    for (const row of readCsv('branches.csv')) {
      expect(region(row.region ?? ''), row.region).toEqual({ fr: expect.any(String), ar: expect.any(String) });
      expect(branch(row.name ?? ''), row.name).toEqual({ fr: expect.any(String), ar: expect.any(String) });
    }
  });
});
