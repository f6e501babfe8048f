import { createHash } from 'node:crypto';
import type { Span } from './extraction.ts';
import { PREBUILT_PATTERNS } from './prebuilt-patterns.ts';

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
    for (const chunk of chunksOf(paragraph[0]))
    for (const segment of segmenter.segment(chunk.text)) {
      const start = (paragraph.index ?? 0) + chunk.start + segment.index;
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

/** How much of a paragraph the segmenter is given at once: its time grows faster than the text (170,000 characters in one paragraph took 36× the time of 42,000). */
const SEGMENTER_CHUNK = 4000;

/**
 * A paragraph in pieces of at most SEGMENTER_CHUNK characters, each cut after a full stop and a space (a
 * sentence's end), else at a space, so the segmenter's work stays linear in the text.
 */
function chunksOf(paragraph: string): { text: string; start: number }[] {
  if (paragraph.length <= SEGMENTER_CHUNK) return [{ text: paragraph, start: 0 }];
  const chunks: { text: string; start: number }[] = [];
  let from = 0;
  while (from < paragraph.length) {
    let to = Math.min(paragraph.length, from + SEGMENTER_CHUNK);
    if (to < paragraph.length) {
      const window = paragraph.slice(from + SEGMENTER_CHUNK / 2, to);
      const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
      const space = window.lastIndexOf(' ');
      if (stop >= 0) to = from + SEGMENTER_CHUNK / 2 + stop + 2;
      else if (space >= 0) to = from + SEGMENTER_CHUNK / 2 + space + 1;
    }
    chunks.push({ text: paragraph.slice(from, to), start: from });
    from = to;
  }
  return chunks;
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

/** Spaces and hyphens between the words of a name: any run of them matches any other. */
const SEPARATOR = '[\\s-]+';

interface TrieNode {
  ends: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The names as one tree of their letters, written back as a pattern: "Saudi Arabia|Saudi Arabian|Sudan"
 * becomes "S(?:audi[\s-]+Arabia(?:n)?|udan)". It matches what the list of alternatives matches, longest
 * first (a longer name is tried before the shorter one it extends), but each letter of the text is
 * tried against a few branches instead of a thousand names: the partners' pattern with every demonym
 * compiles and runs several times faster (the command line's start-up, issue 17).
 */
function trieSource(names: string[], caseless: boolean): string {
  const root: TrieNode = { ends: false, next: new Map() };
  for (const name of names) {
    let node = root;
    for (const piece of name.match(/[\s-]+|[^\s-]/gu) ?? []) {
      const folded = caseless && piece.toLowerCase().length === piece.length ? piece.toLowerCase() : piece;
      const key = /^[\s-]+$/.test(piece) ? SEPARATOR : folded.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      let child = node.next.get(key);
      if (!child) {
        child = { ends: false, next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    node.ends = true;
  }
  const write = (node: TrieNode): string => {
    if (node.next.size === 0) return '';
    const branches = [...node.next].map(([key, child]) => key + write(child));
    const choice = branches.length === 1 && !node.ends ? (branches[0] as string) : `(?:${branches.join('|')})`;
    // A name that ends here is tried after the longer names that go on from it (a greedy "?").
    return node.ends ? `${choice}?` : choice;
  };
  return write(root);
}

/** Sources written in this process, by digest, when asked to keep them (the build, to put them in place). */
let written: Map<string, string> | undefined;

/** Keeps every pattern source written from now on, for `patternSourcesWritten`. */
export function keepPatternSources(): void {
  written ??= new Map();
}

export function patternSourcesWritten(): [string, string][] {
  return [...(written ?? [])];
}

/** A pattern matching whole words, the longest name first, for names from a gazetteer. */
export function wordsPattern(names: string[], flags = 'g'): RegExp {
  const unique = [...new Set(names)].filter((name) => name.length > 0);
  const caseless = flags.includes('i');
  const digest = createHash('sha256').update(`${caseless}\u0000${unique.join('\u0001')}`).digest('base64');
  const source = PREBUILT_PATTERNS.get(digest) ?? trieSource(unique, caseless);
  written?.set(digest, source);
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${source})(?![\\p{L}\\p{N}]|-[\\p{L}])`, `${flags}u`);
}
