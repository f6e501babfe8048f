import { NUMERALS } from '../../platform/i18n/request-language.ts';
import { type Static, Type } from '@fastify/type-provider-typebox';
import { LOCALES } from '../../platform/i18n/i18n.ts';

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    next: Type.Optional(Type.String({ maxLength: 2000 })),
    formToken: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SecondFactorBody = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 40 }), next: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const NumeralsBody = Type.Object({ numerals: Type.Enum(NUMERALS) }, { additionalProperties: false });

export const LanguageBody = Type.Object(
  { locale: Type.Enum(LOCALES), returnTo: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const NewApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type NewApiToken = Static<typeof NewApiTokenBody>;

export const ApiTokenView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CreatedApiTokenView = Type.Object({
  token: Type.String({ description: 'Shown once: store it now.' }),
  apiToken: ApiTokenView,
});

export { IdParams } from '../../platform/route-schemas.ts';
