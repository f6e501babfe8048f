import type { Locale } from '../../platform/i18n/i18n.ts';
import type { GroupRow, PartnerRow, PersonRow } from '../partners/partners.repo.ts';
import type { AgendaItemRow, LinkedMeeting, MeetingRow, ParticipantRow, TheaterRow } from './meetings.repo.ts';

/** A theater's name in the reader's language, for the meeting pages and the modules that name theaters. */
export function theaterName(theater: Pick<TheaterRow, 'nameEn' | 'nameFr' | 'nameAr'>, locale: Locale): string {
  return locale === 'fr' ? theater.nameFr : locale === 'ar' ? theater.nameAr : theater.nameEn;
}

export interface MeetingEditingChoices {
  partners: PartnerRow[];
  people: PersonRow[];
  meetings: MeetingRow[];
}

/** A meeting's record as its page shows it: the facts, who took part, the agenda, links and readouts. */
export interface MeetingRecordView {
  meeting: MeetingRow;
  participants: ParticipantRow[];
  agenda: AgendaItemRow[];
  links: { earlier: LinkedMeeting[]; later: LinkedMeeting[] };
  theaters: TheaterRow[];
  group: GroupRow | null;
  readouts: { id: string; status: string; title: string; year: number; slug: string }[];
}

