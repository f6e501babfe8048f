import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, isSecretariat } from '../../platform/authz.ts';
import { toCsv } from '../../platform/csv.ts';
import { InvalidInput, StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams, PageQuery } from '../../platform/route-schemas.ts';
import { formToInput, recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendCsv, sendPage } from '../../platform/views/render.ts';
import { sendXlsx } from '../../platform/views/xlsx.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { listGroups } from '../partners/groups.service.ts';
import { findPartner } from '../partners/partners.repo.ts';
import { NationalitiesQuery } from './detention.schema.ts';
import { DetentionHomePage, MapPage, NationalitiesPage, nationalityName, sortNationalities } from './detention.views.tsx';
import { detentionFormDefaults } from './detention-access.ts';
import { nationalitiesSheet } from './nationalities-export.ts';
import { mapFigures, nationalitiesTable } from './nationalities.service.ts';
import * as repatriationsService from './repatriations.service.ts';
import { DetentionImportPage, type RepatriationChoices, RepatriationFormPage, RepatriationListPage, RepatriationPage } from './repatriations.views.tsx';
import { IMPORT_COLUMNS, IMPORT_KINDS, importDetentionCsv } from './detention-csv.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import * as sites from './sites.service.ts';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

function repatriationFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  input.cumulative = input.cumulative === 'true';
  input.receivingIso3 = input.receivingIso3 ?? null;
  return input;
}

