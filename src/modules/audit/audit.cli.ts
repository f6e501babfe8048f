import fs from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../../db/client.ts';
import { parseCheckpoint, takeCheckpoint, verifyAgainstCheckpoint } from '../../platform/audit-checkpoint.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { InvalidInput } from '../../platform/errors.ts';

/** What the audit commands need of the configuration, read at the entry (src/cli.ts). */
export interface AuditSettings {
  /** PEM text of the Ed25519 key that signs and checks checkpoints (AUDIT_SIGNING_KEY). */
  auditSigningKey?: string | undefined;
}

type WithDatabase = <T>(work: (database: Database, settings: AuditSettings) => Promise<T>) => Promise<T>;

/** `settings` reads the configuration without opening the database, for what is told before it is opened. */
export function registerAuditCommands(program: Command, withDatabase: WithDatabase, settings: () => Promise<AuditSettings>): void {
  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Check the hash chain of the audit trail; with --checkpoint, also that it still reaches the checkpoint’s event with its hash')
    .option('--checkpoint <file>', 'a checkpoint written by `audit checkpoint` (signature checked with AUDIT_SIGNING_KEY)')
    .action((options: { checkpoint?: string }) => {
      // Read the file first: a wrong path is told before the database is opened.
      const checkpoint = options.checkpoint ? parseCheckpoint(readFile(options.checkpoint, '--checkpoint')) : null;
      return withDatabase(async (database, config) => {
        const verdict = await verifyAuditChain(database.db);
        const anchored = checkpoint && verdict.ok ? await verifyAgainstCheckpoint(database.db, checkpoint, config.auditSigningKey) : null;
        await database.close();
        if (!verdict.ok) {
          console.log(`broken at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.count} events before it check out)`);
          process.exitCode = 1;
        } else if (anchored && !anchored.ok) {
          console.log(`not ok: ${anchored.reason}`);
          process.exitCode = 1;
        } else {
          console.log(`ok ${verdict.count} events${checkpoint ? `, reaching event ${checkpoint.seq} of the checkpoint taken ${checkpoint.writtenAt}` : ''}`);
        }
      });
    });
  audit
    .command('checkpoint')
    .description('Write the head of the audit chain (sequence, hash, time), signed with AUDIT_SIGNING_KEY, to a file to keep off the host')
    .requiredOption('--out <file>', 'where to write the checkpoint (never overwritten)')
    .action(async (options: { out: string }) => {
      // Told before the database is opened.
      if (!(await settings()).auditSigningKey) throw new InvalidInput([{ field: 'AUDIT_SIGNING_KEY', message: 'must be set to sign checkpoints (openssl genpkey -algorithm ed25519)' }]);
      return withDatabase(async (database, config) => {
        const checkpoint = await takeCheckpoint(database.db, config.auditSigningKey);
        await database.close();
        fs.writeFileSync(options.out, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
        console.log(`checkpoint of event ${checkpoint.seq} (${checkpoint.hash}) written to ${options.out}`);
      });
    });
}

function readFile(file: string, field: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new InvalidInput([{ field, message: `cannot read ${file}` }]);
  }
}
