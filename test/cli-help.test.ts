/**
 * `coalition-desk --help` prints the command list the build wrote from the commands' own definitions
 * (scripts/build-cli.mjs), without loading them: it must list every command exactly as loading them does.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/processes.ts';

describe('coalition-desk --help', () => {
  it('lists every command as the commands themselves describe them', { timeout: 60_000 }, async () => {
    const shown = await runCli(['--help'], { COLUMNS: '80' });
    expect(shown.code).toBe(0);
    // The same program run from its source, which registers every command module before printing.
    const live = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli.ts'), '--help'], { env: { ...process.env, COLUMNS: '80' }, encoding: 'utf8' });
    expect(live.status).toBe(0);
    expect(shown.stdout).toBe(live.stdout);
    for (const command of ['start', 'serve', 'users', 'audit', 'funding', 'screen', 'ingest', 'backup', 'restore', 'migrate-to']) expect(shown.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
});
