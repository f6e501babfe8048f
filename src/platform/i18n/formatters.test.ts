import { describe, expect, it } from 'vitest';
import { partialDateIn } from './formatters.ts';

describe('a date known to the year, month or day, written the reader’s way', () => {
  it('says no more than is known', () => {
    expect(partialDateIn('en', '2023-06-08')).toBe('June 8, 2023');
    expect(partialDateIn('en', '2023-06')).toBe('June 2023');
    expect(partialDateIn('fr', '2023-06')).toBe('juin 2023');
    expect(partialDateIn('en', '2023')).toBe('2023');
  });

  it('writes Arabic months, and leaves what is not such a date as written', () => {
    expect(partialDateIn('ar', '2026-02-07')).toContain('فبراير');
    expect(partialDateIn('ar', '2026-02')).not.toContain('-');
    expect(partialDateIn('en', 'spring 2024')).toBe('spring 2024');
  });
});
