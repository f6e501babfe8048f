import { intlLocale } from '../../platform/i18n/request-language.ts';
import { DateTime } from 'luxon';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { remembered } from '../../platform/remembered.ts';
import type { MeetingRow } from './meetings.repo.ts';

type Timed = Pick<MeetingRow, 'startsAt' | 'endsAt' | 'timeZone' | 'datePrecision'>;

/** The meeting's start (and end, when it differs) in the meeting's own zone, at the precision the source gives. */
export function meetingWhen(meeting: Timed, locale: Locale, zone = meeting.timeZone): string {
  // A pure function of these (the Intl locale carries the digits): lists write 25 of them per visit, each a few zoned Luxon dates.
  const key = `${meeting.startsAt.getTime()}|${meeting.endsAt.getTime()}|${zone}|${meeting.datePrecision}|${intlLocale(locale)}`;
  return remembered(meetingWhens, MAX_KEPT, key, () => meetingWhenNow(meeting, locale, zone));
}

/** Answers of meetingWhen and meetingDay, bounded (a few per meeting, language and digits). */
const meetingWhens = new Map<string, string>();
const meetingDays = new Map<string, string>();
const MAX_KEPT = 10_000;

function meetingWhenNow(meeting: Timed, locale: Locale, zone: string): string {
  const start = DateTime.fromJSDate(meeting.startsAt, { zone }).setLocale(intlLocale(locale));
  const end = DateTime.fromJSDate(meeting.endsAt, { zone }).setLocale(intlLocale(locale));
  if (meeting.datePrecision === 'year') return start.toFormat('yyyy');
  if (meeting.datePrecision === 'month') return start.toFormat('LLLL yyyy');
  if (meeting.datePrecision === 'day') {
    const first = start.toLocaleString(DateTime.DATE_FULL);
    const last = end.toLocaleString(DateTime.DATE_FULL);
    return first === last ? first : `${first} – ${last}`;
  }
  const sameDay = start.hasSame(end, 'day');
  const endText = sameDay ? end.toLocaleString(DateTime.TIME_SIMPLE) : end.toLocaleString(DateTime.DATETIME_MED);
  return `${start.toLocaleString(DateTime.DATETIME_MED)} – ${endText} (${zone})`;
}

/**
 * The day a meeting was held, in the reader's language, never its hours: a meeting named from elsewhere
 * (a link to an earlier one) has no time worth showing, and one recorded from a readout at midnight
 * would read "9:00 AM – 9:00 AM".
 */
export function meetingDate(meeting: Pick<MeetingRow, 'startsAt' | 'timeZone' | 'datePrecision'>, locale: Locale): string {
  const precision = meeting.datePrecision === 'year' || meeting.datePrecision === 'month' ? meeting.datePrecision : 'day';
  return meetingWhen({ ...meeting, endsAt: meeting.startsAt, datePrecision: precision }, locale);
}

/** Wall-clock value for a datetime-local field, in the meeting's zone. */
export function localInputValue(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/**
 * The meeting's start as a short sortable date at the precision the source gives, in the meeting's own
 * zone: "2021" for a meeting known by its year (never 2021-01-01), "2023-03", or "2021-06-28".
 */
export function meetingDay(meeting: Pick<MeetingRow, 'startsAt' | 'timeZone' | 'datePrecision'>): string {
  // The meeting page names up to 200 earlier meetings this way on every visit; a zoned Luxon date costs far more than a lookup.
  const key = `${meeting.startsAt.getTime()}|${meeting.timeZone}|${meeting.datePrecision}`;
  return remembered(meetingDays, MAX_KEPT, key, () =>
    DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone }).toFormat(meeting.datePrecision === 'year' ? 'yyyy' : meeting.datePrecision === 'month' ? 'yyyy-MM' : 'yyyy-MM-dd'),
  );
}
