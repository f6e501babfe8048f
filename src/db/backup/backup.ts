import fs from 'node:fs';
import type { Db } from '../client.ts';
import { BackupFileError, BackupWriter } from './backup-file.ts';
import { dumpDatabase } from './dump.ts';

/**
 * Writes a backup of every table to `file`. It is written beside as `file.partial` and renamed when
 * complete, so a backup interrupted half-way never passes for a whole one. An existing file is kept.
 */
export async function backupDatabase(db: Db, file: string, onTable?: (table: string, rows: number) => void): Promise<{ rows: number; tables: number; bytes: number }> {
  if (fs.existsSync(file)) throw new BackupFileError(`${file} exists already; choose a new name (a backup never overwrites one)`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const writer = new BackupWriter(partial);
  try {
    await dumpDatabase(db, writer, onTable);
    const counts = await writer.finish();
    fs.renameSync(partial, file);
    return { rows: Object.values(counts).reduce((sum, n) => sum + n, 0), tables: Object.keys(counts).length, bytes: fs.statSync(file).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
