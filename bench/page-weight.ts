/**
 * Page weight of the public pages, as an anonymous reader on a slow phone gets them: the HTML and every
 * stylesheet, script, image and font it loads, raw and as a gzip-compressing reverse proxy would send
 * them; where each comes from (every byte must come from this server: no third-party resource, so none
 * can block rendering), and whether any response sets a cookie. Sizes are counts, not timings: no baseline
 * is needed.
 * Usage: npm run bench:page-weight
 */
import { gzipSync } from 'node:zlib';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPglite } from '../src/db/client.ts';
import { loadDemoData } from '../src/demo/demo.ts';

const BUDGET_BYTES = 100 * 1024;
const database = await openPglite();
await database.migrate();
await loadDemoData(database.db);
const app = await buildApp({ db: database.db, config: loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', PUBLIC_PAGE_CACHE_SECONDS: '0' }), logger: false });

const get = (url: string) => app.inject({ method: 'GET', url });
const listing = (await get('/readouts')).body;
const readout = /href="(\/readouts\/\d{4}\/[^"?#]+)"/.exec(listing)?.[1];
if (!readout) throw new Error('the demo data has no published readout');
const campaign = /href="(\/stabilization\/[0-9a-f-]{36})"/.exec((await get('/stabilization')).body)?.[1];
const pages = ['/', '/readouts', readout, '/stabilization', ...(campaign ? [campaign] : []), '/camps', '/threats', '/cookies'];

/** What a page loads: stylesheets, scripts, images, icons, and the fonts and images its stylesheets load. */
async function resourcesOf(html: string): Promise<string[]> {
  const urls = [...html.matchAll(/<(?:link|script|img|source)\b[^>]*?\b(?:href|src)="([^"]+)"/g)].map((match) => match[1] as string).filter((url) => !url.startsWith('#'));
  const linked = [...html.matchAll(/<link\b[^>]*>/g)].map((match) => match[0]);
  // Alternate-language links are pages, not resources of this one.
  const alternates = new Set(linked.filter((tag) => /rel="(alternate|canonical)"/.test(tag)).map((tag) => /href="([^"]+)"/.exec(tag)?.[1]));
  const resources = [...new Set(urls.filter((url) => !alternates.has(url)))];
  for (const css of resources.filter((url) => url.endsWith('.css'))) {
    for (const match of (await get(css)).body.matchAll(/url\(["']?([^"')]+)["']?\)/g)) if (!(match[1] as string).startsWith('data:')) resources.push(match[1] as string);
  }
  return resources;
}

console.log(`\nPublic page weight · ${new Date().toISOString()} · demo data set · budget ${BUDGET_BYTES / 1024} KB per page\n`);
console.log('| page | HTML | resources | total raw | total gzip | third-party | cookies |');
console.log('|---|---:|---:|---:|---:|---:|---|');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const url of pages) {
  const page = await get(url);
  if (page.statusCode !== 200) throw new Error(`${url}: HTTP ${page.statusCode}`);
  const resources = await resourcesOf(page.body);
  const thirdParty = resources.filter((resource) => /^(https?:)?\/\//.test(resource));
  let raw = page.rawPayload.length;
  let gzip = gzipSync(page.rawPayload).length;
  let cookies = page.headers['set-cookie'] ? 1 : 0;
  for (const resource of resources.filter((resource) => !thirdParty.includes(resource))) {
    const response = await get(resource);
    if (response.statusCode !== 200) throw new Error(`${url} loads ${resource}: HTTP ${response.statusCode}`);
    raw += response.rawPayload.length;
    gzip += gzipSync(response.rawPayload).length;
    if (response.headers['set-cookie']) cookies++;
  }
  console.log(`| ${url.length > 40 ? `${url.slice(0, 37)}…` : url} | ${kb(page.rawPayload.length)} | ${resources.length} | ${kb(raw)}${raw > BUDGET_BYTES ? ' (over budget)' : ''} | ${kb(gzip)} | ${thirdParty.length} | ${cookies ? 'SET' : 'none'} |`);
}
await app.close();
await database.close();
