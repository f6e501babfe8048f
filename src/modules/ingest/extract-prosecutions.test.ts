import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';

const prosecutions = (text: string) => extractReadout(text, { publishedOn: '2024-03-15' }).prosecutions;

describe('prosecutions read from a readout', () => {
  it('reads the state, the count, what happened and who was tried, each quote on its offsets', () => {
    const text = 'Partners met in Rome on 14 March 2024.\n\nIn 2023, Iraq convicted 120 foreign terrorist fighters.\n\nSome 45 returnees were prosecuted in Belgium.';
    const found = prosecutions(text);
    expect(found.map(({ quote: _quote, start: _start, end: _end, ...figure }) => figure)).toEqual([
      { state: 'Iraq', count: 120, kind: 'convicted', accused: 'foreign terrorist fighters', date: '2023' },
      { state: 'Belgium', count: 45, kind: 'charged', accused: 'returnees', date: null },
    ]);
    for (const figure of found) expect(text.slice(figure.start, figure.end)).toBe(figure.quote);
    expect(found[0]?.quote).toBe('Iraq convicted 120 foreign terrorist fighters');
  });

  it('tells a sentence from a repatriation and prosecution, and reads French', () => {
    expect(prosecutions('Kazakhstan repatriated and prosecuted 12 foreign terrorist fighters in March 2024.')).toMatchObject([{ state: 'Kazakhstan', count: 12, kind: 'repatriated-and-prosecuted', date: '2024-03' }]);
    expect(prosecutions('La France a condamné 30 revenants en 2022.')).toMatchObject([{ state: 'France', count: 30, kind: 'convicted', accused: 'revenants', date: '2022' }]);
  });

  it('proposes nothing without a count of people or without a verb of justice', () => {
    expect(prosecutions('Iraq convicted ISIS leaders of war crimes.')).toEqual([]);
    expect(prosecutions('Iraq holds 120 foreign terrorist fighters.')).toEqual([]);
    expect(prosecutions('The court sentenced the man to 15 years.')).toEqual([]);
  });
});
