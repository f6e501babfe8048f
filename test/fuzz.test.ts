import fs from 'node:fs';
import { count, notInArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema/index.ts';
import { loadDemoRecords } from '../src/demo/demo.ts';
import { systemActor } from '../src/platform/actor.ts';
import { verifyAuditChain } from '../src/platform/audit.ts';
import { buildTestApp, loginAs, type SignedInClient, type TestContext } from './helpers/app.ts';
import { type JsonSchema, valuesOf } from './helpers/schema-arbitrary.ts';

/**
 * Drives every JSON route of the OpenAPI document with generated hostile requests: wrong types, huge
 * numbers, deep nesting, prototype-pollution keys, invalid UTF-8, control and bidirectional characters,
 * odd content types and languages. Never a 5xx; a 4xx changes nothing (every change writes an audit
 * event in its transaction, so the count of events tells); the audit chain stays intact.
 *
 * A failure prints fast-check's seed and the request. Add the request to
 * test/fixtures/fuzz-regressions.json ({ "route": "POST /api/v1/…", "request": {…} }) and it is replayed
 * on every run from then on. FUZZ_RUNS sets the number of requests per route (default 25).
 */
interface FuzzRequest {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  payload?: string;
  /** Raw bytes instead of JSON: invalid UTF-8 and the like. */
  raw?: number[];
  signedIn: boolean;
}
interface Operation {
  method: string;
  path: string;
  properties: string[];
  schema?: JsonSchema;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const REGRESSIONS = JSON.parse(fs.readFileSync(new URL('./fixtures/fuzz-regressions.json', import.meta.url), 'utf8')) as { route: string; request: FuzzRequest }[];

let ctx: TestContext;
let admin: SignedInClient;
let operations: Operation[];
/** Ids of records that exist, so generated requests reach past "not found" into the services. */
let ids: string[] = [];

beforeAll(async () => {
  // Thousands of requests from one account: the per-person limit on costly actions would answer most of them 429.
  ctx = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  admin = await loginAs(ctx, 'secretariat-admin');
  await loadDemoRecords(ctx.db, systemActor('test (demo data)'));
  for (const table of ['partners', 'groups', 'people', 'meetings', 'readouts', 'funding_campaigns', 'funding_contributions', 'taskings', 'commitments', 'detention_sites', 'repatriations', 'incidents', 'screening_batches', 'ingest_documents', 'justice_records', 'users']) {
    const rows = await ctx.db.execute(sql`select id::text as id from ${sql.identifier(table)} order by id limit 3`).catch(() => ({ rows: [] }));
    ids.push(...(rows as unknown as { rows: { id: string }[] }).rows.map((row) => row.id));
  }
  ids = [...new Set(ids)];
  await ctx.app.ready();
  const spec = ctx.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
  operations = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        properties: Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
        schema: operation.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined,
      })),
    );
});
afterAll(() => ctx?.close());

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202e\u2066evil\u2069', '\u0000', '\u200f\u200e', 'ا'.repeat(3000), "'; drop table users; --", '<script>alert(1)</script>', '../../etc/passwd', '%00%ff', '\ud800', 'x'.repeat(70_000), '١٢٣', 'FRA', '2021-06-30', '00000000-0000-4000-8000-000000000000'),
);
const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 64, -(2 ** 63), Number.MAX_SAFE_INTEGER + 2, 1e-320, -0);
const leaf = fc.oneof(hostileText, hugeNumber, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '$where'));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
}));
const deeplyNested = fc.integer({ min: 50, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);
const pollution = fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"a":1,"a":2}');

/** Requests whose body satisfies the route's schema, hostile only in content, to ids that exist. */
function validRequestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const body = operation.schema ? valuesOf(operation.schema, ids).map((value) => JSON.stringify(value)) : fc.constant(undefined);
  return fc.record({
    path: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }), { minLength: 4, maxLength: 4 }).map((params) => {
      let index = 0;
      return operation.path.replace(/\{[^}]+\}/g, (name) => (name === '{locale}' ? 'fr' : (params[index++] as string)));
    }),
    query: fc.constant({}),
    headers: fc.record({ 'content-type': fc.constant(operation.path.includes('/batches') && operation.method === 'POST' ? 'text/csv' : 'application/json'), 'accept-language': fc.constantFrom('ar', 'fr', 'en') }),
    payload: operation.method === 'GET' || operation.method === 'DELETE' ? fc.constant(undefined) : body,
    signedIn: fc.constant(true),
  });
}

