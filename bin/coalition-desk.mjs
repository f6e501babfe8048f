#!/usr/bin/env node
// Runs the command line compiled by `npm ci` (dist/, see scripts/build-cli.mjs), or — when there is no
// build, or a source file changed after it — the TypeScript source through tsx, so the project never
// needs a build step by hand and an edit is never run stale.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function buildIsCurrent() {
  let builtAt;
  try {
    builtAt = fs.statSync(path.join(root, 'dist', 'built-at')).mtimeMs;
  } catch {
    return false;
  }
  return !changedSince(path.join(root, 'src'), builtAt);
}

/** Whether a file under `directory` changed after `time` (a plain walk: half the cost of a recursive readdir and path.join). */
function changedSince(directory, time) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const file = `${directory}/${entry.name}`;
    if (entry.isDirectory() ? changedSince(file, time) : entry.isFile() && fs.statSync(file).mtimeMs > time) return true;
  }
  return false;
}

// Node 22.1 and later keep compiled code between runs (a no-op on Node 20, which lacks it).
module.enableCompileCache?.();

const args = process.argv.slice(2);
const asksForHelpOnly = args.length === 1 && (args[0] === '--help' || args[0] === '-h');

if (buildIsCurrent()) {
  // The build wrote the command list from the commands' own definitions (scripts/build-cli.mjs).
  if (asksForHelpOnly && fs.existsSync(path.join(root, 'dist', 'help.txt'))) process.stdout.write(fs.readFileSync(path.join(root, 'dist', 'help.txt')));
  else await import(pathToFileURL(path.join(root, 'dist', 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
