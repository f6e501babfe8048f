/**
 * Command-line start-up against `node -e 0`, in the same run (issue 20: at most 5×; issue 17: `ingest` under
 * 1 s): `coalition-desk --help` and `coalition-desk ingest FILE --json`, wall time with process start,
 * median of --runs rounds (default 9). Each round runs the three commands one after the other, so a change
 * of the machine's load falls on all three alike. Runs what `npm ci` built (dist/); the launcher falls back
 * to tsx when a source file is newer, so build first: `node scripts/build-cli.mjs`.
 * Usage: npm run bench:cli [-- --runs 9]
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { option } from './lib.ts';

const runs = option('runs', 9);
const file = path.resolve('test/fixtures/readouts/01-seed-small-group.txt');
const commands = {
  node: ['-e', '0'],
  help: ['bin/coalition-desk.mjs', '--help'],
  ingest: ['bin/coalition-desk.mjs', 'ingest', file, '--json'],
};
type Name = keyof typeof commands;

function wallMs(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  return ms;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
const loadBefore = os.loadavg()[0] as number;
const times: Record<Name, number[]> = { node: [], help: [], ingest: [] };
for (let round = 0; round < runs; round++) for (const name of Object.keys(commands) as Name[]) times[name].push(wallMs(commands[name]));
const loadAfter = os.loadavg()[0] as number;

const baseline = median(times.node);
const ratio = (name: Name) => median(times[name]) / baseline;
const verdict = (name: Name) => (ratio(name) <= 5 ? 'met' : 'NOT met');
console.log(`bench/cli.ts · ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version} · load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} · median of ${runs} interleaved rounds`);
console.log('| command | wall time | × `node -e 0` |');
console.log('|---|---:|---:|');
console.log(`| \`node -e 0\` | ${baseline.toFixed(0)} ms | 1.0× |`);
console.log(`| \`coalition-desk --help\` | ${median(times.help).toFixed(0)} ms | ${ratio('help').toFixed(1)}× (target ≤ 5×: ${verdict('help')}) |`);
console.log(`| \`coalition-desk ingest FILE --json\` | ${median(times.ingest).toFixed(0)} ms | ${ratio('ingest').toFixed(1)}× (target ≤ 5×: ${verdict('ingest')}; under 1 s: ${median(times.ingest) < 1000 ? 'met' : 'NOT met'}) |`);
