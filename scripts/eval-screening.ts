/**
 * An honest evaluation of the screener against the full UN and OFAC SDN lists, in four parts printed
 * separately:
 * (a) Latin-script spelling variants of listed names, made by the habits below (not by the matcher's
 *     tables): the threshold is tuned on the variants and negatives of one half of the listed entities
 *     and reported on the other half, beside the default threshold;
 * (b) leave-one-alias-out: for entities with two or more names, one alias is removed from the index and
 *     queried;
 * (c) cross-script: the shared cross_script_pairs.csv (its expected names added to the full lists) and
 *     the hand-written Arabic-script renderings of Latin-only listings in
 *     src/modules/screening/testdata/arabic-renderings.csv, at the default threshold;
 * (d) negatives in Latin and Arabic script from common Arab, Persian, Turkish, African and Western name
 *     elements, any that a list carries under that very name set aside.
 * A hit is right when it is the expected entry or the same subject (one person on two lists).
 * Usage: npm run eval:screening [-- --lists DIR] (defaults to ../shared/data/sanctions)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ListedEntity, listedName, noDetails } from '../src/modules/screening/entities.ts';
import { loadListFiles } from '../src/modules/screening/list-files.ts';
import { DEFAULT_THRESHOLD, type Hit, Screener } from '../src/modules/screening/matcher.ts';
import { tokenize } from '../src/modules/screening/normalize.ts';
import { sameSubject } from '../src/modules/screening/subjects.ts';

const listsArg = process.argv.indexOf('--lists');
const root = listsArg > 0 ? (process.argv[listsArg + 1] as string) : path.resolve('../shared/data/sanctions');
const started = performance.now();
const entities = await loadListFiles([path.join(root, 'un/UN_consolidated.xml'), path.join(root, 'ofac/sdn_2021-07')]);
const byRef = new Map(entities.map((entity) => [entity.ref, entity]));

/** A fixed pseudo-random sequence, so every run builds the same set. */
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
/** Which half an entity falls in: by a hash of its reference, not by list order. */
const half = (ref: string) => (createHash('sha256').update(ref).digest()[0] as number) % 2;

const pct = (part: number, whole: number) => (whole ? part / whole : 0).toFixed(3);
/** The expected entry is among the first `within` subjects; entries tied with the one before them on score count as its equal. */
const right = (hits: Hit[], expected: string, within: number) => {
  const wanted = byRef.get(expected);
  const scores = [...new Set(hits.map((hit) => hit.score))].sort((a, b) => b - a).slice(0, within);
  return hits.some((hit) => (hit.subject < within || scores.includes(hit.score)) && (hit.ref === expected || (wanted !== undefined && sameSubject(hit.entity, wanted))));
};

