import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@fastify/type-provider-typebox';
import { can } from '../../platform/authz.ts';
import { Conflict, InvalidInput, type StaleVersion } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';
import { recordFormInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { saveForm, withCurrentVersion } from '../../platform/views/save-form.ts';
import { listGroups } from '../partners/groups.service.ts';
import { detentionFormDefaults } from './detention-access.ts';
import { SiteFormPage } from './site-form.tsx';
import { SitePage } from './site-page.tsx';
import * as sites from './sites.service.ts';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** "FRA 120" per line → [{ key: 'FRA', count: 120 }]; a line that is not "KEY NUMBER" is kept for the service to name. */
function breakdownLines(text: unknown): { key: string; count: number }[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(\S+)\s*[:=,]?\s*(-?\d[\d\s,.]*)$/.exec(line);
      return match ? { key: match[1] as string, count: Number((match[2] as string).replace(/[\s,.]/g, '')) } : { key: line, count: Number.NaN };
    });
}

function snapshotFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  input.nationalities = breakdownLines(input.nationalities);
  input.categories = breakdownLines(input.categories);
  input.partial = input.partial === 'true';
  return input;
}

/** The site form's fields, with the coordinates as numbers. */
function siteFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  for (const field of ['latitude', 'longitude'] as const) if (typeof input[field] === 'string') input[field] = input[field] === '' ? null : Number(input[field]);
  return input;
}

const asLines = (parts: unknown) => ((parts ?? []) as { key: string; count: number }[]).map((part) => `${part.key} ${part.count}`).join('\n');

/** The detention sites' pages: a site with its figures, adding a figure, adding and editing a site. */
export const sitesPages: AppModule = async (app, { db }) => {
  async function renderSite(request: FastifyRequest, reply: FastifyReply, id: string, problem: { values?: Record<string, unknown>; errors?: InvalidInput['fields']; duplicate?: string; status?: number } = {}) {
    const [record, groups, defaults] = await Promise.all([sites.siteRecord(db, request.actor, id), listGroups(db, request.actor, app.figures), detentionFormDefaults(db, request.actor)]);
    const values = problem.values ? { ...problem.values, nationalities: asLines(problem.values.nationalities), categories: asLines(problem.values.categories) } : defaults;
    return sendPage(reply, <SitePage ctx={pageContext(request)} site={record.site} snapshots={record.snapshots} canWrite={can(request.actor, 'detention.write')} groups={groups} values={values} errors={problem.errors} duplicate={problem.duplicate} />, problem.status ?? 200);
  }

  const siteForm = async (request: FastifyRequest, values: Record<string, unknown>, options: { id?: string; errors?: InvalidInput['fields']; stale?: StaleVersion } = {}) => {
    const t = request.t;
    const ctx = pageContext(request);
    const groups = await listGroups(db, request.actor, app.figures);
    return options.id ? (
      <SiteFormPage ctx={ctx} title={t('detention.editSite')} action={`/detention/sites/${options.id}`} cancelHref={`/detention/sites/${options.id}`} values={withCurrentVersion(values, options.stale)} groups={groups} errors={options.errors} stale={Boolean(options.stale)} />
    ) : (
      <SiteFormPage ctx={ctx} title={t('detention.newSite')} action="/detention/sites" cancelHref="/detention" values={values} groups={groups} errors={options.errors} />
    );
  };

  app.get('/detention/sites/new', { config: { access: 'detention.write' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, await siteForm(request, { kind: 'displaced-persons-camp', ...(await detentionFormDefaults(db, request.actor)) })),
  );

  app.post('/detention/sites', { config: { access: 'detention.write' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = siteFormInput(request.body);
    return saveForm(
      reply,
      async () => `/detention/sites/${(await sites.createSite(db, request.actor, input)).id}`,
      async ({ errors }) => siteForm(request, input, { errors }),
    );
  });

  app.get('/detention/sites/:id', { config: { access: 'detention.read' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => renderSite(request, reply, request.params.id));

  // A snapshot has no page of its own: its address leads to its row on its site's page (the ingest review links here).
  app.get('/detention/snapshots/:id', { config: { access: 'detention.read' }, schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const address = await sites.snapshotAddress(db, request.actor, request.params.id);
    return reply.redirect(address, 303);
  });

  app.get('/detention/sites/:id/edit', { config: { access: 'detention.write' }, schema: { params: IdParams, querystring: LangQuery, hide: true } }, async (request, reply) => {
    const { site } = await sites.siteRecord(db, request.actor, request.params.id);
    return sendPage(reply, await siteForm(request, { ...site }, { id: site.id }));
  });

  app.post('/detention/sites/:id', { config: { access: 'detention.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = siteFormInput(request.body);
    return saveForm(
      reply,
      async () => `/detention/sites/${(await sites.updateSite(db, request.actor, request.params.id, input)).id}`,
      async ({ errors, stale }) => siteForm(request, input, { id: request.params.id, errors, stale }),
    );
  });

  app.post('/detention/sites/:id/snapshots', { config: { access: 'detention.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = snapshotFormInput(request.body);
    return saveForm(
      reply,
      async () => {
        await sites.addSnapshot(db, request.actor, request.params.id, input);
        return `/detention/sites/${request.params.id}`;
      },
      (problem) => renderSite(request, reply, request.params.id, { values: input, errors: problem.errors, duplicate: problem.conflict?.message, status: problem.status }),
      { refuses: [InvalidInput, Conflict] },
    );
  });
};
