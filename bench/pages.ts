/**
 * Every signed-in page reachable from the navigation, timed at the demo data set (1×) and grown N-fold
 * by the scale data set (scripts/scale), with one client and with 20 concurrent clients. Prints p50 and
 * p95 per page and the ratio between the scales, beside an anonymous /healthz of the same server.
 *
 * Usage: npm run bench:pages [-- --factor 100 --requests 25 --concurrency 20 --workers 2 --pglite --grown-database URL --pages /a,/b/:id]
 * --workers N serves with N worker processes, as `WORKERS=N coalition-desk serve` does (PostgreSQL only).
 * PostgreSQL by default: a scratch database per scale on BENCH_POSTGRES_URL
 * (postgres://postgres@127.0.0.1:5432/postgres), named BENCH_DATABASE_PREFIX (cd_bench_pages) and a suffix, dropped
 * afterwards; --pglite uses the embedded database.
 * --grown-database times the N× pages on a database grown beforehand with
 * `DATABASE_URL=… npm run seed:scale -- --factor N` instead of growing a scratch one. --pages times only
 * these page shapes (as the table names them), to study a few pages with more requests.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../src/db/client.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { scratchPostgres } from '../test/helpers/database.ts';
import { type RemoteSession, signInOver } from '../test/helpers/http-client.ts';
import { pagesFromNavigation } from '../test/helpers/page-crawl.ts';
import { growDatabase } from '../scripts/scale/grow.ts';
import { benchServers, option } from './lib.ts';
import { type PageTimes, quantile, timeConcurrent, timeSequential } from './page-timing.ts';

const factor = option('factor', 100);
const requests = option('requests', 25);
const concurrency = option('concurrency', 20);
const onPglite = process.argv.includes('--pglite');
const workers = option('workers', 1);
const SCALE_ENV = 'BENCH_PAGES_FACTOR';
/** A PostgreSQL database grown beforehand to --factor (seeding ×100 takes minutes; reuse it across runs). */
const grownDatabase = process.argv.includes('--grown-database') ? process.argv[process.argv.indexOf('--grown-database') + 1] : undefined;
const onlyPages = process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1]?.split(',') : undefined;

/**
 * In the server process: grows the fresh demo database to the scale the parent asked for, and makes an
 * administrator to sign in as (a database grown earlier has no demo sign-ins to hand).
 */
const prepare = async (db: Db) => {
  const scale = Number(process.env[SCALE_ENV] ?? '0');
  if (scale > 0) await growDatabase(db, scale, { start: () => {}, advance: () => {} });
  const email = `bench-${randomUUID()}@bench.invalid`;
  const password = randomUUID();
  await createUser(db, systemActor(), { email, displayName: 'Benchmark administrator', role: 'secretariat-admin', password }, { demo: true });
  return { email, password };
};

interface ScaleRun {
  healthz: PageTimes;
  /** Keyed by the page's shape (record ids as `:id`). */
  pages: Map<string, { single: PageTimes; concurrent: PageTimes }>;
}

/**
 * Starts a server on a fresh database grown by `scale` units (0 = the demo data set), or on a database
 * grown before (`existingUrl`, e.g. by `npm run seed:scale`), and times its pages.
 */
