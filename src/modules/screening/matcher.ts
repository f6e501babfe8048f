import type { ListedEntity, ListedName } from './entities.ts';
import type { NameToken } from './normalize.ts';
import { readings } from './normalize.ts';
import { sameSubject } from './subjects.ts';
import { type MatchHow, STRONG, type TokenSimilarity, tokenSimilarity } from './token-similarity.ts';

/** Hits at or above this score are shown. Tuned on half the listed entities by `npm run eval:screening` (see the README). */
export const DEFAULT_THRESHOLD = 0.88;
/** Candidate names scored per list: each list is searched on its own, so a hit on one never hides another. */
const CANDIDATES_PER_LIST = 40;
/** Below this weight a part is common (Muhammad, Ali): it is looked up by its own keys only, not with a letter left out. */
const COMMON_WEIGHT = 0.45;
/** A name with more parts than this is not a name: the rest is not compared. */
export const MAX_NAME_PARTS = 12;
/** Matched weight at which a name is distinctive enough to score fully (about two uncommon parts). */
const INFORMATIVE_WEIGHT = 1.35;
const PARTICLE_WEIGHT = 0.1;

export interface Query {
  name: string;
  /** YYYY or YYYY-MM-DD. */
  dob?: string;
  nationality?: string;
}

export interface TokenMatch {
  /** The query's word as typed. */
  query: string;
  /** The listed word as the list writes it, in its own script. */
  listed: string;
  similarity: number;
  how: MatchHow;
  /** ع or a hamza on one side that the other writes as a vowel or leaves out. */
  aynDropped?: boolean;
  weight: number;
}

export type AdjustmentCode = 'common-name' | 'one-part-only' | 'weak-alias' | 'born-as-listed' | 'born-otherwise' | 'nationality-as-listed' | 'nationality-otherwise';

export interface Explanation {
  matched: TokenMatch[];
  /** Pairs that look alike but are different names (Salma / Salim): they count against the hit. */
  differing: { query: string; listed: string }[];
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
  /** Hits with the same subject number are one person or body listed on several lists (or twice on one). */
  subject: number;
}

/** Per query word: listed words already compared with it, and how they met (null: not at all). */
type SeenPairs = Map<string, TokenSimilarity | null>;

interface IndexedName {
  entity: number;
  name: ListedName;
}

const tokenKeys = (token: NameToken) => (token.alternates ? [token.key, ...token.alternates] : [token.key]);

function post(index: Map<string, number[]>, key: string, id: number): void {
  const postings = index.get(key);
  if (!postings) index.set(key, [id]);
  else if (postings.at(-1) !== id) postings.push(id);
}

/** Keys a token is indexed and looked up by: its keys and, for slips, each key with one letter left out. */
function lookupKeys(token: NameToken, exactOnly = false, minimum = 4): string[] {
  const keys = new Set<string>();
  for (const key of tokenKeys(token)) {
    keys.add(key);
    if (key.length >= minimum && !exactOnly) for (let index = 0; index < key.length; index++) keys.add(`${key.slice(0, index)}${key.slice(index + 1)}`);
  }
  return [...keys];
}

/**
 * Screens names against listed entities. Candidates come from an inverted index on the comparable
 * keys of name parts (and their one-letter-less variants), never from a scan of every name; each
 * candidate name is aligned part by part. Parts weigh by how rare they are across the loaded lists
 * (Muhammad, Ali, Abdullah weigh little); query parts left unmatched lower the score; a hit resting
 * on one name part while the others differ, or on common parts only, is held below the threshold.
 * Date of birth and nationality, when given, raise or lower it. Every hit carries its explanation.
 */
export class Screener {
  private readonly names: IndexedName[] = [];
  /** Names by the exact spelling of a part, by a part's keys, and by its keys with one letter left out. */
  private readonly spellings = new Map<string, number[]>();
  private readonly index = new Map<string, number[]>();
  private readonly fuzzy = new Map<string, number[]>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly weights = new Map<string, number>();
  private readonly lists: string[];
  private votes = new Float32Array(0);
  private marks = new Uint32Array(0);
  private mark = 0;
  /** For each indexed name, the position of its list in `lists`. */
  private readonly nameList: number[] = [];

