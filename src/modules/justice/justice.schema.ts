import { type Static, Type } from '@fastify/type-provider-typebox';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';
import { justiceKind, legalBasis } from '../../db/schema/justice.ts';

export const JUSTICE_KINDS = justiceKind.enumValues;
export type JusticeKind = (typeof JUSTICE_KINDS)[number];
export const LEGAL_BASES = legalBasis.enumValues;
export type LegalBasis = (typeof LEGAL_BASES)[number];
/** Kinds that record an event (a judgment, a milestone) and may have no count. */
export const EVENT_KINDS: readonly JusticeKind[] = ['landmark-judgment', 'mechanism-milestone'];
export const MECHANISMS = ['UNITAD'] as const;
export const CONFIDENCES = ['high', 'medium', 'low'] as const;

const Uuid = Type.String({ format: 'uuid' });
const PartialDate = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD, at the precision the source gives' });
const Iso3 = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 (XKX for Kosovo)' });

/** What a form, a CSV row or an API call sends for one justice record. Counts list null first: coercion would turn it into 0. */
export const JusticeInput = Type.Object(
  {
    stateIso3: Type.Optional(Type.Union([Type.Null(), Iso3])),
    mechanism: Type.Optional(Type.Union([Type.Null(), Type.Enum(MECHANISMS)])),
    periodStart: Type.Optional(Type.Union([Type.Null(), PartialDate])),
    periodEnd: PartialDate,
    kind: Type.Enum(JUSTICE_KINDS),
    count: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 10_000_000 })])),
    legalBasis: Type.Optional(Type.Union([Type.Null(), Type.Enum(LEGAL_BASES)])),
    courtOrBody: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    sources: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { minItems: 1, maxItems: 10 }),
    confidence: Type.Optional(Type.Union([Type.Null(), Type.Enum(CONFIDENCES)])),
    overlapsNational: Type.Optional(Type.Boolean()),
    classification: Type.Optional(Type.Enum(CLASSIFICATIONS)),
    restrictedGroupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type JusticeInput = Static<typeof JusticeInput>;

/** A correction: the whole record again, the version read and the reason, kept in the history. */
export const JusticeCorrection = Type.Object({ ...JusticeInput.properties, version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type JusticeCorrection = Static<typeof JusticeCorrection>;
export const VersionInput = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const JusticeListQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 10, description: 'ISO alpha-3, or UNITAD' })),
    kind: Type.Optional(Type.Enum(JUSTICE_KINDS)),
    legalBasis: Type.Optional(Type.Enum(LEGAL_BASES)),
    status: Type.Optional(Type.Enum(['reported', 'verified'] as const)),
    from: Type.Optional(PartialDate),
    to: Type.Optional(PartialDate),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    format: Type.Optional(Type.Enum(['csv', 'xlsx'] as const)),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type JusticeListQuery = Static<typeof JusticeListQuery>;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
export const JusticeView = Type.Object({
  id: Uuid,
  stateIso3: Nullable(Type.String()),
  mechanism: Nullable(Type.String()),
  periodStart: Nullable(Type.String()),
  periodEnd: Type.String(),
  kind: Type.String(),
  count: Type.Union([Type.Integer(), Type.Null()]),
  legalBasis: Nullable(Type.String()),
  courtOrBody: Type.String(),
  description: Type.String(),
  sources: Type.Array(Type.String()),
  confidence: Nullable(Type.String()),
  overlapsNational: Type.Boolean(),
  status: Type.String(),
  correctionReason: Nullable(Type.String()),
  classification: Type.String(),
  version: Type.Integer(),
});
export const JusticePage = Type.Object({ items: Type.Array(JusticeView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const JusticeHistoryView = Type.Array(Type.Object({ occurredAt: Type.String(), actorLabel: Type.String(), action: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) }));
