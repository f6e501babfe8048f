import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LOCALES, negotiateLocale, translator } from './i18n.ts';

describe('message catalogues', () => {
  const englishKeys = Object.keys(CATALOGUES.en).sort();

  it.each(LOCALES)('%s has exactly the keys English has', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('every %s message is valid ICU MessageFormat and not left untranslated-empty', (locale) => {
    for (const [key, message] of Object.entries(CATALOGUES[locale])) {
      expect(message.trim(), key).not.toBe('');
      expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
    }
  });

  it('never renders a raw key: a key missing in every catalogue is an error, one missing in a language falls back to English', () => {
    expect(() => translator('fr')('no.such.key' as never)).toThrow('no message "no.such.key" in any catalogue');
    expect(translator('ar')('nav.home')).not.toBe('nav.home');
  });

  it('formats plurals per language', () => {
    expect(translator('en')('list.count', { count: 1 })).toBe('1 result');
    expect(translator('fr')('list.count', { count: 3 })).toBe('3 résultats');
    expect(translator('ar')('list.count', { count: 2 })).toBe('نتيجتان');
  });

  it('negotiates the language from Accept-Language', () => {
    expect(negotiateLocale('ar-EG,ar;q=0.9,en;q=0.5')).toBe('ar');
    expect(negotiateLocale('de-DE,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(negotiateLocale('de')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });
});
