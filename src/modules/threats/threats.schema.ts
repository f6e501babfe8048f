import { type Static, Type } from '@fastify/type-provider-typebox';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';
import { attribution } from '../../db/schema/threats.ts';
import { CalendarDay } from '../../platform/route-schemas.ts';
import { translationInputs, translationOutputs } from '../../platform/route-schemas.ts';

export const ATTRIBUTIONS = attribution.enumValues;
/** Nullable numbers list null first: request coercion would otherwise turn a null into 0. */
const Count = Type.Optional(Type.Union([Type.Null(), Type.Integer({ maximum: 1_000_000 })]));

export const SourceInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    publisher: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(Type.Union([Type.String({ pattern: '^https?://', maxLength: 2000 }), Type.Null()])),
    date: Type.Optional(Type.Union([CalendarDay, Type.Null()])),
  },
  { additionalProperties: false },
);

export const IncidentInput = Type.Object(
  {
    occurredOn: CalendarDay,
    localTime: Type.Optional(Type.Union([Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), Type.Null()])),
    timeZone: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    place: Type.Optional(Type.String({ maxLength: 300 })),
    ...translationInputs('place'),
    countryIso3: Type.String({ pattern: '^[A-Za-z]{3}$' }),
    latitude: Type.Optional(Type.Union([Type.Null(), Type.Number({ minimum: -90, maximum: 90 })])),
    longitude: Type.Optional(Type.Union([Type.Null(), Type.Number({ minimum: -180, maximum: 180 })])),
    branchSlug: Type.String({ minLength: 1, maxLength: 64 }),
    theaterSlug: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 64 })])),
    attribution: Type.Enum(ATTRIBUTIONS),
    killedLow: Count,
    killedHigh: Count,
    injuredLow: Count,
    injuredHigh: Count,
    targets: Type.Optional(Type.String({ maxLength: 1000 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    sources: Type.Array(SourceInput, { minItems: 1, maxItems: 20 }),
    /** The ingested readout's document and characters it was read from; hand entry leaves it out. */
    provenance: Type.Optional(Type.String({ maxLength: 5000 })),
    /** Record it despite the warnings (coordinates outside the country, a likely duplicate). */
    confirm: Type.Optional(Type.Boolean()),
    classification: Type.Optional(Type.Enum(CLASSIFICATIONS)),
    restrictedGroupIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type IncidentInput = Static<typeof IncidentInput>;

export const IncidentQuery = Type.Object(
  {
    branch: Type.Optional(Type.String({ maxLength: 64 })),
    /** A theater; Africa takes in its regions. */
    region: Type.Optional(Type.String({ maxLength: 64 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })),
    from: Type.Optional(CalendarDay),
    to: Type.Optional(CalendarDay),
    minKilled: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    before: Type.Optional(Type.String({ maxLength: 100, description: 'the next (older) page: `older` of the page before' })),
    after: Type.Optional(Type.String({ maxLength: 100, description: 'the previous (newer) page: `newer` of the page after' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type IncidentQuery = Static<typeof IncidentQuery>;

export const BranchView = Type.Object({ slug: Type.String(), name: Type.String(), ...translationOutputs('name'), shortName: Type.String(), aliases: Type.Array(Type.String()), region: Type.String(), ...translationOutputs('region'), countryIso3s: Type.Array(Type.String()), source: Type.String() });
export const IncidentView = Type.Object({
  id: Type.String(),
  occurredOn: Type.String(),
  localTime: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.Union([Type.String(), Type.Null()]),
  city: Type.String(),
  place: Type.String(),
  ...translationOutputs('place'),
  countryIso3: Type.String(),
  latitude: Type.Union([Type.String(), Type.Null()]),
  longitude: Type.Union([Type.String(), Type.Null()]),
  branchSlug: Type.String(),
  theaterSlug: Type.Union([Type.String(), Type.Null()]),
  attribution: Type.String(),
  killedLow: Type.Union([Type.Integer(), Type.Null()]),
  killedHigh: Type.Union([Type.Integer(), Type.Null()]),
  injuredLow: Type.Union([Type.Integer(), Type.Null()]),
  injuredHigh: Type.Union([Type.Integer(), Type.Null()]),
  targets: Type.String(),
  description: Type.String(),
  sources: Type.Array(Type.Object({ title: Type.String(), publisher: Type.String(), url: Type.Union([Type.String(), Type.Null()]), date: Type.Union([Type.String(), Type.Null()]) })),
  classification: Type.String(),
  version: Type.Integer(),
});
export const IncidentPage = Type.Object({
  items: Type.Array(IncidentView),
  total: Type.Integer({ description: 'counted up to 10,000; see totalIsLowerBound' }),
  totalIsLowerBound: Type.Boolean({ description: 'true when more incidents match than were counted' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  older: Type.Optional(Type.String({ description: 'pass as `before` for the next (older) page; absent on the oldest' })),
  newer: Type.Optional(Type.String({ description: 'pass as `after` for the previous (newer) page; absent on the newest' })),
});

/** The secretariat's French and Arabic names of a branch and its region (the English ones are the reference data's). */
export const BranchNamesInput = Type.Object({ ...translationInputs('name'), ...translationInputs('region') }, { additionalProperties: false });
export type BranchNamesInput = Static<typeof BranchNamesInput>;
