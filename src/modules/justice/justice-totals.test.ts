import { describe, expect, it } from 'vitest';
import { type Countable, overlapAwareTotal } from './justice-totals.ts';

let next = 0;
function figure(values: Partial<Countable> & { count: number | null; periodEnd: string }): Countable {
  next++;
  return { id: `r${next}`, stateIso3: 'BEL', mechanism: null, periodStart: values.periodEnd, overlapsNational: false, ...values };
}

describe('overlap-aware totals', () => {
  it('adds figures of different states and of one state in separate periods', () => {
    const result = overlapAwareTotal([
      figure({ count: 45, periodStart: '2015-02-11', periodEnd: '2015-02-11' }),
      figure({ count: 8, periodStart: '2023-07-25', periodEnd: '2023-07-25' }),
      figure({ stateIso3: 'FRA', count: 20, periodEnd: '2022-06-29' }),
    ]);
    expect(result.total).toBe(73);
    expect(result.exact).toBe(true);
    expect(result.overlapping).toEqual([]);
  });

  it('never adds UNITAD-supported convictions to the national ones: they are set aside and shown', () => {
    const unitad = figure({ stateIso3: null, mechanism: 'UNITAD', count: 15, periodStart: '2018', periodEnd: '2024-09-17', overlapsNational: true });
    const portugal = figure({ stateIso3: 'PRT', count: 2, periodStart: '2024-01-18', periodEnd: '2024-12-30' });
    const result = overlapAwareTotal([unitad, portugal]);
    expect(result.total).toBe(2);
    expect(result.alsoCountedNationally).toEqual([unitad]);
    expect(result.exact).toBe(false);
  });

  it("does not add one state's figures whose periods overlap: the largest counts, and the overlap is shown", () => {
    const year2018 = figure({ stateIso3: 'IRQ', count: 616, periodStart: '2018', periodEnd: '2018' });
    const toMay2019 = figure({ stateIso3: 'IRQ', count: 514, periodStart: '2018-01', periodEnd: '2019-05' });
    const result = overlapAwareTotal([year2018, toMay2019]);
    expect(result.total).toBe(616);
    expect(result.overlapping).toEqual([[year2018, toMay2019]]);
    expect(result.exact).toBe(false);
    // 616 for 2018 alone cannot be right beside 514 for 2018 to May 2019 if both count the same thing.
    expect(result.inconsistent).toEqual([[year2018, toMay2019]]);
  });

  it('treats a running total with no start as reaching back over every earlier figure', () => {
    const to2016 = figure({ stateIso3: 'GBR', count: 54, periodStart: null, periodEnd: '2016-05' });
    const to2019 = figure({ stateIso3: 'GBR', count: 40, periodStart: null, periodEnd: '2019-02' });
    const later = figure({ stateIso3: 'GBR', count: 3, periodStart: '2020', periodEnd: '2020' });
    const result = overlapAwareTotal([to2016, to2019, later]);
    expect(result.total).toBe(57);
    expect(result.inconsistent).toEqual([[to2016, to2019]]);
    expect(result.overlapping).toHaveLength(1);
    expect(result.overlapping[0]).toHaveLength(2);
  });

  it('joins overlaps through one another and leaves out judgments without a count', () => {
    const result = overlapAwareTotal([
      figure({ count: 10, periodStart: '2014', periodEnd: '2016' }),
      figure({ count: 30, periodStart: '2016', periodEnd: '2018' }),
      figure({ count: 20, periodStart: '2018', periodEnd: '2019' }),
      figure({ count: null, periodStart: '2017', periodEnd: '2017' }),
    ]);
    expect(result.total).toBe(30);
    expect(result.overlapping[0]).toHaveLength(3);
  });
});
