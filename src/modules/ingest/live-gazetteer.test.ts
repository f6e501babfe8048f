import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestContext, buildTestApp, groupId, loginAs } from '../../../test/helpers/app.ts';
import { stopExtractionThread } from './extraction-thread.ts';

let ctx: TestContext;
let officer: SignedInClient;
beforeAll(async () => {
  ctx = await buildTestApp();
  officer = await loginAs(ctx, 'secretariat-officer');
});
afterAll(async () => {
  await stopExtractionThread();
  await ctx.close();
});

const extract = async (text: string) => {
  const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/ingest/extract', headers: officer.headers, payload: { text } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().extraction as { newMembers: string[] };
};

describe('the live registry as the extractor’s gazetteer', () => {
  it('recognises a partner added in the platform, by its French name, in the next readout read', async () => {
    const readout = 'Les ministres ont accueilli la Fredonie comme nouveau membre. Ministers welcomed Fredonie as a new member of the Coalition.';
    // Read once before the partner exists: the name is reported as written, and the registry's names are now cached.
    expect((await extract(readout)).newMembers).toEqual(['Fredonie']);

    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/partners', headers: officer.headers, payload: { nameEn: 'Freedonia', nameFr: 'Fredonie', nameAr: 'فريدونيا', kind: 'organisation', classification: 'coalition' } });
    expect(created.statusCode, created.body).toBe(201);

    // The cache ended with the registry's change: the French name is read as the registry's partner.
    expect((await extract(readout)).newMembers).toEqual(['Freedonia']);
  });

  it('does not name a restricted partner to the extractor', async () => {
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/partners', headers: officer.headers, payload: { nameEn: 'Ruritania', nameFr: 'Ruritanie', nameAr: 'روريتانيا', kind: 'organisation', classification: 'restricted', restrictedGroupIds: [await groupId(ctx.db, 'small-group')] } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await extract('Ministers welcomed Ruritanie as a new member of the Coalition.')).newMembers).toEqual(['Ruritanie']);
  });
});
