import { describe, expect, it } from 'vitest';
import { meetingDay, meetingWhen } from './meeting-time.ts';

// 1 January 2021 at midnight in Rome is still 31 December 2020 in UTC.
const romeNewYear = new Date('2020-12-31T23:00:00Z');

describe('meeting dates at the precision the source gives', () => {
  it('shows a meeting known by its year as the year alone, in its own zone', () => {
    const meeting = { startsAt: romeNewYear, endsAt: new Date('2021-12-31T22:59:59Z'), timeZone: 'Europe/Rome', datePrecision: 'year' as const };
    expect(meetingDay(meeting)).toBe('2021');
    expect(meetingWhen(meeting, 'en')).toBe('2021');
  });

  it('shows a month as the month and a day as the day', () => {
    expect(meetingDay({ startsAt: romeNewYear, timeZone: 'Europe/Rome', datePrecision: 'month' })).toBe('2021-01');
    expect(meetingDay({ startsAt: romeNewYear, timeZone: 'Europe/Rome', datePrecision: 'day' })).toBe('2021-01-01');
    expect(meetingDay({ startsAt: romeNewYear, timeZone: 'UTC', datePrecision: 'minute' })).toBe('2020-12-31');
  });
});
