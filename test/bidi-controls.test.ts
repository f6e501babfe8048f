import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolateBidi } from '../src/platform/bidi-controls.ts';
import { type SignedInClient, type TestContext, buildTestApp, loginAs, partnerId, postForm } from './helpers/app.ts';

const RLO = '\u202E';
const FSI = '\u2068';
const PDF = '\u202C';
const PDI = '\u2069';
const REFUSAL = 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069): they make text display in another order than it is stored';

let ctx: TestContext;
let officer: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
});
afterAll(() => ctx.close());

const api = (method: 'GET' | 'POST', url: string, payload?: unknown) => ctx.app.inject({ method, url, headers: officer.headers, ...(payload ? { payload } : {}) });

describe('bidirectional control characters', () => {
  it('are refused in names and titles, naming the field, and nothing is stored', async () => {
    const france = await partnerId(ctx.db, 'FRA');
    const name = `Jean ${RLO}nitraM`;
    const refused = await api('POST', '/api/v1/people', { partnerId: france, name });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'body.name', message: REFUSAL }]);
    const titled = await api('POST', '/api/v1/people', { partnerId: france, name: 'Jean Martin', title: `Director${'\u2067'}` });
    expect(titled.json().errors).toEqual([{ field: 'body.title', message: REFUSAL }]);
    const partner = await api('POST', '/api/v1/partners', { kind: 'organisation', nameEn: `Body ${'\u202B'}x` });
    expect(partner.json().errors).toEqual([{ field: 'body.nameEn', message: REFUSAL }]);
    // The form says the same.
    const page = await postForm(ctx, officer, '/people', { partnerId: france, name });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(REFUSAL);
    expect((await api('GET', `/api/v1/people?q=${encodeURIComponent('nitraM')}`)).body).not.toContain('nitraM');
  });

  it('are isolated in free text, so they cannot reorder what follows, on the page and in CSV', async () => {
    const source = `Report ${RLO}fdp.exe`;
    const created = await api('POST', '/api/v1/partners', { kind: 'organisation', nameEn: 'Isolation test body', source, classification: 'coalition' });
    expect(created.statusCode, created.body).toBe(201);
    const isolated = `${FSI}Report ${RLO}fdp.exe${PDF}${PDI}`;
    expect(created.json().source).toBe(isolated);
    const page = await api('GET', `/partners/${created.json().id}`);
    expect(page.body).toContain(`<dd class="source">${isolated}</dd>`);
    const csv = await api('GET', '/api/v1/partners/export.csv');
    expect(csv.body).toContain(isolated);
    expect(csv.body.split(isolated)[1]?.startsWith(',')).toBe(true);
  });

  it('are closed in the order they were opened, stray closers dropped, and isolated only once', () => {
    expect(isolateBidi('plain text, نص عربي')).toBe('plain text, نص عربي');
    expect(isolateBidi(`a${RLO}b${'\u2067'}c`)).toBe(`${FSI}a${RLO}b${'\u2067'}c${PDI}${PDF}${PDI}`);
    expect(isolateBidi(`${PDI}x${PDF}`)).toBe(`${FSI}x${PDI}`);
    const once = isolateBidi(`x${RLO}y`);
    expect(isolateBidi(once)).toBe(once);
  });
});
