import { type Static, Type } from '@fastify/type-provider-typebox';
import { CLASSIFICATIONS } from '../../db/schema/common.ts';
import { datePrecision, meetingFormat, meetingSetting, participantRole } from '../../db/schema/meetings.ts';
import { translationInputs, translationOutputs } from '../../platform/route-schemas.ts';

export const MEETING_FORMATS = meetingFormat.enumValues;
export const MEETING_SETTINGS = meetingSetting.enumValues;
export const PARTICIPANT_ROLES = participantRole.enumValues;

const Uuid = Type.String({ format: 'uuid' });
/** Wall-clock time where the meeting is held, as a datetime-local field sends it. */
const LocalDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$', description: 'YYYY-MM-DDTHH:mm in the meeting time zone' });

export const MeetingInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 1000 }),
    ...translationInputs('title'),
    format: Type.Enum(MEETING_FORMATS),
    groupId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    setting: Type.Enum(MEETING_SETTINGS),
    city: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    countryIso3: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z]{3}$' }), Type.Null()])),
    startsLocal: LocalDateTime,
    endsLocal: LocalDateTime,
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Rome' }),
    datePrecision: Type.Optional(Type.Enum(datePrecision.enumValues)),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    source: Type.Optional(Type.String({ maxLength: 5000 })),
    classification: Type.Optional(Type.Enum(CLASSIFICATIONS)),
    restrictedGroupIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type MeetingInput = Static<typeof MeetingInput>;

export const MeetingUpdate = Type.Object({ ...MeetingInput.properties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ParticipantInput = Type.Object(
  { partnerId: Uuid, personId: Type.Optional(Type.Union([Uuid, Type.Null()])), role: Type.Enum(PARTICIPANT_ROLES) },
  { additionalProperties: false },
);
export type ParticipantInput = Static<typeof ParticipantInput>;

export const AgendaItemInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 1000 }),
    theaterSlugs: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
    topics: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
    outcome: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false },
);
export type AgendaItemInput = Static<typeof AgendaItemInput>;

export const MeetingLinkInput = Type.Object(
  // source: the ingested readout's document and characters that named the earlier meeting; hand entry leaves it out.
  { earlierMeetingId: Uuid, topic: Type.String({ minLength: 1, maxLength: 200 }), source: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);

export const MeetingListQuery = Type.Object(
  {
    /** Words in the title, notes, city or agenda. */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    when: Type.Optional(Type.Enum(['upcoming', 'past'] as const)),
    groupId: Type.Optional(Uuid),
    format: Type.Optional(Type.Enum(MEETING_FORMATS)),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    theater: Type.Optional(Type.String({ maxLength: 64 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type MeetingListQuery = Static<typeof MeetingListQuery>;

export const MeetingView = Type.Object({
  id: Uuid,
  title: Type.String(),
  ...translationOutputs('title'),
  format: Type.String(),
  groupId: Type.Union([Type.String(), Type.Null()]),
  setting: Type.String(),
  city: Type.Union([Type.String(), Type.Null()]),
  countryIso3: Type.Union([Type.String(), Type.Null()]),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  timeZone: Type.String(),
  datePrecision: Type.String(),
  notes: Type.String(),
  source: Type.String(),
  classification: Type.String(),
  version: Type.Integer(),
});

export const MeetingPage = Type.Object({ items: Type.Array(MeetingView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
