import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRepatriation } from '../../src/modules/detention/repatriations.service.ts';
import { addSnapshot, createSite } from '../../src/modules/detention/sites.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { TEST_PASSWORD, type TestContext, type TestUser, buildTestApp, makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserAvailable, launchChromium, serveForBrowser, signInThroughForm } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('the nationalities table in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let member: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    ctx = await buildTestApp();
    member = await makeUser(ctx.db, 'delegate', { partnerIso3: 'NLD', groupSlugs: ['foreign-terrorist-fighters-working-group'] });
    outsider = await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' });
    const actor = systemActor('test');
    const site = await createSite(ctx.db, actor, { name: 'al-Hol', kind: 'displaced-persons-camp', source: 'test' });
    await addSnapshot(ctx.db, actor, site.id, { asOf: '2019-11-19', total: 68744, partial: true, nationalities: [{ key: 'IRQ', count: 30897 }], source: 'UN OCHA' });
    await reportRepatriation(ctx.db, actor, { receivingIso3: 'KAZ', period: '2019-01/2019-06', people: 595, source: 'Astana Times' });
    baseUrl = await serveForBrowser(ctx.app);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const signIn = (user: TestUser): Promise<Page> => signInThroughForm(browser, baseUrl, user, TEST_PASSWORD);

  it('shows a member of the FTF working group the table, sortable from the keyboard, and an outsider none of it', async () => {
    const page = await signIn(member);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Detention' }).click();
    await page.getByRole('link', { name: 'Nationals held and repatriated' }).click();
    const table = page.locator('table#nationalities');
    await expect(table.textContent()).resolves.toContain('Iraq');
    await expect(table.locator('tbody tr').first().textContent()).resolves.toContain('30,897');
    expect(await seriousViolations(page)).toEqual([]);
    // Sort by people repatriated, from the keyboard: Kazakhstan comes first.
    await page.getByRole('link', { name: 'Repatriated, all years' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=repatriated/);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toContain('Kazakhstan');

    const other = await signIn(outsider);
    await other.goto(`${baseUrl}/detention/nationalities`);
    await expect(other.locator('table#nationalities').count()).resolves.toBe(0);
    await expect(other.locator('main').textContent()).resolves.toContain('No figures you may see.');
    expect(await seriousViolations(other)).toEqual([]);
  });
});
