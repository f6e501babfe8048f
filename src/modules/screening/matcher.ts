import type { ListedEntity, ListedName } from './entities.ts';
import type { NameToken } from './normalize.ts';
import { readings } from './normalize.ts';
import { type SubjectLink, subjectLink } from './subjects.ts';
import { type MatchHow, STRONG, type TokenSimilarity, tokenSimilarity } from './token-similarity.ts';

/**
 * Hits at or above this score are shown. `npm run eval:screening` tunes 0.90 on half the listed entities
 * (false alerts ≤ 0.5% there); one step lower keeps more spelling variants with false alerts still
 * within target on the other half and on the negatives (figures in bench/README.md).
 */
export const DEFAULT_THRESHOLD = 0.89;
/** Candidate names scored per list: each list is searched on its own, so a hit on one never hides another. */
const CANDIDATES_PER_LIST = 24;
/** Below this weight a part is common (Muhammad, Ali): it is looked up by its own keys only, not with a letter left out. */
const COMMON_WEIGHT = 0.45;
/** A name with more parts than this is not a name: the rest is not compared. */
export const MAX_NAME_PARTS = 12;
/** Matched weight at which a name is distinctive enough to score fully (about two uncommon parts). */
const INFORMATIVE_WEIGHT = 1.35;
const PARTICLE_WEIGHT = 0.1;
const INITIAL_WEIGHT = 0.3;

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
  /** For a hit joining an earlier hit's subject: what showed they are the same. */
  groupedBy?: SubjectLink;
}

/** Per query word: listed words already compared with it, and how they met (null: not at all). */
type SeenPairs = Map<string, TokenSimilarity | null>;

/** The query's name as read one way, with what scoring every candidate against it shares. */
interface Reading {
  tokens: NameToken[];
  weights: number[];
  totalWeight: number;
  /** Parts that are not particles. */
  parts: number;
  seen: SeenPairs[];
  /** Jaro-Winkler of spelling pairs already compared. */
  cache: Map<string, number>;
}

