import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/authz.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody } from '../../platform/route-schemas.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { RatesPage } from './rates.views.tsx';
import { RateListQuery } from './funding.schema.ts';
import * as rates from './rates.service.ts';
import { uploadedText } from './funding-form-input.ts';

/** The exchange rates: the list and the secretariat's import. */
export const ratesPages: AppModule = async (app, { db }) => {
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
};
