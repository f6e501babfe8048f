import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.ts';
import { render } from 'preact-render-to-string';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { meetingTownInEnglish } from './meeting-place.ts';
import { MeetingPlace } from './meeting-place.view.tsx';

type Placed = Parameters<typeof MeetingPlace>[0]['meeting'];
/** The place as a reader reads it: the rendered words, without the markup that isolates the city. */
const meetingPlace = (meeting: Placed, locale: Locale) => render(MeetingPlace({ meeting, locale, t: translator(locale) })).replace(/<\/?bdi>/g, '');

const rome = { setting: 'in-person', city: 'Rome', countryIso3: 'ITA' } as const;

describe('where a meeting is held, in the reader’s language', () => {
  it('names the setting and the country in the reader’s language, joined the reader’s way', () => {
    expect(meetingPlace(rome, 'ar')).toBe('حضوري، Rome، إيطاليا');
    expect(meetingPlace(rome, 'fr')).toBe('En présentiel, Rome, Italie');
    expect(meetingPlace(rome, 'en')).toBe('In person, Rome, Italy');
    expect(meetingPlace({ setting: 'virtual', city: null, countryIso3: null }, 'ar')).toBe('افتراضي');
  });

  it('names Kosovo by its user-assigned code in every language', () => {
    const pristina = { setting: 'hybrid', city: 'Pristina', countryIso3: 'XKX' } as const;
    expect(meetingPlace(pristina, 'ar')).toBe('هجين، Pristina، كوسوفو');
    expect(meetingTownInEnglish(pristina)).toBe('Pristina, Kosovo');
  });

  it('writes the town in English for calendars and readout drafts', () => {
    expect(meetingTownInEnglish(rome)).toBe('Rome, Italy');
    expect(meetingTownInEnglish({ ...rome, city: null })).toBe('Italy');
  });

  it('isolates the city on a page, so a Latin name ending in a full stop keeps it in an Arabic line', () => {
    const washington = { setting: 'in-person', city: 'Washington, D.C.', countryIso3: 'USA' } as const;
    expect(render(MeetingPlace({ meeting: washington, locale: 'ar', t: translator('ar') }))).toBe('حضوري، <bdi>Washington, D.C.</bdi>، الولايات المتحدة');
    expect(render(MeetingPlace({ meeting: { ...washington, city: null }, locale: 'en', t: translator('en') }))).toBe('In person, United States');
  });
});
