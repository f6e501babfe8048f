import { jsxTemplate } from 'preact/jsx-runtime';
import { render as renderToString } from 'preact-render-to-string';
import { readerKey } from '../../platform/figure-cache.ts';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import type { AppModule } from '../../platform/module.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { partnerDirectory } from '../partners/partner-directory.ts';
import { comparisons } from './comparisons.service.ts';
import { CompareFigures, ComparePage } from './comparisons.views.tsx';
import { copySerial, keptPartnerDirectory } from './kept-figures.ts';
import { comparisonTables, type FundingTable } from './funding-tables.ts';
import { CompareExportQuery, CompareQuery } from './funding.schema.ts';
import { sendTable } from './send-table.ts';

/** Partners' contributions compared across campaigns, with the tables' exports. */
export const comparisonPages: AppModule = async (app, { db }) => {
  app.get('/funding/compare', { config: { access: 'funding.read' }, schema: { querystring: CompareQuery, hide: true } }, async (request, reply) => {
    const actor = request.actor;
    const { partnerId } = request.query;
    const ctx = pageContext(request);
    const partners = await keptPartnerDirectory(db, actor, request.locale, app.figures);
    const render = async () => renderToString(<CompareFigures ctx={ctx} data={await comparisons(db, actor, partnerId)} partners={partners.list} partnerId={partnerId} />);
    // Kept until funding changes, per kind of reader, language and digits, partner chosen (only partners
    // the reader may see, so that made-up ids cannot crowd the topic) and the partner names drawn with.
    const keepable = partnerId === undefined || partners.list.some((partner) => partner.id === partnerId);
    const figuresKey = ['compare', readerKey(actor), ctx.locale, intlLocale(ctx.locale), partnerId ?? '', copySerial(partners)].join('|');
    const figures = keepable ? await app.figures.get('funding', figuresKey, render) : await render();
    return sendPage(reply, <ComparePage ctx={ctx} figures={jsxTemplate([figures])} />);
  });

  app.get('/funding/compare/export', { config: { access: 'funding.read' }, schema: { querystring: CompareExportQuery, hide: true } }, async (request, reply) => {
    const { table, format, partnerId } = request.query;
    const [data, partners] = await Promise.all([comparisons(db, request.actor, partnerId), partnerDirectory(db, request.actor, request.locale)]);
    return sendTable(reply, comparisonTables(request.t, data, partners.name)[table] as FundingTable, `funding-${table}`, format);
  });
};
