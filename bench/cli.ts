/**
 * Command-line start-up against `node -e 0`, in the same run (issue 20: at most 5×): `coalition-desk --help`
 * and `coalition-desk ingest FILE --json`, wall time with process start, median of --runs (default 9).
 * Runs what `npm ci` built (dist/); the launcher falls back to tsx when a source file is newer, so build
 * first: `node scripts/build-cli.mjs`. Usage: npm run bench:cli [-- --runs 9]
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { option } from './lib.ts';

const runs = option('runs', 9);
const file = path.resolve('test/fixtures/readouts/01-seed-small-group.txt');

function medianMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

// Interleaved rounds would be fairer on a noisy machine; medians of back-to-back runs are what the README has always shown.
const nodeMs = medianMs(['-e', '0']);
const helpMs = medianMs(['bin/coalition-desk.mjs', '--help']);
const ingestMs = medianMs(['bin/coalition-desk.mjs', 'ingest', file, '--json']);
const nodeAgainMs = medianMs(['-e', '0']);
const baseline = (nodeMs + nodeAgainMs) / 2;
const verdict = (ms: number) => (ms / baseline <= 5 ? 'met' : 'NOT met');
console.log(`bench/cli.ts · ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version} · load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} · median of ${runs}`);
console.log('| command | wall time | × `node -e 0` |');
console.log('|---|---:|---:|');
console.log(`| \`node -e 0\` (before and after) | ${nodeMs.toFixed(0)} / ${nodeAgainMs.toFixed(0)} ms | 1.0× |`);
console.log(`| \`coalition-desk --help\` | ${helpMs.toFixed(0)} ms | ${(helpMs / baseline).toFixed(1)}× (target ≤ 5×: ${verdict(helpMs)}) |`);
console.log(`| \`coalition-desk ingest FILE --json\` | ${ingestMs.toFixed(0)} ms | ${(ingestMs / baseline).toFixed(1)}× (target ≤ 5×: ${verdict(ingestMs)}) |`);
