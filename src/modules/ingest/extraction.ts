/** A verbatim piece of the input: `text.slice(start, end) === quote`. */
export interface Span {
  quote: string;
  start: number;
  end: number;
}

export type MeetingFormat = 'small-group' | 'ministerial' | 'working-group' | 'focus-group' | 'other';
export type MoneyKind = 'pledged' | 'goal' | 'committed' | 'disbursed' | 'other';

export interface Speaker {
  name: string;
  role: string | null;
}

export interface Money extends Span {
  amount: string;
  currency: string;
  amountUsd: string | null;
  kind: MoneyKind;
  year: number | null;
  lowerBound: boolean;
}

export interface Incident extends Span {
  /** ISO 8601, as precise as the text: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string | null;
  place: string | null;
  perpetrator: string | null;
}

export interface Reference extends Span {
  what: string;
  when: string | null;
  where: string | null;
}

export interface Commitment extends Span {
  actor: string | null;
}

/** Everything the extractor proposes from one readout; every fact carries the words it came from. */
export interface Extraction {
  title: string | null;
  date: string | null;
  meetingFormat: MeetingFormat | null;
  setting: 'virtual' | 'in-person' | 'hybrid' | null;
  location: { city: string | null; country: string | null } | null;
  speakers: Speaker[];
  theaters: string[];
  branches: string[];
  workingGroups: string[];
  newMembers: string[];
  money: Money[];
  incidents: Incident[];
  references: Reference[];
  commitments: Commitment[];
  /** What the rules could not cover in this text (another language, no sentences), said plainly. */
  notes: string[];
  /** Where the facts reported without a quote above were read: the meeting's sentence, each speaker's and new member's mention. */
  evidence: { meeting: Span | null; speakers: Span[]; newMembers: Span[] };
}
