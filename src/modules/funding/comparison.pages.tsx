import type { AppModule } from '../../platform/module.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';
import { comparisons } from './comparisons.service.ts';
import { ComparePage } from './comparisons.views.tsx';
import { comparisonTables, type FundingTable } from './funding-tables.ts';
import { CompareExportQuery, CompareQuery } from './funding.schema.ts';
import { sendTable } from './send-table.ts';

/** Partners' contributions compared across campaigns, with the tables' exports. */
export const comparisonPages: AppModule = async (app, { db }) => {
  app.get('/funding/compare', { config: { access: 'funding.read' }, schema: { querystring: CompareQuery, hide: true } }, async (request, reply) => {
    const [data, partners] = await Promise.all([comparisons(db, request.actor, request.query.partnerId), partnerDirectory(db, request.actor, request.locale)]);
    return sendPage(reply, <ComparePage ctx={pageContext(request)} data={data} partners={partners.list} partnerId={request.query.partnerId} />);
  });

  app.get('/funding/compare/export', { config: { access: 'funding.read' }, schema: { querystring: CompareExportQuery, hide: true } }, async (request, reply) => {
    const { table, format, partnerId } = request.query;
    const [data, partners] = await Promise.all([comparisons(db, request.actor, partnerId), partnerDirectory(db, request.actor, request.locale)]);
    return sendTable(reply, comparisonTables(request.t, data, partners.name)[table] as FundingTable, `funding-${table}`, format);
  });
};
