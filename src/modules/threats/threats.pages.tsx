import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/authz.ts';
import { ImportRejected } from '../../platform/csv-import.ts';
import { Conflict, InvalidInput } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { formToInput, recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendCsv, sendPage } from '../../platform/views/render.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import { listGroups } from '../partners/groups.service.ts';
import { taskingsOnBranch } from '../taskings/taskings.service.ts';
import { INCIDENT_COLUMNS, importIncidentsCsv, incidentsCsv } from './incidents-csv.ts';
import { IncidentQuery } from './threats.schema.ts';
import * as threats from './threats.service.ts';
import { BranchNamesFormPage, BranchPage, IncidentFormPage, IncidentPage, ThreatImportPage, ThreatMapPage, ThreatsPage } from './threats.views.tsx';
import { translatedOrDash } from '../../platform/views/translated-name.tsx';
import { saveForm } from '../../platform/views/save-form.ts';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 64 }) });
const NUMBER_FIELDS = ['latitude', 'longitude', 'killedLow', 'killedHigh', 'injuredLow', 'injuredHigh'] as const;

/** The form's flat fields as service input: numbers as numbers, the numbered source rows as a list. */
function incidentFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  for (const field of NUMBER_FIELDS) if (typeof input[field] === 'string') input[field] = Number(input[field]);
  const sources = [];
  for (const index of [1, 2, 3]) {
    const title = input[`sourceTitle${index}`];
    const publisher = input[`sourcePublisher${index}`];
    if (title || publisher) sources.push({ title: title ?? '', publisher: publisher ?? '', url: input[`sourceUrl${index}`] ?? null, date: input[`sourceDate${index}`] ?? null });
    for (const part of ['Title', 'Publisher', 'Url', 'Date']) delete input[`source${part}${index}`];
  }
  input.sources = sources;
  input.confirm = input.confirm === 'true';
  return input;
}

