import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { loadDemoRecords } from '../../src/demo/demo.ts';
import { ingestDocument } from '../../src/modules/ingest/documents.service.ts';
import { submitBatch } from '../../src/modules/screening/batches.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { makeUser, TEST_PASSWORD } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, chooseLanguage } from '../helpers/browser.ts';

const runBrowser = browserAvailable();

/** The id (or other column) of the first row a query finds: the demo data's records. */
async function first(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, string>> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, string>[] };
  const [row] = result.rows;
  if (!row) throw new Error('the demo data has no such record');
  return row;
}

/** Every HTML page of every module, with real records of the demo data set behind the ones that show a record. */
async function everyPage(db: Db): Promise<string[]> {
  const id = async (table: string) => (await first(db, sql`select id from ${sql.identifier(table)} order by 1 limit 1`)).id as string;
  const partner = (await first(db, sql`select id from partners where iso3 = 'USA'`)).id;
  const group = (await first(db, sql`select id from groups where slug = 'small-group'`)).id;
  const meeting = (await first(db, sql`select meeting_id as id from readouts where status = 'published' limit 1`)).id;
  const published = await first(db, sql`select id, year, slug from readouts where status = 'published' limit 1`);
  const campaign = await id('funding_campaigns');
  const publicCampaign = (await first(db, sql`select id from funding_campaigns where classification = 'public' limit 1`)).id;
  const batch = (await submitBatch(db, systemActor('test'), 'id,name\nr1,Abu Bakr al-Baghdadi\n', 'names.csv')).id;
  const document = (await ingestDocument(db, systemActor('test'), { bytes: fs.readFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt')), fileName: 'readout.txt', publishedOn: '2021-09-29' })).id;
  return [
    '/', '/cookies', '/account', '/account/second-factor', '/account/tokens', '/account/calendar', '/admin/users', '/admin/users/new', '/admin/audit',
    '/partners', '/partners/new', '/partners/import', `/partners/${partner}`, `/partners/${partner}/edit`, '/people', '/people/new', `/people/${await id('people')}/edit`,
    '/groups', '/groups/new', `/groups/${group}`, `/groups/${group}/edit`, `/groups/${group}/work`,
    '/meetings', '/meetings/new', '/meetings/theaters', '/meetings/topics/stabilization', `/meetings/${meeting}`, `/meetings/${meeting}/edit`,
    '/readouts', `/readouts/${published.year}/${published.slug}`, '/desk/readouts', `/desk/readouts/${published.id}`,
    '/funding', '/funding/campaigns/new', `/funding/campaigns/${campaign}`, `/funding/campaigns/${campaign}/edit`, `/funding/campaigns/${campaign}/contributions/new`, `/funding/campaigns/${campaign}/contributions/import`,
    `/funding/contributions/${await id('funding_contributions')}`, '/funding/review', '/funding/rates', '/funding/compare', '/stabilization', `/stabilization/${publicCampaign}`,
    '/camps', '/detention', '/detention/sites/new', `/detention/sites/${await id('detention_sites')}`, '/detention/nationalities', '/detention/map', '/detention/import',
    '/detention/repatriations', '/detention/repatriations/new', `/detention/repatriations/${await id('repatriations')}`,
    '/justice', '/justice/states/DEU', '/justice/records', '/justice/records/new', `/justice/records/${await id('justice_records')}`, '/justice/import',
    '/threats', '/threats/map', '/threats/branches/isis-k', '/threats/incidents/new', `/threats/incidents/${await id('incidents')}`, '/threats/import',
    '/taskings', '/taskings/mine', `/taskings/new?meetingId=${meeting}`, `/taskings/${await id('taskings')}`, '/commitments', `/commitments/new?meetingId=${meeting}`,
    '/screening', '/screening/lists', `/screening/lists/${await id('sanctions_list_versions')}/changes`, '/screening/decisions', '/screening/batches', `/screening/batches/${batch}`, '/screening/alerts',
    '/ingest', `/ingest/${document}`,
  ];
}

async function sweep(page: Page, baseUrl: string, pages: string[]) {
  const problems: string[] = [];
  for (const url of pages) {
    const response = await page.goto(`${baseUrl}${url}`);
    if (response?.status() !== 200) {
      problems.push(`${url}: HTTP ${response?.status()}`);
      continue;
    }
    for (const violation of await seriousViolations(page)) problems.push(`${url}: ${JSON.stringify(violation)}`);
  }
  return problems;
}

describe.runIf(runBrowser)('every page of every module, with axe in Chromium', () => {
  const journey = browserJourney(async (ctx) => {
    await loadDemoRecords(ctx.db, systemActor('test (demo data)'));
    const pages = await everyPage(ctx.db);
    const printed = [
      ['readout', pages.find((url) => /^\/readouts\/\d{4}\//.test(url))],
      ['campaign', pages.find((url) => /^\/funding\/campaigns\/[0-9a-f-]{36}$/.test(url))],
      ['nationalities', '/detention/nationalities'],
    ] as [string, string][];
    return { admin: await makeUser(ctx.db, 'secretariat-admin'), pages, printed };
  });

  it('has no serious or critical violation in English or in Arabic (right to left)', async () => {
    const { baseUrl, fixtures } = journey;
    const page = await journey.signIn(fixtures.admin);
    expect(await sweep(page, baseUrl, fixtures.pages)).toEqual([]);
    await page.goto(`${baseUrl}/account`);
    await activate(page.getByRole('button', { name: 'العربية' }));
    await page.waitForLoadState();
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    expect(await sweep(page, baseUrl, fixtures.pages)).toEqual([]);
    // Printed: the readout, a campaign page and the nationalities table lose the site's chrome and keep their tables whole.
    await chooseLanguage(page, 'en');
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync('test-results', { recursive: true });
    for (const [name, url] of fixtures.printed) {
      await page.goto(`${baseUrl}${url}`);
      expect(await page.locator('.site-header').evaluate((element) => getComputedStyle(element).display), url).toBe('none');
      for (const box of await page.locator('.table-scroll').all()) expect(await box.evaluate((element) => getComputedStyle(element).overflowX), url).toBe('visible');
      await page.pdf({ path: `test-results/print-${name}.pdf`, format: 'A4' });
    }
    await page.emulateMedia({ media: 'screen' });

    // Without JavaScript: sign in through the form, screen a name, read the result (forms post and pages answer).
    const noScript = await (await journey.browser.newContext({ javaScriptEnabled: false })).newPage();
    await noScript.goto(`${baseUrl}/sign-in`);
    await noScript.getByLabel('E-mail address').fill(fixtures.admin.email);
    await noScript.getByLabel('Password').fill(TEST_PASSWORD);
    await activate(noScript.getByRole('button', { name: 'Sign in' }));
    await noScript.waitForURL(`${baseUrl}/`);
    await noScript.goto(`${baseUrl}/screening`);
    await noScript.locator('#field-name').fill('Abu Bakr al-Baghdadi');
    await activate(noScript.getByRole('button', { name: 'Screen', exact: true }));
    await expect(noScript.locator('main').textContent()).resolves.toContain('UN:QDi.299');

    // Signed out: the sign-in page.
    const anonymous = await (await journey.browser.newContext()).newPage();
    expect(await sweep(anonymous, baseUrl, ['/sign-in', '/readouts', '/stabilization', '/camps', '/threats'])).toEqual([]);
  }, 600_000);
});
