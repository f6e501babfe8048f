/**
 * Evaluates the matcher on a labelled set built from the lists themselves:
 * - positives: every alias of a listed entity, and variants generated from primary names (token order
 *   reversed, a spelling variant, one typo, particle spellings), each expected to find its entity first;
 * - negatives: common Western names that are not on the lists, expected to find nothing;
 * - the cross-script pairs file, when present.
 * Prints recall@1, precision, false-positive rate and F1 at the default threshold.
 * Usage: npm run eval:screening [-- --lists DIR] (defaults to ../shared/data/sanctions)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ListedEntity, listedName, noDetails } from '../src/modules/screening/entities.ts';
import { loadListFiles } from '../src/modules/screening/list-files.ts';
import { DEFAULT_THRESHOLD, Screener } from '../src/modules/screening/matcher.ts';

const listsArg = process.argv.indexOf('--lists');
const root = listsArg > 0 ? (process.argv[listsArg + 1] as string) : path.resolve('../shared/data/sanctions');
const sources = [path.join(root, 'un/UN_consolidated.xml'), path.join(root, 'ofac/sdn_2021-07'), path.join(root, 'ofac/consolidated_2025-12')].filter((file) => fs.existsSync(file));
const entities = await loadListFiles(sources.length ? sources : [path.resolve('test/fixtures/sanctions')]);
const screener = new Screener(entities);

/** A fixed pseudo-random sequence, so every run builds the same set. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const SWAPS: [RegExp, string][] = [
  [/\bMohammed\b|\bMuhammad\b/i, 'Mohamed'],
  [/\bAhmed\b/i, 'Ahmad'],
  [/ou/i, 'u'],
  [/\bAl-/i, 'El '],
  [/\bbin\b/i, 'ibn'],
  [/ee/i, 'i'],
];

function typo(name: string): string {
  const words = name.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 6) return name;
  const at = 1 + Math.floor(random() * (longest.length - 3));
  const changed = `${longest.slice(0, at)}${longest[at + 1]}${longest[at]}${longest.slice(at + 2)}`;
  return words.map((word) => (word === longest ? changed : word)).join(' ');
}

function variants(name: string): string[] {
  const out = new Set<string>();
  const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length >= 2) out.add([...words].reverse().join(' '));
  for (const [pattern, replacement] of SWAPS) if (pattern.test(name)) out.add(name.replace(pattern, replacement));
  out.add(typo(name));
  out.delete(name);
  return [...out];
}

const eligible = entities.filter((entity) => entity.kind === 'person' || entity.kind === 'organisation');
const sample = eligible.filter(() => random() < Math.min(1, 1500 / eligible.length));
const positives: { query: string; expected: string; kind: 'alias' | 'variant' }[] = [];
for (const entity of sample) {
  const primary = entity.names[0]?.full ?? '';
  for (const alias of entity.names.slice(1, 3)) if (alias.tokens.length >= 2) positives.push({ query: alias.full, expected: entity.ref, kind: 'alias' });
  if (primary.split(/\s+/).length >= 2) for (const variant of variants(primary)) positives.push({ query: variant, expected: entity.ref, kind: 'variant' });
}

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Pierre', 'Sophie', 'Hans', 'Ingrid', 'Giulia', 'Marco', 'Lars', 'Anna', 'Pieter', 'Emma'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Dupont', 'Lefebvre', 'Schmidt', 'Fischer', 'Rossi', 'Bianchi', 'Jansen', 'de Vries', 'Nielsen', 'Larsen', 'Kowalski', 'Novak', 'Horvat', 'OBrien'];
const negatives = FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`));

function correct(query: string, expected: string): { top: boolean; hit: boolean } {
  const hits = screener.screen({ name: query }, { top: 5 });
  if (!hits.length) return { top: false, hit: false };
  // Several lists name the same person: any entity sharing the top score counts as first.
  const top = hits.filter((hit) => hit.score === hits[0]?.score).some((hit) => hit.ref === expected || sameEntity(hit.entity, expected));
  return { top, hit: true };
}

const byRef = new Map(entities.map((entity) => [entity.ref, entity]));
function sameEntity(entity: ListedEntity, expected: string): boolean {
  const other = byRef.get(expected);
  return Boolean(other?.names.some((name) => entity.names.some((mine) => mine.full.toLowerCase() === name.full.toLowerCase())));
}

const started = performance.now();
const report = (kind: 'alias' | 'variant') => {
  const set = positives.filter((positive) => positive.kind === kind);
  const results = set.map((positive) => correct(positive.query, positive.expected));
  return { total: set.length, top: results.filter((result) => result.top).length, wrong: results.filter((result) => result.hit && !result.top).length };
};
const aliases = report('alias');
const variantResults = report('variant');
const falsePositives = negatives.filter((name) => screener.screen({ name }).length > 0);

let crossScript = '';
const pairsFile = path.join(root, 'eval/cross_script_pairs.csv');
if (fs.existsSync(pairsFile)) {
  const rows = parse(fs.readFileSync(pairsFile, 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#')).join('\n'), { relax_column_count: true }) as string[][];
  const targets = rows.map(([, expected], index) => ({ ref: `PAIR:${index}`, list: 'UN' as const, kind: 'person' as const, names: [listedName(expected ?? '', 'primary')], ...noDetails() }));
  const pairScreener = new Screener(targets);
  const found = rows.filter(([query], index) => pairScreener.screen({ name: query ?? '' }, { top: 1, threshold: 0.5 })[0]?.ref === `PAIR:${index}`).length;
  crossScript = `cross-script pairs: ${found}/${rows.length} found first at ≥ 0.5`;
}

const truePositives = aliases.top + variantResults.top;
const wrongHits = aliases.wrong + variantResults.wrong + falsePositives.length;
const precision = truePositives / (truePositives + wrongHits);
const recall = truePositives / (aliases.total + variantResults.total);
console.log(`Screening evaluation — ${entities.length} listed entities, threshold ${DEFAULT_THRESHOLD}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`  aliases:   recall@1 ${(aliases.top / aliases.total).toFixed(3)} (${aliases.top}/${aliases.total})`);
console.log(`  variants:  recall@1 ${(variantResults.top / variantResults.total).toFixed(3)} (${variantResults.top}/${variantResults.total})  [target ≥ 0.97]`);
console.log(`  non-listed names: false-positive rate ${(falsePositives.length / negatives.length).toFixed(3)} (${falsePositives.length}/${negatives.length})  [target ≤ 0.01]${falsePositives.length ? ` e.g. ${falsePositives.slice(0, 3).join('; ')}` : ''}`);
console.log(`  precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)}`);
if (crossScript) console.log(`  ${crossScript}`);
