/**
 * Readout extraction time: every readout of the evaluation folders extracted many times, per readout
 * and per 3,000 characters, beside a baseline measured in the same run — cutting the same texts into
 * sentences (Intl.Segmenter), the least any extractor must do — so the figure is a ratio as well as
 * milliseconds. The first extraction of the process (gazetteers read, patterns compiled) is shown apart.
 * Then: how the time grows with the length of hostile text (a line in capitals, a run of names), which
 * must be linear (4× the text, about 4× the time), and the command line's start-up — `coalition-desk
 * --help` and `coalition-desk ingest FILE --json` — beside `node -e 0` in the same run.
 * Usage: npm run bench:ingest [-- --runs 200] [-- --dir ../shared/data/readouts-dev]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extractReadout } from '../src/modules/ingest/extract.ts';
import { option } from './lib.ts';

const runs = option('runs', 200);
const dirAt = process.argv.indexOf('--dir');
const folders = dirAt > 0 ? [process.argv[dirAt + 1] as string] : ['test/fixtures/readouts', 'test/fixtures/readouts-holdout'];
const readouts = folders.flatMap((folder) => fs.readdirSync(folder).filter((file) => file.endsWith('.txt')).map((file) => fs.readFileSync(path.join(folder, file), 'utf8')));
const characters = readouts.reduce((sum, text) => sum + text.length, 0);

const coldStarted = performance.now();
extractReadout(readouts[0] as string);
const coldMs = performance.now() - coldStarted;

function time(label: string, work: (text: string) => unknown) {
  for (const text of readouts) work(text); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const text of readouts) {
      const started = performance.now();
      work(text);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const meanMs = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { label, meanMs, p99Ms: samples[Math.floor(samples.length * 0.99)] as number, per3000Ms: (meanMs * 3000) / (characters / readouts.length) };
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const baseline = time('sentence segmentation (baseline)', (text) => [...segmenter.segment(text)].length);
const extraction = time('full extraction', (text) => extractReadout(text, { publishedOn: '2024-01-01' }));

console.log(`\nReadout extraction — ${readouts.length} readouts, ${Math.round(characters / readouts.length)} characters on average, ${runs} runs each, Node ${process.version}`);
for (const row of [baseline, extraction]) console.log(`  ${row.label.padEnd(34)} mean ${row.meanMs.toFixed(2)} ms   p99 ${row.p99Ms.toFixed(2)} ms   per 3,000 characters ${row.per3000Ms.toFixed(2)} ms`);
console.log(`  extraction / segmentation: ${(extraction.meanMs / baseline.meanMs).toFixed(1)}×   first extraction of the process: ${coldMs.toFixed(0)} ms   [target: < 50 ms for 3,000 characters]`);

/** Median wall time of a function over a few runs. */
function median(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

console.log('\nHostile text, extraction time as the text grows 4×:');
const HOSTILE: [string, (size: number) => string][] = [
  ['a line in capitals', (size) => 'COMMUNIQUE OF THE FORUM ON REGIONAL COOPERATION '.repeat(Math.ceil(size / 48)).slice(0, size)],
  ['a run of names', (size) => 'Minister Anna Berg, Ambassador Carl Dahl and Envoy Eva Falk '.repeat(Math.ceil(size / 60)).slice(0, size)],
  ['punctuation', (size) => ',;:.—()'.repeat(Math.ceil(size / 7)).slice(0, size)],
];
for (const [label, make] of HOSTILE) {
  const small = make(20_000);
  const large = make(80_000);
  extractReadout(small);
  const smallMs = median(5, () => extractReadout(small));
  const largeMs = median(5, () => extractReadout(large));
  console.log(`  ${label.padEnd(22)} 20,000 characters ${smallMs.toFixed(1)} ms   80,000 characters ${largeMs.toFixed(1)} ms   ratio ${(largeMs / smallMs).toFixed(1)}× (linear: about 4×)`);
}

console.log('\nCommand-line start-up (median of 5 runs, wall time, process start included):');
const file = path.resolve('test/fixtures/readouts/01-seed-small-group.txt');
const run = (args: string[]) => () => {
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
};
const nodeMs = median(5, run(['-e', '0']));
const helpMs = median(5, run(['bin/coalition-desk.mjs', '--help']));
const ingestMs = median(5, run(['bin/coalition-desk.mjs', 'ingest', file, '--json']));
console.log(`  node -e 0                          ${nodeMs.toFixed(0)} ms`);
console.log(`  coalition-desk --help              ${helpMs.toFixed(0)} ms   ${(helpMs / nodeMs).toFixed(1)}× node -e 0`);
console.log(`  coalition-desk ingest FILE --json  ${ingestMs.toFixed(0)} ms   ${(ingestMs / nodeMs).toFixed(1)}× node -e 0   [target: < 1,000 ms]`);
