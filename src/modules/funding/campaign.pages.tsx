import { jsxTemplate } from 'preact/jsx-runtime';
import { render } from 'preact-render-to-string';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/authz.ts';
import { readerKey } from '../../platform/figure-cache.ts';
import type { InvalidInput, StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import { listGroups } from '../partners/groups.service.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';
import { campaignPageData } from './campaign-page-data.ts';
import * as campaigns from './campaigns.service.ts';
import * as contributions from './contributions.service.ts';
import { ContributionTable } from './contributions.views.tsx';
import { iatiActivity } from './funding-exports.ts';
import { contributionsCsv } from './contributions-export.ts';
import { sendCsvStream } from '../../platform/csv-stream.ts';
import type { FundingTable } from './funding-tables.ts';
import { CampaignPageQuery, ExportQuery } from './funding.schema.ts';
import { CampaignFigures, CampaignFormPage, CampaignListPage, CampaignPage, FundingFigures } from './funding.views.tsx';
import { copySerial, keptPartnerDirectory } from './kept-figures.ts';
import { campaignFormInput, LangQuery } from './funding-form-input.ts';
import { sendTable } from './send-table.ts';

/** The campaigns: the list with its overview, a campaign's page and exports, and its form. */
export const campaignPages: AppModule = async (app, { db }) => {
  app.get('/funding', { config: { access: 'funding.read' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => {
    const actor = request.actor;
    const ctx = pageContext(request);
    // The campaigns, their totals and the charts drawn from them depend on what the reader may see (role,
    // partner, groups) and the language and digits they read in: rendered once, kept until funding changes.
    const figures = await app.figures.get('funding', `overview|${readerKey(actor)}|${ctx.locale}|${actor?.numerals ?? ''}`, async () => {
      const [list, awaiting] = await Promise.all([
        campaigns.listCampaigns(db, actor),
        can(actor, 'contribution.verify') ? contributions.contributionsAwaitingVerification(db, actor, 1).then((found) => found.total) : Promise.resolve(0),
      ]);
      return { html: render(<FundingFigures ctx={ctx} campaigns={list} />), awaiting };
    });
    return sendPage(reply, <CampaignListPage ctx={ctx} figuresHtml={figures.html} awaiting={figures.awaiting} may={{ create: can(actor, 'campaign.write'), verify: can(actor, 'contribution.verify'), report: can(actor, 'contribution.write') }} />);
  });

  const campaignForm = async (request: FastifyRequest, values: Record<string, unknown>, action: string, title: string, problem: { errors?: InvalidInput['fields']; stale?: StaleVersion } = {}) => {
    const [theaters, groups] = await Promise.all([listTheaters(db, app.figures), listGroups(db, request.actor, app.figures)]);
    return <CampaignFormPage ctx={pageContext(request)} title={title} action={action} cancelHref={action === '/funding/campaigns' ? '/funding' : action} values={withCurrentVersion(values, problem.stale)} theaters={theaters} groups={groups} errors={problem.errors} stale={Boolean(problem.stale)} />;
  };

  app.get('/funding/campaigns/new', { config: { access: 'campaign.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, await campaignForm(request, { currency: 'USD', classification: 'coalition' }, '/funding/campaigns', request.t('funding.newCampaign'))),
  );

  app.post('/funding/campaigns', { config: { access: 'campaign.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = campaignFormInput(request.body);
    return saveForm(
      reply,
      async () => `/funding/campaigns/${(await campaigns.createCampaign(db, request.actor, input)).id}`,
      (problem) => campaignForm(request, input, '/funding/campaigns', request.t('funding.newCampaign'), problem),
    );
  });

  app.get('/funding/campaigns/:id', { config: { access: 'funding.read' }, schema: { params: IdParams, querystring: CampaignPageQuery, hide: true } }, async (request, reply) => {
    const { id } = request.params;
    const query = request.query;
    const actor = request.actor;
    const ctx = pageContext(request);
    const may = { report: can(actor, 'contribution.write'), edit: can(actor, 'campaign.write') };
    const [partners, theaters] = await Promise.all([keptPartnerDirectory(db, actor, request.locale, app.figures), listTheaters(db, app.figures)]);
    const pageSize = query.pageSize ?? 25;
    // Everything above the contributions depends on the figures, the kind of reader, the language and digits
    // (intlLocale), the partners' sort and the kept names it was drawn with: rendered once, kept until funding changes.
    const figuresKey = ['campaign', id, readerKey(actor), ctx.locale, intlLocale(ctx.locale), query.sort ?? '', query.dir ?? '', may.report, may.edit, copySerial(partners), copySerial(theaters)].join('|');
    const [figures, list] = await Promise.all([
      app.figures.get('funding', figuresKey, async () => {
        const data = await campaignPageData(db, actor, request.t, request.locale, id, query, { kept: app.figures, partners, theaters });
        return { campaign: data.campaign, html: render(<CampaignFigures ctx={ctx} campaign={data.campaign} summary={data.summary} tables={data.tables} theaters={data.theaters} query={query} may={may} />) };
      }),
      contributions.listContributions(db, actor, id, { stage: query.stage, status: query.status, partnerId: query.partnerId, page: query.page, pageSize, before: query.before, after: query.after }, app.figures),
    ]);
    const campaign = figures.campaign;
    return sendPage(
      reply,
      <CampaignPage ctx={ctx} campaign={campaign} figures={jsxTemplate([figures.html])} query={query} contributionsTotal={list.total} contributionsTotalIsLowerBound={list.totalIsLowerBound}>
        <ContributionTable ctx={ctx} rows={list.rows} campaign={campaign} partnerName={partners.name} older={list.older} newer={list.newer} basePath={`/funding/campaigns/${id}`} query={{ stage: query.stage, status: query.status, partnerId: query.partnerId, pageSize: query.pageSize }} />
      </CampaignPage>,
    );
  });

  app.get('/funding/campaigns/:id/edit', { config: { access: 'campaign.write' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const campaign = await campaigns.getCampaign(db, request.actor, request.params.id);
    return sendPage(reply, await campaignForm(request, { ...campaign }, `/funding/campaigns/${campaign.id}`, request.t('funding.editCampaign')));
  });

  app.post('/funding/campaigns/:id', { config: { access: 'campaign.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = campaignFormInput(request.body);
    const action = `/funding/campaigns/${request.params.id}`;
    return saveForm(
      reply,
      async () => `/funding/campaigns/${(await campaigns.updateCampaign(db, request.actor, request.params.id, input)).id}`,
      (problem) => campaignForm(request, input, action, request.t('funding.editCampaign'), problem),
    );
  });

  app.get('/funding/campaigns/:id/export', { config: { access: 'funding.read' }, schema: { params: IdParams, querystring: ExportQuery, hide: true } }, async (request, reply) => {
    const { table, format } = request.query;
    if (table === 'contributions' && format === 'csv') {
      return sendCsvStream(reply, `campaign-${request.params.id.slice(0, 8)}-contributions.csv`, await contributionsCsv(db, request.actor, request.t, request.locale, request.params.id));
    }
    const data = await campaignPageData(db, request.actor, request.t, request.locale, request.params.id, {}, { contributions: table === 'contributions', kept: app.figures });
    return sendTable(reply, data.tables[table] as FundingTable, `campaign-${data.campaign.id.slice(0, 8)}-${table}`, format);
  });

  app.get('/funding/campaigns/:id/iati.json', { config: { access: 'funding.read' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const [campaign, rows, partners] = await Promise.all([
      campaigns.getCampaign(db, request.actor, request.params.id),
      contributions.allContributions(db, request.actor, request.params.id),
      partnerDirectory(db, request.actor, 'en'),
    ]);
    const activity = iatiActivity(campaign, rows, (id) => ({ ref: partners.iso3(id), name: partners.name(id) }), new Date());
    return reply.header('content-disposition', `attachment; filename="campaign-${campaign.id.slice(0, 8)}-iati.json"`).type('application/json; charset=utf-8').send(JSON.stringify(activity, null, 2));
  });
};