/** An entity's best score so far: which listed name gave it, on which reading. */
interface Best {
  score: number;
  id: number;
  reading: Reading;
}

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
  private readonly totals: ({ weight: number; parts: number } | undefined)[] = [];
  /** Reused per candidate: the aligned pairs, and which query and listed parts are taken. */
  private readonly pairs: { q: number; l: number; similarity: number; how: MatchHow }[] = [];
  private usedQ = new Uint8Array(MAX_NAME_PARTS);
  private readonly usedL = new Uint8Array(64);

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
          // Spellings counted too, prefixed so they never meet a key (keys are capitals, spellings lower case).
          const spelling = `=${token.form}`;
          if (!seen.has(spelling)) this.documentFrequency.set(spelling, (this.documentFrequency.get(spelling) ?? 0) + 1);
          seen.add(spelling);
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
    // A single letter (an initial, the "S." of "S.A.") tells little, however rare it is as a part.
    if (token.form.length === 1) return Math.min(INITIAL_WEIGHT, this.keyWeight(token.key));
    // Two consonants are shared by many different names (Aqsa, Qais, Kasi; Aswad, Saeed, Asad): how rare
    // the spelling itself is counts for half.
    if (token.key.length <= 2 && token.script === 'latin') return (this.keyWeight(token.key) + this.keyWeight(`=${token.form}`)) / 2;
    return this.keyWeight(token.key);
  }

  private keyWeight(key: string): number {
    let weight = this.weights.get(key);
    if (weight === undefined) {
      const frequency = this.documentFrequency.get(key) ?? 0;
      const rarity = Math.log((this.names.length + 1) / (frequency + 1)) / Math.log(this.names.length + 1);
      weight = Math.min(1, Math.max(0.12, rarity * 1.3));
      this.weights.set(key, weight);
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

  /** The sum of a listed name's part weights and its number of parts that are not particles, computed once per name. */
  private listedTotals(id: number): { weight: number; parts: number } {
    let totals = this.totals[id];
    if (!totals) {
      const tokens = (this.names[id] as IndexedName).name.tokens;
      totals = { weight: tokens.reduce((sum, token) => sum + this.weight(token), 0), parts: tokens.filter((token) => !token.particle).length };
      this.totals[id] = totals;
    }
    return totals;
  }

  /**
   * Aligns the query's parts with a listed name's and scores the name. The explanation is built only
   * when asked (for the hits shown): most candidates are scored and dropped.
   */
  private scoreName(reading: Reading, id: number, explain: boolean): { score: number; explanation?: Explanation } | undefined {
    const { tokens: queryTokens, weights: queryWeights, seen, cache } = reading;
    const listed = (this.names[id] as IndexedName).name;
    const pairs = this.pairs;
    pairs.length = 0;
    for (let q = 0; q < queryTokens.length; q++) {
      const query = queryTokens[q] as NameToken;
      const known = seen[q] as SeenPairs;
      for (let l = 0; l < listed.tokens.length; l++) {
        const token = listed.tokens[l] as NameToken;
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
    if (pairs.length === 0) return undefined;
    // The best pairs first; among equals, parts in the same position (given name with given name).
    pairs.sort((a, b) => b.similarity - a.similarity || Math.abs(a.q - a.l) - Math.abs(b.q - b.l));
    const usedQ = this.usedQ.fill(0, 0, queryTokens.length);
    const usedL = listed.tokens.length <= this.usedL.length ? this.usedL.fill(0, 0, listed.tokens.length) : new Uint8Array(listed.tokens.length);
    const matched: TokenMatch[] = [];
    const differing: Explanation['differing'] = [];
    let matchedQ = 0;
    let matchedL = 0;
    let evidence = 0;
    let strongParts = 0;
    for (const pair of pairs) {
      if (usedQ[pair.q] || usedL[pair.l]) continue;
      usedQ[pair.q] = 1;
      usedL[pair.l] = 1;
      const query = queryTokens[pair.q] as NameToken;
      const token = listed.tokens[pair.l] as NameToken;
      const queryWeight = queryWeights[pair.q] as number;
      const listedWeight = this.weight(token);
      if (pair.similarity < STRONG && !query.particle) {
        // Alike but not the same name: it counts as a difference, not as half a match.
        if (explain) differing.push({ query: query.original, listed: token.original });
        continue;
      }
      matchedQ += pair.similarity * queryWeight;
      matchedL += pair.similarity * listedWeight;
      // A title or particle on either side is no evidence of the person (Shaikh met by "Chaikh").
      if (!query.particle && !token.particle) {
        evidence += Math.min(queryWeight, listedWeight);
        strongParts++;
      }
      if (explain) matched.push({ query: query.original, listed: token.original, similarity: round(pair.similarity), how: pair.how, ...(query.ayn !== token.ayn && query.script !== token.script ? { aynDropped: true } : {}), weight: round((queryWeight + listedWeight) / 2) });
    }
    if (strongParts === 0) return undefined;
    const listedTotals = this.listedTotals(id);
    // What the query asked for weighs most; listed names are often longer (four-part Arabic names).
    let score = 0.72 * (matchedQ / reading.totalWeight) + 0.28 * (matchedL / listedTotals.weight);
    const adjustments: Explanation['adjustments'] = [];
    // Only one part agrees while both names have more (a shared family name or nisba, given names that differ).
    if (strongParts < Math.min(2, reading.parts, listedTotals.parts)) {
      if (explain) adjustments.push({ reason: 'only one name part agrees', change: round(score * -0.25), code: 'one-part-only' });
      score *= 0.75;
    }
    // A short or common name ("Mohammed Ali") carries little to tell people apart: it cannot score as high.
    const distinctiveness = Math.min(1, 0.55 + (0.45 * evidence) / INFORMATIVE_WEIGHT);
    if (distinctiveness < 1) {
      if (explain) adjustments.push({ reason: 'short or common name: little to tell it apart', change: round(score * (distinctiveness - 1)), code: 'common-name' });
      score *= distinctiveness;
    }
    if (!explain) return { score };
    return {
      score,
      explanation: {
        matched,
        differing,
        unmatchedQuery: queryTokens.filter((_, index) => !usedQ[index]).map((token) => token.original),
        unmatchedListed: listed.tokens.filter((_, index) => !usedL[index]).map((token) => token.original),
        adjustments,
      },
    };
  }

  /** A candidate name's score with the weak-alias, birth and nationality adjustments, and, when asked, its explanation. */
  private scoreCandidate(query: Query, reading: Reading, id: number, explain: boolean): { score: number; explanation?: Explanation } | undefined {
    const scored = this.scoreName(reading, id, explain);
    if (!scored) return undefined;
    const candidate = this.names[id] as IndexedName;
    const adjustments = scored.explanation?.adjustments;
    let score = scored.score;
    if (candidate.name.quality === 'low') {
      adjustments?.push({ reason: 'matched a weak alias', change: round(score * -0.08), code: 'weak-alias' });
      score *= 0.92;
    }
    score += birthAndNationality(query, this.entities[candidate.entity] as ListedEntity, adjustments);
    return { score: round(Math.min(1, Math.max(0, score))), ...(scored.explanation ? { explanation: scored.explanation } : {}) };
  }

  /** The best score of each listed entity for the query, threshold not applied, with the name and reading that gave it. */
  private scoreEntities(query: Query): Map<number, Best> {
    const best = new Map<number, Best>();
    // Listed words repeat across candidates ("muhammad"): each pair is compared once per query.
    const cache = new Map<string, number>();
    for (const tokens of readings(query.name.slice(0, 500))) {
      const reading = this.reading(tokens.slice(0, MAX_NAME_PARTS), cache);
      if (!reading) continue;
      for (const id of this.candidates(reading.tokens, reading.weights)) {
        const scored = this.scoreCandidate(query, reading, id, false);
        if (!scored) continue;
        const entity = (this.names[id] as IndexedName).entity;
        const previous = best.get(entity);
        if (!previous || previous.score < scored.score) best.set(entity, { score: scored.score, id, reading });
      }
    }
    return best;
  }

  private reading(tokens: NameToken[], cache: Map<string, number>): Reading | undefined {
    const parts = tokens.filter((token) => !token.particle).length;
    if (parts === 0) return undefined;
    const weights = tokens.map((token) => this.weight(token));
    if (this.usedQ.length < tokens.length) this.usedQ = new Uint8Array(tokens.length);
    return { tokens, weights, totalWeight: weights.reduce((sum, weight) => sum + weight, 0), parts, seen: tokens.map(() => new Map()), cache };
  }

  /**
   * Hits at or above the threshold for the `top` best subjects: a person listed on several lists is one
   * subject, and every one of their references is returned (one hit per reference).
   */
  screen(query: Query, options: { top?: number; threshold?: number } = {}): Hit[] {
    const top = options.top ?? 3;
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const hits = [...this.scoreEntities(query)]
      .filter(([, best]) => best.score >= threshold)
      .map(([entity, best]) => ({ ...best, entity: this.entities[entity] as ListedEntity }))
      .sort((a, b) => b.score - a.score || a.entity.ref.localeCompare(b.entity.ref));
    const kept: Hit[] = [];
    let subjects = 0;
    for (const hit of hits) {
      // Best first: a hit joins the subject of an earlier one that is the same person, or starts a new one.
      let groupedBy: SubjectLink | undefined;
      const same = kept.find((earlier) => {
        groupedBy = subjectLink(earlier.entity, hit.entity);
        return groupedBy !== undefined;
      });
      const subject = same ? same.subject : subjects < top ? subjects++ : undefined;
      if (subject === undefined) continue;
      // Only hits shown are explained: the same scoring again, this time writing down how each part met.
      const explanation = this.scoreCandidate(query, hit.reading, hit.id, true)?.explanation as Explanation;
      kept.push({ ref: hit.entity.ref, score: hit.score, name: (this.names[hit.id] as IndexedName).name.full, entity: hit.entity, explanation, subject, ...(same && groupedBy ? { groupedBy } : {}) });
    }
    return kept.sort((a, b) => a.subject - b.subject || b.score - a.score);
  }

  /** The lists this screener holds, as their short names (UN, OFAC-SDN…). */
  get listNames(): string[] {
    return this.lists;
  }
}

function birthAndNationality(query: Query, entity: ListedEntity, adjustments: Explanation['adjustments'] | undefined): number {
  let change = 0;
  if (query.dob && entity.birthDates.length) {
    const year = query.dob.slice(0, 4);
    const agrees = entity.birthDates.some((date) => date.slice(0, 4) === year);
    const delta = agrees ? 0.05 : -0.15;
    adjustments?.push({ reason: agrees ? `born ${year}, as listed` : `born ${year}; listed ${entity.birthDates.join(', ')}`, change: delta, code: agrees ? 'born-as-listed' : 'born-otherwise', values: { year, listed: entity.birthDates.join(', ') } });
    change += delta;
  }
  if (query.nationality && entity.nationalities.length) {
    const wanted = query.nationality.trim().toLowerCase();
    const agrees = entity.nationalities.some((nationality) => nationality.toLowerCase() === wanted || nationality.toLowerCase().startsWith(wanted));
    const delta = agrees ? 0.03 : -0.08;
    adjustments?.push({ reason: agrees ? `nationality ${query.nationality}, as listed` : `nationality ${query.nationality}; listed ${entity.nationalities.join(', ')}`, change: delta, code: agrees ? 'nationality-as-listed' : 'nationality-otherwise', values: { nationality: query.nationality, listed: entity.nationalities.join(', ') } });
    change += delta;
  }
  return change;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

