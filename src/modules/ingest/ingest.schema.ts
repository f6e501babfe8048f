import { type Static, Type } from '@fastify/type-provider-typebox';

const Quote = { quote: Type.String({ description: 'the verbatim words of the document text' }), start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) };
const IsoDate = Type.String({ description: 'ISO 8601, as precise as the text: YYYY-MM-DD, YYYY-MM or YYYY' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([Type.Null(), schema]);

export const ExtractionSchema = Type.Object({
  title: Type.Union([Type.Null(), Type.String()]),
  date: Nullable(IsoDate),
  meetingFormat: Type.Union([Type.Null(), Type.Literal('small-group'), Type.Literal('ministerial'), Type.Literal('working-group'), Type.Literal('focus-group'), Type.Literal('other')]),
  setting: Type.Union([Type.Null(), Type.Literal('virtual'), Type.Literal('in-person'), Type.Literal('hybrid')]),
  location: Type.Union([Type.Null(), Type.Object({ city: Type.Union([Type.Null(), Type.String()]), country: Type.Union([Type.Null(), Type.String()]) })]),
  speakers: Type.Array(Type.Object({ name: Type.String(), role: Type.Union([Type.Null(), Type.String()]) })),
  theaters: Type.Array(Type.String()),
  branches: Type.Array(Type.String()),
  workingGroups: Type.Array(Type.String()),
  newMembers: Type.Array(Type.String()),
  money: Type.Array(
    Type.Object({
      amount: Type.String({ description: 'exact decimal' }),
      currency: Type.String({ description: 'ISO 4217' }),
      amountUsd: Type.Union([Type.Null(), Type.String()], { description: 'the amount in US dollars when it is in dollars; null when a rate would be needed' }),
      kind: Type.Union([Type.Literal('pledged'), Type.Literal('goal'), Type.Literal('committed'), Type.Literal('disbursed'), Type.Literal('other')]),
      year: Type.Union([Type.Null(), Type.Integer()]),
      lowerBound: Type.Boolean({ description: '"more than", "at least": the real figure may be higher' }),
      actor: Type.Union([Type.Null(), Type.String()], { description: 'who pledged, committed or gave it, as the registry names it; null when unsaid' }),
      ...Quote,
    }),
  ),
  incidents: Type.Array(Type.Object({ date: Nullable(IsoDate), place: Type.Union([Type.Null(), Type.String()]), perpetrator: Type.Union([Type.Null(), Type.String()]), ...Quote })),
  references: Type.Array(Type.Object({ what: Type.String(), when: Nullable(IsoDate), where: Type.Union([Type.Null(), Type.String()]), ...Quote })),
  commitments: Type.Array(Type.Object({ actor: Type.Union([Type.Null(), Type.String()]), ...Quote })),
  detention: Type.Array(Type.Object({ site: Type.Union([Type.Null(), Type.String()]), population: Type.Integer(), date: Nullable(IsoDate), ...Quote }), { description: 'camp and detention head counts: aggregate figures only' }),
  repatriations: Type.Array(Type.Object({ state: Type.Union([Type.Null(), Type.String()]), count: Type.Integer(), kind: Type.Union([Type.Null(), Type.String()]), date: Nullable(IsoDate), ...Quote })),
  prosecutions: Type.Array(
    Type.Object({
      state: Type.Union([Type.Null(), Type.String()]),
      count: Type.Integer(),
      kind: Type.Union([Type.Literal('convicted'), Type.Literal('charged'), Type.Literal('acquitted'), Type.Literal('repatriated-and-prosecuted')]),
      accused: Type.Union([Type.Null(), Type.String()]),
      date: Nullable(IsoDate),
      ...Quote,
    }),
    { description: 'people a state brought to justice: counts only, never names' },
  ),
  taskings: Type.Array(Type.Object({ groups: Type.Array(Type.String()), subject: Type.String(), ...Quote })),
  notes: Type.Array(Type.String(), { description: 'what the rules could not cover in this text' }),
  evidence: Type.Object(
    { meeting: Type.Union([Type.Null(), Type.Object(Quote)]), speakers: Type.Array(Type.Object(Quote)), newMembers: Type.Array(Type.Object(Quote)) },
    { description: "the spans of the facts reported above without a quote: the meeting's sentence, each speaker's and new member's first mention" },
  ),
});

export const ExtractRequest = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 2_000_000, description: 'the readout as plain text' })),
    html: Type.Optional(Type.String({ maxLength: 2_000_000, description: 'a saved web page: its boilerplate is removed' })),
    pdfBase64: Type.Optional(Type.String({ maxLength: 2_800_000, contentEncoding: 'base64', description: 'a PDF with a text layer' })),
    publishedOn: Type.Optional(Type.String({ format: 'date', description: '"met today" and "yesterday" resolve against it' })),
  },
  { additionalProperties: false },
);
export type ExtractRequest = Static<typeof ExtractRequest>;

export const ExtractResponse = Type.Object({ documentText: Type.String({ description: 'the text the offsets refer to' }), extraction: ExtractionSchema });

export const DocumentRequest = Type.Object({ ...ExtractRequest.properties, fileName: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
export type DocumentRequest = Static<typeof DocumentRequest>;

const Fact = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  kind: Type.String(),
  proposal: Type.Record(Type.String(), Type.Unknown()),
  accepted: Type.Union([Type.Null(), Type.Record(Type.String(), Type.Unknown())]),
  quote: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  status: Type.Union([Type.Literal('proposed'), Type.Literal('accepted'), Type.Literal('rejected')]),
  record: Type.Union([Type.Null(), Type.Object({ type: Type.String(), id: Type.String() })], { description: 'what accepting it created' }),
  note: Type.String(),
  decidedBy: Type.Union([Type.Null(), Type.String()]),
  decidedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
});
export const DocumentView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  fileName: Type.String(),
  sourceKind: Type.String(),
  publishedOn: Type.Union([Type.Null(), Type.String()]),
  text: Type.String({ description: 'the text the offsets refer to' }),
  notes: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  facts: Type.Array(Fact),
});
export const FactDecisionInput = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
    values: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { description: 'corrections to the proposal, field by field' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
