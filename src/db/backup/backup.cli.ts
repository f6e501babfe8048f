import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { type Database, openPostgres } from '../client.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

/** Opens the configured database for a command (the entry reads the configuration, not storage). */
type WithDatabase = <T>(work: (database: Database) => Promise<T>) => Promise<T>;

/** Progress on standard error, one line per table, so standard output stays the result. */
const progress = (verb: string) => (table: string, rows: number) => process.stderr.write(`  ${verb} ${table}: ${rows} rows\n`);

export function registerBackupCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('backup')
    .description('Write every table (the audit trail included) to FILE: gzip-compressed JSON lines with a checksum')
    .argument('<file>', 'where to write the backup (must not exist)')
    .action((file: string) =>
      withDatabase(async (database) => {
        try {
          const result = await backupDatabase(database.db, file, progress('wrote'));
          console.log(`Backed up ${result.rows} rows of ${result.tables} tables to ${file} (${(result.bytes / 1_048_576).toFixed(1)} MB).`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('restore')
    .description('Replace the database contents with a backup, in one transaction; refuses a damaged file, and a database holding data without --force')
    .argument('<file>', 'a backup written by `coalition-desk backup`')
    .option('--force', 'empty a database that holds data before restoring')
    .action((file: string, options: { force?: boolean }) =>
      withDatabase(async (database) => {
        try {
          const result = await restoreDatabase(database.db, file, { force: options.force, onTable: progress('restored') });
          console.log(`Restored ${result.rows} rows of ${result.tables} tables from ${file}.`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('migrate-to')
    .description('Copy this database (the embedded one in DATA_DIR, or DATABASE_URL) into the PostgreSQL at URL, for a secretariat that outgrows one machine')
    .argument('<url>', 'postgres://… of an empty database (migrated here first)')
    .option('--force', 'empty the target database if it holds data')
    .action((url: string, options: { force?: boolean }) =>
      withDatabase(async (source) => {
        // Through a checked backup file: bounded memory, and the same checks as a restore.
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-migrate-'));
        const file = path.join(folder, 'copy.backup');
        let target: Database | null = null;
        try {
          await backupDatabase(source.db, file, progress('read'));
          target = await openPostgres(url);
          await target.migrate();
          const result = await restoreDatabase(target.db, file, { force: options.force, onTable: progress('copied') });
          console.log(`Copied ${result.rows} rows of ${result.tables} tables to ${new URL(url).host}${new URL(url).pathname}. Set DATABASE_URL to it to serve from there.`);
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
          await target?.close();
          await source.close();
        }
      }),
    );
}
