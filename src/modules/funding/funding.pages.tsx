import { readerKey } from '../../platform/figure-cache.ts';
import { render } from 'preact-render-to-string';
import { Readable } from 'node:stream';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, isSecretariat } from '../../platform/authz.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import { InvalidInput, StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { formList, formToInput, recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendCsv, sendPage } from '../../platform/views/render.ts';
import { sendXlsx } from '../../platform/views/xlsx.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import { listGroups } from '../partners/groups.service.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';
import { campaignPageData } from './campaign-page-data.ts';
import * as campaigns from './campaigns.service.ts';
import { comparisons } from './comparisons.service.ts';
import * as contributions from './contributions.service.ts';
import { importContributionsCsv } from './contributions-csv.ts';
import { type ContributionFormChoices, ContributionFormPage, ContributionImportPage, ContributionPage, ContributionTable, ReviewQueuePage } from './contributions.views.tsx';
import { ComparePage } from './comparisons.views.tsx';
import { PublicCampaignListPage, PublicCampaignPage } from './public-funding.views.tsx';
import { RatesPage } from './rates.views.tsx';
import { iatiActivity, tableCsv, tableXlsxRows } from './funding-exports.ts';
import { contributionsCsv } from './contributions-export.ts';
import { sendCsvStream } from '../../platform/csv-stream.ts';
import { comparisonTables, type FundingTable } from './funding-tables.ts';
import { CampaignPageQuery, CompareExportQuery, CompareQuery, ExportQuery, RateListQuery, STAGES } from './funding.schema.ts';
import { CampaignFormPage, CampaignListPage, CampaignPage, FundingFigures } from './funding.views.tsx';
import * as rates from './rates.service.ts';
import { translatedOrDash } from '../../platform/views/translated-name.tsx';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const NewContributionQuery = Type.Object({ partnerId: Type.Optional(Type.String({ format: 'uuid' })), lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** Campaign form fields as service input: lists from checkboxes and lines, flags from checkboxes. */
function campaignFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  input.theaterSlugs = formList(input.theaterSlugs);
  input.channels = typeof input.channels === 'string' ? input.channels.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : [];
  input.goalIsLowerBound = input.goalIsLowerBound === 'true';
  input.statedPledgedIsLowerBound = input.statedPledgedIsLowerBound === 'true';
  input.notes = input.notes ?? '';
  return input;
}

function contributionFormInput(body: unknown): Record<string, unknown> {
  const input = formToInput(body as Record<string, unknown>);
  input.fulfils = formList(input.fulfils);
  input.illustrative = input.illustrative === 'true';
  return input;
}

/** An uploaded file's text; a missing or empty file is named as such. */
function uploadedText(body: unknown): string | undefined {
  const file = (body as Record<string, unknown>).file;
  return Buffer.isBuffer(file) && file.length > 0 ? new TextDecoder('utf-8').decode(file) : undefined;
}

async function sendTable(reply: FastifyReply, table: FundingTable, filename: string, format: 'csv' | 'xlsx') {
  if (format === 'csv') return sendCsv(reply, `${filename}.csv`, tableCsv(table));
  return sendXlsx(reply, `${filename}.xlsx`, table.name, table.columns, tableXlsxRows(table));
}

export const fundingPages: AppModule = async (app, { db }) => {
  async function formChoices(request: FastifyRequest, campaignId: string, partnerId: string | undefined): Promise<ContributionFormChoices> {
    const actor = request.actor;
    const [campaign, partners, theaters] = await Promise.all([campaigns.getCampaign(db, actor, campaignId), partnerDirectory(db, actor, request.locale), listTheaters(db)]);
    // A delegate reports for their own partner; the list offers nothing else.
    const offered = isSecretariat(actor) ? partners.list : partners.list.filter((p) => p.id === actor?.partnerId);
    const chosen = isSecretariat(actor) ? partnerId : (actor?.partnerId ?? undefined);
    const open = chosen ? await contributions.fulfillableBy(db, actor, campaignId, chosen) : { pledges: [], commitments: [] };
    return { campaign, partners: offered, theaters, fulfillable: [...open.pledges, ...open.commitments], secretariat: isSecretariat(actor) };
  }

  async function renderContribution(request: FastifyRequest, reply: FastifyReply, id: string, problem?: { errors?: InvalidInput['fields']; stale?: StaleVersion; values?: Record<string, unknown> }) {
    const record = await contributions.contributionRecord(db, request.actor, id);
    const row = record.contribution;
    const [campaign, partners, theaters] = await Promise.all([campaigns.getCampaign(db, request.actor, row.campaignId), partnerDirectory(db, request.actor, request.locale), listTheaters(db)]);
    const theater = theaters.find((candidate) => candidate.slug === row.theaterSlug);
    const mayCorrect = can(request.actor, 'contribution.write', { partnerId: row.partnerId }) && (isSecretariat(request.actor) || row.status === 'reported');
    const choices = mayCorrect ? await formChoices(request, row.campaignId, row.partnerId) : undefined;
    if (choices) choices.fulfillable = choices.fulfillable.filter((candidate) => candidate.id !== row.id);
    const values = problem?.values ?? { ...row, fulfils: record.fulfils.map((link) => link.fulfilledId) };
    const status = problem?.stale ? 409 : problem?.errors ? 400 : 200;
    return sendPage(
      reply,
      <ContributionPage
        ctx={pageContext(request)}
        detail={{ ...record, campaign, theaterName: theater ? theaterName(theater, request.locale) : null }}
        partnerName={partners.name}
        may={{ verify: can(request.actor, 'contribution.verify'), correct: mayCorrect }}
        choices={choices}
        values={withCurrentVersion(values, problem?.stale)}
        errors={problem?.errors}
        stale={Boolean(problem?.stale)}
      />,
      status,
    );
  }

  /** A review or correction posted from the contribution page: done → back to it; refused → the page with the problems. */
  async function changeContribution(request: FastifyRequest, reply: FastifyReply, id: string, change: () => Promise<unknown>, values?: Record<string, unknown>) {
    return saveForm(
      reply,
      async () => {
        await change();
        return `/funding/contributions/${id}`;
      },
      (problem) => renderContribution(request, reply, id, { errors: problem.errors, stale: problem.stale, values }),
      { refuses: [InvalidInput, StaleVersion] },
    );
  }

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
    const [theaters, groups] = await Promise.all([listTheaters(db), listGroups(db, request.actor)]);
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
    const data = await campaignPageData(db, request.actor, request.t, request.locale, id, query);
    const pageSize = query.pageSize ?? 25;
    const list = await contributions.listContributions(db, request.actor, id, { stage: query.stage, status: query.status, partnerId: query.partnerId, page: query.page, pageSize, before: query.before, after: query.after });
    const ctx = pageContext(request);
    const actor = request.actor;
    return sendPage(
      reply,
      <CampaignPage ctx={ctx} campaign={data.campaign} summary={data.summary} tables={data.tables} theaters={data.theaters} query={query} contributionsTotal={list.total} contributionsTotalIsLowerBound={list.totalIsLowerBound} may={{ report: can(actor, 'contribution.write'), verify: can(actor, 'contribution.verify'), edit: can(actor, 'campaign.write') }}>
        <ContributionTable ctx={ctx} rows={list.rows} campaign={data.campaign} partnerName={data.partners.name} older={list.older} newer={list.newer} basePath={`/funding/campaigns/${id}`} query={{ stage: query.stage, status: query.status, partnerId: query.partnerId, pageSize: query.pageSize }} />
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
    const data = await campaignPageData(db, request.actor, request.t, request.locale, request.params.id, {}, { contributions: table === 'contributions' });
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

  app.get('/funding/campaigns/:id/contributions/new', { config: { access: 'contribution.write' }, schema: { params: IdParams, querystring: NewContributionQuery, hide: true } }, async (request, reply) => {
    const choices = await formChoices(request, request.params.id, request.query.partnerId);
    const partnerId = request.query.partnerId ?? (isSecretariat(request.actor) ? undefined : request.actor?.partnerId);
    return sendPage(reply, <ContributionFormPage ctx={pageContext(request)} choices={choices} values={{ partnerId, currency: choices.campaign.currency, stage: 'pledge' }} />);
  });

  app.post('/funding/campaigns/:id/contributions', { config: { access: 'contribution.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = contributionFormInput(request.body);
    return saveForm(
      reply,
      async () => `/funding/contributions/${(await contributions.reportContribution(db, request.actor, request.params.id, input)).id}`,
      async ({ errors }) => <ContributionFormPage ctx={pageContext(request)} choices={await formChoices(request, request.params.id, input.partnerId as string | undefined)} values={input} errors={errors} />,
    );
  });

  app.get('/funding/campaigns/:id/contributions/import', { config: { access: 'contribution.write' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <ContributionImportPage ctx={pageContext(request)} campaign={await campaigns.getCampaign(db, request.actor, request.params.id)} />),
  );

  app.post('/funding/campaigns/:id/contributions/import', { config: { access: 'contribution.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const campaign = await campaigns.getCampaign(db, request.actor, request.params.id);
    const ctx = pageContext(request);
    const text = uploadedText(request.body);
    if (text === undefined) return sendPage(reply, <ContributionImportPage ctx={ctx} campaign={campaign} message={request.t('partners.importNoFile')} />, 400);
    try {
      const result = await importContributionsCsv(db, request.actor, Readable.from([text]), { campaignId: campaign.id });
      return sendPage(reply, <ContributionImportPage ctx={ctx} campaign={campaign} imported={result.imported} />);
    } catch (error) {
      if (error instanceof ImportRejected) return sendPage(reply, <ContributionImportPage ctx={ctx} campaign={campaign} problems={error.rows} />, 400);
      throw error;
    }
  });

  app.get('/funding/contributions/:id', { config: { access: 'funding.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => renderContribution(request, reply, request.params.id));

  app.post('/funding/contributions/:id/verify', { config: { access: 'contribution.verify' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    changeContribution(request, reply, request.params.id, () => contributions.verifyContribution(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/funding/contributions/:id/reject', { config: { access: 'contribution.verify' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    changeContribution(request, reply, request.params.id, () => contributions.rejectContribution(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/funding/contributions/:id/correct', { config: { access: 'contribution.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = contributionFormInput(request.body);
    return changeContribution(request, reply, request.params.id, () => contributions.correctContribution(db, request.actor, request.params.id, input), input);
  });

  app.get('/funding/review', { config: { access: 'contribution.verify' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => {
    const [awaiting, partners, list] = await Promise.all([contributions.contributionsAwaitingVerification(db, request.actor), partnerDirectory(db, request.actor, request.locale), campaigns.listCampaigns(db, request.actor)]);
    const ctx = pageContext(request);
    const byId = new Map(list.map((c) => [c.id, c]));
    return sendPage(reply, <ReviewQueuePage ctx={ctx} rows={awaiting.rows} total={awaiting.total} partnerName={partners.name} campaignName={(id) => translatedOrDash(ctx, byId.get(id), 'name')} />);
  });

  async function ratesPage(request: FastifyRequest, extra: Partial<Parameters<typeof RatesPage>[0]> = {}) {
    const query = (request.query ?? {}) as { currency?: string; page?: number; pageSize?: number };
    const [{ rows, total }, currencies] = await Promise.all([rates.listRates(db, request.actor, query), rates.rateCurrencies(db, request.actor)]);
    return <RatesPage ctx={pageContext(request)} rows={rows} total={total} query={query} currencies={currencies} canImport={can(request.actor, 'rate.write')} {...extra} />;
  }

  app.get('/funding/rates', { config: { access: 'funding.read' }, schema: { querystring: RateListQuery, hide: true } }, async (request, reply) => sendPage(reply, await ratesPage(request)));

  app.post('/funding/rates/import', { config: { access: 'rate.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const text = uploadedText(request.body);
    const source = String((request.body as Record<string, unknown>).source ?? '');
    if (text === undefined) return sendPage(reply, await ratesPage(request, { problems: [{ line: 0, field: 'file', message: request.t('partners.importNoFile') }], source }), 400);
    try {
      const imported = await rates.importRates(db, request.actor, text, source);
      return sendPage(reply, await ratesPage(request, { imported }));
    } catch (error) {
      if (error instanceof ImportRejected) return sendPage(reply, await ratesPage(request, { problems: error.rows, source }), 400);
      throw error;
    }
  });

  app.get('/funding/compare', { config: { access: 'funding.read' }, schema: { querystring: CompareQuery, hide: true } }, async (request, reply) => {
    const [data, partners] = await Promise.all([comparisons(db, request.actor, request.query.partnerId), partnerDirectory(db, request.actor, request.locale)]);
    return sendPage(reply, <ComparePage ctx={pageContext(request)} data={data} partners={partners.list} partnerId={request.query.partnerId} />);
  });

  app.get('/funding/compare/export', { config: { access: 'funding.read' }, schema: { querystring: CompareExportQuery, hide: true } }, async (request, reply) => {
    const { table, format, partnerId } = request.query;
    const [data, partners] = await Promise.all([comparisons(db, request.actor, partnerId), partnerDirectory(db, request.actor, request.locale)]);
    return sendTable(reply, comparisonTables(request.t, data, partners.name)[table] as FundingTable, `funding-${table}`, format);
  });

  app.get('/stabilization', { config: { access: 'public' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <PublicCampaignListPage ctx={pageContext(request)} campaigns={await campaigns.listPublicCampaigns(db, request.actor)} />),
  );

  app.get('/stabilization/:id', { config: { access: 'public' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const { campaign, summary } = await campaigns.publicCampaignSummary(db, request.actor, request.params.id);
    const partners = await partnerDirectory(db, null, request.locale);
    const names = summary.partners.filter((row) => STAGES.some((stage) => !row.verified[stage].isZero())).map((row) => partners.name(row.key)).sort((a, b) => a.localeCompare(b, request.locale));
    return sendPage(reply, <PublicCampaignPage ctx={pageContext(request)} campaign={campaign} summary={summary} partnerNames={names} />);
  });
};
