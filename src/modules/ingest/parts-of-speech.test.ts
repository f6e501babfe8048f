import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import { partsOfSpeech } from './parts-of-speech.ts';

describe('parts of speech (wink-nlp)', () => {
  it('tags each word at its offset in the text', () => {
    const text = 'Minister Anna Berg met the press in Rome.';
    const tags = partsOfSpeech(text);
    expect(tags.get(text.indexOf('Berg'))).toBe('PROPN');
    expect(tags.get(text.indexOf('the'))).toBe('DET');
    expect(tags.get(text.indexOf('met'))).toBe('VERB');
  });

  it('keeps a name as a speaker, and not capitalised words the model reads as no name ("Both Sides", "These Two")', () => {
    const extraction = extractReadout('The meeting was chaired by the Special Envoy for the Coalition, Anna Berg. Under-Secretary Both Sides stressed the value of dialogue. Secretary These Two said the meeting was useful.');
    expect(extraction.speakers.map((speaker) => speaker.name)).toEqual(['Anna Berg']);
  });
});
