import { countryNameIn } from '../../platform/i18n/country-names.ts';
import { partsSeparator } from '../../platform/i18n/formatters.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import type { MeetingRow } from './meetings.repo.ts';

type Placed = Pick<MeetingRow, 'setting' | 'city' | 'countryIso3'>;

/** The three parts of where a meeting is held, in the reader's language; the city stays as the sources spell it (cities carry no translations). */
export function meetingPlaceParts(meeting: Placed, locale: Locale, t: Translate): { setting: string; city: string | null; country: string | null } {
  return { setting: t(`meetingSetting.${meeting.setting}` as never), city: meeting.city || null, country: meeting.countryIso3 ? countryNameIn(locale, meeting.countryIso3) : null };
}

/** Where a meeting is held, as plain text in the reader's language: "In person, Rome, Italy", "حضوري، Rome، إيطاليا". */
export function meetingPlace(meeting: Placed, locale: Locale, t: Translate): string {
  const { setting, city, country } = meetingPlaceParts(meeting, locale, t);
  return [setting, city, country].filter(Boolean).join(partsSeparator(locale));
}

/** The city and country in English, for what is written in English whatever the reader (calendar files, readout drafts): "Rome, Italy". */
export function meetingTownInEnglish(meeting: Placed): string {
  return [meeting.city, meeting.countryIso3 ? countryNameIn('en', meeting.countryIso3) : null].filter(Boolean).join(', ');
}
