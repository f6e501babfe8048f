/** The two label layouts the evaluation reads, as one expected extraction. */
import type { Extraction, MeetingFormat } from '../src/modules/ingest/extraction.ts';

export interface Expected {
  publishedOn: string | null;
  /** Undefined: not scored for this document (a title the text does not carry, a date the text does not state). */
  title?: string | null;
  date?: string | null;
  meetingFormat: MeetingFormat | null;
  setting: Extraction['setting'];
  location: Extraction['location'];
  speakers: { name: string; role: string | null }[];
  /** Whether roles are labelled in the extractor's terms (the corpus describes them in its own words). */
  speakerRoles: boolean;
  theaters: string[];
  branches: string[];
  workingGroups: string[];
  newMembers: string[];
  money: { amount: string; currency: string; kind?: string; year?: number | null; lowerBound?: boolean }[];
  moneyDetail: boolean;
  incidents: { date?: string | null; place?: string | null; perpetrator: string | null }[];
  references: { quote?: string; when?: string | null; where?: string | null }[];
  commitments: { actor?: string | null; quote: string }[];
}

const FORMATS: Record<string, MeetingFormat> = { 'small group': 'small-group', ministerial: 'ministerial', 'working group': 'working-group', 'focus group': 'focus-group' };

type CorpusLabels = Record<string, unknown> & { meeting_format: string | null; chair_or_speakers: { name: string }[] };

function fromCorpus(labels: CorpusLabels): Expected {
  const location = typeof labels.location === 'string' ? labels.location : null;
  const comma = location?.lastIndexOf(', ') ?? -1;
  const title = String(labels.title ?? '');
  return {
    publishedOn: null,
    // A bracketed title is the labeller's description, not words of the text.
    title: title.startsWith('[') ? undefined : title,
    date: labels.date_stated_in_text ? (labels.date as string | null) : undefined,
    meetingFormat: labels.meeting_format ? (FORMATS[labels.meeting_format.toLowerCase()] ?? 'other') : null,
    setting: (labels.setting as Extraction['setting']) ?? null,
    location: location ? (comma > 0 ? { city: location.slice(0, comma), country: location.slice(comma + 2) } : { city: null, country: location }) : null,
    speakers: labels.chair_or_speakers.map((speaker) => ({ name: speaker.name, role: null })),
    speakerRoles: false,
    theaters: labels.theaters as string[],
    branches: labels.branches as string[],
    workingGroups: labels.working_groups as string[],
    newMembers: labels.new_members as string[],
    money: (labels.money as { amount: number; currency: string }[]).map((money) => ({ amount: String(money.amount), currency: money.currency })),
    moneyDetail: false,
    // Places are labelled in the labeller's words ("Ramadi, Iraq"); an incident counts by its perpetrator and date.
    incidents: (labels.incidents as { date: string | null; perpetrator: string | null }[]).map((incident) => ({ date: incident.date, perpetrator: incident.perpetrator })),
    references: (labels.references_to_earlier_meetings as { quote: string }[]).map((reference) => ({ quote: reference.quote })),
    commitments: (labels.commitments as string[]).map((quote) => ({ quote })),
  };
}

export function expectedFromLabels(labels: Record<string, unknown>): Expected {
  if ('meeting_format' in labels) return fromCorpus(labels as CorpusLabels);
  const own = labels as unknown as Extraction & { publishedOn?: string };
  return { ...own, publishedOn: own.publishedOn ?? null, speakerRoles: true, moneyDetail: true };
}
