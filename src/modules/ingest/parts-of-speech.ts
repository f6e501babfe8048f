import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { englishModelFromFile } from './english-model-file.ts';

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
  // The command line's build leaves the model ready to read beside its code (english-model-file.ts); from the source, the package reads its own.
  const model = englishModelFromFile(fileURLToPath(new URL('./english-model.bin', import.meta.url)), import.meta.url) ?? require('wink-eng-lite-web-model');
  const nlp = winkNLP(model, ['sbd', 'pos']);
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

/** Tags read ahead on another thread (the command line), by the exact piece of text they were read for. */
let readAhead: Map<string, Map<number, string>> | undefined;

/** Each word's part of speech (PROPN, NOUN, VERB …) by the offset where it starts in `text`. */
export function partsOfSpeech(text: string): Map<number, string> {
  const ahead = readAhead?.get(text);
  if (ahead) return ahead;
  tagger ??= loadTagger();
  return tagger(text);
}

/** Loads the model now rather than at the first word to tag (a thread that loads it ahead). */
export function loadPartsOfSpeech(): void {
  tagger ??= loadTagger();
}

/** Every line of a text with its tags: what a thread that loaded the model ahead sends back. */
export function tagsOfEachLine(text: string): Map<string, Map<number, string>> {
  tagger ??= loadTagger();
  const tags = new Map<string, Map<number, string>>();
  for (const line of text.split('\n')) if (line.trim() && !tags.has(line)) tags.set(line, tagger(line));
  return tags;
}

/** Tags read elsewhere, used for the pieces of text they were read for (any other piece is tagged here). */
export function useTagsReadAhead(tags: Map<string, Map<number, string>> | undefined): void {
  readAhead = tags;
}
