/**
 * The public readouts site with 10,000 published readouts: the list page, a readout page, full-text
 * search and the Atom feed, as ratios to a bare Fastify route in the same run, plus search p99.
 * Usage: npm run bench:readouts [-- --seconds 10 --connections 10 --readouts 10000]
 * Set DATABASE_URL (an empty PostgreSQL database) to measure on PostgreSQL instead of PGlite.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { benchServers, measure, option, printTable, warmUp } from './lib.ts';

const seconds = option('seconds', 10);
const connections = option('connections', 10);
const count = option('readouts', 10_000);

/** Inserts published readouts in bulk, each with its own words so searches hit a few, not all. */
async function seedReadouts(db: Db, total: number): Promise<void> {
  await db.execute(sql`
    insert into readouts (meeting_id, status, current_version, published_version, first_published_version, published_as, published_at, year, slug)
    select (select id from meetings order by starts_at limit 1), 'published', 1, 1, 1, 'public',
           now() - make_interval(mins => i), 2000 + (i % 26), 'bench-readout-' || i
    from generate_series(1, ${total}) as i`);
  await db.execute(sql`
    insert into readout_versions (readout_id, number, title, body_markdown, author_label)
    select id, 1, 'Readout of benchmark meeting ' || substr(slug, 15),
      'Senior representatives met to discuss stabilization in liberated areas, detention camps and repatriation. '
      || 'They reviewed progress on topic' || (substr(slug, 15)::int % 500) || ' and agreed next steps. '
      || repeat('Partners reiterated their commitment to the enduring defeat of Daesh. ', 8),
      'benchmark'
    from readouts where slug like 'bench-readout-%'`);
  await db.execute(sql`insert into readout_slugs (year, slug, readout_id) select year, slug, id from readouts where slug like 'bench-readout-%'`);
  await db.execute(sql`
    update readouts set search_vector = to_tsvector('simple', v.title || ' ' || v.body_markdown)
    from readout_versions v where v.readout_id = readouts.id and v.number = 1 and readouts.slug like 'bench-readout-%'`);
  // As autovacuum would have by then: statistics for the planner, a visibility map for index-only counts.
  await db.execute(sql`vacuum analyze`);
}

const servers = await benchServers(import.meta.url, async (db) => {
  await seedReadouts(db, count);
  return {};
});

if (servers) {
  const { bareUrl } = servers;
  const app = servers.appBase;
  const urls = {
    list: `${app}/readouts`,
    page: `${app}/readouts/2015/bench-readout-5007`, // year 2000 + 5007 % 26
    search: `${app}/readouts?q=${encodeURIComponent('topic123 repatriation')}`,
    feed: `${app}/readouts/feed.atom`,
    // The JSON API is never served from the anonymous pages' shared copies: this is the database search itself.
    searchApi: `${app}/api/v1/readouts?q=${encodeURIComponent('topic123 repatriation')}`,
  };
  const run = { connections, seconds };
  await warmUp([bareUrl, ...Object.values(urls)], connections);
  const baseline = await measure(bareUrl, run);
  const list = await measure(urls.list, run);
  const page = await measure(urls.page, run);
  const search = await measure(urls.search, run);
  const feed = await measure(urls.feed, run);
  const searchApi = await measure(urls.searchApi, run);
  printTable(`Readouts on ${servers.database} · ${count} published · ${connections} connections · ${seconds} s each`, baseline, [
    { name: 'list page /readouts', figures: list },
    { name: 'readout page', figures: page, target: 0.3 },
    { name: 'search page /readouts?q=…', figures: search },
    { name: 'Atom feed (50 entries)', figures: feed },
    { name: 'search API, uncached', figures: searchApi, extra: ` search p99 ${searchApi.p99Ms} ms (target < 50 ms on PostgreSQL)` },
  ]);
  servers.stop();
}
