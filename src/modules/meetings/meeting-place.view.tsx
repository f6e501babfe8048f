import { partsSeparator } from '../../platform/i18n/formatters.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import { meetingPlaceParts } from './meeting-place.ts';
import type { MeetingRow } from './meetings.repo.ts';

/**
 * Where a meeting is held, as `meetingPlace` says it, on a page: the city, spelt as the sources spell it,
 * is isolated, so that in an Arabic line "Washington, D.C." keeps its full stop at its own end instead of
 * beside the comma that follows it.
 */
export function MeetingPlace({ meeting, locale, t }: { meeting: Pick<MeetingRow, 'setting' | 'city' | 'countryIso3'>; locale: Locale; t: Translate }) {
  const separator = partsSeparator(locale);
  const { setting, city, country } = meetingPlaceParts(meeting, locale, t);
  return (
    <>
      {setting}
      {city ? (
        <>
          {separator}
          <bdi>{city}</bdi>
        </>
      ) : null}
      {country ? `${separator}${country}` : null}
    </>
  );
}