export const threatsPages: AppModule = async (app, { db }) => {
  const branchNames = async (request: FastifyRequest) => {
    const list = await threats.listBranches(db, request.actor, app.figures);
    const names = new Map(list.map((branch) => [branch.slug, branch.shortName]));
    return { list, name: (slug: string) => names.get(slug) ?? slug };
  };

  app.get('/threats', { config: { access: 'threat.read' }, schema: { querystring: IncidentQuery, hide: true } }, async (request, reply) => {
    const [{ rows, total, totalIsLowerBound, older, newer }, branches, theaters] = await Promise.all([threats.listIncidents(db, request.actor, request.query), threats.listBranches(db, request.actor, app.figures), listTheaters(db, app.figures)]);
    return sendPage(reply, <ThreatsPage ctx={pageContext(request)} rows={rows} total={total} totalIsLowerBound={totalIsLowerBound} older={older} newer={newer} query={request.query} branches={branches} theaters={theaters} canWrite={can(request.actor, 'threat.write')} />);
  });

  app.get('/threats/incidents.csv', { config: { access: 'threat.read' }, schema: { querystring: IncidentQuery, hide: true } }, async (request, reply) =>
    sendCsv(reply, 'incidents.csv', incidentsCsv(await threats.allIncidents(db, request.actor, request.query))),
  );

  app.get('/threats/map', { config: { access: 'threat.read' }, schema: { querystring: IncidentQuery, hide: true } }, async (request, reply) => {
    const [map, listed, names] = await Promise.all([threats.incidentMap(db, request.actor, request.query), threats.pageOfListedIncidents(db, request.actor, request.query), branchNames(request)]);
    return sendPage(reply, <ThreatMapPage ctx={pageContext(request)} map={map} listed={listed} query={request.query} branchName={names.name} />);
  });

  app.get('/threats/branches/:slug', { config: { access: 'threat.read' }, schema: { params: SlugParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const record = await threats.branchRecord(db, request.actor, request.params.slug, app.figures);
    const [work, groups] = await Promise.all([taskingsOnBranch(db, request.actor, record.branch.slug), listGroups(db, request.actor, app.figures)]);
    const ctx = pageContext(request);
    const groupById = new Map(groups.map((group) => [group.id, group]));
    return sendPage(reply, <BranchPage ctx={ctx} {...record} taskings={work.taskings} taskingTotal={work.total} updates={work.updates} groupName={(id) => translatedOrDash(ctx, groupById.get(id), 'name')} />);
  });

  app.get('/threats/branches/:slug/names', { config: { access: 'partner.write' }, schema: { params: SlugParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const { branch } = await threats.branchRecord(db, request.actor, request.params.slug);
    return sendPage(reply, <BranchNamesFormPage ctx={pageContext(request)} branch={branch} values={branch} />);
  });

  app.post('/threats/branches/:slug/names', { config: { access: 'partner.write' }, schema: { params: SlugParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    return saveForm(
      reply,
      async () => `/threats/branches/${(await threats.setBranchNames(db, request.actor, request.params.slug, input)).slug}`,
      async ({ errors }) => <BranchNamesFormPage ctx={pageContext(request)} branch={(await threats.branchRecord(db, request.actor, request.params.slug)).branch} values={input} errors={errors} />,
    );
  });

  const incidentForm = async (request: FastifyRequest, values: Record<string, unknown>, problem: { errors?: InvalidInput['fields']; doubts?: InvalidInput['fields'] } = {}) => {
    const [branches, theaters, groups] = await Promise.all([threats.listBranches(db, request.actor, app.figures), listTheaters(db, app.figures), listGroups(db, request.actor, app.figures)]);
    return <IncidentFormPage ctx={pageContext(request)} branches={branches} theaters={theaters} groups={groups} values={values} errors={problem.errors} doubts={problem.doubts} />;
  };

  app.get('/threats/incidents/new', { config: { access: 'threat.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, await incidentForm(request, { attribution: 'claimed', classification: 'coalition' })),
  );

  app.post('/threats/incidents', { config: { access: 'threat.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = incidentFormInput(request.body);
    // The form keeps its flat source fields, so a refused entry comes back as typed.
    const typed = recordFormInput(request.body);
    try {
      const row = await threats.createIncident(db, request.actor, input);
      return reply.redirect(`/threats/incidents/${row.id}`, 303);
    } catch (error) {
      if (error instanceof InvalidInput) return sendPage(reply, await incidentForm(request, typed, { errors: error.fields }), 400);
      if (error instanceof Conflict) return sendPage(reply, await incidentForm(request, typed, { doubts: error.fields }), 409);
      throw error;
    }
  });

  app.get('/threats/incidents/:id', { config: { access: 'threat.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const row = await threats.getIncident(db, request.actor, request.params.id);
    const branches = await threats.listBranches(db, request.actor, app.figures);
    return sendPage(reply, <IncidentPage ctx={pageContext(request)} row={row} branch={branches.find((branch) => branch.slug === row.branchSlug)} />);
  });

  app.get('/threats/import', { config: { access: 'threat.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <ThreatImportPage ctx={pageContext(request)} columns={INCIDENT_COLUMNS.join(',')} />),
  );

  app.post('/threats/import', { config: { access: 'threat.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const file = (request.body as Record<string, unknown>).file;
    const ctx = pageContext(request);
    const columns = INCIDENT_COLUMNS.join(',');
    if (!Buffer.isBuffer(file) || file.length === 0) return sendPage(reply, <ThreatImportPage ctx={ctx} columns={columns} message={request.t('partners.importNoFile')} />, 400);
    try {
      const { imported } = await importIncidentsCsv(db, request.actor, new TextDecoder('utf-8').decode(file));
      return sendPage(reply, <ThreatImportPage ctx={ctx} columns={columns} imported={imported} />);
    } catch (error) {
      if (error instanceof ImportRejected) return sendPage(reply, <ThreatImportPage ctx={ctx} columns={columns} problems={error.rows} />, 400);
      throw error;
    }
  });
};
