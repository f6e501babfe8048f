import { describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/platform/totp.ts';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, chooseLanguage, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();
const NEW_EMAIL = 'nadia.karimi@mfa.example';

describe.runIf(runBrowser)('an administrator manages an account, in Arabic, in a real browser', () => {
  const journey = browserJourney(async (ctx) => ({ admin: await makeUser(ctx.db, 'secretariat-admin') }));

  it('adds a user who must enrol a second factor before anything else, disables the account, and finds it all in the audit trail', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { baseUrl, browser, fixtures } = journey;
    const admin = await journey.signIn(fixtures.admin);
    await admin.goto(`${baseUrl}/admin/users`);
    await chooseLanguage(admin, 'ar');
    await activate(admin.getByRole('link', { name: 'حساب جديد' }));
    await admin.getByLabel('البريد الإلكتروني').fill(NEW_EMAIL);
    await admin.getByLabel('الاسم', { exact: false }).first().fill('نادية كريمي');
    await admin.getByLabel('الدور').selectOption('delegate');
    await admin.locator('#field-partnerId').selectOption({ label: 'فرنسا' });
    expect(await seriousViolations(admin)).toEqual([]);
    await activate(admin.getByRole('button', { name: 'إنشاء الحساب' }));
    await expect(admin.locator('main').textContent()).resolves.toContain(NEW_EMAIL);
    const oneTimePassword = ((await admin.locator('main p code').first().textContent()) ?? '').trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);

    // The new user signs in with the one-time password: every page sends them to enrol a second factor first.
    const user = await (await browser.newContext()).newPage();
    await user.goto(`${baseUrl}/sign-in`);
    await user.getByLabel('E-mail address').fill(NEW_EMAIL);
    await user.getByLabel('Password').fill(oneTimePassword);
    await activate(user.getByRole('button', { name: 'Sign in' }));
    await user.waitForURL(/\/account\/second-factor/);
    await user.goto(`${baseUrl}/partners`);
    expect(new URL(user.url()).pathname).toBe('/account/second-factor');
    const secret = ((await user.locator('main code[dir=ltr]').first().textContent()) ?? '').replace(/\s+/g, '');
    await user.locator('#field-code').fill(currentTotpCode(secret));
    await activate(user.getByRole('button', { name: 'Confirm' }));
    await expect(user.locator('ul.recovery-codes li').count()).resolves.toBe(10);
    await user.goto(`${baseUrl}/partners`);
    expect(user.url()).toBe(`${baseUrl}/partners`);

    // Disabled: the account's session ends at once.
    await admin.goto(`${baseUrl}/admin/users`);
    await activate(admin.locator('tr', { hasText: NEW_EMAIL }).getByRole('button', { name: 'تعطيل' }));
    await expect(admin.locator('tr', { hasText: NEW_EMAIL }).textContent()).resolves.toContain('معطّل');
    await user.goto(`${baseUrl}/account`);
    expect(new URL(user.url()).pathname).toBe('/sign-in');

    await admin.goto(`${baseUrl}/admin/audit`);
    const trail = (await admin.locator('main').textContent()) ?? '';
    // The trail reads as sentences in the reader's language: who did what to which record.
    for (const sentence of [/أنشأ \S+ الحساب/, /أعدّ nadia\.karimi@mfa\.example عاملًا ثانيًا للتحقق/, /عطّل \S+ الحساب/]) expect(trail).toMatch(sentence);
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshotJourneyEnd(admin, 'administrator-accounts');
  });
});
