import { type Static, Type } from '@fastify/type-provider-typebox';

export const ScreenQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 2000, description: 'any script; at most 500 characters are compared' }),
    dob: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}-\\d{2})?$', description: 'YYYY or YYYY-MM-DD' })),
    nationality: Type.Optional(Type.String({ maxLength: 100 })),
    top: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
export type ScreenQuery = Static<typeof ScreenQuery>;

const Explanation = Type.Object({
  matched: Type.Array(Type.Object({ query: Type.String({ description: 'the query word as typed' }), listed: Type.String({ description: 'the listed word in its own script' }), similarity: Type.Number(), how: Type.String(), aynDropped: Type.Optional(Type.Boolean()), weight: Type.Number() })),
  differing: Type.Optional(Type.Array(Type.Object({ query: Type.String(), listed: Type.String() }), { description: 'words that look alike but are different names' })),
  unmatchedQuery: Type.Array(Type.String()),
  unmatchedListed: Type.Array(Type.String()),
  adjustments: Type.Array(Type.Object({ reason: Type.String(), change: Type.Number(), code: Type.String({ description: 'what the reason says, for readers in other languages' }), values: Type.Optional(Type.Record(Type.String(), Type.String())) })),
});
export const ScreenResult = Type.Object({
  listed: Type.Integer({ description: 'entities in the lists in force' }),
  cleared: Type.Integer({ description: 'hits not raised again: decided false positives on an unchanged listing' }),
  hits: Type.Array(
    Type.Object({
      ref: Type.String(),
      score: Type.Number(),
      subject: Type.Optional(Type.Integer({ description: 'hits with the same number are one person or body on several lists' })),
      name: Type.String(),
      explanation: Explanation,
      decision: Type.Optional(Type.Object({ decision: Type.String(), note: Type.String(), by: Type.String(), at: Type.String(), listingChanged: Type.Boolean() })),
      entity: Type.Object({
        kind: Type.String(),
        names: Type.Array(Type.Object({ full: Type.String(), quality: Type.String() })),
        birthDates: Type.Array(Type.String()),
        birthPlaces: Type.Array(Type.String()),
        nationalities: Type.Array(Type.String()),
        documents: Type.Array(Type.Object({ type: Type.String(), number: Type.String(), country: Type.Optional(Type.String()), note: Type.Optional(Type.String()) })),
        addresses: Type.Array(Type.String()),
        programmes: Type.Array(Type.String()),
        listedOn: Type.Union([Type.String(), Type.Null()]),
        raw: Type.Optional(Type.Unknown({ description: 'the record as the list file has it' })),
      }),
    }),
  ),
});