  constructor(readonly entities: ListedEntity[]) {
    this.lists = [...new Set(entities.map((entity) => entity.list))];
    entities.forEach((entity, entityIndex) => {
      for (const name of entity.names) {
        if (name.tokens.length === 0) continue;
        const id = this.names.push({ entity: entityIndex, name }) - 1;
        this.nameList.push(this.lists.indexOf(entity.list));
        const seen = new Set<string>();
        for (const token of name.tokens) {
          if (token.particle) continue;
          if (!seen.has(token.key)) this.documentFrequency.set(token.key, (this.documentFrequency.get(token.key) ?? 0) + 1);
          seen.add(token.key);
          post(this.spellings, token.form, id);
          const exact = tokenKeys(token);
          for (const key of exact) post(this.index, key, id);
          // Listed keys of three letters are indexed with one left out too, so that "Joeph" finds "Joseph".
          for (const key of lookupKeys(token, false, 3)) if (!exact.includes(key)) post(this.fuzzy, key, id);
        }
      }
    });
  }

  get size(): number {
    return this.entities.length;
  }

  /** How much a name part tells people apart, from how many listed names carry it: rare parts 1, Muhammad about 0.3. */
  weight(token: NameToken): number {
    if (token.particle) return PARTICLE_WEIGHT;
    let weight = this.weights.get(token.key);
    if (weight === undefined) {
      const frequency = this.documentFrequency.get(token.key) ?? 0;
      const rarity = Math.log((this.names.length + 1) / (frequency + 1)) / Math.log(this.names.length + 1);
      weight = Math.min(1, Math.max(0.12, rarity * 1.3));
      this.weights.set(token.key, weight);
    }
    return weight;
  }

  /** Names sharing parts with the query, per list, those sharing the most weight first. */
  private candidates(tokens: NameToken[], weights: number[]): number[] {
    // Votes and "seen" marks in reused arrays (the index may hold 30,000 names): nothing to allocate per posting.
    if (this.votes.length < this.names.length) {
      this.votes = new Float32Array(this.names.length);
      this.marks = new Uint32Array(this.names.length);
    }
    const { votes, marks } = this;
    const touched: number[] = [];
    for (const [position, token] of tokens.entries()) {
      if (token.particle) continue;
      const weight = weights[position] as number;
      const mark = ++this.mark;
      // Best evidence first, each name voted for once per query part: the same spelling, the same keys,
      // then a letter more or less on either side. Short keys are shared by hundreds of names ("Than",
      // "Ahmad"); the kind of agreement orders them, so the per-list slots go to the closest.
      const vote = (postings: number[] | undefined, share: number) => {
        if (!postings) return;
        for (const id of postings) {
          if (marks[id] === mark) continue;
          marks[id] = mark;
          if (votes[id] === 0) touched.push(id);
          votes[id] = (votes[id] as number) + weight * share;
        }
      };
      vote(this.spellings.get(token.form), 1);
      const exact = tokenKeys(token);
      for (const key of exact) vote(this.index.get(key), 0.85);
      for (const key of exact) vote(this.fuzzy.get(key), 0.6);
      if (weight < COMMON_WEIGHT) continue;
      const slips = lookupKeys(token).filter((key) => !exact.includes(key));
      for (const key of slips) vote(this.index.get(key), 0.6);
      for (const key of slips) vote(this.fuzzy.get(key), 0.5);
    }
    let most = 0;
    for (const id of touched) if ((votes[id] as number) > most) most = votes[id] as number;
    // Names sharing less than half the best candidates' weight cannot outscore them.
    const perList: number[][] = this.lists.map(() => []);
    for (const id of touched) if ((votes[id] as number) >= most * 0.5) (perList[this.nameList[id] as number] as number[]).push(id);
    const out: number[] = [];
    for (const bucket of perList) {
      if (bucket.length > CANDIDATES_PER_LIST) bucket.sort((a, b) => (votes[b] as number) - (votes[a] as number));
      for (let index = 0; index < Math.min(bucket.length, CANDIDATES_PER_LIST); index++) out.push(bucket[index] as number);
    }
    for (const id of touched) votes[id] = 0;
    return out;
  }

