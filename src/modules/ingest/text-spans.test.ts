import { describe, expect, it } from 'vitest';
import { sentencesOf } from './text-spans.ts';

// Text written for this test.
describe('sentences of a long paragraph', () => {
  it('are all found, with their offsets, across the pieces the segmenter is given', () => {
    const sentence = 'The partners met in Oslo, and Mr. Doe of the U.S. spoke. ';
    const text = sentence.repeat(400);
    const sentences = sentencesOf(text);
    expect(sentences).toHaveLength(400);
    for (const each of sentences) {
      expect(text.slice(each.start, each.end)).toBe(each.text);
      expect(each.text).toBe(sentence.trim());
    }
  });
});
