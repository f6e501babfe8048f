import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Conflict, InvalidInput } from '../../platform/errors.ts';
import type { AppModule } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import { formToInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listPartners } from '../partners/partners.repo.ts';
import { groupsVisibleTo } from '../partners/groups.service.ts';
import { CreatedUserView, NewUserInput, UserView } from './users.schema.ts';
import * as usersService from './users.service.ts';
import { NewUserPage, UsersPage } from './users.views.tsx';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';


export const usersModule: AppModule = async (app, { db }) => {
  const formChoices = async (request: FastifyRequest) => ({
    partners: (await listPartners(db, request.actor, { pageSize: 200 })).rows,
    groups: await groupsVisibleTo(db, request.actor, app.figures),
  });

  app.get('/admin/users', { config: { access: 'user.manage' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <UsersPage ctx={pageContext(request)} users={await usersService.listUsers(db, request.actor)} />),
  );

  app.get('/admin/users/new', { config: { access: 'user.manage' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <NewUserPage ctx={pageContext(request)} {...await formChoices(request)} />),
  );

  app.post('/admin/users', { config: { access: 'user.manage' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = formToInput(request.body as Record<string, unknown>);
    input.groupIds = input.groupIds === undefined ? [] : [input.groupIds].flat();
    try {
      const created = await usersService.createUser(db, request.actor, input);
      const users = await usersService.listUsers(db, request.actor);
      return sendPage(reply, <UsersPage ctx={pageContext(request)} users={users} created={{ email: created.user.email, oneTimePassword: created.oneTimePassword }} />, 201);
    } catch (error) {
      if (error instanceof InvalidInput || error instanceof Conflict) {
        const fields = error instanceof InvalidInput ? error.fields : error.fields;
        return sendPage(reply, <NewUserPage ctx={pageContext(request)} {...await formChoices(request)} values={input} errors={fields} />, error.status);
      }
      throw error;
    }
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/admin/users/:id/${verb}`, { config: { access: 'user.manage' }, schema: { params: IdParams, body: FormBody, hide: true } }, async (request, reply) => {
      await usersService.setUserDisabled(db, request.actor, request.params.id, disabled);
      return reply.redirect('/admin/users', 303);
    });
  }

  const tags = ['users'];
  app.get('/api/v1/users', { config: { access: 'user.manage' }, schema: { tags, summary: 'List accounts', response: { 200: Type.Array(UserView), ...ProblemResponses } } }, async (request) =>
    (await usersService.listUsers(db, request.actor)).map(usersService.userView),
  );

  app.post('/api/v1/users', { config: { access: 'user.manage' }, schema: { tags, summary: 'Create an account', body: NewUserInput, response: { 201: CreatedUserView, ...ProblemResponses } } }, async (request, reply) => {
    const created = await usersService.createUser(db, request.actor, request.body);
    return reply.status(201).send({ user: usersService.userView(created.user), oneTimePassword: created.oneTimePassword });
  });

  app.post(
    '/api/v1/users/:id/disable',
    { config: { access: 'user.manage' }, schema: { tags, summary: 'Disable an account and end its sessions', params: IdParams, response: { 200: UserView, ...ProblemResponses } } },
    async (request) => usersService.userView(await usersService.setUserDisabled(db, request.actor, request.params.id, true)),
  );
};
