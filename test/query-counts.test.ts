/**
 * Every signed-in page reachable from the navigation sends no more statements to the database
 * on more data: measured on a small data set, then again after growing it
 * tenfold (issue 20: no unbounded list, no query per row).
 */
import { count, desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growDatabase } from '../scripts/scale/grow.ts';
import type { ScalePlan } from '../scripts/scale/plan.ts';
import { fundingContributions } from '../src/db/schema/funding.ts';
import { screeningAlerts, screeningBatches, screeningBatchRows, screeningDecisions } from '../src/db/schema/sanctions.ts';
import { createCampaign } from '../src/modules/funding/campaigns.service.ts';
import { nameKey } from '../src/modules/screening/decisions.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { buildTestApp, loginAs, type SignedInClient, type TestContext } from './helpers/app.ts';
import { pagesFromNavigation } from './helpers/page-crawl.ts';

/** Small units, so tenfold stays quick on the embedded database; what matters is the ratio. */
const UNIT: ScalePlan = {
  meetings: 6,
  agendaItemsPerMeeting: 2,
  versionsPerReadout: 2,
  contributions: 60,
  incidents: 12,
  taskings: 8,
  updatesPerTasking: 1,
  commitments: 6,
  screeningBatches: 1,
  rowsPerBatch: 10,
  auditEvents: 60,
};
const quiet = { start: () => {}, advance: () => {} };

let ctx: TestContext;
let admin: SignedInClient;

interface PageCost {
  status: number;
  statements: number;
}

async function costPerPage(paths: Iterable<[string, string]>): Promise<Map<string, PageCost>> {
  const costs = new Map<string, PageCost>();
  for (const [shape, path] of paths) {
    // Once to warm what a process keeps between requests, then the request that is counted.
    await ctx.app.inject({ url: path, headers: admin.headers });
    const before = ctx.database.queryCount();
    const response = await ctx.app.inject({ url: path, headers: admin.headers });
    costs.set(shape, { status: response.statusCode, statements: ctx.database.queryCount() - before });
  }
  return costs;
}

