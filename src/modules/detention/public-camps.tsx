import { intlLocale } from '../../platform/i18n/request-language.ts';
import { SourceText } from '../../platform/views/source-text.tsx';
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import type { AppModule } from '../../platform/module.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { pageContext } from '../../platform/views/page-context.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import * as repo from './detention.repo.ts';
import { AggregateOnlyNotice } from './detention.views.tsx';
import { numberFormat } from '../../platform/i18n/formatters.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';

/** What the public may see: sites and snapshots marked public, read exactly as an anonymous visitor would. */
export async function publicCampFigures(db: Db, actor: MaybeActor) {
  authorize(actor, 'detention.read-public');
  const sites = await repo.listSites(db, null);
  const snapshots = await repo.snapshotsOf(db, null, sites.map((site) => site.id), { current: true });
  return sites.map((site) => ({ site, snapshots: snapshots.filter((snapshot) => snapshot.siteId === site.id && snapshot.total !== null) }));
}

function PublicCampsPage({ ctx, figures }: { ctx: PageContext; figures: Awaited<ReturnType<typeof publicCampFigures>> }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('detention.publicTitle')}>
      <h1>{t('detention.publicTitle')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      {figures.length === 0 && <p class="empty">{t('detention.noFigures')}</p>}
      {figures.map(({ site, snapshots }) => (
        <section>
          <h2><Translated ctx={ctx} record={site} field="name" /></h2>
          <p><Translated ctx={ctx} record={site} field="region" /></p>
          <DataTable
            rows={snapshots}
            caption={translated(site, locale, 'name')}
            empty={t('detention.noSnapshots')}
            columns={[
              { header: t('detention.asOf'), cell: (snapshot) => snapshot.asOf, ltr: true },
              { header: t('detention.population'), cell: (snapshot) => numberFormat(intlLocale(locale)).format(snapshot.total ?? 0) },
              { header: t('detention.note'), cell: (snapshot) => snapshot.note },
              { header: t('funding.source'), cell: (snapshot) => <span class="source"><SourceText ctx={ctx} source={snapshot.source} /></span> },
            ]}
          />
        </section>
      ))}
    </Layout>
  );
}

export const publicCampsPages: AppModule = async (app, { db }) => {
  app.get('/camps', { config: { access: 'public' }, schema: { querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) }), hide: true } }, async (request, reply) =>
    sendPage(reply, <PublicCampsPage ctx={pageContext(request)} figures={await publicCampFigures(db, request.actor)} />),
  );
};
