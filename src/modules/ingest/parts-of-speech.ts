import { createRequire } from 'node:module';

/**
 * Parts of speech from wink-nlp and its English model (maintained, no network, ~3 ms a readout). Loaded
 * on first use only (about 0.2 s), so a command that extracts nothing, or a text in another language, never
 * pays for it; in the server it is loaded inside the extraction thread, where extraction runs.
 */
type Tagger = (text: string) => Map<number, string>;
let tagger: Tagger | undefined;

function loadTagger(): Tagger {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => WinkNlp;
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  const { its } = nlp;
  return (text) => {
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    // wink keeps the text whole: each token's offset is the sum of the tokens and spaces before it.
    const byOffset = new Map<number, string>();
    let at = 0;
    values.forEach((value, index) => {
      at += (spaces[index] ?? '').length;
      if (text.startsWith(value, at)) byOffset.set(at, tags[index] as string);
      else {
        const found = text.indexOf(value, at);
        if (found >= 0) at = found;
        byOffset.set(at, tags[index] as string);
      }
      at += value.length;
    });
    return byOffset;
  };
}

interface WinkNlp {
  its: Record<string, unknown>;
  readDoc(text: string): { tokens(): { out(what: unknown): unknown } };
}

/** Each word's part of speech (PROPN, NOUN, VERB …) by the offset where it starts in `text`. */
export function partsOfSpeech(text: string): Map<number, string> {
  tagger ??= loadTagger();
  return tagger(text);
}
