import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(ar);

/** ISO 3166-1 alpha-3 codes, plus user-assigned X-codes such as XKX (Kosovo) that institutions use. */
export function isKnownAlpha3(code: string): boolean {
  return countries.isValid(code) || /^X[A-Z]{2}$/.test(code);
}

export function countryName(alpha3: string, locale: 'en' | 'fr' | 'ar'): string | undefined {
  return countries.getName(alpha3, locale) ?? undefined;
}
