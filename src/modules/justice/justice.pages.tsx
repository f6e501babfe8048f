import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, isSecretariat } from '../../platform/authz.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import { toCsv } from '../../platform/csv.ts';
import { InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { formToInput, recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendCsv, sendPage } from '../../platform/views/render.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { sendXlsx } from '../../platform/views/xlsx.ts';
import { listGroups } from '../partners/groups.service.ts';
import { getPartner } from '../partners/partners.service.ts';
import { importJusticeCsv, JUSTICE_COLUMNS, justiceSheet } from './justice-csv.ts';
import { justiceOverview } from './justice-overview.ts';
import { type JusticeChoices, JusticeFormPage, JusticeImportPage, JusticeListPage, JusticeRecordPage } from './justice-records.views.tsx';
import { stateJustice } from './justice-state.ts';
import { isKnownState } from './justice-states.ts';
import { JusticeListQuery } from './justice.schema.ts';
import * as justice from './justice.service.ts';
import { JusticePublicPage, JusticeStatePage } from './public-justice.views.tsx';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const StateParams = Type.Object({ iso3: Type.String({ pattern: '^[A-Za-z]{3}$' }) });

/** A form's fields as the service's input: sources one per line, empty choices as null. */
function justiceFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  input.sources = typeof input.sources === 'string' ? input.sources.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : [];
  input.overlapsNational = input.overlapsNational === 'true';
  for (const field of ['stateIso3', 'mechanism', 'periodStart', 'count', 'legalBasis', 'confidence']) input[field] = input[field] ?? null;
  return input;
}

export const justicePages: AppModule = async (app, { db }) => {
  async function choices(request: FastifyRequest): Promise<JusticeChoices> {
    const actor = request.actor;
    const [groups, partner] = await Promise.all([listGroups(db, actor, app.figures), !isSecretariat(actor) && actor?.partnerId ? getPartner(db, actor, actor.partnerId) : Promise.resolve(undefined)]);
    // Kosovo's partner record has no ISO code: its delegates report under the code institutions use.
    return { groups, fixedIso3: partner ? (partner.iso3 ?? (partner.nameEn === 'Kosovo' ? 'XKX' : null)) : null };
  }

  app.get('/justice', { config: { access: 'justice.read' }, schema: { querystring: JusticeListQuery, hide: true } }, async (request, reply) => {
    const ctx = pageContext(request);
    const links: [string, string][] = [];
    if (request.actor) links.push(['/justice/records', ctx.t('justice.records')]);
    if (can(request.actor, 'justice.write')) links.push(['/justice/records/new', ctx.t('justice.report')], ['/justice/import', ctx.t('justice.import')]);
    if (!request.actor) links.push(['/justice/records', ctx.t('justice.allRecords')]);
    return sendPage(reply, <JusticePublicPage ctx={ctx} overview={await justiceOverview(db, request.actor, request.query)} query={request.query} signedInLinks={links} />);
  });

  app.get('/justice/states/:iso3', { config: { access: 'justice.read' }, schema: { params: StateParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const iso3 = request.params.iso3.toUpperCase();
    if (!isKnownState(iso3)) throw new NotFound('record');
    return sendPage(reply, <JusticeStatePage ctx={pageContext(request)} iso3={iso3} {...await stateJustice(db, request.actor, iso3)} />);
  });

  app.get('/justice/records', { config: { access: 'justice.read' }, schema: { querystring: JusticeListQuery, hide: true } }, async (request, reply) => {
    const query = request.query;
    if (query.format) {
      const rows = await justice.allJustice(db, request.actor, justice.filterOf(query), 'justice-export');
      const sheet = justiceSheet(rows);
      if (query.format === 'csv') return sendCsv(reply, 'justice.csv', toCsv(sheet.columns, sheet.rows));
      return sendXlsx(reply, 'justice.xlsx', 'justice', sheet.columns, sheet.rows);
    }
    const { rows, total } = await justice.listJustice(db, request.actor, query);
    return sendPage(reply, <JusticeListPage ctx={pageContext(request)} rows={rows} total={total} query={query} may={{ report: can(request.actor, 'justice.write') }} />);
  });

  app.get('/justice/records/new', { config: { access: 'justice.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <JusticeFormPage ctx={pageContext(request)} choices={await choices(request)} values={{ classification: 'public' }} />),
  );

  app.post('/justice/records', { config: { access: 'justice.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = justiceFormInput(request.body);
    return saveForm(
      reply,
      async () => `/justice/records/${(await justice.reportJustice(db, request.actor, input)).id}`,
      async ({ errors }) => <JusticeFormPage ctx={pageContext(request)} choices={await choices(request)} values={input} errors={errors} />,
    );
  });

  async function renderRecord(request: FastifyRequest, reply: FastifyReply, id: string, problem: { values?: Record<string, unknown>; errors?: InvalidInput['fields']; stale?: StaleVersion } = {}) {
    const actor = request.actor;
    // The history names who acted: signed-in readers only.
    const { row, history } = actor ? await justice.justiceHistory(db, actor, id) : { row: await justice.getJustice(db, actor, id), history: null };
    const mayCorrect = can(actor, 'justice.write', { partnerId: row.partnerId }) && (isSecretariat(actor) || row.status === 'reported');
    return sendPage(
      reply,
      <JusticeRecordPage ctx={pageContext(request)} row={row} history={history} may={{ verify: can(actor, 'justice.verify'), correct: mayCorrect }} choices={mayCorrect ? await choices(request) : undefined} values={withCurrentVersion(problem.values ?? { ...row }, problem.stale)} errors={problem.errors} stale={Boolean(problem.stale)} />,
      problem.stale ? 409 : problem.errors ? 400 : 200,
    );
  }

  app.get('/justice/records/:id', { config: { access: 'justice.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => renderRecord(request, reply, request.params.id));

  const change = async (request: FastifyRequest, reply: FastifyReply, id: string, work: () => Promise<unknown>, values?: Record<string, unknown>) => {
    try {
      await work();
      return reply.redirect(`/justice/records/${id}`, 303);
    } catch (error) {
      if (error instanceof InvalidInput) return renderRecord(request, reply, id, { values, errors: error.fields });
      if (error instanceof StaleVersion) return renderRecord(request, reply, id, { values, stale: error });
      throw error;
    }
  };

  app.post('/justice/records/:id/verify', { config: { access: 'justice.verify' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, () => justice.verifyJustice(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/justice/records/:id/correct', { config: { access: 'justice.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = justiceFormInput(request.body);
    return change(request, reply, request.params.id, () => justice.correctJustice(db, request.actor, request.params.id, input), input);
  });

  const columns = [...JUSTICE_COLUMNS.required, ...JUSTICE_COLUMNS.optional].join(',');
  app.get('/justice/import', { config: { access: 'justice.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => sendPage(reply, <JusticeImportPage ctx={pageContext(request)} columns={columns} />));

  app.post('/justice/import', { config: { access: 'justice.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const ctx = pageContext(request);
    const file = (request.body as Record<string, unknown>).file;
    if (!Buffer.isBuffer(file) || file.length === 0) return sendPage(reply, <JusticeImportPage ctx={ctx} columns={columns} message={request.t('partners.importNoFile')} />, 400);
    try {
      const { imported } = await importJusticeCsv(db, request.actor, new TextDecoder('utf-8').decode(file));
      return sendPage(reply, <JusticeImportPage ctx={ctx} columns={columns} imported={imported} />);
    } catch (error) {
      if (error instanceof ImportRejected) return sendPage(reply, <JusticeImportPage ctx={ctx} columns={columns} problems={error.rows} />, 400);
      throw error;
    }
  });
};
