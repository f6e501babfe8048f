import { describe, expect, it } from 'vitest';
import { breakdownProblems, periodStart } from './detention-checks.ts';

describe('detention checks', () => {
  it('finds the first date a period names, at its precision', () => {
    expect(periodStart('2019-01/2019-06')).toBe('2019-01-01');
    expect(periodStart('cumulative 2019-2021')).toBe('2019-01-01');
    expect(periodStart('2021-02-04')).toBe('2021-02-04');
    expect(periodStart('to 2025-01')).toBe('2025-01-01');
    expect(periodStart('unknown')).toBeNull();
    expect(periodStart('cumulative (undated)')).toBeNull();
  });

  it('accepts a breakdown short of the total only when marked partial, and never one above it', () => {
    const nationalities = [
      { key: 'IRQ', count: 30897 },
      { key: 'SYR', count: 27813 },
      { key: 'third-countries', count: 10029 },
    ];
    expect(breakdownProblems(68744, true, { nationalities, categories: [] })).toEqual([]);
    expect(breakdownProblems(68744, false, { nationalities, categories: [] })).toEqual([
      { field: 'nationalities', message: 'IRQ + SYR + third-countries = 68739, less than the total of 68744: mark the breakdown partial if the source gives only part of it' },
    ]);
    expect(breakdownProblems(60000, true, { nationalities, categories: [] })).toEqual([{ field: 'nationalities', message: 'IRQ + SYR + third-countries = 68739, more than the total of 60000' }]);
    // Men/women/children and fighters/family members are two ways to split the same people.
    expect(breakdownProblems(10, false, { nationalities: [], categories: [{ key: 'men', count: 2 }, { key: 'women', count: 3 }, { key: 'children', count: 5 }, { key: 'fighters', count: 2 }, { key: 'family-members', count: 8 }] })).toEqual([]);
    expect(breakdownProblems(10, true, { nationalities: [{ key: 'ABC', count: 1 }, { key: 'atlantis', count: 1 }], categories: [{ key: 'elders', count: 1 }] }).map((p) => p.message)).toEqual([
      '"ABC" is not a nationality: use an ISO 3166-1 alpha-3 code (e.g. FRA), "unknown" or "third-countries"',
      '"atlantis" is not a nationality: use an ISO 3166-1 alpha-3 code (e.g. FRA), "unknown" or "third-countries"',
      '"elders" is not a category (men, women, children, fighters, family-members)',
    ]);
  });
});
