import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { jsxTemplate } from 'preact/jsx-runtime';
import { render } from 'preact-render-to-string';
import { readerKey } from '../../platform/figure-cache.ts';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import { can, isSecretariat } from '../../platform/authz.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import { InvalidInput, StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { formToInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import { partnerDirectory } from '../partners/partner-directory.ts';
import * as campaigns from './campaigns.service.ts';
import * as contributions from './contributions.service.ts';
import { importContributionsCsv } from './contributions-csv.ts';
import { type ContributionFormChoices, ContributionFormPage, ContributionImportPage, ContributionPage, ReviewQueueFigures, ReviewQueuePage } from './contributions.views.tsx';
import { copySerial, keptPartnerDirectory } from './kept-figures.ts';
import { translatedOrDash } from '../../platform/views/translated-name.tsx';
import { contributionFormInput, LangQuery, NewContributionQuery, uploadedText } from './funding-form-input.ts';

/** Contributions: reporting (form and CSV import), a contribution's page with its review and correction, and the review queue. */
export const contributionPages: AppModule = async (app, { db }) => {
  async function formChoices(request: FastifyRequest, campaignId: string, partnerId: string | undefined): Promise<ContributionFormChoices> {
    const actor = request.actor;
    const [campaign, partners, theaters] = await Promise.all([campaigns.getCampaign(db, actor, campaignId), partnerDirectory(db, actor, request.locale), listTheaters(db, app.figures)]);
    // A delegate reports for their own partner; the list offers nothing else.
    const offered = isSecretariat(actor) ? partners.list : partners.list.filter((p) => p.id === actor?.partnerId);
    const chosen = isSecretariat(actor) ? partnerId : (actor?.partnerId ?? undefined);
    const open = chosen ? await contributions.fulfillableBy(db, actor, campaignId, chosen) : { pledges: [], commitments: [] };
    return { campaign, partners: offered, theaters, fulfillable: [...open.pledges, ...open.commitments], secretariat: isSecretariat(actor) };
  }

  async function renderContribution(request: FastifyRequest, reply: FastifyReply, id: string, problem?: { errors?: InvalidInput['fields']; stale?: StaleVersion; values?: Record<string, unknown> }) {
    const record = await contributions.contributionRecord(db, request.actor, id);
    const row = record.contribution;
    const [campaign, partners, theaters] = await Promise.all([campaigns.getCampaign(db, request.actor, row.campaignId), partnerDirectory(db, request.actor, request.locale), listTheaters(db, app.figures)]);
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
    const actor = request.actor;
    const ctx = pageContext(request);
    const partners = await keptPartnerDirectory(db, actor, request.locale, app.figures);
    // The queue, its count and the campaigns' names change only with funding: rendered once per kind of
    // reader, language and digits, and the partner names drawn with, kept until funding changes.
    const figuresKey = ['review', readerKey(actor), ctx.locale, intlLocale(ctx.locale), copySerial(partners)].join('|');
    const figures = await app.figures.get('funding', figuresKey, async () => {
      const awaiting = await contributions.reviewQueue(db, actor);
      // Only the campaigns of the rows shown are read, by id: the campaign list with its totals grows with the data.
      const list = await campaigns.campaignsWithIds(db, actor, awaiting.rows.map((row) => row.campaignId));
      const byId = new Map(list.map((c) => [c.id, c]));
      return render(<ReviewQueueFigures ctx={ctx} rows={awaiting.rows} total={awaiting.total} totalIsLowerBound={awaiting.totalIsLowerBound} partnerName={partners.name} campaignName={(id) => translatedOrDash(ctx, byId.get(id), 'name')} />);
    });
    return sendPage(reply, <ReviewQueuePage ctx={ctx} figures={jsxTemplate([figures])} />);
  });
};
