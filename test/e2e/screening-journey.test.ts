import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/modules/screening/list-source.ts';
import { screenNextChunk } from '../../src/modules/screening/batches.service.ts';
import { importListFiles } from '../../src/modules/screening/sanctions-lists.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, chooseLanguage, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();
const OFAC = path.resolve('test/fixtures/sanctions/ofac');

describe.runIf(runBrowser)('an analyst screens a batch and clears a false positive, in French, in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    await importListFiles(ctx.db, systemActor('test'), ['sdn.csv', 'alt.csv', 'add.csv'].map((name) => bufferSource(name, fs.readFileSync(path.join(OFAC, name)))));
    return { analyst: await makeUser(ctx.db, 'analyst') };
  });

  it('uploads names, watches the progress and then the hits appear in place, confirms a hit there by keyboard, screens one name and records a false positive with a note', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { baseUrl, ctx, fixtures } = journey;
    const page = await journey.signIn(fixtures.analyst);
    await page.goto(`${baseUrl}/screening/batches`);
    await chooseLanguage(page, 'fr');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'batch-')), 'noms.csv');
    fs.writeFileSync(file, '\uFEFFid,name,dob\r\nn1,Usama bin Ladin,1957\r\nn2,Marie Dupont,\r\nn3,Hamza bin Laden,\r\n');
    await page.getByLabel('Fichier CSV').setInputFiles(file);
    await activate(page.getByRole('button', { name: 'Filtrer le fichier' }));
    await page.waitForURL(/\/screening\/batches\/[0-9a-f-]{36}$/);
    expect(await seriousViolations(page)).toEqual([]);

    // The server's worker is not running in tests: screen the rows here, and see the page catch up without reloading.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    while ((await screenNextChunk(ctx.db)) > 0);
    await page.getByRole('link', { name: 'Télécharger en CSV' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await expect(page.locator('[data-live-region="batch-progress"]').textContent()).resolves.toContain('3 noms filtrés sur 3');

    // The hits are listed in place once the batch is done, each with why it matched; a decision is taken
    // on the page, by keyboard, and brings the reader back to the same list.
    const first = page.locator('.batch-hit').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await expect(first.textContent()).resolves.toContain('Usama bin Ladin');
    await expect(first.textContent()).resolves.toContain('Pourquoi cela correspond');
    expect(await seriousViolations(page)).toEqual([]);
    await activate(first.getByLabel('Correspondance confirmée'));
    await first.getByLabel('Pourquoi (conservé)').fill('Même date de naissance, photo comparée');
    await activate(first.getByRole('button', { name: 'Enregistrer la décision' }));
    await page.waitForURL(/#hits$/);
    await expect(page.locator('.flash').textContent()).resolves.toContain('La décision est enregistrée.');
    await activate(page.getByRole('link', { name: /^Correspondances confirmées \(1\)/ }));
    await page.waitForURL(/filter=confirmed-match/);
    await expect(page.locator('.batch-hit').first().textContent()).resolves.toContain('Même date de naissance, photo comparée');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/screening`);
    await page.getByLabel('Nom (toute écriture)').fill('Usama bin Ladin');
    await activate(page.getByRole('button', { name: 'Filtrer', exact: true }));
    const hit = page.locator('article').first();
    await expect(hit.textContent()).resolves.toContain('OFAC-SDN:6365');
    expect(await seriousViolations(page)).toEqual([]);
    await activate(hit.getByLabel('Faux positif'));
    await hit.getByLabel('Pourquoi (conservé)').fill('Homonyme : né en 1985 à Lyon, pièce d’identité vérifiée');
    await activate(hit.getByRole('button').last());
    await page.waitForLoadState();

    await page.goto(`${baseUrl}/screening/decisions`);
    await expect(page.locator('main').textContent()).resolves.toContain('Homonyme : né en 1985 à Lyon');
    expect(await seriousViolations(page)).toEqual([]);
    const shots = await screenshotJourneyEnd(page, 'analyst-screening');
    expect(shots.every((shot) => fs.statSync(shot).size > 10_000)).toBe(true);
  });
});
