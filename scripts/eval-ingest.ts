/**
 * Scores the readout extractor on a folder of NAME.txt + NAME.json: precision, recall and F1 per field,
 * the macro F1 (the mean of the fields' F1), and the extraction time. Two label layouts are read:
 *   - the project's own (`test/fixtures/readouts`): the JSON is the expected extraction itself, with an
 *     optional "publishedOn" passed to the extractor;
 *   - the labelled corpus layout (`../shared/data/readouts-dev`, see its README): snake_case keys,
 *     "City, Country" locations, commitments as quoted strings, a `date_stated_in_text` flag.
 * Files whose name starts with a number are also scored by halves (odd and even numbers), so rules can be
 * developed on one half and checked on the other.
 * Usage: npm run eval:ingest [-- DIR]   (default test/fixtures/readouts)
 */
import fs from 'node:fs';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { extractReadout } from '../src/modules/ingest/extract.ts';
import type { Extraction } from '../src/modules/ingest/extraction.ts';
import { referenceGazetteer } from '../src/modules/ingest/gazetteer.ts';
import { type Expected, expectedFromLabels } from './eval-ingest-labels.ts';

const dir = path.resolve(process.argv[2] ?? 'test/fixtures/readouts');
const names = fs.readdirSync(dir).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4)).sort();
if (!names.length) throw new Error(`${dir}: no NAME.txt files`);

type Counts = { tp: number; fp: number; fn: number };
type Table = Map<string, Counts>;
const norm = (value: unknown) =>
  String(value ?? '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[’']/g, "'")
    .replace(/isation\b/g, 'ization')
    .replace(/\s+/g, ' ')
    .trim();
