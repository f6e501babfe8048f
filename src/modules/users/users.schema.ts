import { type Static, Type } from '@fastify/type-provider-typebox';
import { ROLES } from '../../db/schema/identity.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../platform/passwords.ts';

export const NewUserInput = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.Enum(ROLES),
    partnerId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    groupIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
    password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })),
  },
  { additionalProperties: false },
);
export type NewUserInput = Static<typeof NewUserInput>;

export const UserView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  partnerId: Type.Union([Type.String(), Type.Null()]),
  totpEnabled: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreatedUserView = Type.Object({ user: UserView, oneTimePassword: Type.Union([Type.String(), Type.Null()]) });
