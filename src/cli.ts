import { Command } from 'commander';
import { registerFundingCommands } from './modules/funding/funding.cli.ts';
import { registerScreeningCommands } from './modules/screening/screening.cli.ts';
import { registerIngestCommands } from './modules/ingest/ingest.cli.ts';
import { registerBackupCommands } from './db/backup/backup.cli.ts';
import { registerAuditCommands } from './modules/audit/audit.cli.ts';
import { BackupFileError } from './db/backup/backup-file.ts';
import { RestoreRefused } from './db/backup/restore.ts';
import { ListFileError } from './modules/screening/list-files.ts';
import { ImportRejected } from './platform/csv-import.ts';
import { ConfigError, loadConfig, requirePublicUrl } from './config.ts';
import { DatabaseConnectionError, type Database, openDatabase } from './db/client.ts';
import { isEmptyDatabase, loadDemoData, writeDemoSignIns } from './db/seed/demo.ts';
import { createUser } from './modules/users/users.service.ts';
import { countVisible, findPartnerByKey } from './modules/partners/partners.repo.ts';
import { loadReferenceData } from './db/seed/reference-data.ts';
import { systemActor } from './platform/actor.ts';
import { HttpProblem, InvalidInput } from './platform/errors.ts';
import { serve } from './server.ts';
import { ROLES } from './db/schema/identity.ts';

async function withDatabase<T>(work: (database: Database, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await database.migrate();
  return work(database, config);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

const program = new Command('coalition-desk').description('Coalition Desk: the secretariat platform of a multinational coalition');

program
  .command('start')
  .description('Serve on the embedded database (./data), loading the demo data set on first start')
  .action(() =>
    withDatabase(async (database, config) => {
      if (await isEmptyDatabase(database.db)) {
        console.log('Empty database: loading the demo data set…');
        const signIns = await loadDemoData(database.db);
        const file = config.databaseUrl ? null : writeDemoSignIns(config.dataDir, signIns);
        console.log('\nDemo sign-ins (also in %s):', file ?? '(not written: not the embedded database)');
        for (const s of signIns) console.log(`  ${s.role.padEnd(20)} ${s.email.padEnd(36)} ${s.password}`);
        console.log('');
      } else {
        console.log(`Using the existing data${config.databaseUrl ? '' : ` in ${config.dataDir} (sign-ins: ${config.dataDir}/demo-sign-ins.txt)`}.`);
      }
      await serve(database, { ...config, logLevel: process.env.LOG_LEVEL ?? 'warn' });
      console.log(`Coalition Desk on http://localhost:${config.port}`);
    }),
  );

program
  .command('serve')
  .description('Serve in production: migrates, loads no demo data (use DATABASE_URL for PostgreSQL)')
  .action(() => {
    requirePublicUrl();
    return withDatabase((database, config) => serve(database, config));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() =>
    withDatabase(async (database) => {
      console.log('Migrations applied.');
      await database.close();
    }),
  );

program
  .command('load-reference-data')
  .description("Load the coalition's public reference facts (partners, groups, co-leads, with sources) into an empty registry")
  .action(() =>
    withDatabase(async (database) => {
      if ((await countVisible(database.db, systemActor()).then((c) => c.partners)) > 0) {
        throw new InvalidInput([{ field: 'partners', message: 'the registry is not empty; import changes with the partners CSV import instead' }]);
      }
      const loaded = await loadReferenceData(database.db);
      console.log(`Loaded ${loaded.partners} partners and ${loaded.groups} groups.`);
      await database.close();
    }),
  );

const users = program.command('users').description('Manage accounts');
users
  .command('add')
  .description('Create an account; prints a one-time password, or reads the password from standard input with --password-stdin')
  .requiredOption('--email <email>', 'e-mail address used to sign in')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .option('--name <name>', 'display name (defaults to the e-mail address)')
  .option('--partner <iso3>', 'ISO 3166-1 alpha-3 code of the partner a delegate or co-chair speaks for')
  .option('--password-stdin', 'read the password from standard input')
  .action((options: { email: string; role: string; name?: string; partner?: string; passwordStdin?: boolean }) =>
    withDatabase(async (database) => {
      let partnerId: string | null = null;
      if (options.partner) {
        const partner = await findPartnerByKey(database.db, { iso3: options.partner.toUpperCase(), nameEn: options.partner });
        if (!partner) throw new InvalidInput([{ field: '--partner', message: `no partner with code ${options.partner}` }]);
        partnerId = partner.id;
      }
      const password = options.passwordStdin ? await readStdin() : undefined;
      const { user, oneTimePassword } = await createUser(database.db, systemActor(), {
        email: options.email,
        displayName: options.name ?? options.email,
        role: options.role,
        partnerId,
        password,
      });
      console.log(`Created ${user.role} ${user.email}. A second factor must be set up at first sign-in.`);
      if (oneTimePassword) console.log(`One-time password: ${oneTimePassword}`);
      await database.close();
    }),
  );

registerAuditCommands(program, withDatabase);
registerFundingCommands(program, withDatabase);
registerScreeningCommands(program, withDatabase);
registerIngestCommands(program);
registerBackupCommands(program, withDatabase);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ImportRejected) {
    console.error(`coalition-desk: ${error.message}`);
    for (const row of error.rows) console.error(`  line ${row.line}, ${row.field}: ${row.message}`);
  } else if (error instanceof ListFileError || error instanceof BackupFileError || error instanceof RestoreRefused) {
    console.error(`coalition-desk: ${error.message}`);
  } else if (error instanceof ConfigError || error instanceof DatabaseConnectionError) {
    console.error(`coalition-desk: ${error.message}`);
  } else if (error instanceof InvalidInput) {
    console.error(`coalition-desk: ${error.fields.map((f) => `${f.field} ${f.message}`).join('; ')}`);
  } else if (error instanceof HttpProblem) {
    console.error(`coalition-desk: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
