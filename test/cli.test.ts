import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresForProcesses, scratchPostgres } from './helpers/database.ts';
import { CLI, freePort, runCli } from './helpers/processes.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-cli-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = {}, input?: string) => runCli(args, { DATA_DIR: dataDir, ...env }, input);

/** Starts the server and resolves with its output once it says it is listening. */
function startServer(port: number): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start'], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) } });
    children.push(child);
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('Coalition Desk on')) resolve({ child, output });
    });
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}

describe('coalition-desk command', () => {
  it('refuses to serve without PUBLIC_URL, in one clear line, since every absolute link is built from it', async () => {
    const missing = await run(['serve'], { PUBLIC_URL: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('coalition-desk: PUBLIC_URL is required with serve: the address people reach the platform at, e.g. https://desk.example.org');
  });

  it('fails to start with one clear line when DATABASE_URL is wrong', async () => {
    const bad = await run(['serve'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PUBLIC_URL: 'https://desk.example.org' });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^coalition-desk: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: /);
    const malformed = await run(['serve'], { DATABASE_URL: 'mysql://x', PUBLIC_URL: 'https://desk.example.org' });
    expect(malformed.stderr.trim()).toBe('coalition-desk: DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"');
  });

  it('starts on an empty data folder with the demo data and sign-ins, then reuses the data', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const signInsFile = path.join(dataDir, 'demo-sign-ins.txt');
    const lines = fs.readFileSync(signInsFile, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst']);
    for (const line of lines) {
      const [, email, password] = line.split(' ');
      expect(first.output).toContain(email);
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    }
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('87 partners');
    await stop(first.child);

    const second = await startServer(port);
    expect(second.output).toContain('Using the existing data');
    expect(fs.readFileSync(signInsFile, 'utf8').trim().split('\n')).toEqual(lines);
    await stop(second.child);
  }, 120_000);

  it('adds an administrator with a one-time password, refuses a bad role, and verifies the audit chain', async () => {
    const added = await run(['users', 'add', '--role', 'secretariat-admin', '--email', 'first.admin@example.org']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created secretariat-admin first.admin@example.org');
    expect(added.stdout).toMatch(/One-time password: [A-Za-z0-9]{20}/);
    const fromStdin = await run(['users', 'add', '--role', 'analyst', '--email', 'reader@example.org', '--password-stdin'], {}, 'a long enough passphrase\n');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).not.toContain('One-time password');
    const badRole = await run(['users', 'add', '--role', 'emperor', '--email', 'x@example.org']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role');
    const reload = await run(['load-reference-data']);
    expect(reload.code).toBe(1);
    expect(reload.stderr).toContain('the registry is not empty');
    const verify = await run(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout.trim()).toMatch(/^ok \d+ events$/);
  }, 120_000);

  it('writes a signed checkpoint of the audit chain and verifies the chain against it', async () => {
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyFile = path.join(dataDir, '..', `audit-key-${process.pid}.pem`);
    fs.writeFileSync(keyFile, key, { mode: 0o600 });
    const out = path.join(dataDir, 'checkpoint.json');
    try {
      const unsigned = await run(['audit', 'checkpoint', '--out', out]);
      expect(unsigned.code).toBe(1);
      expect(unsigned.stderr.trim()).toBe('coalition-desk: AUDIT_SIGNING_KEY must be set to sign checkpoints (openssl genpkey -algorithm ed25519)');
      const written = await run(['audit', 'checkpoint', '--out', out], { AUDIT_SIGNING_KEY: keyFile });
      expect(written.code).toBe(0);
      const checkpoint = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(written.stdout.trim()).toBe(`checkpoint of event ${checkpoint.seq} (${checkpoint.hash}) written to ${out}`);
      const verified = await run(['audit', 'verify', '--checkpoint', out], { AUDIT_SIGNING_KEY: key });
      expect(verified.code).toBe(0);
      expect(verified.stdout.trim()).toMatch(new RegExp(`^ok \\d+ events, reaching event ${checkpoint.seq} of the checkpoint taken ${checkpoint.writtenAt.replaceAll('.', '\\.')}$`));
      fs.writeFileSync(out, JSON.stringify({ ...checkpoint, seq: checkpoint.seq + 1 }));
      const altered = await run(['audit', 'verify', '--checkpoint', out], { AUDIT_SIGNING_KEY: key });
      expect(altered.code).toBe(1);
      expect(altered.stdout.trim()).toBe('not ok: the checkpoint’s signature does not match AUDIT_SIGNING_KEY');
    } finally {
      fs.rmSync(keyFile, { force: true });
      fs.rmSync(out, { force: true });
    }
  }, 240_000);

  it('imports contributions from a file all or nothing, naming each bad line, and imports reference rates', async () => {
    const file = path.join(dataDir, 'contributions.csv');
    fs.writeFileSync(file, 'campaign,partner,stage,amount,currency,date,source\n2021 Stabilization Pledge Drive,FRA,pledge,1000,EUR,2021-06-28,a\n2021 Stabilization Pledge Drive,Atlantis,pledge,5,USD,2021-06-28,b\n');
    const refused = await run(['funding', 'import', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The file was not imported: 1 problem found.');
    expect(refused.stderr).toContain('line 3, partner: no partner "Atlantis" (use the ISO code, e.g. FRA, or the name)');
    fs.writeFileSync(file, 'campaign,partner,stage,amount,currency,date,source\n2021 Stabilization Pledge Drive,FRA,pledge,1000,EUR,2021-06-28,a\n2021 Stabilization Pledge Drive,Italy,commitment,5,USD,2021-06-28,b\n');
    const imported = await run(['funding', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 2 contributions into 1 campaign\(s\) in \d+\.\d s\.$/m);

    const rates = path.join(dataDir, 'rates.csv');
    fs.writeFileSync(rates, 'Date,USD,CHF,\n2021-07-01,1.1884,1.0963,\n');
    const ratesImported = await run(['funding', 'rates', rates, '--source', 'ECB extract']);
    expect(ratesImported.stdout.trim()).toBe('Imported 2 rates for CHF, USD from 2021-07-01 to 2021-07-01.');
    expect((await run(['audit', 'verify'])).code).toBe(0);
  }, 120_000);

  it('backs up the data folder, restores it into an empty one exactly, and refuses to overwrite data', async () => {
    const backup = path.join(dataDir, 'all.backup');
    const written = await run(['backup', backup]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^Backed up \d+ rows of \d+ tables to .*all\.backup \(\d+\.\d MB\)\.$/m);
    expect(written.stderr).toContain('wrote audit_events:');
    const again = await run(['backup', backup]);
    expect(again.stderr.trim()).toBe(`coalition-desk: ${backup} exists already; choose a new name (a backup never overwrites one)`);

    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-restored-'));
    try {
      const restored = await run(['restore', backup], { DATA_DIR: elsewhere });
      expect(restored.code, restored.stderr).toBe(0);
      const rows = /Backed up (\d+) rows of (\d+) tables/.exec(written.stdout) ?? [];
      expect(restored.stdout.trim()).toBe(`Restored ${rows[1]} rows of ${rows[2]} tables from ${backup}.`);
      expect((await run(['audit', 'verify'], { DATA_DIR: elsewhere })).stdout).toBe((await run(['audit', 'verify'])).stdout);
      const refused = await run(['restore', backup], { DATA_DIR: elsewhere });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^coalition-desk: the database is not empty \(\d+ tables hold rows, e\.g\. .*\): restore into an empty database, or pass --force to replace everything in it$/m);
      expect((await run(['restore', backup, '--force'], { DATA_DIR: elsewhere })).code).toBe(0);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 180_000);

  it('moves the embedded database to PostgreSQL with migrate-to', async (test) => {
    if (!postgresForProcesses('migrate-to')) return test.skip();
    const target = await scratchPostgres('cd_migrate');
    try {
      const moved = await run(['migrate-to', target.url]);
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toMatch(/^Copied \d+ rows of \d+ tables to 127\.0\.0\.1:5432\/cd_migrate_\w+\. Set DATABASE_URL to it to serve from there\.$/m);
      const onPostgres = await run(['audit', 'verify'], { DATABASE_URL: target.url });
      expect(onPostgres.stdout).toBe((await run(['audit', 'verify'])).stdout);
      const twice = await run(['migrate-to', target.url]);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('the database is not empty');
    } finally {
      await target.drop();
    }
  }, 180_000);
});
