import { countryNameIn } from '../../platform/i18n/country-names.ts';
import type { MeetingRow } from './meetings.repo.ts';

type Placed = Pick<MeetingRow, 'setting' | 'city' | 'countryIso3'>;

/** The city and country in English, for what is written in English whatever the reader (calendar files, readout drafts): "Rome, Italy". */
export function meetingTownInEnglish(meeting: Placed): string {
  return [meeting.city, meeting.countryIso3 ? countryNameIn('en', meeting.countryIso3) : null].filter(Boolean).join(', ');
}
