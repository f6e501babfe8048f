import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppModule } from '../../platform/module.ts';
import type { MeetingsSettings } from './meetings.module.ts';
import { CsrfField, FormActions } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import type { GroupRow } from '../partners/partners.repo.ts';
import { groupsVisibleTo } from '../partners/groups.service.ts';
import { groupFeed, hasLiveFeedToken, renewFeedToken, revokeFeedToken } from './calendar-feeds.service.ts';
import { FormBody } from '../../platform/route-schemas.ts';


function CalendarFeedsPage(props: { ctx: PageContext; groups: GroupRow[]; origin: string; hasToken: boolean; newToken?: string; replacedOld?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const feedUrl = (group: GroupRow) => `${props.origin}/groups/${group.id}/meetings.ics${props.newToken ? `?token=${props.newToken}` : ''}`;
  return (
    <Layout ctx={ctx} title={t('feeds.title')}>
      <h1>{t('feeds.title')}</h1>
      <p>{t('feeds.intro')}</p>
      {props.newToken && (
        <p class="alert alert--success" role="status">
          {/* Renewing stops the old address: the holder must hear that, not a bare "created". */}
          {t(props.replacedOld ? 'feeds.renewed' : 'feeds.created')}
        </p>
      )}
      {!props.newToken && props.hasToken && <p>{t('feeds.hasToken')}</p>}
      <ul class="feeds" dir="ltr">
        {props.groups.map((group) => (
          <li>
            {group.name}: <code>{feedUrl(group)}</code>
          </li>
        ))}
      </ul>
      <form method="post" action="/account/calendar/token" class="narrow-form">
        <CsrfField ctx={ctx} />
        <FormActions>
          <button type="submit">{props.hasToken ? t('feeds.renew') : t('feeds.create')}</button>
        </FormActions>
      </form>
      {props.hasToken && (
        <form method="post" action="/account/calendar/token/revoke" class="narrow-form">
          <CsrfField ctx={ctx} />
          <FormActions>
            <button type="submit" class="button--secondary">
              {t('feeds.revoke')}
            </button>
          </FormActions>
        </form>
      )}
    </Layout>
  );
}

export const calendarFeedsPages: AppModule<MeetingsSettings> = async (app, { db, config }) => {
  // Absolute links come from PUBLIC_URL, never from the request's Host header.
  const origin = (_request: FastifyRequest) => config.publicUrl;

  app.get(
    '/groups/:id/meetings.ics',
    { config: { access: 'public' }, schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) }), hide: true } },
    async (request, reply) => {
      const calendar = await groupFeed(db, request.params.id, request.query.token, request.ip, origin(request));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(calendar);
    },
  );

  app.get('/account/calendar', { config: { access: 'signed-in' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <CalendarFeedsPage ctx={pageContext(request)} groups={await groupsVisibleTo(db, request.actor, app.figures)} origin={origin(request)} hasToken={await hasLiveFeedToken(db, request.actor!)} />),
  );

  app.post('/account/calendar/token', { config: { access: 'signed-in' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const replacedOld = await hasLiveFeedToken(db, request.actor!);
    const token = await renewFeedToken(db, request.actor!);
    return sendPage(reply, <CalendarFeedsPage ctx={pageContext(request)} groups={await groupsVisibleTo(db, request.actor, app.figures)} origin={origin(request)} hasToken newToken={token} replacedOld={replacedOld} />, 201);
  });

  app.post('/account/calendar/token/revoke', { config: { access: 'signed-in' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    await revokeFeedToken(db, request.actor!);
    return reply.redirect('/account/calendar', 303);
  });
};
