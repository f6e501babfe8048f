import { type Static, Type } from '@fastify/type-provider-typebox';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';
import { siteKind } from '../../db/schema/detention.ts';
import { translationInputs, translationOutputs } from '../../platform/route-schemas.ts';

export const SITE_KINDS = siteKind.enumValues;
/** Nationality keys besides ISO alpha-3 codes. */
export const NATIONALITY_GROUPS = ['unknown', 'third-countries'] as const;
export const CATEGORIES = ['men', 'women', 'children', 'fighters', 'family-members'] as const;

const Uuid = Type.String({ format: 'uuid' });
const PartialDate = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
/** Counts are nullable in the inputs below, with null listed first: request coercion would otherwise turn a null into 0. */
const Count = Type.Integer({ maximum: 10_000_000 });
const Classified = {
  classification: Type.Optional(Type.Enum(CLASSIFICATIONS)),
  restrictedGroupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
};

export const SiteInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    ...translationInputs('name'),
    kind: Type.Enum(SITE_KINDS),
    region: Type.Optional(Type.String({ maxLength: 200 })),
    ...translationInputs('region'),
    countryIso3: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z]{3}$' }), Type.Null()])),
    latitude: Type.Optional(Type.Union([Type.Null(), Type.Number({ minimum: -90, maximum: 90 })])),
    longitude: Type.Optional(Type.Union([Type.Null(), Type.Number({ minimum: -180, maximum: 180 })])),
    operator: Type.Optional(Type.String({ maxLength: 300 })),
    knownFrom: Type.Optional(Type.Union([PartialDate, Type.Null()])),
    knownTo: Type.Optional(Type.Union([PartialDate, Type.Null()])),
    source: Type.String({ minLength: 1, maxLength: 5000 }),
    ...Classified,
  },
  { additionalProperties: false },
);
export type SiteInput = Static<typeof SiteInput>;

export const SiteUpdate = Type.Object({ ...SiteInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type SiteUpdate = Static<typeof SiteUpdate>;

/** One part of a breakdown: a nationality (ISO alpha-3, "unknown", "third-countries") or a category. */
export const BreakdownEntry = Type.Object({ key: Type.String({ minLength: 1, maxLength: 40 }), count: Count }, { additionalProperties: false });

export const SnapshotInput = Type.Object(
  {
    asOf: PartialDate,
    total: Type.Optional(Type.Union([Type.Null(), Count])),
    partial: Type.Optional(Type.Boolean()),
    nationalities: Type.Optional(Type.Array(BreakdownEntry, { maxItems: 250 })),
    categories: Type.Optional(Type.Array(BreakdownEntry, { maxItems: 10 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    source: Type.String({ minLength: 1, maxLength: 5000 }),
    confidence: Type.Optional(Type.Union([Type.Enum(['high', 'medium', 'low'] as const), Type.Null()])),
    /** Set to replace the current snapshot of this site and date; the reason is kept with the history. */
    replaceReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    ...Classified,
  },
  { additionalProperties: false },
);
export type SnapshotInput = Static<typeof SnapshotInput>;

export const RepatriationInput = Type.Object(
  {
    receivingIso3: Type.Union([Type.String({ pattern: '^[A-Za-z]{3}$' }), Type.Null()]),
    period: Type.String({ minLength: 1, maxLength: 100, description: 'YYYY[-MM[-DD]] or start/end; the source’s words when it gives no date' }),
    cumulative: Type.Optional(Type.Boolean()),
    siteId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    people: Type.Optional(Type.Union([Type.Null(), Count])),
    men: Type.Optional(Type.Union([Type.Null(), Count])),
    women: Type.Optional(Type.Union([Type.Null(), Count])),
    children: Type.Optional(Type.Union([Type.Null(), Count])),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    source: Type.String({ minLength: 1, maxLength: 5000 }),
    confidence: Type.Optional(Type.Union([Type.Enum(['high', 'medium', 'low'] as const), Type.Null()])),
    ...Classified,
  },
  { additionalProperties: false },
);
export type RepatriationInput = Static<typeof RepatriationInput>;
export const RepatriationCorrection = Type.Object(
  { ...RepatriationInput.properties, version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const VersionInput = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const NATIONALITY_SORTS = ['state', 'held', 'repatriated', 'change'] as const;
export const NationalitiesQuery = Type.Object(
  {
    sort: Type.Optional(Type.Enum(NATIONALITY_SORTS)),
    dir: Type.Optional(Type.Enum(['asc', 'desc'] as const)),
    format: Type.Optional(Type.Enum(['csv', 'xlsx'] as const)),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type NationalitiesQuery = Static<typeof NationalitiesQuery>;

export const SiteView = Type.Object({
  id: Uuid,
  name: Type.String(),
  ...translationOutputs('name'),
  kind: Type.String(),
  region: Type.String(),
  ...translationOutputs('region'),
  countryIso3: Type.Union([Type.String(), Type.Null()]),
  latitude: Type.Union([Type.String(), Type.Null()]),
  longitude: Type.Union([Type.String(), Type.Null()]),
  operator: Type.String(),
  knownFrom: Type.Union([Type.String(), Type.Null()]),
  knownTo: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  classification: Type.String(),
  version: Type.Integer(),
});
const Breakdown = Type.Array(Type.Object({ dimension: Type.String(), key: Type.String(), count: Type.Integer() }));
export const SnapshotView = Type.Object({
  id: Uuid,
  siteId: Uuid,
  asOf: Type.String(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  partial: Type.Boolean(),
  note: Type.String(),
  source: Type.String(),
  confidence: Type.Union([Type.String(), Type.Null()]),
  classification: Type.String(),
  replacesId: Type.Union([Type.String(), Type.Null()]),
  breakdown: Breakdown,
});
export const SiteRecordView = Type.Object({ site: SiteView, snapshots: Type.Array(SnapshotView) });
export const RepatriationView = Type.Object({
  id: Uuid,
  receivingIso3: Type.Union([Type.String(), Type.Null()]),
  period: Type.String(),
  periodStart: Type.Union([Type.String(), Type.Null()]),
  cumulative: Type.Boolean(),
  siteId: Type.Union([Type.String(), Type.Null()]),
  people: Type.Union([Type.Integer(), Type.Null()]),
  men: Type.Union([Type.Integer(), Type.Null()]),
  women: Type.Union([Type.Integer(), Type.Null()]),
  children: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.String(),
  source: Type.String(),
  status: Type.String(),
  classification: Type.String(),
  version: Type.Integer(),
});
export const NationalityRowView = Type.Object({
  key: Type.String(),
  held: Type.Union([Type.Integer(), Type.Null()]),
  heldAsOf: Type.Union([Type.String(), Type.Null()]),
  previousHeld: Type.Union([Type.Integer(), Type.Null()]),
  repatriatedByYear: Type.Record(Type.String(), Type.Integer()),
  repatriatedTotal: Type.Integer(),
});