// ---------- (a) Latin-script variants ----------
/** How analysts and other sources spell the same name differently; written for this evaluation. */
const HABITS: ((word: string) => string)[] = [
  (word) => word.replace(/ou/, 'u'),
  (word) => word.replace(/u(?=[^aeiou])/, 'ou'),
  (word) => word.replace(/a(?=[^aeiou]+$)/, 'e'),
  (word) => word.replace(/i$/, 'y'),
  (word) => word.replace(/ee/, 'i').replace(/i(?=[^aeiou])/, 'ee'),
  (word) => word.replace(/q/, 'k'),
  (word) => word.replace(/kh/, 'h'),
  (word) => word.replace(/dh/, 'z'),
  (word) => word.replace(/j/, 'dj'),
  (word) => word.replace(/sh/, 'ch'),
  (word) => word.replace(/([bdfklmnrst])\1/, '$1'),
  (word) => word.replace(/([aeiou])([bdklmnrst])([aeiou])/, '$1$2$2$3'),
  (word) => word.replace(/^al-?/, 'el-'),
  (word) => word.replace(/^(al|el)-/, ''),
  (word) => word.replace(/'/g, ''),
  (word) => word.replace(/o/, 'u'),
  (word) => word.replace(/e/, 'a'),
];

function typo(word: string): string {
  if (word.length < 6) return word;
  const at = 1 + Math.floor(random() * (word.length - 3));
  return random() < 0.5 ? `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}` : `${word.slice(0, at)}${word.slice(at + 1)}`;
}

/** Two spellings of a listed name: a habit or two applied to its words, sometimes a typo, sometimes the order turned. */
function variant(name: string): string | undefined {
  const words = name.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  let changed = words.map((word) => (random() < 0.5 ? pick(HABITS)(word) : word));
  if (random() < 0.3) {
    const longest = changed.reduce((a, b) => (b.length > a.length ? b : a), '');
    changed = changed.map((word) => (word === longest ? typo(word) : word));
  }
  if (random() < 0.3) changed.reverse();
  const out = changed.join(' ');
  return out === words.join(' ') ? pick(HABITS)(out) : out;
}

/**
 * Names of two words or more, counted by spaces, commas and hyphens — not by the matcher's tokens, so
 * that a change to the matcher never changes which names are sampled.
 */
const twoWords = (name: { full: string }) => name.full.split(/[\s,-]+/).filter((word) => /\p{L}{2}/u.test(word)).length >= 2;
const latinPeople = entities.filter((entity) => (entity.kind === 'person' || entity.kind === 'organisation') && entity.names.some((name) => !name.originalScript && twoWords(name)));
const variants = latinPeople
  .filter(() => random() < 0.35)
  .flatMap((entity) => {
    const name = entity.names.find((candidate) => !candidate.originalScript && twoWords(candidate));
    const query = name && variant(name.full);
    return query ? [{ query, expected: entity.ref, half: half(entity.ref) }] : [];
  });

// ---------- (d) negatives, built first: (a) tunes on half of them ----------
const LATIN_GIVEN = ['Ahmad', 'Fatima', 'Omar', 'Layla', 'Yusuf', 'Mariam', 'Karim', 'Nour', 'Tariq', 'Huda', 'Samir', 'Rania', 'Reza', 'Shirin', 'Dariush', 'Parisa', 'Mehdi', 'Zahra', 'Emre', 'Ayse', 'Burak', 'Elif', 'Mehmet', 'Zeynep', 'Kwame', 'Amina', 'Chinedu', 'Ngozi', 'Abebe', 'Fatou', 'Mamadou', 'Aissatou', 'James', 'Mary', 'Pierre', 'Sophie', 'Hans', 'Ingrid', 'Giulia', 'Pablo', 'Olga', 'Emma', 'Salma', 'Walid', 'Bilal', 'Rashid', 'Hassan', 'Ali'];
const LATIN_FAMILY = ['Haddad', 'Khoury', 'Nasser', 'Mansour', 'Saleh', 'Darwish', 'Hamdan', 'Jaber', 'Karimi', 'Hosseini', 'Rahimi', 'Tehrani', 'Moradi', 'Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Ozturk', 'Mensah', 'Okafor', 'Adeyemi', 'Diallo', 'Traore', 'Kamara', 'Tesfaye', 'Mwangi', 'Smith', 'Johnson', 'Taylor', 'Martin', 'Dupont', 'Schmidt', 'Rossi', 'Garcia', 'Novak', 'Jansen', 'Larsen', 'Haidari', 'Qureshi', 'Farah', 'Osman', 'Abbas', 'Suleiman'];
const ARABIC_GIVEN = ['أحمد', 'فاطمة', 'عمر', 'ليلى', 'يوسف', 'مريم', 'كريم', 'نور', 'طارق', 'هدى', 'سمير', 'رانيا', 'رضا', 'شيرین', 'داریوش', 'پریسا', 'مهدی', 'زهرا', 'سلمى', 'وليد', 'بلال', 'رشيد', 'حسن', 'علي', 'ناصر', 'جمیله', 'منيرة', 'باسل', 'غادة', 'زینب', 'آمنة', 'مامادو'];
const ARABIC_FAMILY = ['حداد', 'الخوري', 'ناصر', 'منصور', 'صالح', 'درويش', 'حمدان', 'جابر', 'کریمی', 'حسینی', 'رحیمی', 'تهرانی', 'مرادی', 'يلماز', 'قايا', 'دمير', 'شاهين', 'ديالو', 'تراوري', 'كامارا', 'الحلبي', 'النجار', 'العطار', 'السعدي', 'القرشي', 'فرح', 'عثمان', 'عباس', 'سليمان', 'الشامي', 'البزاز', 'قرهباغي'];

/** The name sets the lists carry, so that a negative that is in fact a listed name is set aside. */
const listedSets = new Set(entities.flatMap((entity) => entity.names.map((name) => setOf(name.full))));
function setOf(name: string): string {
  return tokenize(name)
    .filter((token) => !token.particle)
    .map((token) => token.key)
    .sort()
    .join(' ');
}
const combine = (given: string[], family: string[]) => given.flatMap((first) => family.map((last) => `${first} ${last}`));
const latinNegatives = combine(LATIN_GIVEN, LATIN_FAMILY).filter((name) => !listedSets.has(setOf(name)));
const arabicNegatives = combine(ARABIC_GIVEN, ARABIC_FAMILY).filter((name) => !listedSets.has(setOf(name)));
const setAside = LATIN_GIVEN.length * LATIN_FAMILY.length - latinNegatives.length + ARABIC_GIVEN.length * ARABIC_FAMILY.length - arabicNegatives.length;

const screener = new Screener(entities);
const scored = (name: string) => screener.screen({ name }, { top: 3, threshold: 0 });
/** The score of the right hit among the top three subjects (0 when absent), and the best score overall. */
const positiveScores = variants.map((item) => {
  const hits = scored(item.query);
  const first = hits[0]?.score ?? 0;
  const hit = hits.find((candidate) => (candidate.subject === 0 || candidate.score === first) && right([candidate], item.expected, 1));
  return { ...item, score: hit?.score ?? 0 };
});
const negativeScores = (names: string[]) => names.map((name, index) => ({ name, half: index % 2, score: scored(name)[0]?.score ?? 0 }));
const latinNegativeScores = negativeScores(latinNegatives);
const arabicNegativeScores = negativeScores(arabicNegatives);

/** The threshold that catches most variants while keeping false alerts at or under 1% on the tuning half. */
function tune(): number {
  let best = { threshold: 1, recall: 0 };
  for (let threshold = 0.6; threshold <= 0.96; threshold += 0.01) {
    const fp = latinNegativeScores.filter((item) => item.half === 0 && item.score >= threshold).length / latinNegativeScores.filter((item) => item.half === 0).length;
    const tuning = positiveScores.filter((item) => item.half === 0);
    const recall = tuning.filter((item) => item.score >= threshold).length / tuning.length;
    if (fp <= 0.005 && recall > best.recall) best = { threshold: Math.round(threshold * 100) / 100, recall };
  }
  return best.threshold;
}
const tuned = tune();
const held = positiveScores.filter((item) => item.half === 1);
const heldNegatives = latinNegativeScores.filter((item) => item.half === 1);
const atThreshold = (threshold: number) => `recall@1 ${pct(held.filter((item) => item.score >= threshold).length, held.length)} (${held.filter((item) => item.score >= threshold).length}/${held.length}), FP ${pct(heldNegatives.filter((item) => item.score >= threshold).length, heldNegatives.length)}`;

console.log(`Screening evaluation — UN + OFAC SDN, ${entities.length} listed entities, default threshold ${DEFAULT_THRESHOLD}`);
console.log(`\n(a) Latin-script spelling variants (${variants.length}, one per sampled entity; tuned on half ${positiveScores.length - held.length}, reported on the other half ${held.length})`);
console.log(`    threshold tuned on the tuning half (FP ≤ 0.5% there): ${tuned}`);
console.log(`    held-out half at the tuned threshold ${tuned}: ${atThreshold(tuned)}`);
console.log(`    held-out half at the default ${DEFAULT_THRESHOLD}: ${atThreshold(DEFAULT_THRESHOLD)}   [target recall@1 ≥ 0.97]`);
// Misses to study come from the tuning half only: the held-out half is scored, never looked into.
const tuningMisses = Number(process.env.EVAL_TUNING_MISSES ?? 0);
if (tuningMisses) {
  const tuningMissed = positiveScores.filter((item) => item.half === 0 && item.score < DEFAULT_THRESHOLD);
  console.log(`    tuning half, missed at the default (${tuningMissed.length}):`);
  for (const item of tuningMissed.slice(0, tuningMisses)) {
    const first = scored(item.query)[0];
    console.log(`      "${item.query}" → ${item.expected} ${byRef.get(item.expected)?.names[0]?.full} (score ${item.score}; first ${first ? `${first.ref} ${first.name} ${first.score}` : 'none'})`);
  }
}
const missed = held.filter((item) => item.score < DEFAULT_THRESHOLD).slice(0, Number(process.env.EVAL_SHOW ?? 4));
if (missed.length) console.log(`    e.g. missed: ${missed.map((item) => `"${item.query}" (${item.expected})`).join('; ')}`);

// ---------- (b) leave one alias out ----------
const withAliases = entities.filter((entity) => (entity.kind === 'person' || entity.kind === 'organisation') && entity.names.filter(twoWords).length >= 2 && random() < 0.4);
const heldOut = new Map<string, string>();
const reduced: ListedEntity[] = entities.map((entity) => {
  if (!withAliases.includes(entity)) return entity;
  const aliases = entity.names.slice(1).filter(twoWords);
  const alias = pick(aliases);
  heldOut.set(entity.ref, alias.full);
  return { ...entity, names: entity.names.filter((name) => name !== alias) };
});
const aliasScreener = new Screener(reduced);
let aliasFound = 0;
let aliasLow = 0;
let aliasLowFound = 0;
const aliasMissed: string[] = [];
for (const [ref, alias] of heldOut) {
  const hits = aliasScreener.screen({ name: alias }, { top: 1 });
  const found = right(hits, ref, 1);
  if (found) aliasFound++;
  else if (aliasMissed.length < 5) aliasMissed.push(`"${alias}" (${ref}${hits[0] ? `; first ${hits[0].ref} ${hits[0].score}` : ''})`);
  // Aliases sharing no name part with what remains (a nom de guerre) cannot be found by name: counted apart.
  const remaining = new Set((reduced.find((entity) => entity.ref === ref)?.names ?? []).flatMap((name) => name.tokens.filter((token) => !token.particle).map((token) => token.key)));
  if (!tokenize(alias).some((token) => !token.particle && remaining.has(token.key))) {
    aliasLow++;
    if (found) aliasLowFound++;
  }
}
console.log(`\n(b) leave-one-alias-out (${heldOut.size} entities with two or more names; one alias removed from the index and queried)`);
console.log(`    recall@1 at the default threshold: ${pct(aliasFound, heldOut.size)} (${aliasFound}/${heldOut.size})`);
console.log(`    of which aliases sharing a name part with the remaining names: ${pct(aliasFound - aliasLowFound, heldOut.size - aliasLow)} (${aliasFound - aliasLowFound}/${heldOut.size - aliasLow}); sharing none (noms de guerre): ${aliasLowFound}/${aliasLow}`);
if (aliasMissed.length) console.log(`    e.g. missed: ${aliasMissed.join('; ')}`);

// ---------- (c) cross-script ----------
console.log('\n(c) cross-script, at the default threshold against the full lists');
const pairsFile = path.join(root, 'eval/cross_script_pairs.csv');
if (fs.existsSync(pairsFile)) {
  const rows = parse(fs.readFileSync(pairsFile, 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#')).join('\n'), { relax_column_count: true }) as string[][];
  const targets: ListedEntity[] = rows.map(([, expected], index) => ({ ref: `PAIR:${index}`, list: 'UN', kind: 'person', names: [listedName(expected ?? '', 'primary')], ...noDetails() }));
  const pairScreener = new Screener([...entities, ...targets]);
  const results = rows.map(([query, expected], index) => {
    const hits = pairScreener.screen({ name: query ?? '' }, { top: 3 });
    const at = hits.find((hit) => hit.ref === `PAIR:${index}`);
    return { query, expected, found: Boolean(at), score: at?.score, arabic: /[\u0600-\u06FF]/.test(query ?? '') };
  });
  const arabic = results.filter((result) => result.arabic);
  console.log(`    cross_script_pairs.csv (shared): ${results.filter((result) => result.found).length}/${results.length} found in the top 3; Arabic-script rows ${arabic.filter((result) => result.found).length}/${arabic.length}`);
  for (const result of results.filter((item) => !item.found)) console.log(`      not alerted: ${result.query} → ${result.expected}`);
}
const renderings = (parse(fs.readFileSync(path.resolve('src/modules/screening/testdata/arabic-renderings.csv'), 'utf8'), { comment: '#' }) as string[][]).filter(([ref]) => byRef.has(ref ?? ''));
let at1 = 0;
let at3 = 0;
const notFound: string[] = [];
for (const [ref, arabic] of renderings) {
  const hits = screener.screen({ name: arabic ?? '' }, { top: 3 });
  if (right(hits, ref ?? '', 1)) at1++;
  if (right(hits, ref ?? '', 3)) at3++;
  else notFound.push(`${arabic} (${ref})`);
}
console.log(`    hand-written Arabic-script renderings of Latin-only listings: recall@1 ${pct(at1, renderings.length)}, recall@3 ${pct(at3, renderings.length)} (${at3}/${renderings.length})   [target recall@3 ≥ 0.90]`);
if (notFound.length) console.log(`      not found: ${notFound.join('; ')}`);

// ---------- (d) negatives ----------
const rate = (items: { name: string; score: number }[]) => items.filter((item) => item.score >= DEFAULT_THRESHOLD);
const latinFalse = rate(latinNegativeScores);
const arabicFalse = rate(arabicNegativeScores);
console.log(`\n(d) names not on the lists (common Arab, Persian, Turkish, African and Western elements; ${setAside} combinations set aside because a list carries that name)`);
console.log(`    Latin script: false-positive rate ${pct(latinFalse.length, latinNegativeScores.length)} (${latinFalse.length}/${latinNegativeScores.length})   [target ≤ 0.01]${latinFalse.length ? `  e.g. ${latinFalse.slice(0, 4).map((item) => item.name).join('; ')}` : ''}`);
console.log(`    Arabic script: false-positive rate ${pct(arabicFalse.length, arabicNegativeScores.length)} (${arabicFalse.length}/${arabicNegativeScores.length})   [target ≤ 0.02]${arabicFalse.length ? `  e.g. ${arabicFalse.slice(0, 4).map((item) => item.name).join('; ')}` : ''}`);
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
