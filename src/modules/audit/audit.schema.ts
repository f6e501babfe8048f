import { type Static, Type } from '@fastify/type-provider-typebox';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (UTC)' });

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 100 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    actor: Type.Optional(Type.String({ maxLength: 320 })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'the next (older) page: events before this sequence number (`older` of the page before)' })),
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'the previous (newer) page: events after this sequence number (`newer` of the page after)' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEventView = Type.Object({
  seq: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditEventView),
  total: Type.Integer({ description: 'matching events, counted up to 10,000' }),
  totalIsLowerBound: Type.Boolean({ description: 'true when more than 10,000 events match: total is then a lower bound' }),
  older: Type.Optional(Type.Integer({ description: 'pass as `before` for the next (older) page; absent on the oldest' })),
  newer: Type.Optional(Type.Integer({ description: 'pass as `after` for the previous (newer) page; absent on the newest' })),
});
