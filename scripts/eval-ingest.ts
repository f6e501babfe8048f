/**
 * Scores the readout extractor on a folder of NAME.txt + NAME.json (the expected extraction, written by
 * hand; an optional "publishedOn" is passed to the extractor): precision, recall and F1 per field and
 * overall, and the extraction time.
 * Usage: npm run eval:ingest [-- DIR]   (default test/fixtures/readouts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractReadout } from '../src/modules/ingest/extract.ts';
import type { Extraction } from '../src/modules/ingest/extraction.ts';

const dir = path.resolve(process.argv[2] ?? 'test/fixtures/readouts');
const names = fs.readdirSync(dir).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4)).sort();
if (!names.length) throw new Error(`${dir}: no NAME.txt files`);

type Counts = { tp: number; fp: number; fn: number };
const fields = new Map<string, Counts>();
const count = (field: string, tp: number, fp: number, fn: number) => {
  const c = fields.get(field) ?? { tp: 0, fp: 0, fn: 0 };
  fields.set(field, { tp: c.tp + tp, fp: c.fp + fp, fn: c.fn + fn });
};
const norm = (value: unknown) => String(value ?? '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
const words = (text: string) => new Set(norm(text).split(/\W+/).filter(Boolean));
const overlap = (a: string, b: string) => {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((word) => y.has(word)).length;
  return shared / Math.max(1, Math.min(x.size, y.size));
};

/** Matches expected items to extracted ones one to one with `same`, and counts what was found, wrong and missed. */
function compareLists<T>(field: string, expected: T[], actual: T[], same: (a: T, b: T) => boolean) {
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

function compareValue(field: string, expected: unknown, actual: unknown) {
  const hasExpected = expected !== null && expected !== undefined;
  const hasActual = actual !== null && actual !== undefined;
  const equal = hasExpected && hasActual && norm(JSON.stringify(expected)) === norm(JSON.stringify(actual));
  count(field, equal ? 1 : 0, hasActual && !equal ? 1 : 0, hasExpected && !equal ? 1 : 0);
}

let totalMs = 0;
let totalChars = 0;
for (const name of names) {
  const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Extraction & { publishedOn?: string };
  extractReadout(text, { publishedOn: expected.publishedOn ?? null }); // warm-up, so the figure is the steady state
  const started = performance.now();
  const actual = extractReadout(text, { publishedOn: expected.publishedOn ?? null });
  totalMs += performance.now() - started;
  totalChars += text.length;
  for (const field of ['title', 'date', 'meetingFormat', 'setting', 'location'] as const) compareValue(field, expected[field], actual[field]);
  compareLists('speakers', expected.speakers, actual.speakers, (a, b) => norm(a.name) === norm(b.name));
  compareLists('speakers.role', expected.speakers.filter((s) => s.role), actual.speakers.filter((s) => s.role), (a, b) => norm(a.name) === norm(b.name) && norm(a.role) === norm(b.role));
  for (const field of ['theaters', 'branches', 'workingGroups', 'newMembers'] as const) compareLists(field, expected[field], actual[field], (a, b) => norm(a) === norm(b));
  compareLists('money', expected.money, actual.money, (a, b) => a.amount === b.amount && a.currency === b.currency);
  compareLists('money.kind+year+bound', expected.money, actual.money, (a, b) => a.amount === b.amount && a.kind === b.kind && a.year === b.year && a.lowerBound === b.lowerBound);
  compareLists('incidents', expected.incidents, actual.incidents, (a, b) => a.date === b.date && norm(a.place) === norm(b.place) && norm(a.perpetrator) === norm(b.perpetrator));
  compareLists('references', expected.references, actual.references, (a, b) => a.when === b.when && norm(a.where) === norm(b.where));
  compareLists('commitments', expected.commitments, actual.commitments, (a, b) => norm(a.actor) === norm(b.actor) && overlap(a.quote, b.quote) >= 0.6);
  // Every proposed fact must quote the text exactly.
  for (const fact of [...actual.money, ...actual.incidents, ...actual.references, ...actual.commitments]) if (text.slice(fact.start, fact.end) !== fact.quote) throw new Error(`${name}: a quote does not match its offsets: ${fact.quote}`);
}

const score = ({ tp, fp, fn }: Counts) => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};
console.log(`Readout extraction — ${names.length} readouts in ${path.relative(process.cwd(), dir) || dir}\n`);
console.log(`${'field'.padEnd(24)} precision  recall    F1   (found/wrong/missed)`);
const all: Counts = { tp: 0, fp: 0, fn: 0 };
for (const [field, counts] of fields) {
  const { precision, recall, f1 } = score(counts);
  all.tp += counts.tp;
  all.fp += counts.fp;
  all.fn += counts.fn;
  console.log(`${field.padEnd(24)} ${precision.toFixed(2).padStart(9)} ${recall.toFixed(2).padStart(7)} ${f1.toFixed(2).padStart(6)}   (${counts.tp}/${counts.fp}/${counts.fn})`);
}
const overall = score(all);
console.log(`${'overall'.padEnd(24)} ${overall.precision.toFixed(2).padStart(9)} ${overall.recall.toFixed(2).padStart(7)} ${overall.f1.toFixed(2).padStart(6)}   (${all.tp}/${all.fp}/${all.fn})`);
console.log(`\nExtraction time: ${(totalMs / names.length).toFixed(1)} ms per readout on average (${Math.round(totalChars / names.length)} characters), after one warm-up run each`);