export const detentionPages: AppModule = async (app, { db }) => {
  async function repatriationChoices(request: FastifyRequest): Promise<RepatriationChoices> {
    const actor = request.actor;
    const [siteList, groups, partner] = await Promise.all([
      sites.listSites(db, actor),
      listGroups(db, actor, app.figures),
      !isSecretariat(actor) && actor?.partnerId ? findPartner(db, actor, actor.partnerId) : Promise.resolve(undefined),
    ]);
    return { sites: siteList, groups, fixedIso3: partner?.iso3 ?? null };
  }

  async function renderRepatriation(request: FastifyRequest, reply: FastifyReply, id: string, problem: { values?: Record<string, unknown>; errors?: InvalidInput['fields']; stale?: StaleVersion } = {}) {
    const { row, history } = await repatriationsService.repatriationHistory(db, request.actor, id);
    const mayCorrect = can(request.actor, 'repatriation.write', { partnerId: row.partnerId }) && (isSecretariat(request.actor) || row.status === 'reported');
    const choices = mayCorrect ? await repatriationChoices(request) : undefined;
    return sendPage(
      reply,
      <RepatriationPage ctx={pageContext(request)} row={row} history={history} may={{ verify: can(request.actor, 'repatriation.verify'), correct: mayCorrect }} choices={choices} values={withCurrentVersion(problem.values ?? { ...row }, problem.stale)} errors={problem.errors} stale={Boolean(problem.stale)} />,
      problem.stale ? 409 : problem.errors ? 400 : 200,
    );
  }

  app.get('/detention', { config: { access: 'detention.read' }, schema: { querystring: PageQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <DetentionHomePage ctx={pageContext(request)} found={await sites.pageOfSites(db, request.actor, request.query.page)} may={{ write: can(request.actor, 'detention.write'), report: can(request.actor, 'repatriation.write') }} />),
  );

  app.get('/detention/nationalities', { config: { access: 'detention.read' }, schema: { querystring: NationalitiesQuery, hide: true } }, async (request, reply) => {
    const ctx = pageContext(request);
    const { rows, years } = await nationalitiesTable(db, request.actor);
    const name = (key: string) => nationalityName(key, ctx);
    const sorted = sortNationalities(rows, request.query, name, request.locale);
    if (request.query.format) {
      const sheet = nationalitiesSheet(request.t, sorted, years, name);
      if (request.query.format === 'csv') return sendCsv(reply, 'nationalities.csv', toCsv(sheet.columns, sheet.rows));
      return sendXlsx(reply, 'nationalities.xlsx', 'nationalities', sheet.columns, sheet.rows);
    }
    return sendPage(reply, <NationalitiesPage ctx={ctx} rows={sorted} years={years} query={request.query} />);
  });

  app.get('/detention/map', { config: { access: 'detention.read' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => {
    // One audited read for the page: the nationalities table records the sites it read as well, and the
    // sites' head counts come from the same reads.
    const figures = await mapFigures(db, request.actor);
    return sendPage(reply, <MapPage ctx={pageContext(request)} sites={figures.sites} repatriated={figures.rows} />);
  });

  const importKinds = (request: FastifyRequest) =>
    IMPORT_KINDS.filter((kind) => can(request.actor, kind === 'snapshots' ? 'detention.write' : 'repatriation.write')).map((kind) => ({ kind, columns: [...IMPORT_COLUMNS[kind].required, ...IMPORT_COLUMNS[kind].optional].join(',') }));

  app.get('/detention/import', { config: { access: 'repatriation.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <DetentionImportPage ctx={pageContext(request)} kinds={importKinds(request)} />),
  );

  app.post('/detention/import', { config: { access: 'repatriation.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const kind = IMPORT_KINDS.find((candidate) => candidate === body.kind);
    const ctx = pageContext(request);
    const file = body.file;
    if (!kind || !Buffer.isBuffer(file) || file.length === 0) return sendPage(reply, <DetentionImportPage ctx={ctx} kinds={importKinds(request)} kind={kind} message={request.t('partners.importNoFile')} />, 400);
    try {
      const { imported } = await importDetentionCsv(db, request.actor, kind, new TextDecoder('utf-8').decode(file));
      return sendPage(reply, <DetentionImportPage ctx={ctx} kinds={importKinds(request)} kind={kind} imported={imported} />);
    } catch (error) {
      if (error instanceof ImportRejected) return sendPage(reply, <DetentionImportPage ctx={ctx} kinds={importKinds(request)} kind={kind} problems={error.rows} />, 400);
      throw error;
    }
  });

  app.get('/detention/repatriations', { config: { access: 'detention.read' }, schema: { querystring: PageQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <RepatriationListPage ctx={pageContext(request)} found={await repatriationsService.pageOfRepatriations(db, request.actor, request.query.page)} canReport={can(request.actor, 'repatriation.write')} />),
  );

  app.get('/detention/repatriations/new', { config: { access: 'repatriation.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) => {
    const choices = await repatriationChoices(request);
    return sendPage(reply, <RepatriationFormPage ctx={pageContext(request)} choices={choices} values={await detentionFormDefaults(db, request.actor, choices.groups)} />);
  });

  app.post('/detention/repatriations', { config: { access: 'repatriation.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = repatriationFormInput(request.body);
    return saveForm(
      reply,
      async () => `/detention/repatriations/${(await repatriationsService.reportRepatriation(db, request.actor, input)).id}`,
      async ({ errors }) => <RepatriationFormPage ctx={pageContext(request)} choices={await repatriationChoices(request)} values={input} errors={errors} />,
    );
  });

  app.get('/detention/repatriations/:id', { config: { access: 'detention.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => renderRepatriation(request, reply, request.params.id));

  const change = async (request: FastifyRequest, reply: FastifyReply, id: string, work: () => Promise<unknown>, values?: Record<string, unknown>) =>
    saveForm(
      reply,
      async () => {
        await work();
        return `/detention/repatriations/${id}`;
      },
      (problem) => renderRepatriation(request, reply, id, { values, errors: problem.errors, stale: problem.stale }),
      { refuses: [InvalidInput, StaleVersion] },
    );

  app.post('/detention/repatriations/:id/verify', { config: { access: 'repatriation.verify' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    change(request, reply, request.params.id, () => repatriationsService.verifyRepatriation(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/detention/repatriations/:id/correct', { config: { access: 'repatriation.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = repatriationFormInput(request.body);
    return change(request, reply, request.params.id, () => repatriationsService.correctRepatriation(db, request.actor, request.params.id, input), input);
  });
};