describe('statements per page', () => {
  beforeAll(async () => {
    ctx = await buildTestApp();
    await createCampaign(ctx.db, systemActor('test'), { name: 'Stabilization 2026', startsOn: '2026-01-01', endsOn: '2026-12-31', currency: 'USD', goalAmount: '500000000', source: 'test' });
    admin = await loginAs(ctx, 'secretariat-admin');
  });
  afterAll(() => ctx.close());

  it('never grow when the data grows tenfold', { timeout: 240_000 }, async () => {
    await growDatabase(ctx.db, 1, quiet, UNIT);
    const get = async (path: string) => (await ctx.app.inject({ url: path, headers: admin.headers })).body;
    const pages = await pagesFromNavigation(get);
    expect(pages.size).toBeGreaterThan(30);
    const small = await costPerPage(pages);

    await growDatabase(ctx.db, 9, quiet, UNIT);
    // The same page shapes, with records of the grown database where a shape names one.
    const grownPages = await pagesFromNavigation(get);
    const large = await costPerPage([...pages.keys()].map((shape) => [shape, grownPages.get(shape) ?? (pages.get(shape) as string)]));

    // No page may send more statements on more data. One may send fewer: the grown page of a shape shows
    // another record, and a lookup with nothing to look up is skipped (a readout whose group has no co-leads).
    const grew = [...small].filter(([shape, cost]) => (large.get(shape)?.statements ?? Number.POSITIVE_INFINITY) > cost.statements).map(([shape, cost]) => `${shape}: ${cost.statements} → ${large.get(shape)?.statements}`);
    expect(grew).toEqual([]);
    const failed = [...small, ...large].filter(([, cost]) => cost.status !== 200).map(([shape, cost]) => `${shape}: ${cost.status}`);
    expect(failed).toEqual([]);
  });

  it('show long lists a page at a time, with the total and a link to the next page', async () => {
    const rowsOf = (html: string) => (html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1]?.match(/<tr/g) ?? []).length;
    const rowsOfAll = (html: string) => [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].reduce((total, match) => total + ((match[1] ?? '').match(/<tr/g) ?? []).length, 0);
    for (const path of ['/taskings', '/desk/readouts', '/commitments?view=by-meeting']) {
      // The register shows a table per meeting: count the rows of all of them.
      const count = path.startsWith('/commitments') ? rowsOfAll : rowsOf;
      const first = (await ctx.app.inject({ url: path, headers: admin.headers })).body;
      expect(count(first), path).toBe(50);
      expect(first, path).toContain('rel="next"');
      const second = (await ctx.app.inject({ url: `${path}${path.includes('?') ? '&' : '?'}page=2`, headers: admin.headers })).body;
      expect(count(second), path).toBeGreaterThan(0);
      expect(count(second), path).toBeLessThanOrEqual(50);
      expect(second, path).toContain('rel="prev"');
    }
  });

  it('read the next pages of contributions, incidents and screening alerts by keyset, each with the statements of the first', async () => {
    // List updates raise alerts; the grown data has none, so a batch gets 120, a minute apart (three pages).
    const [batch] = await ctx.db.select({ id: screeningBatches.id }).from(screeningBatches).limit(1);
    expect(batch).toBeDefined();
    const raisedFrom = Date.parse('2026-11-01T00:00:00Z');
    await ctx.db.insert(screeningAlerts).values(Array.from({ length: 120 }, (_, i) => ({ batchId: batch?.id as string, rowNumber: 1, name: `Name ${i}`, ref: `UN:QDi.${900 + i}`, score: '0.950', listedName: `Listed ${i}`, raisedAt: new Date(raisedFrom + i * 60_000) })));
    const [largest] = await ctx.db.select({ id: fundingContributions.campaignId, n: count() }).from(fundingContributions).groupBy(fundingContributions.campaignId).orderBy(desc(count())).limit(1);
    expect(largest?.n).toBeGreaterThan(60);

    const fetchCounted = async (path: string) => {
      await ctx.app.inject({ url: path, headers: admin.headers });
      const before = ctx.database.queryCount();
      const response = await ctx.app.inject({ url: path, headers: admin.headers });
      expect(response.statusCode, path).toBe(200);
      return { html: response.body, statements: ctx.database.queryCount() - before };
    };
    const link = (html: string, rel: 'next' | 'prev') => /<a href="([^"]+)" rel="/.exec(html.match(new RegExp(`<a href="[^"]+" rel="${rel}"`))?.[0] ?? '')?.[1]?.replaceAll('&amp;', '&');
    // The listed rows: those of the last table before the page links.
    const listed = (html: string) => (html.slice(0, html.indexOf('class="pagination"')).match(/<tbody>([\s\S]*?)<\/tbody>/g)?.at(-1) ?? '').split('<tr').slice(1);

    for (const path of [`/funding/campaigns/${largest?.id}`, '/threats', '/screening/alerts']) {
      const first = await fetchCounted(path);
      const nextPath = link(first.html, 'next');
      expect(nextPath, path).toContain('before=');
      const second = await fetchCounted(nextPath as string);
      const third = await fetchCounted(link(second.html, 'next') as string);
      expect([second.statements, third.statements], path).toEqual([first.statements, first.statements]);
      expect(listed(second.html).length, path).toBe(listed(first.html).length);
      // No row is on two pages, and "previous" from the second page gives the first again.
      expect(listed(second.html).filter((row) => listed(first.html).includes(row)), path).toEqual([]);
      const back = await fetchCounted(link(second.html, 'prev') as string);
      expect(back.html.includes('before='), path).toBe(true);
      expect(listed(back.html), path).toEqual(listed(first.html));
      expect(back.statements, path).toBe(first.statements);
    }
  });

  it("filter a screening batch's hits by decision in the database, a page at a time, with the statements of a small batch", async () => {
    // A finished batch of `rows` names with two hits each; row 3's first hit was confirmed, row 5's cleared as a false positive.
    const batchWithHits = async (rows: number) => {
      const [batch] = await ctx.db.insert(screeningBatches).values({ fileName: `hits-${rows}.csv`, status: 'done', total: rows, processed: rows, hitRows: rows, createdByLabel: 'test', finishedAt: new Date() }).returning({ id: screeningBatches.id });
      const id = batch?.id as string;
      const name = (row: number) => `Karim Haddad Number${row}`;
      await ctx.db.insert(screeningBatchRows).values(
        Array.from({ length: rows }, (_, i) => ({ batchId: id, rowNumber: i + 1, rowId: `p${i + 1}`, name: name(i + 1), nameKey: nameKey(name(i + 1)), hits: [{ ref: 'TEST:A', score: 0.93, name: 'Listed A' }, { ref: 'TEST:B', score: 0.91, name: 'Listed B' }] })),
      );
      const decided = (row: number, decision: 'confirmed-match' | 'false-positive') => ({ nameKey: nameKey(name(row)), nameAsScreened: name(row), entityRef: 'TEST:A', entityFingerprint: 'f', decision, note: 'checked', decidedByLabel: 'test' });
      await ctx.db.insert(screeningDecisions).values([decided(3, 'confirmed-match'), decided(5, 'false-positive')]);
      return `/screening/batches/${id}`;
    };
    const counted = async (path: string) => {
      await ctx.app.inject({ url: path, headers: admin.headers });
      const before = ctx.database.queryCount();
      const response = await ctx.app.inject({ url: path, headers: admin.headers });
      expect(response.statusCode, path).toBe(200);
      const rows = [...response.body.matchAll(/Row (\d+) \(id p\d+\)/g)].map((match) => Number(match[1]));
      return { body: response.body, rows, statements: ctx.database.queryCount() - before };
    };
    const small = await batchWithHits(30);
    const large = await batchWithHits(3_000);
    for (const query of ['', '?filter=undecided', '?filter=confirmed-match', '?filter=false-positive', '?page=2']) {
      const [few, many] = [await counted(`${small}${query}`), await counted(`${large}${query}`)];
      expect(many.statements, query).toBe(few.statements);
    }
    const all = await counted(large);
    // 6,000 hits, 20 a page in file order, counted by decision.
    expect(all.rows).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10]);
    expect(all.body).toContain('All (6000)');
    expect(all.body).toContain('Undecided (5998)');
    expect(all.body).toContain('Confirmed matches (1)');
    expect(all.body).toContain('False positives (1)');
    expect((await counted(`${large}?filter=confirmed-match`)).rows).toEqual([3]);
    expect((await counted(`${large}?filter=false-positive`)).rows).toEqual([5]);
    const undecided = await counted(`${large}?filter=undecided&page=2`);
    // Page 2 of the undecided: row 3's and row 5's first hits are not among them, so it starts further on.
    expect(undecided.rows).toEqual([12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21]);
    expect((await counted(`${large}?page=100`)).rows).toEqual([991, 991, 992, 992, 993, 993, 994, 994, 995, 995, 996, 996, 997, 997, 998, 998, 999, 999, 1000, 1000]);
  });
});
