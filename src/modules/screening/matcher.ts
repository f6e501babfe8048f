import jaroWinkler from 'talisman/metrics/jaro-winkler';
import type { ListedEntity, ListedName } from './entities.ts';
import { type NameToken, tokenize } from './normalize.ts';

/** Hits at or above this score are shown. Chosen on `npm run eval:screening` (see the README). */
export const DEFAULT_THRESHOLD = 0.86;
const CANDIDATES = 120;
/** A token found in more names than this only ranks candidates that rarer tokens found. */
const COMMON_POSTINGS = 400;
const FUZZY_FLOOR = 0.82;
const ANCHOR_SIMILARITY = 0.94;
/** The matched token weight at which a name is distinctive enough to score fully (about two uncommon tokens). */
const INFORMATIVE_WEIGHT = 1.4;

export interface Query {
  name: string;
  /** YYYY or YYYY-MM-DD. */
  dob?: string;
  nationality?: string;
}

export interface TokenMatch {
  query: string;
  listed: string;
  similarity: number;
  how: 'exact' | 'spelling variant' | 'same sound' | 'close spelling';
  weight: number;
}

export type AdjustmentCode = 'common-name' | 'weak-alias' | 'born-as-listed' | 'born-otherwise' | 'nationality-as-listed' | 'nationality-otherwise';

export interface Explanation {
  matched: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedListed: string[];
  /** What raised or lowered the score: `reason` in English (command line, API), `code` and `values` for the pages to say it in the reader's language. */
  adjustments: { reason: string; change: number; code: AdjustmentCode; values?: Record<string, string> }[];
}

export interface Hit {
  ref: string;
  score: number;
  /** The listed name that matched best. */
  name: string;
  entity: ListedEntity;
  explanation: Explanation;
}

interface IndexedName {
  entity: number;
  name: ListedName;
}

/** Keys a token is indexed and looked up by: its skeleton and, for typo tolerance, the skeleton with one letter left out. */
function lookupKeys(key: string): string[] {
  if (key.length < 4) return [key];
  const keys = [key];
  for (let index = 0; index < key.length; index++) keys.push(`${key.slice(0, index)}${key.slice(index + 1)}`);
  return keys;
}

/**
 * Screens names against listed entities. Candidates come from an inverted index on token skeletons
 * (and their one-deletion variants), never from a scan of every name; each candidate name is then
 * aligned token by token (exact, spelling variant, same consonant skeleton, or Jaro-Winkler), rarer
 * tokens weighing more, unmatched tokens lowering the score; date of birth and nationality, when
 * given, raise or lower it. Scores are in [0, 1] and every hit carries its explanation.
 */
export class Screener {
  private readonly names: IndexedName[] = [];
  private readonly index = new Map<string, number[]>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly weights = new Map<string, number>();

  constructor(readonly entities: ListedEntity[]) {
    entities.forEach((entity, entityIndex) => {
      for (const name of entity.names) {
        if (name.tokens.length === 0) continue;
        const id = this.names.push({ entity: entityIndex, name }) - 1;
        const seen = new Set<string>();
        for (const token of name.tokens) {
          if (!seen.has(token.form)) this.documentFrequency.set(token.form, (this.documentFrequency.get(token.form) ?? 0) + 1);
          seen.add(token.form);
          if (token.particle) continue;
          for (const key of new Set(lookupKeys(token.key))) {
            const postings = this.index.get(key);
            if (postings) {
              if (postings.at(-1) !== id) postings.push(id);
            } else this.index.set(key, [id]);
          }
        }
      }
    });
  }

  get size(): number {
    return this.entities.length;
  }

  /** Rare tokens identify; common ones ("muhammad", "ali") and particles barely do. */
  private weight(token: NameToken): number {
    if (token.particle) return 0.15;
    let weight = this.weights.get(token.form);
    if (weight === undefined) {
      const frequency = this.documentFrequency.get(token.form) ?? 0;
      const rarity = Math.log((this.names.length + 1) / (frequency + 1)) / Math.log(this.names.length + 1);
      weight = Math.min(1, Math.max(0.35, rarity + 0.2));
      this.weights.set(token.form, weight);
    }
    return weight;
  }

