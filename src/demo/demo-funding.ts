import fs from 'node:fs';
import path from 'node:path';
import { createCampaign } from '../modules/funding/campaigns.service.ts';
import { reportContribution } from '../modules/funding/contributions.service.ts';
import { importRates } from '../modules/funding/rates.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../db/client.ts';
import { partners } from '../db/schema/partners.ts';
import { DATA_DIR, readCsv } from '../db/seed/data-files.ts';
import { nameTranslations } from '../db/seed/translations.ts';

/**
 * How each row of stabilization_goals.csv becomes a campaign. Goals, totals, sources and notes are read
 * from the file; only what the file writes as free text (the period, a name) is spelled out here.
 */
const CAMPAIGNS: Record<string, { name: string; startsOn: string; endsOn: string; statedIsPledged: boolean; classification: 'public' | 'coalition' }> = {
  '2016-07-20|Iraq': { name: 'Pledging Conference in Support of Iraq (Washington, 2016)', startsOn: '2016-07-20', endsOn: '2016-07-20', statedIsPledged: true, classification: 'public' },
  '2018 (by July NATO Summit)|Syria': { name: 'Syria stabilization: additional funds by the July 2018 NATO Summit', startsOn: '2018-04-01', endsOn: '2018-07-12', statedIsPledged: true, classification: 'public' },
  '2018|Iraq': { name: 'Stabilization in Iraq: commitments as of June 2018', startsOn: '2018-01-01', endsOn: '2018-06-26', statedIsPledged: false, classification: 'public' },
  '2018|Syria': { name: 'Syria stabilization contributions, 2018', startsOn: '2018-01-01', endsOn: '2018-12-31', statedIsPledged: false, classification: 'public' },
  '2020|Iraq; Syria': { name: '2020 Stabilization Pledge Drive', startsOn: '2020-01-01', endsOn: '2020-12-31', statedIsPledged: true, classification: 'public' },
  '2021|Iraq; Syria': { name: '2021 Stabilization Pledge Drive', startsOn: '2021-01-01', endsOn: '2021-12-31', statedIsPledged: true, classification: 'public' },
  '2023|Iraq; Syria': { name: '2023 Stabilization Pledge Drive', startsOn: '2023-01-01', endsOn: '2023-12-31', statedIsPledged: false, classification: 'public' },
  '2024|Iraq; Syria': { name: '2024 Stabilization Pledge Drive', startsOn: '2024-01-01', endsOn: '2024-12-31', statedIsPledged: true, classification: 'public' },
};

/** Per-partner figures a source gives, with that source (not illustrative). */
const SOURCED: { campaign: string; iso3: string; stage: 'pledge' | 'commitment'; amount: string; date: string; source: string }[] = [
  { campaign: '2018|Syria', iso3: 'SAU', stage: 'pledge', amount: '100000000', date: '2018-07-12', source: 'Saudi Arabia’s contribution pledged at the Brussels Coalition meeting of 12 Jul 2018 — https://yumanewsnow.com/index.php/news/4616-u-s-welcomes-saudi-contribution-for-stabilization-efforts-in-syria.html' },
  { campaign: '2023|Iraq; Syria', iso3: 'USA', stage: 'commitment', amount: '148700000', date: '2023-06-08', source: '“of which the US committed $148.7M” (Blinken, Riyadh ministerial) — https://editorials.voa.gov/a/confronting-the-isis-challenge/7135268.html' },
  { campaign: '2024|Iraq; Syria', iso3: 'USA', stage: 'pledge', amount: '168000000', date: '2024-09-30', source: 'the US announced $168M for Iraq and Syria — https://twstand.info/2024/10/01/us-pledges-more-than-300m-for-continuing-fight-against-isis' },
];

/**
 * The 2021 drive's partner-by-partner figures are not public: these are illustrative, chosen so that
 * the verified pledges come to a little over USD 600 million as the readout says, and marked as such.
 */
