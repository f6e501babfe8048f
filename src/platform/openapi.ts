import { Type } from '@fastify/type-provider-typebox';

/** RFC 9457 problem details, as every error of the API is answered. */
export const ProblemView = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    current: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: true },
);

export const ProblemResponses = {
  400: ProblemView,
  401: ProblemView,
  403: ProblemView,
  404: ProblemView,
  409: ProblemView,
} as const;