  private scoreName(queryTokens: NameToken[], queryWeights: number[], listed: ListedName, cache: Map<string, number>, seen: SeenPairs[]): { score: number; explanation: Explanation } | undefined {
    const pairs: { q: number; l: number; similarity: number; how: MatchHow }[] = [];
    for (const [q, query] of queryTokens.entries()) {
      const known = seen[q] as SeenPairs;
      for (const [l, token] of listed.tokens.entries()) {
        // Listed words repeat across candidates: each is compared with a query word once.
        // A one-word kunya ("Aboutorabi") is two tokens written alike: the particle is kept apart by its form.
        const seenAs = token.particle ? `\u0001${token.form}` : token.original;
        let found = known.get(seenAs);
        if (found === undefined) {
          found = tokenSimilarity(query, token, cache) ?? null;
          known.set(seenAs, found);
        }
        if (found) pairs.push({ q, l, similarity: found.similarity, how: found.how });
      }
    }
    // The best pairs first; among equals, parts in the same position (given name with given name).
    pairs.sort((a, b) => b.similarity - a.similarity || Math.abs(a.q - a.l) - Math.abs(b.q - b.l));
    const usedQ = new Set<number>();
    const usedL = new Set<number>();
    const matched: TokenMatch[] = [];
    const differing: Explanation['differing'] = [];
    let matchedQ = 0;
    let matchedL = 0;
    let evidence = 0;
    let strongParts = 0;
    for (const pair of pairs) {
      if (usedQ.has(pair.q) || usedL.has(pair.l)) continue;
      usedQ.add(pair.q);
      usedL.add(pair.l);
      const query = queryTokens[pair.q] as NameToken;
      const token = listed.tokens[pair.l] as NameToken;
      const queryWeight = queryWeights[pair.q] as number;
      const listedWeight = this.weight(token);
      if (pair.similarity < STRONG && !query.particle) {
        // Alike but not the same name: it counts as a difference, not as half a match.
        differing.push({ query: query.original, listed: token.original });
        continue;
      }
      matchedQ += pair.similarity * queryWeight;
      matchedL += pair.similarity * listedWeight;
      if (!query.particle) {
        evidence += Math.min(queryWeight, listedWeight);
        strongParts++;
      }
      matched.push({ query: query.original, listed: token.original, similarity: round(pair.similarity), how: pair.how, ...(query.ayn !== token.ayn && query.script !== token.script ? { aynDropped: true } : {}), weight: round((queryWeight + listedWeight) / 2) });
    }
    if (strongParts === 0) return undefined;
    const totalQ = queryWeights.reduce((sum, weight) => sum + weight, 0);
    const totalL = listed.tokens.reduce((sum, token) => sum + this.weight(token), 0);
    // What the query asked for weighs most; listed names are often longer (four-part Arabic names).
    let score = 0.72 * (matchedQ / totalQ) + 0.28 * (matchedL / totalL);
    const adjustments: Explanation['adjustments'] = [];
    const queryParts = queryTokens.filter((token) => !token.particle).length;
    const listedParts = listed.tokens.filter((token) => !token.particle).length;
    // Only one part agrees while both names have more (a shared family name or nisba, given names that differ).
    if (strongParts < Math.min(2, queryParts, listedParts)) {
      adjustments.push({ reason: 'only one name part agrees', change: round(score * -0.25), code: 'one-part-only' });
      score *= 0.75;
    }
    // A short or common name ("Mohammed Ali") carries little to tell people apart: it cannot score as high.
    const distinctiveness = Math.min(1, 0.55 + (0.45 * evidence) / INFORMATIVE_WEIGHT);
    if (distinctiveness < 1) {
      adjustments.push({ reason: 'short or common name: little to tell it apart', change: round(score * (distinctiveness - 1)), code: 'common-name' });
      score *= distinctiveness;
    }
    return {
      score,
      explanation: {
        matched,
        differing,
        unmatchedQuery: queryTokens.filter((_, index) => !usedQ.has(index)).map((token) => token.original),
        unmatchedListed: listed.tokens.filter((_, index) => !usedL.has(index)).map((token) => token.original),
        adjustments,
      },
    };
  }

