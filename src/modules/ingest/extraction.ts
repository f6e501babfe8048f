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
  /** Who pledged, committed or gave it: a partner of the registry, or the words of the text ("the coalition"); null when unsaid. */
  actor: string | null;
}

/** A camp's or detention site's population on a date: "al-Hol, home to some 30,000 people". Counts of people only, never identities. */
export interface DetentionFigure extends Span {
  site: string | null;
  population: number;
  /** ISO 8601, as precise as the text; null when the text gives none. */
  date: string | null;
}

/** People a state brought home: "Kazakhstan repatriated 45 women and children". */
export interface RepatriationFigure extends Span {
  state: string | null;
  count: number;
  /** Who they were, as the text says it ("women and children", "foreign terrorist fighters"); null when unsaid. */
  kind: string | null;
  /** ISO 8601, as precise as the sentence gives it; null when it gives none. */
  date: string | null;
}

/** People a state brought to justice: "Iraq has convicted 120 foreign terrorist fighters". Counts only, never names. */
export interface ProsecutionFigure extends Span {
  state: string | null;
  count: number;
  /** The justice register's kind the verb means. */
  kind: 'convicted' | 'charged' | 'acquitted' | 'repatriated-and-prosecuted';
  /** Who was tried, as the text says it ("returnees", "foreign terrorist fighters"). */
  accused: string | null;
  /** ISO 8601, as precise as the sentence gives it; null when it gives none. */
  date: string | null;
}

/** What a meeting asked of working groups: "agreed to focus work in the … Working Groups on countering the ISIS-K threat". */
export interface TaskingProposal extends Span {
  groups: string[];
  subject: string;
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
  detention: DetentionFigure[];
  repatriations: RepatriationFigure[];
  prosecutions: ProsecutionFigure[];
  taskings: TaskingProposal[];
  /** What the rules could not cover in this text (another language, no sentences), said plainly. */
  notes: string[];
  /** Where the facts reported without a quote above were read: the meeting's sentence, each speaker's and new member's mention. */
  evidence: { meeting: Span | null; speakers: Span[]; newMembers: Span[] };
}
