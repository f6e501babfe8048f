import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { wordsPattern } from './text-spans.ts';

/** What wordsPattern was before it became a tree: every name an alternative, the longest first. */
function alternatives(names: string[], flags = 'g'): RegExp {
  const escaped = [...new Set(names)].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`, `${flags}u`);
}
const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => `${match.index}:${match[0]}`);

const NAMES = ['Saudi Arabia', 'Saudi', 'Sudan', 'South Sudan', 'Iraq', 'Iraqi', 'Côte d’Ivoire', 'U.S.', 'United States', 'United States of America', 'Congo', 'Democratic Republic of the Congo', 'ISIS-K', 'ISIS', 'Guinea', 'Guinea-Bissau', 'Papua New Guinea'];

describe('names as one tree-shaped pattern', () => {
  it('finds what the list of alternatives found: the longest name at each place, across spaces and hyphens, whole words only', () => {
    const text = 'The United States of America, South  Sudan and Saudi Arabia met the Iraqi and U.S. envoys; ISIS-K struck; Guinea-Bissau, Papua-New Guinea, Côte d’Ivoire and the Democratic Republic of the Congo spoke. Iraqis, Sudanese, Guineans.';
    for (const flags of ['g', 'gi']) expect(matches(wordsPattern(NAMES, flags), text)).toEqual(matches(alternatives(NAMES, flags), text));
    expect(matches(wordsPattern(NAMES, 'g'), text)).toContain('4:United States of America');
    expect(matches(wordsPattern(NAMES, 'gi'), 'SAUDI ARABIA and saudi arabia')).toEqual(['0:SAUDI ARABIA', '17:saudi arabia']);
  });

  test.prop([fc.array(fc.constantFrom(...NAMES, 'the', 'and', 'of', '-', ' ', ',', 'Arabian', 'Sudanese', 'K'), { maxLength: 30 }), fc.constantFrom('g', 'gi')])('agrees with the list of alternatives on any text made of names and words', (words, flags) => {
    const text = words.join(' ');
    expect(matches(wordsPattern(NAMES, flags), text)).toEqual(matches(alternatives(NAMES, flags), text));
  });

  it('is much shorter than the list for many names sharing their beginnings', () => {
    const names = Array.from({ length: 500 }, (_, index) => `Republic of Somewhere ${index}`);
    expect(wordsPattern(names).source.length).toBeLessThan(alternatives(names).source.length / 5);
  });
});
