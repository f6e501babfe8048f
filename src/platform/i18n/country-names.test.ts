import { describe, expect, it } from 'vitest';
import { countryNameIn } from './country-names.ts';

describe('country names in the reader’s language', () => {
  it('names a country from its alpha-2 or alpha-3 code, in any case', () => {
    expect(countryNameIn('ar', 'IT')).toBe('إيطاليا');
    expect(countryNameIn('ar', 'ita')).toBe('إيطاليا');
    expect(countryNameIn('fr', 'SYR')).toBe('Syrie');
    expect(countryNameIn('en', 'IRQ')).toBe('Iraq');
  });

  it('names Kosovo by XK and XKX, and shows a code no table knows as it was given', () => {
    for (const code of ['XK', 'XKX']) expect(countryNameIn('ar', code)).toBe('كوسوفو');
    expect(countryNameIn('en', 'XKX')).toBe('Kosovo');
    expect(countryNameIn('en', 'QQQ')).toBe('QQQ');
  });
});
