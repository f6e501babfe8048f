/**
 * Readout extraction time: every readout of the evaluation folders extracted many times, per readout
 * and per 3,000 characters, beside a baseline measured in the same run — cutting the same texts into
 * sentences (Intl.Segmenter), the least any extractor must do — so the figure is a ratio as well as
 * milliseconds. The first extraction of the process (gazetteers read, patterns compiled) is shown apart.
 * Usage: npm run bench:ingest [-- --runs 200]
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractReadout } from '../src/modules/ingest/extract.ts';
import { option } from './lib.ts';

const runs = option('runs', 200);
const folders = ['test/fixtures/readouts', 'test/fixtures/readouts-holdout'];
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