function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const shaped = operation.properties.length ? fc.record(Object.fromEntries(operation.properties.map((name) => [name, value])), { requiredKeys: [] }) : value;
  const payload = fc.oneof(shaped.map((body) => JSON.stringify(body)), value.map((body) => JSON.stringify(body) ?? 'null'), deeplyNested, pollution, fc.string({ maxLength: 30 }));
  // Already encoded for the URL; raw %ff is a byte that is not UTF-8.
  const pathParam = fc.oneof(
    fc.uuid(),
    fc.constantFrom(...ids),
    hostileText.filter((text) => text.length > 0 && text.length < 200).map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'))),
    fc.constantFrom('%ff%fe', '%00', '%2e%2e%2f', '%E2%80%AE'),
  );
  return fc.record({
    path: fc.array(pathParam, { minLength: 4, maxLength: 4 }).map((params) => {
      let index = 0;
      return operation.path.replace(/\{[^}]+\}/g, () => params[index++] as string);
    }),
    query: fc.dictionary(fc.constantFrom('page', 'sort', 'q', 'limit', 'year', 'status', 'lang', '__proto__', 'x'), hostileText.map(String), { maxKeys: 3 }),
    headers: fc.record(
      {
        'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'),
        'accept-language': fc.constantFrom('ar', 'fr-FR', 'de', '*', 'x'.repeat(500), 'ar;q=abc'),
      },
      { requiredKeys: ['content-type'] },
    ),
    payload: operation.method === 'GET' || operation.method === 'DELETE' ? fc.constant(undefined) : payload,
    raw: fc.option(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }), { freq: 8, nil: undefined }),
    signedIn: fc.boolean(),
  });
}

/**
 * Audit events that record an observation, not a change: a read of restricted figures, a refused
 * attempt. A refused request may leave these (that is their purpose); any other event means a change.
 */
const OBSERVATIONS = ['detention.viewed', 'readout.clearance-refused', 'sign-in.failed', 'sign-in.refused', 'sign-in.throttled'];

async function auditCount(): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(auditEvents).where(notInArray(auditEvents.action, OBSERVATIONS));
  return row?.n ?? 0;
}

/** Sends one generated request; fails on a 5xx, or on a 4xx that changed something. */
async function send(operation: Operation, request: FuzzRequest): Promise<void> {
  const before = await auditCount();
  const query = new URLSearchParams(request.query).toString();
  const payload = request.raw && operation.method !== 'GET' && operation.method !== 'DELETE' ? Buffer.from(request.raw) : request.payload;
  const response = await ctx.app.inject({
    method: operation.method as 'POST',
    url: `${request.path}${query ? `?${query}` : ''}`,
    headers: { ...request.headers, ...(request.signedIn ? admin.headers : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
  expect(response.statusCode, `${operation.method} ${request.path}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) expect(await auditCount(), `${operation.method} ${request.path} answered ${response.statusCode} but changed something`).toBe(before);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
}

describe('hostile input on every JSON route', () => {
  it('replays the requests that failed before', async () => {
    for (const regression of REGRESSIONS) {
      const [method, path] = regression.route.split(' ') as [string, string];
      await send(operations.find((operation) => operation.method === method && operation.path === path) ?? { method, path, properties: [] }, regression.request);
    }
  });

  it('never answers 5xx, and a refused request changes nothing', async () => {
    expect(operations.length).toBeGreaterThan(40);
    await fuzzEveryOperation(requestFor);
  }, 600_000);

  it('takes requests that pass validation but carry hostile content to existing records without a 5xx', async () => {
    expect(ids.length).toBeGreaterThan(20);
    await fuzzEveryOperation(validRequestFor);
  }, 600_000);
});

/** RUNS generated requests to each operation, then the audit chain checked whole. */
async function fuzzEveryOperation(requestsFor: (operation: Operation) => fc.Arbitrary<FuzzRequest>): Promise<void> {
  for (const operation of operations) {
    await fc.assert(
      fc.asyncProperty(requestsFor(operation), (request) => send(operation, request)),
      { numRuns: RUNS, endOnFailure: true },
    );
  }
  expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
}
