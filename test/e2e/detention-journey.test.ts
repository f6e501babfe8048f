
import { describe, expect, it } from 'vitest';
import { reportRepatriation } from '../../src/modules/detention/repatriations.service.ts';
import { addSnapshot, createSite } from '../../src/modules/detention/sites.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('the nationalities table in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    const member = await makeUser(ctx.db, 'delegate', { partnerIso3: 'NLD', groupSlugs: ['foreign-terrorist-fighters-working-group'] });
    const outsider = await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' });
    const actor = systemActor('test');
    const site = await createSite(ctx.db, actor, { name: 'al-Hol', kind: 'displaced-persons-camp', source: 'test' });
    await addSnapshot(ctx.db, actor, site.id, { asOf: '2019-11-19', total: 68744, partial: true, nationalities: [{ key: 'IRQ', count: 30897 }], source: 'UN OCHA' });
    await reportRepatriation(ctx.db, actor, { receivingIso3: 'KAZ', period: '2019-01/2019-06', people: 595, source: 'Astana Times' });
    return { member, outsider };
  });


  it('shows a member of the FTF working group the table, sortable from the keyboard, and an outsider none of it', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { baseUrl } = journey;
    const { member, outsider } = journey.fixtures;
    const page = await journey.signIn(member);
    await activate(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Detention' }));
    await activate(page.getByRole('link', { name: 'Nationals held and repatriated' }));
    const table = page.locator('table#nationalities');
    await expect(table.textContent()).resolves.toContain('Iraq');
    await expect(table.locator('tbody tr').first().textContent()).resolves.toContain('30,897');
    expect(await seriousViolations(page)).toEqual([]);
    // Sort by people repatriated, from the keyboard: Kazakhstan comes first.
    await page.getByRole('link', { name: 'Repatriated, all years' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=repatriated/);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toContain('Kazakhstan');

    const other = await journey.signIn(outsider);
    await other.goto(`${baseUrl}/detention/nationalities`);
    await expect(other.locator('table#nationalities').count()).resolves.toBe(0);
    await expect(other.locator('main').textContent()).resolves.toContain('No figures you may see.');
    expect(await seriousViolations(other)).toEqual([]);
    await screenshotJourneyEnd(page, 'ftf-member-nationalities');
  });
});
