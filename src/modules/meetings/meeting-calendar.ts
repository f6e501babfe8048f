import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { meetingTownInEnglish } from './meeting-place.ts';
import type { MeetingRow } from './meetings.repo.ts';

/** Meetings known only by their month or year have no date a calendar could hold. */
export function hasCalendarDate(meeting: Pick<MeetingRow, 'datePrecision'>): boolean {
  return meeting.datePrecision === 'minute' || meeting.datePrecision === 'day';
}

/**
 * An iCalendar (RFC 5545) document of meetings. Timed meetings are written in UTC; meetings known to the
 * day are all-day events on their date where they are held.
 */
export function meetingCalendar(meetings: readonly MeetingRow[], origin: string, name: string): string {
  const calendar = ical({ name, prodId: { company: 'Coalition Desk', product: 'meetings', language: 'EN' } });
  for (const meeting of meetings.filter(hasCalendarDate)) {
    const allDay = meeting.datePrecision === 'day';
    const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: meeting.timeZone });
    calendar.createEvent({
      id: `${meeting.id}@coalition-desk`,
      start: allDay ? local(meeting.startsAt).startOf('day').toJSDate() : meeting.startsAt,
      end: allDay ? local(meeting.endsAt).plus({ days: 1 }).startOf('day').toJSDate() : meeting.endsAt,
      allDay,
      summary: meeting.title,
      location: meeting.setting === 'virtual' ? 'Virtual' : meeting.setting === 'unknown' ? undefined : meetingTownInEnglish(meeting) || undefined,
      url: `${origin}/meetings/${meeting.id}`,
      lastModified: meeting.updatedAt,
    });
  }
  return calendar.toString();
}
