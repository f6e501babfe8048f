import type { Span } from './extraction.ts';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The sentences of a text with their offsets. Paragraph breaks always end a sentence (a title has no
 * full stop), and abbreviations such as "U.S." do not.
 */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = /[^\n]+/g;
  for (const paragraph of text.matchAll(paragraphs)) {
    let pending: Sentence | undefined;
    for (const segment of segmenter.segment(paragraph[0])) {
      const start = (paragraph.index ?? 0) + segment.index;
      const piece = { text: segment.segment, start, end: start + segment.segment.length };
      // "U.S. Acting Special Envoy", "Jane M. Doe", "Dr. Smith": the segmenter breaks after the abbreviation; a piece that follows one, or starts in lower case, continues the sentence.
      // Only the end of the pending sentence is looked at, so a paragraph of many pieces stays linear.
      if (pending && (/(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Amb|Gen|Lt|Col|Sen|Rep|No|St)\.)\s*$/.test(pending.text.slice(-12)) || /^\s*[a-z]/.test(piece.text))) {
        pending = { text: pending.text + piece.text, start: pending.start, end: piece.end };
        continue;
      }
      // A list's number ("1.", "2)") is cut off as a piece of its own: it is no sentence, and the paragraph's sentence follows it.
      if (pending && !/^\s*\d{1,3}[.)]\s*$/.test(pending.text)) sentences.push(pending);
      pending = piece;
    }
    if (pending) sentences.push(pending);
  }
  return sentences.flatMap((sentence) => bounded(trimmed(sentence.text, sentence.start))).filter((sentence) => sentence.text.length > 0);
}

/** Longer than any real sentence: a line of navigation, a table flattened, text with no full stops. */
export const MAX_SENTENCE = 1500;

/**
 * An over-long "sentence" cut at spaces into pieces of at most MAX_SENTENCE characters, so every rule
 * that reads one sentence at a time does bounded work per piece and the whole extraction stays linear.
 */
function bounded(sentence: Sentence): Sentence[] {
  if (sentence.text.length <= MAX_SENTENCE) return [sentence];
  const pieces: Sentence[] = [];
  let from = 0;
  while (from < sentence.text.length) {
    let to = Math.min(sentence.text.length, from + MAX_SENTENCE);
    if (to < sentence.text.length) {
      const space = sentence.text.lastIndexOf(' ', to);
      if (space > from + MAX_SENTENCE / 2) to = space;
    }
    const piece = trimmed(sentence.text.slice(from, to), sentence.start + from);
    if (piece.text) pieces.push(piece);
    from = to;
  }
  return pieces;
}

/** A piece of text without its surrounding white space, offsets moved to match. */
export function trimmed(text: string, start: number): Sentence {
  const leading = text.length - text.trimStart().length;
  const value = text.trim();
  return { text: value, start: start + leading, end: start + leading + value.length };
}

/** The span `text.slice(start, end)`, trimmed of spaces and trailing punctuation. */
export function spanOf(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /[\s,;:.]/.test(text[to - 1] as string)) to--;
  return { quote: text.slice(from, to), start: from, end: to };
}

/** A pattern of alternatives matching whole words, longest first, for names from a gazetteer. */
export function wordsPattern(names: string[], flags = 'g'): RegExp {
  const escaped = [...new Set(names)].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`, `${flags}u`);
}
