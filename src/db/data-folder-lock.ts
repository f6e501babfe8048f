import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database (PGlite) must be opened by one process at a time: two servers on one data
 * folder, or a backup while the server runs, would corrupt it. A lock file holding the owner's PID
 * says who has it; a lock whose process is gone (a crash, SIGKILL) is stale and taken over.
 */
export const LOCK_FILE = 'coalition-desk.lock';

export class DataFolderInUse extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data folder's lock or throws DataFolderInUse; returns the function that releases it. */
export function lockDataFolder(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readOwner(file) === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && isRunning(owner)) {
      throw new DataFolderInUse(
        `the data folder ${dataDir} is in use by process ${owner} (a running server, backup or other command). Stop it first; to run several processes, use PostgreSQL (DATABASE_URL).`,
      );
    }
    // Stale: its process is gone. Remove it and try again (another process may win the race; then it is in use).
    fs.rmSync(file, { force: true });
  }
  throw new DataFolderInUse(`the data folder ${dataDir} is being opened by another process; try again`);
}
