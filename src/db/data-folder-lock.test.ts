import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseConnectionError, openPglite } from './client.ts';
import { DataFolderInUse, LOCK_FILE, lockDataFolder } from './data-folder-lock.ts';

const folders: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-lock-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** The PID of a process that has come and gone: what a crashed server leaves in its lock file. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the embedded database’s data folder', () => {
  // A new data folder means a new database cluster: 4–6 s on an idle machine, far more on a busy one.
  it('cannot be opened a second time while open, with a message that says who holds it and what to do', { timeout: 180_000 }, async () => {
    const dir = folder();
    const first = await openPglite({ dataDir: dir });
    try {
      const second = openPglite({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DatabaseConnectionError);
      await expect(second).rejects.toThrow(
        `the data folder ${dir} is in use by process ${process.pid} (a running server, backup or other command). Stop it first; to run several processes, use PostgreSQL (DATABASE_URL).`,
      );
    } finally {
      await first.close();
    }
    // Closed, it is free again.
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const reopened = await openPglite({ dataDir: dir });
    await reopened.close();
  });

  it('is not blocked for ever by the lock of a process that crashed', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${deadPid()}\n`);
    const release = lockDataFolder(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUse);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
