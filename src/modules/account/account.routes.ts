import { Type } from '@fastify/type-provider-typebox';
import type { AppModule, NoSettings } from '../../platform/module.ts';
import { ProblemResponses } from '../../platform/openapi.ts';
import type { ApiTokenRow } from './account.repo.ts';
import { ApiTokenView, CreatedApiTokenView, IdParams, NewApiTokenBody } from './account.schema.ts';
import * as account from './account.service.ts';

const MeView = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: Type.String(),
  partnerId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  groupIds: Type.Array(Type.String({ format: 'uuid' })),
});

function tokenView(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export const accountRoutes: AppModule<NoSettings> = async (app, { db }) => {
  const tags = ['account'];
  app.get('/api/v1/me', { config: { access: 'signed-in' }, schema: { tags, summary: 'Who the caller is', response: { 200: MeView, ...ProblemResponses } } }, async (request) => {
    const actor = request.actor!;
    return { userId: actor.userId!, email: actor.label, role: actor.role, partnerId: actor.partnerId, groupIds: [...actor.groupIds] };
  });

  app.get(
    '/api/v1/account/tokens',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'List your API tokens', response: { 200: Type.Array(ApiTokenView), ...ProblemResponses } } },
    async (request) => (await account.listApiTokens(db, request.actor!)).map(tokenView),
  );

  app.post(
    '/api/v1/account/tokens',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Create an API token (shown once)', body: NewApiTokenBody, response: { 201: CreatedApiTokenView, ...ProblemResponses } } },
    async (request, reply) => {
      const created = await account.createApiToken(db, request.actor!, request.body);
      return reply.status(201).send({ token: created.token, apiToken: tokenView(created.row) });
    },
  );

  app.delete(
    '/api/v1/account/tokens/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null(), ...ProblemResponses } } },
    async (request, reply) => {
      await account.revokeApiToken(db, request.actor!, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
