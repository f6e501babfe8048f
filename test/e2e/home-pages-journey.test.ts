import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/db/schema/identity.ts';
import en from '../../src/platform/i18n/messages/en.json' with { type: 'json' };
import { createCampaign } from '../../src/modules/funding/campaigns.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserAvailable, browserJourney, chooseLanguage, screenshotJourneyEnd } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

/** Message keys that reached the page instead of their text ("funding.stage.pledge"). */
const MESSAGE_KEYS = new Set(Object.keys(en));

/**
 * What a reader must never see, checked on every swept page at 1280 px: a file name or server path, a
 * raw message key or enum code, a table cut off by the window edge (outside a scrolling box), a header
 * on more than one row.
 */
async function problemsOn(page: Page): Promise<string[]> {
  return page.evaluate((keys) => {
    const problems: string[] = [];
    const text = (document.querySelector('main') as HTMLElement).innerText;
    const path = /(?:^|[\s(])(?:\/[\w.-]+){2,}\.\w{2,4}\b|\b[\w-]+\.(?:csv|xml|xlsx)\b(?!\s*(?:download|export))/i.exec(text);
    if (path) problems.push(`file or path: ${path[0].trim()}`);
    for (const word of text.split(/[\s,;:()“”"]+/)) if ((keys as string[]).includes(word)) problems.push(`message key: ${word}`);
    const code = /\b(?:meetingFormat|meetingSetting|readoutStatus|funding\.status|groupRole)\.[\w-]+/.exec(text);
    if (code) problems.push(`raw code: ${code[0]}`);
    const width = document.documentElement.clientWidth;
    for (const table of document.querySelectorAll('main table')) {
      const box = table.getBoundingClientRect();
      if (box.right > width + 1 && !table.closest('.table-scroll')) problems.push(`table cut off at ${Math.round(box.right)} px: ${table.querySelector('caption')?.textContent ?? table.className}`);
    }
    const header = document.querySelector('.site-header') as HTMLElement;
    if (header.getBoundingClientRect().height > 64) problems.push(`header on more than one row (${Math.round(header.getBoundingClientRect().height)} px)`);
    if (header.scrollWidth > header.clientWidth + 1) problems.push('header wider than the window');
    return problems;
  }, [...MESSAGE_KEYS]);
}

/** Chart labels drawn smaller than 12 px once the chart is scaled to its box (issue 18), with the size they got. */
async function chartLabelsUnder12px(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('main .chart-label, main .chart-tick')]
      .map((label) => ({ text: label.textContent ?? '', size: Number.parseFloat(getComputedStyle(label).fontSize) * (label.ownerSVGElement?.getScreenCTM()?.a ?? 1) }))
      .filter((label) => label.size < 11.9)
      .map((label) => `${label.text}: ${label.size.toFixed(1)} px`),
  );
}

describe.runIf(runBrowser)('home pages, languages and a sweep of what readers see, in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    const users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(ctx.db, role, role === 'co-chair' ? { partnerIso3: 'USA' } : {})] as const)));
    // A drive with a goal, so each desk draws its chart.
    await createCampaign(ctx.db, systemActor('test'), { name: 'Home journey drive', startsOn: '2030-01-01', endsOn: '2030-12-31', currency: 'USD', goalAmount: '400000000', source: 'test', classification: 'coalition' });
    return { users };
  });

  it('shows each role its own desk, and the public its front page', async () => {
    const { baseUrl, browser, fixtures } = journey;
    const anonymous = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await anonymous.goto(`${baseUrl}/`);
    await expect(anonymous.locator('h2').allTextContents()).resolves.toEqual(expect.arrayContaining(['Latest readouts', 'Current pledge drive', 'Members', 'Upcoming public meetings', 'Incidents on the map']));
    expect(await seriousViolations(anonymous)).toEqual([]);
    await screenshotJourneyEnd(anonymous, 'home-public');

    const expected: Record<string, { shows: string[]; hides: string[] }> = {
      'secretariat-admin': { shows: ['Awaiting verification', 'Ingested readouts to review', 'New screening alerts'], hides: [] },
      'secretariat-officer': { shows: ['Readouts to clear and returned drafts', 'Awaiting verification', 'Ingested readouts to review'], hides: [] },
      'co-chair': { shows: ['Readouts to clear and returned drafts', 'Taskings due, overdue first'], hides: ['Awaiting verification', 'Ingested readouts to review'] },
      delegate: { shows: ['Current pledge drive', 'Upcoming meetings'], hides: ['Readouts to clear and returned drafts', 'Awaiting verification', 'New screening alerts'] },
      analyst: { shows: ['New screening alerts', 'Latest incidents'], hides: ['Readouts to clear and returned drafts', 'Awaiting verification', 'Ingested readouts to review'] },
    };
    for (const role of ROLES) {
      const page = await journey.signIn(fixtures.users[role] as { email: string });
      await page.goto(`${baseUrl}/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My desk');
      const sections = await page.locator('main h2').allTextContents();
      for (const heading of expected[role]?.shows ?? []) expect(sections, role).toContain(heading);
      for (const heading of expected[role]?.hides ?? []) expect(sections, role).not.toContain(heading);
      expect(await problemsOn(page)).toEqual([]);
      expect(await chartLabelsUnder12px(page), role).toEqual([]);
      if (role === 'secretariat-officer') await screenshotJourneyEnd(page, 'home-desk-officer');
      await page.context().close();
    }
  }, 300_000);

  it('names groups in French and in Arabic', async () => {
    const page = await (await journey.browser.newContext()).newPage();
    await page.goto(`${journey.baseUrl}/fr/groups`);
    await expect(page.locator('main').textContent()).resolves.toContain('Groupe restreint');
    await chooseLanguage(page, 'ar');
    await expect(page.locator('main').textContent()).resolves.toContain('المجموعة المصغرة');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  }, 60_000);

  it('shows no file path, raw code, cut-off table or two-row header on any main page at 1280 px', async () => {
    const { baseUrl, fixtures } = journey;
    const page = await journey.signIn(fixtures.users['secretariat-admin'] as { email: string });
    await page.setViewportSize({ width: 1280, height: 900 });
    const pages = ['/', '/partners', '/groups', '/people', '/meetings', '/readouts', '/desk/readouts', '/funding', '/funding/rates', '/funding/compare', '/detention', '/detention/nationalities', '/detention/repatriations', '/threats', '/taskings', '/commitments', '/admin/audit', '/admin/users', '/stabilization', '/camps'];
    const found: string[] = [];
    for (const locale of ['en', 'fr', 'ar'] as const) {
      await chooseLanguage(page, locale);
      for (const path of pages) {
        await page.goto(`${baseUrl}${path}`);
        for (const problem of await problemsOn(page)) found.push(`${locale} ${path}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});
