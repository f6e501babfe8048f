import { Type } from '@fastify/type-provider-typebox';
import { isDatabaseReachable } from '../../db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import type { SessionSettings } from '../../platform/session.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { renderPageFor, sendPage } from '../../platform/views/render.ts';
import { AnonymousPageCache } from '../../platform/anonymous-page-cache.ts';
import { myDesk, publicFront } from './home.service.ts';
import { MyDeskPage, PublicFrontPage } from './home.views.tsx';
import { CookiesPage } from './public-site.views.tsx';

const Health = Type.Object({ status: Type.String() });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** The home page's shared copy for anonymous visitors, and what the cookie page says of sessions and identity providers. */
export interface PublicSiteSettings extends SessionSettings {
  readonly publicPageCacheSeconds: number;
  readonly oidcProviders: readonly unknown[];
}

export const publicSiteModule: AppModule<PublicSiteSettings> = async (app, { db, config }) => {
  const homeCache = new AnonymousPageCache(config.publicPageCacheSeconds * 1000);
  app.get('/', { config: { access: 'public' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    homeCache.respond(request, reply, async () => {
      // Signed in: "my desk", what waits for this person; anonymous: the public front page.
      if (request.actor) return { body: renderPageFor(request, <MyDeskPage ctx={pageContext(request)} desk={await myDesk(db, request.actor)} />) };
      return { body: renderPageFor(request, <PublicFrontPage ctx={pageContext(request)} front={await publicFront(db, request.actor)} />) };
    }),
  );

  app.get('/cookies', { config: { access: 'public' }, schema: { querystring: LangQuery, hide: true } }, async (request, reply) =>
    sendPage(reply, <CookiesPage ctx={pageContext(request)} idleMinutes={config.sessionIdleMinutes} absoluteHours={config.sessionAbsoluteHours} identityProviders={config.oidcProviders.length > 0} />),
  );

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'The database answers', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const ready = await isDatabaseReachable(db);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'database unreachable' });
    },
  );
};
