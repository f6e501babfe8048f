import { type Static, Type } from '@fastify/type-provider-typebox';
import { translationInputs, translationOutputs } from '../../platform/route-schemas.ts';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';


export const PARTNER_KINDS = ['state', 'organisation'] as const;
export const PARTNER_STATUSES = ['member', 'observer', 'suspended'] as const;
export const GROUP_KINDS = ['small-group', 'ministerial', 'working-group', 'focus-group'] as const;
export const GROUP_ROLES = ['member', 'co-lead'] as const;

/** Names may be long and in any script; they are stored as given and always shown escaped. */
const Name = Type.String({ minLength: 1, maxLength: 10_000 });
const PartialDate = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
const Uuid = Type.String({ format: 'uuid' });
const Classification = Type.Enum(CLASSIFICATIONS);

const classified = {
  classification: Type.Optional(Classification),
  restrictedGroupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
};

export const PartnerInput = Type.Object(
  {
    kind: Type.Enum(PARTNER_KINDS),
    iso3: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z]{3}$' }), Type.Null()])),
    nameEn: Name,
    nameFr: Type.Optional(Name),
    nameAr: Type.Optional(Name),
    joined: Type.Optional(Type.Union([PartialDate, Type.Null()])),
    status: Type.Optional(Type.Enum(PARTNER_STATUSES)),
    source: Type.Optional(Type.String({ maxLength: 5000 })),
    asOf: Type.Optional(Type.Union([PartialDate, Type.Null()])),
    confidence: Type.Optional(Type.Union([Type.Enum(['high', 'medium', 'low'] as const), Type.Null()])),
    ...classified,
  },
  { additionalProperties: false },
);
export type PartnerInput = Static<typeof PartnerInput>;

export const PartnerUpdate = Type.Object({ ...PartnerInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type PartnerUpdate = Static<typeof PartnerUpdate>;

export const PartnerView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  iso3: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.String(),
  nameFr: Type.String(),
  nameAr: Type.String(),
  joined: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  source: Type.String(),
  asOf: Type.Union([Type.String(), Type.Null()]),
  confidence: Type.Union([Type.String(), Type.Null()]),
  classification: Type.String(),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const PARTNER_SORTS = ['name', 'iso3', 'joined', 'status', 'kind'] as const;
export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(Type.Enum(PARTNER_KINDS)),
    status: Type.Optional(Type.Enum(PARTNER_STATUSES)),
    sort: Type.Optional(Type.Enum(PARTNER_SORTS)),
    dir: Type.Optional(Type.Enum(['asc', 'desc'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const PartnerPage = Type.Object({
  items: Type.Array(PartnerView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const PersonInput = Type.Object(
  {
    partnerId: Uuid,
    name: Name,
    title: Type.Optional(Type.String({ maxLength: 500 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
    ...classified,
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;
export const PersonUpdate = Type.Object({ ...PersonInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PersonView = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  name: Type.String(),
  title: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  classification: Type.String(),
  version: Type.Integer(),
});

export const PeopleQuery = Type.Object(
  {
    partnerId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const PeoplePage = Type.Object({ items: Type.Array(PersonView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const GroupMemberInput = Type.Object({ partnerId: Uuid, role: Type.Enum(GROUP_ROLES) }, { additionalProperties: false });

export const GroupInput = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
    name: Name,
    ...translationInputs('name'),
    kind: Type.Enum(GROUP_KINDS),
    mandate: Type.Optional(Type.String({ maxLength: 5000 })),
    founded: Type.Optional(Type.Union([PartialDate, Type.Null()])),
    source: Type.Optional(Type.String({ maxLength: 5000 })),
    members: Type.Optional(Type.Array(GroupMemberInput, { maxItems: 200 })),
    ...classified,
  },
  { additionalProperties: false },
);
export type GroupInput = Static<typeof GroupInput>;
export const GroupUpdate = Type.Object({ ...GroupInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type GroupUpdate = Static<typeof GroupUpdate>;

export const GroupView = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  ...translationOutputs('name'),
  kind: Type.String(),
  mandate: Type.String(),
  founded: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  classification: Type.String(),
  version: Type.Integer(),
  members: Type.Array(Type.Object({ partnerId: Uuid, role: Type.String(), nameEn: Type.String(), nameFr: Type.String(), nameAr: Type.String() })),
});

export { IdParams } from '../../platform/route-schemas.ts';

export const ImportReport = Type.Object({
  imported: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
});
