import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { keySimilarity, vowelAgreement } from './letter-classes.ts';
import type { NameToken } from './normalize.ts';

/**
 * How a query word met a listed word, for the explanation:
 * - `exact`: written the same;
 * - `same-spelling`: the same once case, accents and an attached article are set aside;
 * - `same-consonants`: another Latin spelling of the same consonants and vowels (Mohammed/Muhammad);
 * - `transliteration`: the same name across scripts (البغدادي/Baghdadi);
 * - `close-spelling`: near enough to be a typing slip or a near transliteration (Bahgdadi, عثمان/Osman).
 */
export type MatchHow = 'exact' | 'same-spelling' | 'same-consonants' | 'transliteration' | 'close-spelling';

export interface TokenSimilarity {
  similarity: number;
  how: MatchHow;
}

/** Below this two words are not the same name part. */
export const MATCH_FLOOR = 0.7;
/** At or above this two words are the same name part; between the floor and this they resemble each other but differ (Salma/Salim). */
export const STRONG = 0.85;

const keysOf = (token: NameToken) => (token.alternates ? [token.key, ...token.alternates] : [token.key]);
const vowelsOf = (token: NameToken, index: number) => (index === 0 ? token.vowels : (token.alternateVowels?.[index - 1] ?? token.vowels));

/** The vowels of the two words for the first key they share ("albaghdadi" meets "Baghdadi" without its article), or undefined. */
function sharedKeyVowels(query: NameToken, listed: NameToken): [string, string] | undefined {
  const listedKeys = keysOf(listed);
  for (const [q, key] of keysOf(query).entries()) {
    const l = listedKeys.indexOf(key);
    if (l >= 0) return [vowelsOf(query, q), vowelsOf(listed, l)];
  }
  return undefined;
}

/** The similarity of two words in [0, 1], or undefined when they are not worth aligning. */
export function tokenSimilarity(query: NameToken, listed: NameToken, jwCache: Map<string, number>): TokenSimilarity | undefined {
  if (query.particle && listed.particle) return query.form === listed.form ? { similarity: 1, how: query.original.toLowerCase() === listed.original.toLowerCase() ? 'exact' : 'same-spelling' } : undefined;
  if (query.particle || listed.particle) return titleMisspelt(query.particle ? query : listed, query.particle ? listed : query, jwCache);
  if (query.original.toLowerCase() === listed.original.toLowerCase()) return { similarity: 1, how: 'exact' };
  const crossScript = query.script !== listed.script;
  const shared = sharedKeyVowels(query, listed);
  if (shared) {
    if (!crossScript && query.form === listed.form) return { similarity: 1, how: 'same-spelling' };
    const vowels = vowelAgreement(shared[0], shared[1]);
    if (crossScript) return { similarity: 0.82 + 0.18 * vowels, how: 'transliteration' };
    if (query.script === 'arabic') return { similarity: 0.85 + 0.15 * vowels, how: 'same-consonants' };
    // Vowels that disagree may still be a typing slip (Ashtiani/Ashitani): letters mostly in place say so.
    const jw = jaroWinklerOf(query, listed, jwCache);
    return { similarity: Math.max(0.5 + 0.5 * vowels, jw >= 0.93 ? jw * 0.96 : 0), how: 'same-consonants' };
  }
  let keys = 0;
  for (const a of keysOf(query)) for (const b of keysOf(listed)) keys = Math.max(keys, keySimilarity(a, b));
  if (crossScript || query.script === 'arabic') {
    const similarity = keys >= 0.7 ? 0.25 + 0.68 * keys : 0;
    return similarity >= MATCH_FLOOR ? { similarity, how: crossScript ? 'transliteration' : 'close-spelling' } : undefined;
  }
  // Latin against Latin: a typing slip keeps most letters in place (Jaro-Winkler), a near transliteration most consonants.
  if (Math.abs(query.form.length - listed.form.length) > 3 && keys < 0.7) return undefined;
  const jw = jaroWinklerOf(query, listed, jwCache);
  const similarity = Math.max(keys * 0.9, jw >= 0.9 && query.form.length >= 4 ? jw * 0.96 : 0);
  return similarity >= MATCH_FLOOR ? { similarity, how: 'close-spelling' } : undefined;
}

function jaroWinklerOf(query: NameToken, listed: NameToken, cache: Map<string, number>): number {
  const pair = `${query.form}\u0000${listed.form}`;
  let jw = cache.get(pair);
  if (jw === undefined) {
    jw = jaroWinkler(query.form, listed.form);
    cache.set(pair, jw);
  }
  return jw;
}

/** A title the other side spells so that it is not recognised as one ("Chaikh" for Shaikh, "Genneral"): close spellings still meet. */
function titleMisspelt(title: NameToken, word: NameToken, cache: Map<string, number>): TokenSimilarity | undefined {
  if (title.form !== 'title' || title.script !== 'latin' || word.script !== 'latin') return undefined;
  const written = title.original.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  if (written.length < 4 || word.form.length < 4) return undefined;
  const pair = `${written}\u0000${word.form}`;
  let jw = cache.get(pair);
  if (jw === undefined) {
    jw = jaroWinkler(written, word.form);
    cache.set(pair, jw);
  }
  return jw >= 0.88 ? { similarity: jw, how: 'close-spelling' } : undefined;
}
