import { describe, expect, it } from 'vitest';
import { makeUser, partnerId, signedIn } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, chooseLanguage, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('a readout from draft to the public site, in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    const officer = await makeUser(ctx.db, 'secretariat-officer');
    const usChair = await makeUser(ctx.db, 'co-chair', { partnerIso3: 'USA' });
    const italyChair = await makeUser(ctx.db, 'co-chair', { partnerIso3: 'ITA' });
    // A group co-led by two partners, so two co-chairs must clear.
    const api = await signedIn(ctx, officer);
    const usa = await partnerId(ctx.db, 'USA');
    const italy = await partnerId(ctx.db, 'ITA');
    await ctx.app.inject({ method: 'POST', url: '/api/v1/groups', headers: api.headers, payload: { slug: 'journey-cell', name: 'Journey Cell', kind: 'focus-group', members: [{ partnerId: usa, role: 'co-lead' }, { partnerId: italy, role: 'co-lead' }] } });
    return { officer, usChair, italyChair };
  });

  it('officer records the meeting, its attendance and outcomes, drafts; a co-chair returns it, the officer edits, both co-chairs clear, it is published and the public finds it', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { browser, baseUrl } = journey;
    const { officer, usChair, italyChair } = journey.fixtures;
    const officerPage = await journey.signIn(officer);

    // The meeting, as the secretariat records it after the call.
    await officerPage.goto(`${baseUrl}/meetings/new`);
    await officerPage.locator('#field-title').fill('Journey Cell meeting');
    await officerPage.getByLabel('Format').selectOption('focus-group');
    await officerPage.getByLabel('Group', { exact: true }).selectOption({ label: 'Journey Cell' });
    await officerPage.getByLabel('Setting').selectOption('virtual');
    await officerPage.getByLabel('Starts (local time)').fill('2025-03-04T14:00');
    await officerPage.getByLabel('Ends (local time)').fill('2025-03-04T16:00');
    await officerPage.getByLabel('Time zone').selectOption('Europe/Rome');
    await officerPage.locator('#field-classification').selectOption('public');
    expect(await seriousViolations(officerPage)).toEqual([]);
    await activate(officerPage.getByRole('button', { name: 'Save', exact: true }));
    await officerPage.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingUrl = officerPage.url();
    // Who attended, and what was agreed on the agenda.
    for (const partner of ['United States', 'Italy']) {
      await officerPage.locator('#field-partnerId').selectOption({ label: partner });
      await activate(officerPage.getByRole('button', { name: 'Record participant' }));
      await officerPage.waitForURL(meetingUrl);
    }
    await officerPage.getByLabel('Agenda item').fill('Lake Chad Basin');
    await officerPage.locator('#field-theaterSlugs').selectOption('west-africa');
    await officerPage.getByLabel('Outcome', { exact: true }).fill('Partners agreed a joint plan.');
    await activate(officerPage.getByRole('button', { name: 'Add agenda item' }));
    await officerPage.waitForURL(meetingUrl);
    await expect(officerPage.locator('main').textContent()).resolves.toContain('Partners agreed a joint plan.');
    expect(await seriousViolations(officerPage)).toEqual([]);

    // The page script adds the meeting's time in the reader's own zone.
    await expect(officerPage.locator('.viewer-time').textContent()).resolves.toMatch(/Your time: .+\(.+\)/);
    await activate(officerPage.getByRole('button', { name: 'Draft a readout from the record' }));
    await officerPage.waitForURL(/\/desk\/readouts\//);
    const deskUrl = officerPage.url();
    await expect(officerPage.locator('#field-title').inputValue()).resolves.toBe('Readout of the Journey Cell Meeting');
    await expect(officerPage.getByLabel('Text (Markdown)').inputValue()).resolves.toContain('Lake Chad Basin (West Africa and the Lake Chad Basin): Partners agreed a joint plan.');
    expect(await seriousViolations(officerPage)).toEqual([]);
    await activate(officerPage.getByRole('button', { name: 'Send for clearance' }));
    await officerPage.waitForURL(deskUrl);

    // The United States co-chair works in French.
    const usPage = await journey.signIn(usChair);
    await usPage.goto(`${baseUrl}/desk/readouts`);
    await chooseLanguage(usPage, 'fr');
    await activate(usPage.getByRole('link', { name: 'Readout of the Journey Cell Meeting' }).first());
    await usPage.getByLabel('Commentaire').fill('Please name the co-chairs.');
    expect(await seriousViolations(usPage)).toEqual([]);
    await activate(usPage.getByRole('button', { name: 'Renvoyer avec commentaires' }));
    await usPage.waitForURL(deskUrl);

    await officerPage.goto(`${baseUrl}/desk/readouts`);
    await expect(officerPage.getByText('Please name the co-chairs.').count()).resolves.toBe(1);
    await officerPage.goto(deskUrl);
    await officerPage.getByLabel('Text (Markdown)').fill('The United States and Italy co-chaired the Journey Cell, which met virtually on 4 March 2025.\n\nPartners agreed a joint plan for the Lake Chad Basin.');
    await activate(officerPage.getByRole('button', { name: 'Save', exact: true }));
    await officerPage.waitForURL(deskUrl);
    await activate(officerPage.getByRole('button', { name: 'Send for clearance' }));

    for (const [chair, clear] of [[usPage, 'Valider cette version'], [await journey.signIn(italyChair), 'Clear this version']] as const) {
      await chair.goto(deskUrl);
      await activate(chair.getByRole('button', { name: clear }));
      await chair.waitForURL(deskUrl);
    }

    await officerPage.goto(deskUrl);
    await officerPage.getByLabel('Publish to').selectOption('public');
    await activate(officerPage.getByRole('button', { name: 'Publish' }));
    await officerPage.waitForURL(deskUrl);
    await expect(officerPage.getByText('published', { exact: true }).count()).resolves.toBeGreaterThan(0);

    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    // A reader in French: the path names the language, and every link and the search keep it.
    await publicPage.goto(`${baseUrl}/fr/readouts`);
    await expect(publicPage.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await activate(publicPage.getByRole('link', { name: 'Readout of the Journey Cell Meeting' }));
    await publicPage.waitForURL(/\/fr\/readouts\/2025\//);
    await expect(publicPage.getByText('Partners agreed a joint plan for the Lake Chad Basin.').count()).resolves.toBe(1);
    expect(await seriousViolations(publicPage)).toEqual([]);
    await activate(publicPage.getByRole('link', { name: 'Comptes rendus', exact: true }).first());
    await publicPage.getByLabel('Rechercher').fill('joint plan Lake Chad');
    await publicPage.getByLabel('Rechercher').press('Enter');
    await publicPage.waitForURL(/\/fr\/readouts\?q=joint/);
    await expect(publicPage.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(publicPage.getByRole('link', { name: 'Readout of the Journey Cell Meeting' }).count()).resolves.toBe(1);
    const feed = await publicPage.request.get(`${baseUrl}/readouts/feed.atom`);
    expect(await feed.text()).toContain('Readout of the Journey Cell Meeting');
    expect(await visitor.cookies()).toEqual([]);
    await activate(publicPage.getByRole('link', { name: 'Readout of the Journey Cell Meeting' }));
    await screenshotJourneyEnd(publicPage, 'public-reader-readout');
    expect(await visitor.cookies()).toEqual([]);
  });
});
