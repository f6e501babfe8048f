import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/actor.ts';
import { createCampaign } from '../../src/modules/funding/campaigns.service.ts';
import { importRates } from '../../src/modules/funding/rates.service.ts';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, chooseLanguage, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('a pledge in euros, from report to headline, in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    const delegate = await makeUser(ctx.db, 'delegate', { partnerIso3: 'FRA' });
    const officer = await makeUser(ctx.db, 'secretariat-officer');
    await importRates(ctx.db, systemActor('test'), 'Date,USD,\n2021-06-28,1.1926,\n', 'ECB reference rates (test extract)');
    const campaign = await createCampaign(ctx.db, systemActor('test'), { name: '2021 Stabilization Pledge Drive', startsOn: '2021-01-01', endsOn: '2021-12-31', currency: 'USD', goalAmount: '670000000', theaterSlugs: ['iraq', 'syria'], source: 'Readout, 2021' });
    const campaignId = campaign.id;
    // A long name, as the demo's 2018 drives have: the sticky first column must not squeeze it a word a line.
    await createCampaign(ctx.db, systemActor('test'), { name: 'Syria stabilization: additional funds by the July 2018 NATO Summit', nameFr: 'Stabilisation en Syrie : fonds supplémentaires d’ici le sommet de l’OTAN de juillet 2018', nameAr: 'تحقيق الاستقرار في سوريا: أموال إضافية قبل قمة حلف شمال الأطلسي في يوليو 2018', startsOn: '2018-04-01', endsOn: '2018-07-12', currency: 'USD', goalAmount: '300000000', source: 'Readout, 2018' });
    return { delegate, officer, campaignId };
  });


  const headline = (page: Page) => page.locator('p.headline').textContent();

  it('keeps the campaigns table’s first column wide enough to read a long name in four lines at most, in every language', { timeout: JOURNEY_TIMEOUT }, async () => {
    const page = await journey.signIn(journey.fixtures.officer);
    // A small laptop's width: the seven amount columns do not wrap, so the name column is what gives way.
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const prefix of ['', '/fr', '/ar']) {
      await page.goto(`${journey.baseUrl}${prefix}/funding`);
      const table = page.locator('.table-scroll', { has: page.locator('a[href*="/funding/campaigns/"]') }).last();
      const cells = await table.locator('tbody tr > :first-child').evaluateAll((elements) =>
        elements.map((cell) => ({ width: cell.getBoundingClientRect().width, lines: Math.round((cell.querySelector('a')?.getBoundingClientRect().height ?? 0) / Number.parseFloat(getComputedStyle(cell).lineHeight)) })),
      );
      expect(cells.length, prefix).toBeGreaterThan(1);
      for (const cell of cells) {
        expect(cell.width, `${prefix}/funding first column`).toBeGreaterThanOrEqual(240);
        expect(cell.lines, `${prefix}/funding name lines`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('moves the headline by the converted amount only once the secretariat verifies the pledge', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { baseUrl } = journey;
    const { delegate, officer, campaignId } = journey.fixtures;
    const delegatePage = await journey.signIn(delegate);
    await activate(delegatePage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Funding' }));
    // The overview's table and the list of campaigns both link to it.
    await activate(delegatePage.getByRole('link', { name: '2021 Stabilization Pledge Drive' }).first());
    expect(await headline(delegatePage)).toBe('No pledged figures are recorded for this drive yet. The goal is USD 670 million.');
    expect(await seriousViolations(delegatePage)).toEqual([]);

    await activate(delegatePage.getByRole('link', { name: 'Report a contribution' }));
    expect(await seriousViolations(delegatePage)).toEqual([]);
    // A refused amount keeps everything typed and says what is wrong.
    await delegatePage.getByLabel('Amount').fill('25.000.000');
    await delegatePage.getByLabel('Currency').fill('EUR');
    await delegatePage.getByLabel('Date').fill('2021-06-28');
    await delegatePage.getByLabel('Source').fill('Statement of France, Rome ministerial');
    await activate(delegatePage.getByRole('button', { name: 'Report' }));
    await expect(delegatePage.getByRole('alert').first().textContent()).resolves.toContain('no thousands separators');
    await expect(delegatePage.getByLabel('Source').inputValue()).resolves.toBe('Statement of France, Rome ministerial');
    await delegatePage.getByLabel('Amount').fill('25000000');
    await activate(delegatePage.getByRole('button', { name: 'Report' }));
    await delegatePage.waitForURL(/\/funding\/contributions\//);
    await expect(delegatePage.locator('dl.facts').textContent()).resolves.toContain('Awaiting verification');
    const contributionUrl = delegatePage.url();

    await expect(delegatePage.getByRole('status').first().textContent()).resolves.toBe('Created and saved.');
    // Not counted yet: the headline still says nothing is pledged.
    await delegatePage.goto(`${baseUrl}/funding/campaigns/${campaignId}`);
    expect(await headline(delegatePage)).toBe('No pledged figures are recorded for this drive yet. The goal is USD 670 million.');

    const officerPage = await journey.signIn(officer);
    await officerPage.goto(`${baseUrl}/funding/review`);
    await activate(officerPage.getByRole('link', { name: 'Review' }));
    await officerPage.waitForURL(contributionUrl);
    expect(await seriousViolations(officerPage)).toEqual([]);
    await activate(officerPage.getByRole('button', { name: 'Verify' }));
    await officerPage.waitForURL(contributionUrl);
    await expect(officerPage.locator('p.flash[role="status"]').textContent()).resolves.toBe('Verified.');
    await expect(officerPage.locator('dl.facts').textContent()).resolves.toContain('Verified');

    // EUR 25,000,000 at 1.1926 = USD 29,815,000: 4% of the goal.
    await delegatePage.reload();
    expect(await headline(delegatePage)).toBe('USD 29.8 million pledged of the USD 670 million goal — 4%');
    await expect(delegatePage.getByRole('table').first().textContent()).resolves.toContain('USD 29,815,000');
    expect(await seriousViolations(delegatePage)).toEqual([]);
    await screenshotJourneyEnd(delegatePage, 'delegate-pledge');

    // The same delegate reports a repatriation for France, in French; the state is theirs, not a choice.
    await delegatePage.goto(`${baseUrl}/detention/repatriations/new`);
    await chooseLanguage(delegatePage, 'fr');
    await expect(delegatePage.locator('main').textContent()).resolves.toContain('France');
    await delegatePage.getByLabel('Date ou période').fill('2023-04');
    await delegatePage.getByLabel('Personnes').fill('25');
    await delegatePage.locator('#field-source').fill('Ministère de l’Europe et des Affaires étrangères, communiqué');
    expect(await seriousViolations(delegatePage)).toEqual([]);
    // Outside the FTF working group and in no other group: the form starts coalition-wide, which this
    // delegate may choose, so the first submit goes through.
    await expect(delegatePage.locator('#field-classification').inputValue()).resolves.toBe('coalition');
    await activate(delegatePage.getByRole('button', { name: 'Déclarer' }));
    await delegatePage.waitForURL(/\/detention\/repatriations\/[0-9a-f-]{36}$/);
    await expect(delegatePage.locator('main').textContent()).resolves.toContain('2023-04');
    expect(await seriousViolations(delegatePage)).toEqual([]);
  });
});
