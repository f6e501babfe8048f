import countries from 'i18n-iso-countries';
import type { Locale } from './i18n.ts';

/**
 * Kosovo has no ISO 3166 code; institutions use the user-assigned XK (alpha-2) and XKX (alpha-3), and
 * the CLDR data behind Intl names XK in every language.
 */
const KOSOVO_ALPHA2 = 'XK';
const displayNames = new Map<Locale, Intl.DisplayNames>();

function namesIn(locale: Locale): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names;
}

function alpha2Of(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (upper === 'XKX' || upper === KOSOVO_ALPHA2) return KOSOVO_ALPHA2;
  if (/^[A-Z]{2}$/.test(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) return countries.alpha3ToAlpha2(upper) ?? undefined;
  return undefined;
}

/**
 * A country named in the reader's language from its ISO code, alpha-2 (IT) or alpha-3 (ITA): "Italy",
 * "Italie", "إيطاليا". A code no table knows is shown as it was given rather than dropped.
 */
export function countryNameIn(locale: Locale, code: string): string {
  const alpha2 = alpha2Of(code);
  return (alpha2 && namesIn(locale).of(alpha2)) || code;
}