  /** The best score of each listed entity for the query, threshold not applied. */
  private scoreEntities(query: Query): Map<number, Omit<Hit, 'subject'>> {
    const best = new Map<number, Omit<Hit, 'subject'>>();
    // Listed words repeat across candidates ("muhammad"): each pair is compared once per query.
    const cache = new Map<string, number>();
    for (const reading of readings(query.name.slice(0, 500))) this.scoreReading(query, reading.slice(0, MAX_NAME_PARTS), cache, best);
    return best;
  }

  /** Scores one reading of the query's name into `best`, keeping each entity's best score. */
  private scoreReading(query: Query, tokens: NameToken[], cache: Map<string, number>, best: Map<number, Omit<Hit, 'subject'>>): void {
    if (!tokens.some((token) => !token.particle)) return;
    const queryWeights = tokens.map((token) => this.weight(token));
    const seen: SeenPairs[] = [];
    for (let index = 0; index < tokens.length; index++) seen.push(new Map());
    for (const id of this.candidates(tokens, queryWeights)) {
      const candidate = this.names[id] as IndexedName;
      const scored = this.scoreName(tokens, queryWeights, candidate.name, cache, seen);
      if (!scored) continue;
      const entity = this.entities[candidate.entity] as ListedEntity;
      let score = scored.score;
      const adjustments = scored.explanation.adjustments;
      if (candidate.name.quality === 'low') {
        adjustments.push({ reason: 'matched a weak alias', change: round(score * -0.08), code: 'weak-alias' });
        score *= 0.92;
      }
      score += birthAndNationality(query, entity, adjustments);
      score = round(Math.min(1, Math.max(0, score)));
      const previous = best.get(candidate.entity);
      if (!previous || previous.score < score) best.set(candidate.entity, { ref: entity.ref, score, name: candidate.name.full, entity, explanation: scored.explanation });
    }
  }

  /**
   * Hits at or above the threshold for the `top` best subjects: a person listed on several lists is one
   * subject, and every one of their references is returned (one hit per reference).
   */
  screen(query: Query, options: { top?: number; threshold?: number } = {}): Hit[] {
    const top = options.top ?? 3;
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const hits = [...this.scoreEntities(query).values()].filter((hit) => hit.score >= threshold).sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));
    const kept: Hit[] = [];
    let subjects = 0;
    for (const hit of hits) {
      // Best first: a hit joins the subject of an earlier one that is the same person, or starts a new one.
      const same = kept.find((earlier) => sameSubject(earlier.entity, hit.entity));
      if (same) kept.push({ ...hit, subject: same.subject });
      else if (subjects < top) kept.push({ ...hit, subject: subjects++ });
    }
    return kept.sort((a, b) => a.subject - b.subject || b.score - a.score);
  }

  /** The lists this screener holds, as their short names (UN, OFAC-SDN…). */
  get listNames(): string[] {
    return this.lists;
  }
}

function birthAndNationality(query: Query, entity: ListedEntity, adjustments: Explanation['adjustments']): number {
  let change = 0;
  if (query.dob && entity.birthDates.length) {
    const year = query.dob.slice(0, 4);
    const agrees = entity.birthDates.some((date) => date.slice(0, 4) === year);
    const delta = agrees ? 0.05 : -0.15;
    adjustments.push({ reason: agrees ? `born ${year}, as listed` : `born ${year}; listed ${entity.birthDates.join(', ')}`, change: delta, code: agrees ? 'born-as-listed' : 'born-otherwise', values: { year, listed: entity.birthDates.join(', ') } });
    change += delta;
  }
  if (query.nationality && entity.nationalities.length) {
    const wanted = query.nationality.trim().toLowerCase();
    const agrees = entity.nationalities.some((nationality) => nationality.toLowerCase() === wanted || nationality.toLowerCase().startsWith(wanted));
    const delta = agrees ? 0.03 : -0.08;
    adjustments.push({ reason: agrees ? `nationality ${query.nationality}, as listed` : `nationality ${query.nationality}; listed ${entity.nationalities.join(', ')}`, change: delta, code: agrees ? 'nationality-as-listed' : 'nationality-otherwise', values: { nationality: query.nationality, listed: entity.nationalities.join(', ') } });
    change += delta;
  }
  return change;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

