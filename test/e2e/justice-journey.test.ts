import { describe, expect, it } from 'vitest';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, screenshotJourneyEnd } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('justice figures from a delegate to the public, in a real browser', () => {
  const journey = browserJourney(async (ctx) => ({
    delegate: await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' }),
    officer: await makeUser(ctx.db, 'secretariat-officer'),
  }));

  it('a delegate reports, the secretariat verifies, and an anonymous visitor sees it on /justice', async () => {
    const { baseUrl } = journey;
    const { delegate, officer } = journey.fixtures;
    const description = 'Returnees from north-east Syria convicted of terrorist conspiracy in 2024.';

    // The delegate reports France's figure; the state is fixed to theirs.
    const page = await journey.signIn(delegate);
    await activate(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Justice' }));
    await activate(page.getByRole('link', { name: 'Report a figure or judgment' }));
    await expect(page.locator('main').textContent()).resolves.toContain('State: France');
    await page.getByLabel('Start of the period').fill('2024');
    await page.getByLabel('End of the period (or the day of the event)').fill('2024-11');
    await page.getByLabel('Kind *', { exact: true }).selectOption('convicted');
    await page.getByLabel('Count', { exact: true }).fill('27');
    await page.getByLabel('Legal basis', { exact: true }).selectOption('terrorism');
    await page.getByLabel('Court or body').fill('Paris special assize court');
    await page.getByLabel('Description *', { exact: true }).fill(description);
    await page.getByLabel('Sources *').fill('https://example.org/justice-2024 (Ministry of Justice, 2024-12)');
    expect(await seriousViolations(page)).toEqual([]);
    await activate(page.getByRole('button', { name: 'Save' }));
    await page.waitForURL(/\/justice\/records\/[0-9a-f-]{36}$/);
    const recordUrl = page.url();
    await expect(page.locator('main').textContent()).resolves.toContain('Reported, awaiting verification');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/justice/import`);
    expect(await seriousViolations(page)).toEqual([]);

    // Not public until verified.
    const visitor = await (await journey.browser.newContext()).newPage();
    await visitor.goto(`${baseUrl}/justice`);
    await expect(visitor.locator('main').textContent()).resolves.not.toContain(description);

    // The secretariat finds it among the figures awaiting verification and verifies it.
    const desk = await journey.signIn(officer);
    await desk.goto(`${baseUrl}/justice/records`);
    await activate(desk.getByRole('link', { name: 'Awaiting verification' }));
    expect(await seriousViolations(desk)).toEqual([]);
    await activate(desk.getByRole('link', { name: '2024 – November 2024' }));
    expect(desk.url()).toBe(recordUrl);
    expect(await seriousViolations(desk)).toEqual([]);
    await activate(desk.getByRole('button', { name: 'Verify' }));
    await desk.waitForURL(recordUrl);
    await expect(desk.locator('main').textContent()).resolves.toMatch(/Verified[\s\S]*History[\s\S]*Reported[\s\S]*Verified/);

    // The anonymous visitor now sees it among France's latest figures, with its source, and gets no cookie.
    await visitor.goto(`${baseUrl}/justice`);
    const main = await visitor.locator('main').textContent();
    expect(main).toContain(description);
    expect(main).toContain('Ministry of Justice, 2024-12');
    expect(await visitor.context().cookies()).toEqual([]);
    expect(await seriousViolations(visitor)).toEqual([]);
    await activate(visitor.getByRole('heading', { name: 'France' }).getByRole('link'));
    await visitor.waitForURL(`${baseUrl}/justice/states/FRA`);
    await expect(visitor.locator('main').textContent()).resolves.toContain(description);
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitor.goto(`${baseUrl}/ar/justice`);
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitor.goto(`${baseUrl}/justice`);
    await screenshotJourneyEnd(visitor, 'justice-public');
  }, 120_000);
});