const words = (text: string) => new Set(norm(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const overlap = (a: string, b: string) => {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((word) => y.has(word)).length;
  return shared / Math.max(1, Math.min(x.size, y.size));
};
/** A country however it is written ("Türkiye", "Turkey", "United States of America") as its ISO code, for comparing places. */
const countryKey = (name: string | null | undefined) => (name ? (countries.getAlpha3Code(name, 'en') ?? norm(name)) : '');

/**
 * A branch however the labels write it ("ISIS-Sahel", "ISIS-DRC") as the registry's short name the extractor
 * reports ("ISSP / ISGS", "ISCAP"): two names of one affiliate are the same answer. A name the registry does not know stays as written.
 */
const branchByName = new Map(referenceGazetteer().branches.flatMap((branch) => [branch.canonical, ...branch.variants].map((name) => [norm(name), norm(branch.canonical)] as const)));
const branchKey = (name: string) => branchByName.get(norm(name)) ?? norm(name);

function scorer() {
  const fields: Table = new Map();
  const count = (field: string, tp: number, fp: number, fn: number) => {
    const c = fields.get(field) ?? { tp: 0, fp: 0, fn: 0 };
    fields.set(field, { tp: c.tp + tp, fp: c.fp + fp, fn: c.fn + fn });
  };
  /** Matches expected items to extracted ones one to one with `same`, and counts what was found, wrong and missed. */
  function compareLists<E, A>(field: string, expected: E[], actual: A[], same: (a: E, b: A) => boolean) {
    const left = [...actual];
    let tp = 0;
    for (const item of expected) {
      const index = left.findIndex((candidate) => same(item, candidate));
      if (index >= 0) {
        tp++;
        left.splice(index, 1);
      }
    }
    count(field, tp, left.length, expected.length - tp);
  }
  function compareValue(field: string, expected: unknown, actual: unknown, equal = (a: unknown, b: unknown) => norm(JSON.stringify(a)) === norm(JSON.stringify(b))) {
    const hasExpected = expected !== null && expected !== undefined;
    const hasActual = actual !== null && actual !== undefined;
    const same = hasExpected && hasActual && equal(expected, actual);
    count(field, same ? 1 : 0, hasActual && !same ? 1 : 0, hasExpected && !same ? 1 : 0);
  }
  function add(expected: Expected, actual: Extraction) {
    if (expected.title !== undefined) compareValue('title', expected.title, actual.title);
    if (expected.date !== undefined) compareValue('date', expected.date, actual.date);
    compareValue('meetingFormat', expected.meetingFormat, actual.meetingFormat);
    compareValue('setting', expected.setting, actual.setting);
    compareValue('location', expected.location, actual.location, (a, b) => {
      const [want, got] = [a, b] as [NonNullable<Extraction['location']>, NonNullable<Extraction['location']>];
      // A place is right when its city is (the country then follows), or, with no city given, its country.
      return want.city ? norm(want.city) === norm(got.city) : !got.city && countryKey(want.country) === countryKey(got.country);
    });
    compareLists('speakers', expected.speakers, actual.speakers, (a, b) => norm(a.name) === norm(b.name));
    if (expected.speakerRoles) compareLists('speakers.role', expected.speakers.filter((s) => s.role), actual.speakers.filter((s) => s.role), (a, b) => norm(a.name) === norm(b.name) && norm(a.role) === norm(b.role));
    for (const field of ['theaters', 'workingGroups', 'newMembers'] as const) compareLists(field, expected[field], actual[field], (a, b) => norm(a) === norm(b));
    compareLists('branches', expected.branches, actual.branches, (a, b) => branchKey(a) === branchKey(b));
    compareLists('money', expected.money, actual.money, (a, b) => a.amount === b.amount && a.currency === b.currency);
    if (expected.moneyDetail) compareLists('money.kind+year+bound', expected.money, actual.money, (a, b) => a.amount === b.amount && a.kind === b.kind && a.year === b.year && a.lowerBound === b.lowerBound);
    compareLists('incidents', expected.incidents, actual.incidents, (a, b) => (a.date === undefined || a.date === b.date) && (a.place === undefined || norm(a.place) === norm(b.place)) && norm(a.perpetrator) === norm(b.perpetrator));
    compareLists('references', expected.references, actual.references, (a, b) => (a.quote ? overlap(a.quote, b.quote) >= 0.5 : a.when === b.when && norm(a.where) === norm(b.where)));
    compareLists('commitments', expected.commitments, actual.commitments, (a, b) => (a.actor === undefined || norm(a.actor) === norm(b.actor)) && overlap(a.quote, b.quote) >= 0.6);
  }
  return { fields, add };
}

const score = ({ tp, fp, fn }: Counts) => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};
/** The fields the macro F1 averages: the issue's list (title and the detail rows are shown, not averaged). */
const MACRO_FIELDS = ['date', 'meetingFormat', 'setting', 'location', 'speakers', 'theaters', 'branches', 'workingGroups', 'newMembers', 'money', 'references', 'commitments'];
const macroOf = (table: Table) => {
  const used = MACRO_FIELDS.filter((field) => table.has(field));
  return used.reduce((sum, field) => sum + score(table.get(field) as Counts).f1, 0) / Math.max(1, used.length);
};

const all = scorer();
const odd = scorer();
const even = scorer();
let totalMs = 0;
let totalChars = 0;
let slowest = { name: '', ms: 0 };
for (const name of names) {
  const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
  const expected = expectedFromLabels(JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')));
  extractReadout(text, { publishedOn: expected.publishedOn }); // warm-up, so the figure is the steady state
  const started = performance.now();
  const actual = extractReadout(text, { publishedOn: expected.publishedOn });
  const ms = performance.now() - started;
  totalMs += ms;
  if (ms > slowest.ms) slowest = { name, ms };
  totalChars += text.length;
  all.add(expected, actual);
  const number = /^(\d+)/.exec(name)?.[1];
  if (number) (Number(number) % 2 ? odd : even).add(expected, actual);
  // Every proposed fact must quote the text exactly.
  const quoted = [...actual.money, ...actual.incidents, ...actual.references, ...actual.commitments, ...actual.detention, ...actual.repatriations, ...actual.taskings, ...actual.prosecutions];
  for (const fact of quoted) if (text.slice(fact.start, fact.end) !== fact.quote) throw new Error(`${name}: a quote does not match its offsets: ${fact.quote}`);
}

const halves = odd.fields.size > 0 && even.fields.size > 0;
console.log(`Readout extraction — ${names.length} readouts in ${path.relative(process.cwd(), dir) || dir}\n`);
console.log(`${'field'.padEnd(24)} precision  recall    F1   (found/wrong/missed)${halves ? '   F1 odd  F1 even' : ''}`);
const total: Counts = { tp: 0, fp: 0, fn: 0 };
for (const [field, counts] of all.fields) {
  const { precision, recall, f1 } = score(counts);
  total.tp += counts.tp;
  total.fp += counts.fp;
  total.fn += counts.fn;
  const byHalf = halves ? `   ${[odd, even].map((half) => (half.fields.has(field) ? score(half.fields.get(field) as Counts).f1.toFixed(2) : '  — ').padStart(6)).join('   ')}` : '';
  const mark = MACRO_FIELDS.includes(field) ? '' : ' *';
  console.log(`${(field + mark).padEnd(24)} ${precision.toFixed(2).padStart(9)} ${recall.toFixed(2).padStart(7)} ${f1.toFixed(2).padStart(6)}   (${counts.tp}/${counts.fp}/${counts.fn})`.padEnd(75) + byHalf);
}
const overall = score(total);
console.log(`${'micro (all fields)'.padEnd(24)} ${overall.precision.toFixed(2).padStart(9)} ${overall.recall.toFixed(2).padStart(7)} ${overall.f1.toFixed(2).padStart(6)}   (${total.tp}/${total.fp}/${total.fn})`);
console.log(`\nMacro F1 (mean of the fields not marked *): ${macroOf(all.fields).toFixed(2)} on all ${names.length}${halves ? `; odd-numbered ${macroOf(odd.fields).toFixed(2)}, even-numbered ${macroOf(even.fields).toFixed(2)}` : ''}`);
console.log(`Extraction time: ${(totalMs / names.length).toFixed(1)} ms per readout on average (${Math.round(totalChars / names.length)} characters), slowest ${slowest.name} ${slowest.ms.toFixed(1)} ms, after one warm-up run each`);
