import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import type { Extraction, Span } from './extraction.ts';

/** Every quoted fact of an extraction, each of which must be the very words at its offsets. */
const quotedFacts = (extraction: Extraction): Span[] => [
  ...extraction.money,
  ...extraction.incidents,
  ...extraction.references,
  ...extraction.commitments,
  ...extraction.detention,
  ...extraction.repatriations,
  ...extraction.taskings,
  ...extraction.evidence.speakers,
  ...extraction.evidence.newMembers,
  ...(extraction.evidence.meeting ? [extraction.evidence.meeting] : []),
];

const expectQuotesOnTheirOffsets = (text: string, extraction: Extraction) => {
  for (const fact of quotedFacts(extraction)) expect(text.slice(fact.start, fact.end)).toBe(fact.quote);
};

/**
 * Texts built to make backtracking patterns blow up: each once took seconds to minutes (a 2 KB
 * communiqué with an all-capitals heading took 61 s). Vitest's own time-out is the only clock here;
 * how the time grows with the length is measured in bench/ingest.ts.
 */
const HOSTILE: [string, string][] = [
  ['a long line in capitals', `${'COMMUNIQUE OF THE FIFTH EDITION OF THE LAKE BASIN GOVERNORS FORUM FOR REGIONAL COOPERATION '.repeat(400)}\n\nThe forum has joined the Coalition.`],
  ['capitals with no spaces', `${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(2000)} joined the Coalition`],
  ['a long run of names', `${'Minister Anna Berg, Ambassador Carl Dahl and Envoy Eva Falk '.repeat(800)}met in Rome.`],
  ['names running on to "Group"', `the Finance${', Alpha Beta and the Gamma'.repeat(500)} Working`],
  ['punctuation', `${',;:.—–()'.repeat(10000)}`],
  ['digits and currency signs', `$${'1'.repeat(50000)} €${'9,999'.repeat(5000)} ${'1 000 '.repeat(5000)}`],
  ['welcomes with no end', `welcomed ${'the new member '.repeat(5000)}`],
  ['co-leads with no dash', `co-led by ${'Italy and Spain '.repeat(5000)}`],
  ['one sentence with no full stop', `${'the previous meeting from the partners and '.repeat(3000)}`],
  // One paragraph of many sentences: the sentence segmenter's time grew faster than the text (seconds at 170,000 characters).
  // One line naming places many times: each place's surroundings are read in a bounded window, not back to the line's start.
  ['one line naming places many times', `${'the partners discussed Iraq and Syria and '.repeat(2000)}`],
  ['one paragraph of many sentences', `${'An attack took place in Kenya on 3 May, and Mr. Doe of the U.S. condemned it. '.repeat(2500)}`],
];

describe('hostile input finishes, whatever its shape', () => {
  it.each(HOSTILE)('%s', (_label, text) => {
    const extraction = extractReadout(text, { publishedOn: '2025-01-31' });
    expectQuotesOnTheirOffsets(text, extraction);
  });
});

describe('no quote is off its offsets', () => {
  const words = fc.constantFrom('The', 'Coalition', 'met', 'in', 'Rome', 'on', '14 March 2024', 'Italy', 'pledged', 'EUR 25 million', '$600 million', 'Kazakhstan', 'repatriated', '45', 'women and children', 'al-Hol', 'camp', 'holds', '30,000', 'people', 'ISIS-K', 'attack', 'Kabul', 'agreed', 'to', 'focus', 'the', 'Communications', 'Working', 'Group', 'Special Envoy', 'John Smith', 'welcomed', 'Tajikistan', 'as', 'new member', ',', '.', '\n', 'le', '45,5 millions d’euros', '10 000 000 €', 'ISIS', 'Italian', 'Government');
  test.prop([fc.array(words, { maxLength: 80 })], { numRuns: 200 })('for texts made of readout words', (pieces) => {
    const text = pieces.join(' ');
    expectQuotesOnTheirOffsets(text, extractReadout(text, { publishedOn: '2024-03-20' }));
  });
});
