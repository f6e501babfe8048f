import { Readable } from 'node:stream';
import { Type } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import type { CampaignSummary, StageTotals } from './campaign-summary.ts';
import * as campaigns from './campaigns.service.ts';
import * as contributions from './contributions.service.ts';
import { importContributionsCsv } from './contributions-csv.ts';
import type { CampaignRow } from './funding.repo.ts';
import {
  CampaignInput,
  CampaignListItem,
  CampaignPageQuery,
  CampaignSummaryView,
  CampaignUpdate,
  CampaignView,
  ContributionCorrection,
  ContributionInput,
  ContributionPage,
  ContributionView,
  RatesImportResult,
  ReviewInput,
  STAGES,
} from './funding.schema.ts';
import * as rates from './rates.service.ts';

function campaignView(row: CampaignRow) {
  return { ...row, createdAt: undefined, updatedAt: undefined, restrictedGroupIds: undefined };
}

/** Exact decimal text: money never travels as a JSON number. */
function stageTotalsView(totals: StageTotals) {
  return Object.fromEntries(STAGES.map((stage) => [stage, totals[stage].toFixed()])) as Record<(typeof STAGES)[number], string>;
}

function summaryView(campaign: CampaignRow, summary: CampaignSummary) {
  return {
    campaign: campaignView(campaign),
    verified: stageTotalsView(summary.verified),
    awaitingVerification: stageTotalsView(summary.awaitingVerification),
    outstandingPledges: summary.outstandingPledges.toFixed(),
    illustrative: summary.illustrative,
  };
}

const ImportResult = Type.Object({ imported: Type.Integer(), campaigns: Type.Array(Type.String()) });

export const fundingRoutes: AppModule = async (app, { db }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const tags = ['funding'];

  app.get('/api/v1/funding/campaigns', { config: { access: 'funding.read' }, schema: { tags, summary: 'Campaigns with their verified totals', response: { 200: Type.Array(CampaignListItem), ...ProblemResponses } } }, async (request) => {
    const list = await campaigns.listCampaigns(db, request.actor);
    return list.map((campaign) => ({ campaign: campaignView(campaign), verified: stageTotalsView(campaign.verified), illustrative: campaign.illustrative }));
  });

  app.post('/api/v1/funding/campaigns', { config: { access: 'campaign.write' }, schema: { tags, summary: 'Create a campaign', body: CampaignInput, response: { 201: CampaignView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(campaignView(await campaigns.createCampaign(db, request.actor, request.body))),
  );

  app.get('/api/v1/funding/campaigns/:id', { config: { access: 'funding.read' }, schema: { tags, summary: 'A campaign and its totals by stage (verified, and awaiting verification)', params: IdParams, response: { 200: CampaignSummaryView, ...ProblemResponses } } }, async (request) => {
    const { campaign, summary } = await campaigns.campaignSummary(db, request.actor, request.params.id);
    return summaryView(campaign, summary);
  });

  app.put('/api/v1/funding/campaigns/:id', { config: { access: 'campaign.write' }, schema: { tags, summary: 'Replace a campaign (send the version you read)', params: IdParams, body: CampaignUpdate, response: { 200: CampaignView, ...ProblemResponses } } }, async (request) =>
    campaignView(await campaigns.updateCampaign(db, request.actor, request.params.id, request.body)),
  );

  app.get('/api/v1/funding/campaigns/:id/contributions', { config: { access: 'funding.read' }, schema: { tags, summary: 'Contributions of a campaign', params: IdParams, querystring: CampaignPageQuery, response: { 200: ContributionPage, ...ProblemResponses } } }, async (request) => {
    const { page = 1, pageSize = 50, stage, status, partnerId, before, after } = request.query;
    const { rows, total, totalIsLowerBound, older, newer } = await contributions.listContributions(db, request.actor, request.params.id, { stage, status, partnerId, page, pageSize, before, after });
    return { items: rows, total, totalIsLowerBound, page, pageSize, older, newer };
  });

  app.post('/api/v1/funding/campaigns/:id/contributions', { config: { access: 'contribution.write' }, schema: { tags, summary: "Report a contribution (a delegate for their own partner; the secretariat's entries are verified at once)", params: IdParams, body: ContributionInput, response: { 201: ContributionView, ...ProblemResponses } } }, async (request, reply) =>
    reply.status(201).send(await contributions.reportContribution(db, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/funding/campaigns/:id/contributions/import',
    { config: { access: 'contribution.write' }, schema: { tags, summary: 'Import contributions from CSV (all or nothing)', consumes: ['text/csv'], params: IdParams, body: Type.String({ maxLength: 20_000_000 }), response: { 200: ImportResult, ...ProblemResponses } } },
    async (request) => importContributionsCsv(db, request.actor, Readable.from([request.body]), { campaignId: request.params.id }),
  );

  app.get('/api/v1/funding/contributions/:id', { config: { access: 'funding.read' }, schema: { tags, summary: 'One contribution', params: IdParams, response: { 200: ContributionView, ...ProblemResponses } } }, async (request) =>
    await contributions.getContribution(db, request.actor, request.params.id),
  );

  app.post('/api/v1/funding/contributions/:id/verify', { config: { access: 'contribution.verify' }, schema: { tags, summary: 'Verify a reported contribution', params: IdParams, body: ReviewInput, response: { 200: ContributionView, ...ProblemResponses } } }, async (request) =>
    await contributions.verifyContribution(db, request.actor, request.params.id, request.body),
  );

  app.post('/api/v1/funding/contributions/:id/reject', { config: { access: 'contribution.verify' }, schema: { tags, summary: 'Reject a contribution, with a reason', params: IdParams, body: ReviewInput, response: { 200: ContributionView, ...ProblemResponses } } }, async (request) =>
    await contributions.rejectContribution(db, request.actor, request.params.id, request.body),
  );

  app.put('/api/v1/funding/contributions/:id', { config: { access: 'contribution.write' }, schema: { tags, summary: 'Correct a contribution, with a reason', params: IdParams, body: ContributionCorrection, response: { 200: ContributionView, ...ProblemResponses } } }, async (request) =>
    await contributions.correctContribution(db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/funding/rates/import',
    { config: { access: 'rate.write' }, schema: { tags, summary: "Import reference rates in the ECB's CSV layout (all or nothing)", consumes: ['text/csv'], querystring: Type.Object({ source: Type.String({ minLength: 1, maxLength: 500 }) }), body: Type.String({ maxLength: 20_000_000 }), response: { 200: RatesImportResult, ...ProblemResponses } } },
    async (request) => rates.importRates(db, request.actor, request.body, request.query.source),
  );
};