const ILLUSTRATIVE_2021: { iso3: string; currency: string; pledge: string; pledgedOn: string; commitment?: string; committedOn?: string; disbursement?: string; disbursedOn?: string; theater: 'iraq' | 'syria' }[] = [
  { iso3: 'USA', currency: 'USD', pledge: '155000000', pledgedOn: '2021-03-30', commitment: '155000000', committedOn: '2021-09-30', disbursement: '90000000', disbursedOn: '2021-12-15', theater: 'syria' },
  { iso3: 'DEU', currency: 'EUR', pledge: '90000000', pledgedOn: '2021-03-30', commitment: '60000000', committedOn: '2021-10-15', theater: 'iraq' },
  { iso3: 'GBR', currency: 'GBP', pledge: '40000000', pledgedOn: '2021-06-28', commitment: '40000000', committedOn: '2021-10-15', disbursement: '25000000', disbursedOn: '2021-12-15', theater: 'syria' },
  { iso3: 'JPN', currency: 'JPY', pledge: '5000000000', pledgedOn: '2021-06-28', theater: 'iraq' },
  { iso3: 'SAU', currency: 'USD', pledge: '50000000', pledgedOn: '2021-06-28', theater: 'syria' },
  { iso3: 'NLD', currency: 'EUR', pledge: '25000000', pledgedOn: '2021-03-30', commitment: '25000000', committedOn: '2021-09-30', theater: 'iraq' },
  { iso3: 'ARE', currency: 'USD', pledge: '30000000', pledgedOn: '2021-06-28', theater: 'syria' },
  { iso3: 'SWE', currency: 'SEK', pledge: '150000000', pledgedOn: '2021-03-30', theater: 'iraq' },
  { iso3: 'ITA', currency: 'EUR', pledge: '20000000', pledgedOn: '2021-06-28', theater: 'iraq' },
  { iso3: 'FRA', currency: 'EUR', pledge: '20000000', pledgedOn: '2021-06-28', theater: 'syria' },
  { iso3: 'CAN', currency: 'CAD', pledge: '25000000', pledgedOn: '2021-03-30', theater: 'iraq' },
  { iso3: 'NOR', currency: 'NOK', pledge: '100000000', pledgedOn: '2021-03-30', theater: 'syria' },
  { iso3: 'DNK', currency: 'DKK', pledge: '80000000', pledgedOn: '2021-06-28', theater: 'syria' },
  { iso3: 'AUS', currency: 'AUD', pledge: '10000000', pledgedOn: '2021-06-28', theater: 'iraq' },
  { iso3: 'QAT', currency: 'USD', pledge: '15000000', pledgedOn: '2021-06-28', theater: 'syria' },
];
const ILLUSTRATIVE_SOURCE = 'illustrative: no public source gives this partner’s figure (demo data)';
const CHANNELS = ['UNDP Funding Facility for Stabilization (Iraq)', 'Stabilization programmes in liberated areas of Syria'];

function theaterSlugs(theater: string): string[] {
  return theater.split(';').map((name) => name.trim().toLowerCase());
}

export async function loadDemoFunding(db: Db, actor: Actor): Promise<void> {
  await importRates(db, actor, fs.readFileSync(path.join(DATA_DIR, 'ecb-rates-demo.csv'), 'utf8'), 'Demo rates in the ECB layout, rounded approximations of ECB euro reference rates (illustrative: import the ECB file before real use)');
  const partnerIds = new Map((await db.select({ id: partners.id, iso3: partners.iso3 }).from(partners)).map((row) => [row.iso3, row.id]));
  const campaignIds = new Map<string, string>();
  const names = nameTranslations('campaign');
  for (const row of readCsv('stabilization_goals.csv')) {
    const key = `${row.year_or_period}|${row.theater}`;
    const shape = CAMPAIGNS[key];
    if (!shape) throw new Error(`stabilization_goals.csv: no demo campaign for ${key}`);
    // The notes say when the stated total is a lower bound ("more than $600M", "pledged is a lower bound").
    const statedIsLowerBound = /pledged is a lower bound|\(lower bound\)|'more than/i.test(row.notes ?? '');
    const campaign = await createCampaign(db, actor, {
      name: shape.name,
      nameFr: names(shape.name).fr,
      nameAr: names(shape.name).ar,
      startsOn: shape.startsOn,
      endsOn: shape.endsOn,
      currency: 'USD',
      goalAmount: row.goal_usd || null,
      goalIsLowerBound: /goal is a lower bound/i.test(row.notes ?? ''),
      statedPledged: shape.statedIsPledged ? row.pledged_usd || null : null,
      statedPledgedIsLowerBound: shape.statedIsPledged && statedIsLowerBound,
      theaterSlugs: theaterSlugs(row.theater ?? ''),
      channels: key === '2021|Iraq; Syria' ? CHANNELS : [],
      notes: row.notes ?? '',
      source: row.source ?? '',
      asOf: row.year_or_period?.slice(0, 10) ?? null,
      confidence: (row.confidence as 'high' | 'medium' | 'low') || null,
      classification: shape.classification,
    });
    campaignIds.set(key, campaign.id);
  }
  const report = (campaign: string, values: Record<string, unknown>) => reportContribution(db, actor, campaignIds.get(campaign) as string, values);
  for (const figure of SOURCED) {
    await report(figure.campaign, { partnerId: partnerIds.get(figure.iso3), stage: figure.stage, amount: figure.amount, currency: 'USD', contributedOn: figure.date, source: figure.source });
  }
  for (const figure of ILLUSTRATIVE_2021) {
    const common = { partnerId: partnerIds.get(figure.iso3), currency: figure.currency, theaterSlug: figure.theater, channel: CHANNELS[figure.theater === 'iraq' ? 0 : 1], source: ILLUSTRATIVE_SOURCE, illustrative: true };
    const pledge = await report('2021|Iraq; Syria', { ...common, stage: 'pledge', amount: figure.pledge, contributedOn: figure.pledgedOn });
    if (!figure.commitment) continue;
    const commitment = await report('2021|Iraq; Syria', { ...common, stage: 'commitment', amount: figure.commitment, contributedOn: figure.committedOn, fulfils: [pledge.id] });
    if (!figure.disbursement) continue;
    await report('2021|Iraq; Syria', { ...common, stage: 'disbursement', amount: figure.disbursement, contributedOn: figure.disbursedOn, fulfils: [commitment.id] });
  }
}
