import { countryNameIn } from '../../platform/i18n/country-names.ts';
import { partsSeparator } from '../../platform/i18n/formatters.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import type { MeetingRow } from './meetings.repo.ts';

/**
 * Where a meeting is held, in the reader's language: "In person, Rome, Italy", "حضوري، Rome، إيطاليا". The
 * city stays as the sources spell it (cities carry no translations) and is isolated, so that in an Arabic
 * line "Washington, D.C." keeps its full stop at its own end instead of beside the comma that follows it.
 */
export function MeetingPlace({ meeting, locale, t }: { meeting: Pick<MeetingRow, 'setting' | 'city' | 'countryIso3'>; locale: Locale; t: Translate }) {
  const separator = partsSeparator(locale);
  const country = meeting.countryIso3 ? countryNameIn(locale, meeting.countryIso3) : null;
  return (
    <>
      {t(`meetingSetting.${meeting.setting}` as never)}
      {meeting.city ? (
        <>
          {separator}
          <bdi>{meeting.city}</bdi>
        </>
      ) : null}
      {country ? `${separator}${country}` : null}
    </>
  );
}