  /**
   * Names sharing tokens with the query, those sharing most first. Rare tokens are looked up first; a
   * very common token ("mhmd") then only adds votes to names already found, unless it is all there is.
   */
  private candidates(tokens: NameToken[]): number[] {
    const votes = new Map<number, number>();
    const postings = tokens
      .filter((token) => !token.particle)
      .map((token) => {
        const ids = new Set<number>();
        for (const key of lookupKeys(token.key)) for (const id of this.index.get(key) ?? []) ids.add(id);
        return ids;
      })
      .sort((a, b) => a.size - b.size);
    postings.forEach((ids, rank) => {
      const onlyCount = rank > 0 && ids.size > COMMON_POSTINGS && votes.size > 0;
      for (const id of ids) {
        const current = votes.get(id);
        if (current !== undefined) votes.set(id, current + 1);
        else if (!onlyCount) votes.set(id, 1);
      }
    });
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    // A name sharing two tokens fewer than the best candidates cannot outscore them enough to matter.
    const floor = Math.max(1, (ranked[0]?.[1] ?? 0) - 1);
    return ranked
      .filter(([, count]) => count >= floor)
      .slice(0, CANDIDATES)
      .map(([id]) => id);
  }

  private static similarity(query: NameToken, listed: NameToken, cache: Map<string, number>): { similarity: number; how: TokenMatch['how'] } | undefined {
    if (query.form === listed.form) return { similarity: 1, how: query.original === listed.original ? 'exact' : 'spelling variant' };
    // Tokens of very different lengths cannot reach the fuzzy floor: skip the comparison.
    const longer = Math.max(query.form.length, listed.form.length);
    if (query.key !== listed.key && Math.abs(query.form.length - listed.form.length) > Math.max(2, longer * 0.4)) return undefined;
    const pairKey = `${query.form}\u0000${listed.form}`;
    let fuzzy = cache.get(pairKey);
    if (fuzzy === undefined) {
      fuzzy = jaroWinkler(query.form, listed.form);
      cache.set(pairKey, fuzzy);
    }
    // The same consonant skeleton means the same name in another spelling only when the letters agree
    // too: "Baghdadi"/"bghdady" do, "Moore"/"Umar" do not.
    if (query.key === listed.key && query.key.length >= 2) {
      const similarity = fuzzy >= 0.8 ? Math.max(0.95, fuzzy) : fuzzy + 0.1;
      if (similarity >= FUZZY_FLOOR) return { similarity, how: 'same sound' };
    }
    return fuzzy >= FUZZY_FLOOR ? { similarity: fuzzy, how: 'close spelling' } : undefined;
  }

