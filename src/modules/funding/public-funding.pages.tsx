import type { AppModule } from '../../platform/module.ts';
import { IdParams } from '../../platform/route-schemas.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';
import * as campaigns from './campaigns.service.ts';
import { PublicCampaignListPage, PublicCampaignPage } from './public-funding.views.tsx';
import { STAGES } from './funding.schema.ts';
import { LangQuery } from './funding-form-input.ts';

/** What the public reads of stabilization funding: public campaigns, verified and sourced figures only. */
export const publicFundingPages: AppModule = async (app, { db }) => {
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