async function runAt(scale: number, only?: string[], existingUrl?: string): Promise<ScaleRun> {
  const scratch = onPglite || existingUrl ? null : await scratchPostgres(process.env.BENCH_DATABASE_PREFIX ?? 'cd_bench_pages', process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  process.env[SCALE_ENV] = existingUrl ? '0' : String(scale);
  const url = existingUrl ?? scratch?.url;
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  const started = performance.now();
  const server = await benchServers(import.meta.url, prepare);
  if (!server) throw new Error('unreachable: the parent always gets the servers');
  console.error(`  ${scale ? `×${scale}` : '1×'}: server ready on ${server.database} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  try {
    const session: RemoteSession = await signInOver(server.appBase, server.extra.email as string, server.extra.password as string);
    const headers = { cookie: session.cookie };
    const found = await pagesFromNavigation(async (path) => (await fetch(`${server.appBase}${path}`, { headers })).text());
    const shapes = only ?? [...found.keys()];
    const healthz = await timeSequential(`${server.appBase}/healthz`, {}, requests * 4);
    const pages = new Map<string, { single: PageTimes; concurrent: PageTimes }>();
    for (const shape of shapes) {
      const path = found.get(shape);
      if (!path) continue;
      const url = `${server.appBase}${path}`;
      pages.set(shape, { single: await timeSequential(url, headers, requests), concurrent: await timeConcurrent(url, headers, concurrency, requests * 4) });
    }
    return { healthz, pages };
  } finally {
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await scratch?.drop();
  }
}

if (process.argv.includes('--serve')) {
  await benchServers(import.meta.url, prepare);
} else {
  console.error(`Timing signed-in pages at 1× and ×${factor} on ${onPglite ? 'PGlite' : 'PostgreSQL'}…`);
  const base = await runAt(0, onlyPages);
  const grown = await runAt(factor, [...base.pages.keys()], grownDatabase);
  const ms = (value: number) => value.toFixed(1);
  console.log(`\nbench/pages.ts · ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version} · ${onPglite ? 'PGlite' : 'PostgreSQL'} · ${workers} server process${workers > 1 ? 'es' : ''}`);
  console.log(`anonymous /healthz p50 ${ms(base.healthz.p50)} ms at 1×, ${ms(grown.healthz.p50)} ms at ×${factor}\n`);
  console.log(`| page | 1× p50 | 1× p95 | ×${factor} p50 | ×${factor} p95 | p95 ratio | ${concurrency} clients 1× p50/p95/p99 | ${concurrency} clients ×${factor} p50/p95/p99 | errors |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [path, atBase] of base.pages) {
    const atScale = grown.pages.get(path);
    // A page the grown database has no record for (no instance of that shape) is not compared.
    if (!atScale) continue;
    const errors = atBase.single.errors + atBase.concurrent.errors + atScale.single.errors + atScale.concurrent.errors;
    console.log(
      `| ${path} | ${ms(atBase.single.p50)} | ${ms(atBase.single.p95)} | ${ms(atScale.single.p50)} | ${ms(atScale.single.p95)} | ${(atScale.single.p95 / atBase.single.p95).toFixed(2)} | ${ms(atBase.concurrent.p50)}/${ms(atBase.concurrent.p95)}/${ms(atBase.concurrent.p99)} | ${ms(atScale.concurrent.p50)}/${ms(atScale.concurrent.p95)}/${ms(atScale.concurrent.p99)} | ${errors} |`,
    );
  }
  const p90At1 = quantile([...base.pages.values()].map((page) => page.single.p50), 0.9);
  console.log(`\nSigned-in pages at 1×: p90 of the pages' p50 = ${ms(p90At1)} ms = ${(p90At1 / base.healthz.p50).toFixed(1)}× anonymous /healthz (target ≤ 20×)`);
  const slow = [...grown.pages.entries()].filter(([path, page]) => page.single.p95 >= 50 || page.single.p95 > 2 * (base.pages.get(path)?.single.p95 ?? Number.POSITIVE_INFINITY));
  for (const [label, run] of [['1×', base], [`×${factor}`, grown]] as const) {
    const over = [...run.pages.entries()].filter(([, page]) => page.concurrent.p99 >= 150);
    console.log(`${concurrency} clients at ${label}: pages with p99 ≥ 150 ms: ${over.length ? over.map(([path, page]) => `${path} (${ms(page.concurrent.p99)})`).join(', ') : 'none'}`);
  }
  console.log(`Pages over target at ×${factor} (p95 ≥ 50 ms or more than 2× their 1× p95): ${slow.length ? slow.map(([path]) => path).join(', ') : 'none'}`);
}
