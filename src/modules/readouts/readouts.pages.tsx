import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { can } from '../../platform/authz.ts';
import { Conflict, Forbidden, InvalidInput } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { formToInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { renderPageFor, sendPage } from '../../platform/views/render.ts';
import { saveTranslation, titlesIn, TranslationInput, translationsOf } from './translations.service.ts';
import { AnonymousPageCache } from '../../platform/anonymous-page-cache.ts';
import { listTheaters } from '../meetings/meetings.service.ts';
import { partnersByIds } from '../partners/partners.repo.ts';
import { groupsVisibleTo } from '../partners/groups.service.ts';
import { htmlToText, renderVersion } from './markdown.ts';
import * as readouts from './readouts.service.ts';
import { DeskListPage } from './desk-list.views.tsx';
import { DeskReadoutPage } from './desk-readout.views.tsx';
import { PublicReadoutListPage } from './public-readout-list.views.tsx';
import { PublicReadoutPage } from './public-readout.views.tsx';
import { DiffPage } from './readout-diff.views.tsx';
import { readoutPath } from './readouts.views.tsx';
import { FormBody, IdParams, PageQuery } from '../../platform/route-schemas.ts';
import { say } from '../../platform/i18n/say.ts';
import { flashAs } from '../../platform/flash.ts';

const TranslationParams = Type.Object({ id: Type.String({ format: 'uuid' }), locale: Type.String({ maxLength: 5 }) });

const PublicQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    groupId: Type.Optional(Type.String({ format: 'uuid' })),
    theater: Type.Optional(Type.String({ maxLength: 64 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
const ReadoutSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  meetingId: Type.String(),
  bodyMarkdown: Type.String(),
});

/** Feeds and canonical links use the public address; anonymous visitors may get a shared copy of a public page for this long. */
export interface ReadoutsSettings {
  readonly publicUrl: string;
  readonly publicPageCacheSeconds: number;
}

export const readoutsPages: AppModule<ReadoutsSettings> = async (app, { db, config }) => {
  // Absolute links come from PUBLIC_URL, never from the request's Host header (a forged Host would otherwise land in feeds).
  const origin = (_request: FastifyRequest) => config.publicUrl;
  // The public site is the most read part of the platform; anonymous visitors share short-lived copies.
  const publicCache = new AnonymousPageCache(config.publicPageCacheSeconds * 1000);

  // Public site

  app.get('/readouts', { config: { access: 'public' }, schema: { querystring: PublicQuery, hide: true } }, async (request, reply) =>
    publicCache.respond(request, reply, async () => {
      const [{ rows, total }, groups, theaters] = await Promise.all([readouts.listPublished(db, request.actor, request.query, { kept: app.figures }), groupsVisibleTo(db, request.actor, app.figures), listTheaters(db, app.figures)]);
      const translatedTitles = await titlesIn(db, rows.map((row) => row.readout.id), request.locale);
      return { body: renderPageFor(request, <PublicReadoutListPage ctx={pageContext(request)} rows={rows} total={total} query={request.query} groups={groups} theaters={theaters} translatedTitles={translatedTitles} />) };
    }),
  );

  app.get('/readouts/feed.atom', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    publicCache.respond(request, reply, async () => {
    const { rows } = await readouts.listPublished(db, request.actor, { pageSize: 50 }, { withTotal: false });
    const base = origin(request);
    const feed = new Feed({
      id: `${base}/readouts`,
      title: 'Coalition Desk · Readouts',
      link: `${base}/readouts`,
      language: 'en',
      copyright: 'Public statements of the Coalition',
      updated: rows[0]?.readout.publishedAt ?? new Date(0),
      feedLinks: { atom: `${base}/readouts/feed.atom` },
      generator: 'Coalition Desk',
    });
    for (const { readout, version } of rows) {
      feed.addItem({
        id: `${base}${readoutPath(readout)}`,
        title: version.title,
        link: `${base}${readoutPath(readout)}`,
        date: version.createdAt,
        published: readout.publishedAt ?? undefined,
        description: htmlToText(renderVersion(version)).slice(0, 300),
        content: renderVersion(version),
      });
    }
    return { body: feed.atom1(), contentType: 'application/atom+xml; charset=utf-8' };
    }),
  );

  app.get(
    '/readouts/:year/:slug',
    { config: { access: 'public' }, schema: { params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }), slug: Type.String({ minLength: 1, maxLength: 200 }) }), querystring: Type.Object({ lang: Type.Optional(Type.String()) }), hide: true } },
    async (request, reply) =>
      publicCache.respond(request, reply, async () => {
        const found = await readouts.getPublished(db, request.actor, request.params.year, request.params.slug);
        // An old address (the title changed since) moves permanently to the current one.
        if (found.readout.slug !== request.params.slug) return reply.redirect(readoutPath(found.readout), 301);
        return { body: renderPageFor(request, <PublicReadoutPage ctx={pageContext(request)} {...found} translations={await translationsOf(db, found.readout.id)} />) };
      }),
  );

  app.get('/api/v1/readouts', { config: { access: 'public' }, schema: { tags: ['readouts'], summary: 'Published readouts, newest first', querystring: PublicQuery, response: { 200: Type.Object({ items: Type.Array(ReadoutSummary), total: Type.Integer() }), ...ProblemResponses } } }, async (request) => {
    const { rows, total } = await readouts.listPublished(db, request.actor, request.query);
    const base = origin(request);
    return {
      total,
      items: rows.map(({ readout, version, meeting }) => ({ id: readout.id, title: version.title, url: `${base}${readoutPath(readout)}`, publishedAt: (readout.publishedAt as Date).toISOString(), meetingId: meeting.id, bodyMarkdown: version.bodyMarkdown })),
    };
  });

  // Secretariat and co-chairs' desk

  async function renderDesk(request: FastifyRequest, reply: FastifyReply, id: string, extra: Partial<Parameters<typeof DeskReadoutPage>[0]> = {}, status = 200) {
    const record = await readouts.getReadoutForDesk(db, request.actor, id);
    const names = new Map((await partnersByIds(db, record.coLeads)).map((p) => [p.id, p.nameEn]));
    const may = { write: can(request.actor, 'readout.write'), clear: request.actor?.role === 'co-chair' && record.coLeads.includes(request.actor.partnerId ?? '') };
    return sendPage(reply, <DeskReadoutPage ctx={pageContext(request)} {...record} coLeadNames={names} may={may} translations={await translationsOf(db, id)} {...extra} />, status);
  }

  /** Runs a desk action; refusals and bad input come back on the readout page, not as a bare error. */
  async function deskAction(request: FastifyRequest, reply: FastifyReply, id: string, action: () => Promise<unknown>, draft?: { title: string; bodyMarkdown: string; correctionNote?: string }) {
    try {
      await action();
      return reply.redirect(`/desk/readouts/${id}`, 303);
    } catch (error) {
      if (error instanceof readouts.ReadoutEditConflict) return renderDesk(request, reply, id, { draft, conflict: { number: error.theirs.number, title: error.theirs.title, bodyMarkdown: error.theirs.bodyMarkdown, authorLabel: error.theirs.authorLabel } }, 409);
      if (error instanceof InvalidInput) return renderDesk(request, reply, id, { draft, errors: error.fields }, 400);
      if (error instanceof Conflict) return renderDesk(request, reply, id, { draft, message: error.message }, 409);
      if (error instanceof Forbidden) return renderDesk(request, reply, id, { message: error.message }, 403);
      throw error;
    }
  }

  app.get('/desk/readouts', { config: { access: 'readout.manage' }, schema: { querystring: PageQuery, hide: true } }, async (request, reply) => {
    const [found, inbox] = await Promise.all([readouts.listForDesk(db, request.actor, request.query.page, app.figures), readouts.inbox(db, request.actor!, app.figures)]);
    return sendPage(reply, <DeskListPage ctx={pageContext(request)} found={found} inbox={inbox} />);
  });

  app.post('/meetings/:id/readouts', { config: { access: 'readout.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const readout = await readouts.draftReadout(db, request.actor, request.params.id);
    return reply.redirect(`/desk/readouts/${readout.id}`, 303);
  });

  app.get('/desk/readouts/:id', { config: { access: 'readout.manage' }, schema: { params: IdParams, hide: true } }, async (request, reply) => renderDesk(request, reply, request.params.id));

  app.post('/desk/readouts/:id', { config: { access: 'readout.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    const draft = { title: String(input.title ?? ''), bodyMarkdown: String(input.bodyMarkdown ?? ''), correctionNote: input.correctionNote as string | undefined };
    return deskAction(request, reply, request.params.id, () => readouts.saveVersion(db, request.actor, request.params.id, input), draft);
  });

  app.post('/desk/readouts/:id/translations/:locale', { config: { access: 'readout.write' }, schema: { params: TranslationParams, body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    return deskAction(request, reply, request.params.id, () => saveTranslation(db, request.actor, request.params.id, request.params.locale, { title: body.title, bodyMarkdown: body.bodyMarkdown }));
  });

  app.put(
    '/api/v1/readouts/:id/translations/:locale',
    { config: { access: 'readout.write' }, schema: { tags: ['readouts'], summary: 'Save the translation of a readout into French or Arabic (replaces the one saved before)', params: TranslationParams, body: TranslationInput, response: { 200: Type.Object({ locale: Type.String(), title: Type.String(), bodyMarkdown: Type.String(), updatedAt: Type.String({ format: 'date-time' }) }), ...ProblemResponses } } },
    async (request) => {
      const saved = await saveTranslation(db, request.actor, request.params.id, request.params.locale, request.body);
      return { locale: saved.locale, title: saved.title, bodyMarkdown: saved.bodyMarkdown, updatedAt: saved.updatedAt.toISOString() };
    },
  );

  app.post('/desk/readouts/:id/submit', { config: { access: 'readout.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    deskAction(request, reply, request.params.id, () => readouts.submitForClearance(db, request.actor, request.params.id)),
  );

  app.post('/desk/readouts/:id/clearance', { config: { access: 'readout.manage' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
    // The confirmation says which way the co-chair decided.
    flashAs(reply, (request.body as Record<string, unknown>).decision === 'returned' ? 'returned' : 'cleared');
    return deskAction(request, reply, request.params.id, () => readouts.decideClearance(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>)));
  });

  app.post('/desk/readouts/:id/publish', { config: { access: 'readout.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    deskAction(request, reply, request.params.id, () => readouts.publishReadout(db, request.actor, request.params.id, formToInput(request.body as Record<string, unknown>))),
  );

  app.post('/desk/readouts/:id/withdraw', { config: { access: 'readout.write' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) =>
    deskAction(request, reply, request.params.id, () => readouts.withdrawReadout(db, request.actor, request.params.id)),
  );

  app.get(
    '/desk/readouts/:id/diff',
    { config: { access: 'readout.manage' }, schema: { params: IdParams, querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }), hide: true } },
    async (request, reply) => {
      const { versions } = await readouts.getReadoutForDesk(db, request.actor, request.params.id);
      const from = versions.find((v) => v.number === request.query.from);
      const to = versions.find((v) => v.number === request.query.to);
      if (!from || !to) throw new InvalidInput([{ field: !from ? 'from' : 'to', message: say('problem.versionRange', { count: versions.length }) }]);
      return sendPage(reply, <DiffPage ctx={pageContext(request)} readoutId={request.params.id} from={from} to={to} />);
    },
  );
};
