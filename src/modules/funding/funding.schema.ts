import { type Static, Type } from '@fastify/type-provider-typebox';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';
import { contributionStage, contributionStatus } from '../../db/schema/funding.ts';
import { CalendarDay } from '../../platform/route-schemas.ts';
import { translationInputs, translationOutputs } from '../../platform/route-schemas.ts';

export const STAGES = contributionStage.enumValues;
export type Stage = (typeof STAGES)[number];
export const STATUSES = contributionStatus.enumValues;
export type ContributionStatus = (typeof STATUSES)[number];
/** IATI transaction type codes for each stage, used in exports. */
export const IATI_TRANSACTION_TYPE: Record<Stage, string> = { pledge: '12', commitment: '2', disbursement: '3' };
/** The stage a contribution fulfils: a commitment fulfils pledges, a disbursement commitments. */
export const FULFILS: Record<Stage, Stage | null> = { pledge: null, commitment: 'pledge', disbursement: 'commitment' };

const Uuid = Type.String({ format: 'uuid' });
/** Money travels as decimal text, never as a JSON number (binary floats lose cents). */
const AmountText = Type.String({ minLength: 1, maxLength: 40, description: 'decimal text, e.g. "1500000.50"; no thousands separators' });
const CurrencyCode = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 code, e.g. USD' });
const ShortList = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 });

export const CampaignInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    ...translationInputs('name'),
    startsOn: CalendarDay,
    endsOn: CalendarDay,
    currency: CurrencyCode,
    goalAmount: Type.Optional(Type.Union([AmountText, Type.Null()])),
    goalIsLowerBound: Type.Optional(Type.Boolean()),
    statedPledged: Type.Optional(Type.Union([AmountText, Type.Null()])),
    statedPledgedIsLowerBound: Type.Optional(Type.Boolean()),
    theaterSlugs: Type.Optional(ShortList),
    channels: Type.Optional(ShortList),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    source: Type.String({ minLength: 1, maxLength: 5000, description: 'where the goal comes from (rule 6)' }),
    asOf: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    confidence: Type.Optional(Type.Union([Type.Enum(['high', 'medium', 'low'] as const), Type.Null()])),
    classification: Type.Optional(Type.Enum(CLASSIFICATIONS)),
    restrictedGroupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignInput>;
export const CampaignUpdate = Type.Object({ ...CampaignInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ContributionInput = Type.Object(
  {
    partnerId: Uuid,
    stage: Type.Enum(STAGES),
    amount: AmountText,
    currency: CurrencyCode,
    contributedOn: CalendarDay,
    channel: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    theaterSlug: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    source: Type.String({ minLength: 1, maxLength: 5000, description: 'the document or note the figure comes from (rule 6)' }),
    /** Pledges (for a commitment) or commitments (for a disbursement) this contribution fulfils, in order of allocation. */
    fulfils: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    illustrative: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContributionInput = Static<typeof ContributionInput>;

export const ContributionCorrection = Type.Object(
  { ...ContributionInput.properties, version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const ReviewInput = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

export const CAMPAIGN_TABLES = ['partners', 'theaters', 'channels', 'timeline', 'contributions'] as const;
export type CampaignTable = (typeof CAMPAIGN_TABLES)[number];
export const PARTNER_SORTS = ['partner', 'pledge', 'commitment', 'disbursement', 'outstanding'] as const;

export const CampaignPageQuery = Type.Object(
  {
    sort: Type.Optional(Type.Enum(PARTNER_SORTS)),
    dir: Type.Optional(Type.Enum(['asc', 'desc'] as const)),
    stage: Type.Optional(Type.Enum(STAGES)),
    status: Type.Optional(Type.Enum(STATUSES)),
    partnerId: Type.Optional(Uuid),
    before: Type.Optional(Type.String({ maxLength: 100, description: 'the next (older) page of contributions: `older` of the page before' })),
    after: Type.Optional(Type.String({ maxLength: 100, description: 'the previous (newer) page: `newer` of the page after' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type CampaignPageQuery = Static<typeof CampaignPageQuery>;

export const ExportQuery = Type.Object(
  { table: Type.Enum(CAMPAIGN_TABLES), format: Type.Enum(['csv', 'xlsx'] as const), lang: Type.Optional(Type.String({ maxLength: 10 })) },
  { additionalProperties: false },
);

export const CompareExportQuery = Type.Object(
  {
    table: Type.Enum(['years', 'partner', 'outstanding'] as const),
    format: Type.Enum(['csv', 'xlsx'] as const),
    partnerId: Type.Optional(Uuid),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

export const RateListQuery = Type.Object(
  {
    currency: Type.Optional(CurrencyCode),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

export const CompareQuery = Type.Object(
  { partnerId: Type.Optional(Uuid), lang: Type.Optional(Type.String({ maxLength: 10 })) },
  { additionalProperties: false },
);

const Money = Type.String({ description: 'exact decimal text in the campaign currency' });
export const CampaignView = Type.Object({
  id: Uuid,
  name: Type.String(),
  ...translationOutputs('name'),
  startsOn: Type.String(),
  endsOn: Type.String(),
  currency: Type.String(),
  goalAmount: Type.Union([Type.String(), Type.Null()]),
  goalIsLowerBound: Type.Boolean(),
  statedPledged: Type.Union([Type.String(), Type.Null()]),
  statedPledgedIsLowerBound: Type.Boolean(),
  theaterSlugs: Type.Array(Type.String()),
  channels: Type.Array(Type.String()),
  notes: Type.String(),
  source: Type.String(),
  asOf: Type.Union([Type.String(), Type.Null()]),
  confidence: Type.Union([Type.String(), Type.Null()]),
  classification: Type.String(),
  version: Type.Integer(),
});
export const StageTotalsView = Type.Object({ pledge: Money, commitment: Money, disbursement: Money });
export const CampaignSummaryView = Type.Object({
  campaign: CampaignView,
  verified: StageTotalsView,
  awaitingVerification: StageTotalsView,
  outstandingPledges: Money,
  illustrative: Type.Boolean(),
});
export const CampaignListItem = Type.Object({ campaign: CampaignView, verified: StageTotalsView, illustrative: Type.Boolean() });
export const ContributionView = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  partnerId: Uuid,
  stage: Type.String(),
  amount: Type.String(),
  currency: Type.String(),
  rateToCampaign: Type.String(),
  rateDate: Type.String(),
  amountInCampaignCurrency: Type.String(),
  channel: Type.Union([Type.String(), Type.Null()]),
  theaterSlug: Type.Union([Type.String(), Type.Null()]),
  contributedOn: Type.String(),
  source: Type.String(),
  illustrative: Type.Boolean(),
  status: Type.String(),
  reviewNote: Type.String(),
  version: Type.Integer(),
});
export const ContributionPage = Type.Object({
  items: Type.Array(ContributionView),
  total: Type.Integer({ description: 'counted up to 10,000; see totalIsLowerBound' }),
  totalIsLowerBound: Type.Boolean({ description: 'true when more contributions match than were counted' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  older: Type.Optional(Type.String({ description: 'pass as `before` for the next (older) page; absent on the oldest' })),
  newer: Type.Optional(Type.String({ description: 'pass as `after` for the previous (newer) page; absent on the newest' })),
});
export const RatesImportResult = Type.Object({ imported: Type.Integer(), currencies: Type.Array(Type.String()), from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) });
