
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('a delegate in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    const delegate = await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' });
    return { delegate };
  });

  it('signs in, opens the partners list, switches to Arabic and sees the page right to left, accessibly', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { browser, baseUrl } = journey;
    const { delegate } = journey.fixtures;
    const context = await browser.newContext();
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await page.goto(`${baseUrl}/`);
    expect(await context.cookies()).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await activate(page.getByRole('link', { name: 'Sign in' }));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('E-mail address').fill(delegate.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await activate(page.getByRole('button', { name: 'Sign in' }));
    await page.waitForURL(`${baseUrl}/`);
    // Signed in: the session, and the device cookie that keeps this browser in when others fail on the account.
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual(['__Host-cd_device', '__Host-cd_session']);
    expect(cookies.find((c) => c.name === '__Host-cd_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === '__Host-cd_device')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

    await activate(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partners' }));
    await page.waitForURL(`${baseUrl}/partners`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Partners');
    await expect(page.getByRole('link', { name: 'France', exact: true }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Search narrows the list, from the keyboard.
    await page.getByLabel('Search').fill('Fran');
    await page.getByLabel('Search').press('Enter');
    await page.waitForURL(/q=Fran/);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);

    await activate(page.getByRole('button', { name: 'العربية' }));
    await page.waitForURL(/\/partners/);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('الشركاء');
    await expect(page.getByRole('link', { name: 'فرنسا', exact: true }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The choice stays with the account on the next page.
    await page.goto(`${baseUrl}/groups`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);

    await screenshotJourneyEnd(page, 'delegate-partners');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
