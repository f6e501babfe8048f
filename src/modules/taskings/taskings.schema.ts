import { type Static, Type } from '@fastify/type-provider-typebox';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';
import { commitmentKind, commitmentStatus, rollupMethod, taskingStatus } from '../../db/schema/taskings.ts';
import { CalendarDay } from '../../platform/route-schemas.ts';

export const TASKING_STATUSES = taskingStatus.enumValues;
export const ROLLUPS = rollupMethod.enumValues;
export const COMMITMENT_KINDS = commitmentKind.enumValues;
export const COMMITMENT_STATUSES = commitmentStatus.enumValues;

const Uuid = Type.String({ format: 'uuid' });
const Slugs = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 });
const Classified = { classification: Type.Optional(Type.Enum(CLASSIFICATIONS)), restrictedGroupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })) };
/** Progress is checked in the service so that 150 is answered "outside 0–100", not a schema code. */
const Progress = Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 });

export const TaskingInput = Type.Object(
  {
    meetingId: Uuid,
    agendaItemId: Type.Optional(Type.Union([Type.Null(), Uuid])),
    groupId: Uuid,
    parentId: Type.Optional(Type.Union([Type.Null(), Uuid])),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    branchSlugs: Type.Optional(Slugs),
    theaterSlugs: Type.Optional(Slugs),
    dueOn: Type.Optional(Type.Union([Type.Null(), CalendarDay])),
    progress: Type.Optional(Progress),
    weight: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    rollup: Type.Optional(Type.Enum(ROLLUPS)),
    /** Where it was read from (an ingested readout's document and characters); hand entry leaves it empty. */
    source: Type.Optional(Type.String({ maxLength: 5000 })),
    ...Classified,
  },
  { additionalProperties: false },
);
export type TaskingInput = Static<typeof TaskingInput>;

export const TaskingChange = Type.Object(
  { version: Type.Integer({ minimum: 1 }), status: Type.Optional(Type.Enum(TASKING_STATUSES)), progress: Type.Optional(Progress), dueOn: Type.Optional(Type.Union([Type.Null(), CalendarDay])), rollup: Type.Optional(Type.Enum(ROLLUPS)) },
  { additionalProperties: false },
);

export const UpdateInput = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10_000 }), progress: Type.Optional(Type.Union([Type.Null(), Progress])), presentedAtMeetingId: Type.Optional(Type.Union([Type.Null(), Uuid])) },
  { additionalProperties: false },
);

export const CommitmentInput = Type.Object(
  {
    meetingId: Uuid,
    partnerId: Type.Optional(Type.Union([Type.Null(), Uuid])),
    statement: Type.String({ minLength: 1, maxLength: 5000 }),
    kind: Type.Enum(COMMITMENT_KINDS),
    theaterSlug: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 64 })])),
    dueOn: Type.Optional(Type.Union([Type.Null(), CalendarDay])),
    evidence: Type.Optional(Type.Array(Type.String({ pattern: '^https?://', maxLength: 2000 }), { maxItems: 20 })),
    /** Where it was read from (an ingested readout's document and characters); hand entry leaves it empty. */
    source: Type.Optional(Type.String({ maxLength: 5000 })),
    ...Classified,
  },
  { additionalProperties: false },
);
export type CommitmentInput = Static<typeof CommitmentInput>;
export const CommitmentStatusInput = Type.Object({ status: Type.Enum(COMMITMENT_STATUSES), evidence: Type.Optional(Type.Array(Type.String({ pattern: '^https?://', maxLength: 2000 }), { maxItems: 20 })) }, { additionalProperties: false });

export const TaskingQuery = Type.Object(
  {
    groupId: Type.Optional(Uuid),
    meetingId: Type.Optional(Uuid),
    branch: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Type.Enum(TASKING_STATUSES)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type TaskingQuery = Static<typeof TaskingQuery>;
export const CommitmentQuery = Type.Object(
  {
    view: Type.Optional(Type.Enum(['by-partner', 'by-meeting', 'overdue'] as const)),
    /** One meeting's commitments only: the meeting page links "Commitments made at this meeting" here. */
    meetingId: Type.Optional(Type.String({ format: 'uuid' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);

export const TaskingView = Type.Object({
  id: Uuid,
  meetingId: Uuid,
  agendaItemId: Type.Union([Type.String(), Type.Null()]),
  groupId: Uuid,
  parentId: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  description: Type.String(),
  branchSlugs: Type.Array(Type.String()),
  theaterSlugs: Type.Array(Type.String()),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  progress: Type.Number(),
  weight: Type.Integer(),
  rollup: Type.String(),
  /** The ingested readout's document and characters it was accepted from; empty when entered by hand. */
  source: Type.String(),
  classification: Type.String(),
  version: Type.Integer(),
});
export const CommitmentView = Type.Object({
  id: Uuid,
  meetingId: Uuid,
  partnerId: Type.Union([Type.String(), Type.Null()]),
  statement: Type.String(),
  kind: Type.String(),
  theaterSlug: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  evidence: Type.Array(Type.String()),
  /** The ingested readout's document and characters it was accepted from; empty when entered by hand. */
  source: Type.String(),
  classification: Type.String(),
});