  private scoreName(queryTokens: NameToken[], queryWeights: number[], listed: ListedName, cache: Map<string, number>): { score: number; explanation: Explanation } | undefined {
    const pairs: { q: number; l: number; similarity: number; how: TokenMatch['how'] }[] = [];
    for (const [q, query] of queryTokens.entries()) {
      for (const [l, token] of listed.tokens.entries()) {
        const found = Screener.similarity(query, token, cache);
        if (found) pairs.push({ q, l, ...found });
      }
    }
    pairs.sort((a, b) => b.similarity - a.similarity);
    const usedQ = new Set<number>();
    const usedL = new Set<number>();
    const matched: TokenMatch[] = [];
    let matchedQ = 0;
    let matchedL = 0;
    for (const pair of pairs) {
      if (usedQ.has(pair.q) || usedL.has(pair.l)) continue;
      usedQ.add(pair.q);
      usedL.add(pair.l);
      const query = queryTokens[pair.q] as NameToken;
      const token = listed.tokens[pair.l] as NameToken;
      const queryWeight = queryWeights[pair.q] as number;
      const weight = (queryWeight + this.weight(token)) / 2;
      matchedQ += pair.similarity * queryWeight;
      matchedL += pair.similarity * this.weight(token);
      matched.push({ query: query.original, listed: token.original, similarity: round(pair.similarity), how: pair.how, weight: round(weight) });
    }
    // At least one real token must agree closely: two loose resemblances ("Mary Davis" and "David Mayer") are not a match.
    if (!matched.some((match) => match.similarity >= ANCHOR_SIMILARITY && !queryTokens.find((token) => token.original === match.query)?.particle)) return undefined;
    const totalQ = queryWeights.reduce((sum, weight) => sum + weight, 0);
    const totalL = listed.tokens.reduce((sum, token) => sum + this.weight(token), 0);
    // What the query asked for weighs most; listed names are often longer (four-part Arabic names).
    let score = 0.7 * (matchedQ / totalQ) + 0.3 * (matchedL / totalL);
    const adjustments: Explanation['adjustments'] = [];
    // A short or common name ("Mohammed Ali") carries little to tell people apart: it cannot score as high.
    const evidence = Math.min(1, 0.6 + (0.4 * matchedQ) / INFORMATIVE_WEIGHT);
    if (evidence < 1) {
      adjustments.push({ reason: 'short or common name: little to tell it apart', change: round(score * (evidence - 1)), code: 'common-name' });
      score *= evidence;
    }
    return {
      score,
      explanation: {
        matched,
        unmatchedQuery: queryTokens.filter((_, index) => !usedQ.has(index)).map((token) => token.original),
        unmatchedListed: listed.tokens.filter((_, index) => !usedL.has(index)).map((token) => token.original),
        adjustments,
      },
    };
  }

  screen(query: Query, options: { top?: number; threshold?: number } = {}): Hit[] {
    const top = options.top ?? 3;
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const tokens = tokenize(query.name.slice(0, 500));
    if (tokens.length === 0) return [];
    const best = new Map<number, Hit>();
    // Listed tokens repeat across candidates ("muhammad"): each pair is compared once per query.
    const cache = new Map<string, number>();
    const queryWeights = tokens.map((token) => this.weight(token));
    for (const id of this.candidates(tokens)) {
      const candidate = this.names[id] as IndexedName;
      const scored = this.scoreName(tokens, queryWeights, candidate.name, cache);
      if (!scored) continue;
      const entity = this.entities[candidate.entity] as ListedEntity;
      let score = scored.score;
      const adjustments = scored.explanation.adjustments;
      if (candidate.name.quality === 'low') {
        adjustments.push({ reason: 'matched a weak alias', change: round(score * -0.08), code: 'weak-alias' });
        score *= 0.92;
      }
      if (query.dob && entity.birthDates.length) {
        const year = query.dob.slice(0, 4);
        const agrees = entity.birthDates.some((date) => date.slice(0, 4) === year);
        const change = agrees ? 0.05 : -0.15;
        adjustments.push({ reason: agrees ? `born ${year}, as listed` : `born ${year}; listed ${entity.birthDates.join(', ')}`, change, code: agrees ? 'born-as-listed' : 'born-otherwise', values: { year, listed: entity.birthDates.join(', ') } });
        score += change;
      }
      if (query.nationality && entity.nationalities.length) {
        const wanted = query.nationality.trim().toLowerCase();
        const agrees = entity.nationalities.some((nationality) => nationality.toLowerCase() === wanted || nationality.toLowerCase().startsWith(wanted));
        const change = agrees ? 0.03 : -0.08;
        adjustments.push({ reason: agrees ? `nationality ${query.nationality}, as listed` : `nationality ${query.nationality}; listed ${entity.nationalities.join(', ')}`, change, code: agrees ? 'nationality-as-listed' : 'nationality-otherwise', values: { nationality: query.nationality, listed: entity.nationalities.join(', ') } });
        score += change;
      }
      score = round(Math.min(1, Math.max(0, score)));
      const previous = best.get(candidate.entity);
      if (score >= threshold && (!previous || previous.score < score)) best.set(candidate.entity, { ref: entity.ref, score, name: candidate.name.full, entity, explanation: scored.explanation });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref)).slice(0, top);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
