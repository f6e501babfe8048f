import { fc } from '@fast-check/vitest';
import { and, eq, sql } from 'drizzle-orm';
import { fundingContributions } from '../../db/schema/funding.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, buildTestApp, partnerId } from '../../../test/helpers/app.ts';
import { systemActor } from '../../platform/actor.ts';
import { campaignSummary, createCampaign } from './campaigns.service.ts';
import { rejectContribution, reportContribution, verifyContribution } from './contributions.service.ts';
import { STAGES } from './funding.schema.ts';
import { importRates } from './rates.service.ts';

let ctx: TestContext;
const actor = systemActor('test');
const partners: string[] = [];
beforeAll(async () => {
  ctx = await buildTestApp();
  for (const iso3 of ['FRA', 'ITA', 'JPN']) partners.push(await partnerId(ctx.db, iso3));
  await importRates(ctx.db, actor, 'Date,USD,JPY,GBP,\n2021-06-28,1.1926,131.97,0.85868,\n', 'test rates');
});
afterAll(() => ctx.close());

const entry = fc.record({
  partner: fc.integer({ min: 0, max: 2 }),
  stage: fc.constantFrom(...STAGES),
  currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'),
  amount: fc.integer({ min: 1, max: 10_000_000 }).map(String),
  review: fc.constantFrom('verify', 'reject', 'leave'),
});

type Entry = { partner: number; stage: (typeof STAGES)[number]; currency: string; amount: string; review: string };

/** Records the entries in the given order as each partner's delegate would, then reviews them as the secretariat. */
async function record(campaignId: string, entries: Entry[]) {
  for (const item of entries) {
    const row = await reportContribution(ctx.db, { ...actor, role: 'delegate', partnerId: partners[item.partner] as string }, campaignId, {
      partnerId: partners[item.partner],
      stage: item.stage,
      amount: item.amount,
      currency: item.currency,
      contributedOn: '2021-06-28',
      source: 'property test',
    });
    if (item.review === 'verify') await verifyContribution(ctx.db, actor, row.id, { version: row.version });
    if (item.review === 'reject') await rejectContribution(ctx.db, actor, row.id, { version: row.version, reason: 'test' });
  }
}

describe('running totals', () => {
  it('give the same campaign totals whatever order the same contributions are entered and reviewed in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.func(fc.integer()), async (entries: Entry[], order) => {
        const shuffled = entries.map((item, index) => ({ item, key: order(index) })).sort((a, b) => a.key - b.key).map(({ item }) => item);
        const first = await createCampaign(ctx.db, actor, { name: 'Order A', startsOn: '2021-01-01', endsOn: '2021-12-31', currency: 'USD', source: 'test' });
        const second = await createCampaign(ctx.db, actor, { name: 'Order B', startsOn: '2021-01-01', endsOn: '2021-12-31', currency: 'USD', source: 'test' });
        await record(first.id, entries);
        await record(second.id, shuffled);
        const a = (await campaignSummary(ctx.db, actor, first.id)).summary;
        const b = (await campaignSummary(ctx.db, actor, second.id)).summary;
        for (const stage of STAGES) {
          expect(a.verified[stage].equals(b.verified[stage])).toBe(true);
          expect(a.awaitingVerification[stage].equals(b.awaitingVerification[stage])).toBe(true);
        }
        // And the running totals equal a direct sum over the contributions themselves.
        const direct = await ctx.db
          .select({ stage: fundingContributions.stage, total: sql<string>`sum(${fundingContributions.amountInCampaignCurrency})::text` })
          .from(fundingContributions)
          .where(and(eq(fundingContributions.campaignId, first.id), eq(fundingContributions.status, 'verified')))
          .groupBy(fundingContributions.stage);
        for (const row of direct) expect(a.verified[row.stage].equals(row.total)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
