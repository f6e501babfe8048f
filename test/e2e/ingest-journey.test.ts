import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, chooseLanguage, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

describe.runIf(runBrowser)('a secretariat officer ingests a readout, in Arabic, in a real browser', () => {
  const journey = browserJourney(async (ctx) => ({ officer: await makeUser(ctx.db, 'secretariat-officer') }));

  it('uploads the readout, accepts the meeting and the incident, rejects a commitment, and finds the records', { timeout: JOURNEY_TIMEOUT }, async () => {
    const page = await journey.signIn(journey.fixtures.officer);
    await page.goto(`${journey.baseUrl}/ingest`);
    await chooseLanguage(page, 'ar');
    expect(await seriousViolations(page)).toEqual([]);
    // Sent empty: the error summary takes the focus (a screen reader announces it) and links to the field.
    await activate(page.getByRole('button', { name: 'اقرأ المحضر' }));
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    await activate(page.locator('.error-summary a').first());
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('field-file');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-')), 'readout.txt');
    fs.copyFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt'), file);
    await page.getByLabel('ملف (نص أو HTML أو PDF)').setInputFiles(file);
    await page.getByLabel('تاريخ النشر').fill('2021-09-29');
    await activate(page.getByRole('button', { name: 'اقرأ المحضر' }));
    await page.waitForURL(/\/ingest\/[0-9a-f-]{36}$/);
    await expect(page.locator('mark#fact-5').textContent()).resolves.toBe('the horrific terrorist attack ISIS-K perpetrated on August 26 in Kabul');
    expect(await seriousViolations(page)).toEqual([]);

    const card = (position: number) => page.locator(`#review-${position}`);
    await card(0).getByLabel('العنوان').fill('Small Group political directors (virtual), September 2021');
    await activate(card(0).getByRole('button', { name: 'قبول' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('تم تسجيل القرار.');
    await activate(card(5).getByRole('button', { name: 'قبول' }));
    await card(7).getByLabel('ملاحظة (اختيارية)').fill('A statement of need, not a commitment');
    await activate(card(7).getByRole('button', { name: 'رفض' }));
    await expect(card(7).textContent()).resolves.toContain('A statement of need, not a commitment');
    expect(await seriousViolations(page)).toEqual([]);

    await activate(card(0).getByRole('link', { name: 'فتح السجل' }));
    await expect(page.locator('h1').textContent()).resolves.toContain('Small Group political directors (virtual), September 2021');
    await page.goBack();
    await activate(card(5).getByRole('link', { name: 'فتح السجل' }));
    await expect(page.locator('main').textContent()).resolves.toContain('Kabul');
    await screenshotJourneyEnd(page, 'officer-ingest');
  });
});
