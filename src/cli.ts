import { Command } from 'commander';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';

// Start-up: every command's modules are imported when it runs, not before, so a quick command such as
// `coalition-desk ingest FILE --json` loads the extractor only, never the server, the database or the
// other modules (bench/README.md, "Command-line start-up").

async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('./config.ts');
  const { openDatabase } = await import('./db/client.ts');
  const config = loadConfig();
  const database = await openDatabase(config);
  await database.migrate();
  return work(database, config);
}
/**
 * `start` and `serve`: migrates, lets the command prepare the database (and adjust the settings), then
 * serves in this process or, with WORKERS above one, in that many worker processes. A worker runs this
 * same command again: it opens the database the first process prepared and serves. Resolves with the
 * settings served with, once listening (in the first process only).
 */
async function serveCommand(prepare: (database: Database, config: Config) => Promise<Config>): Promise<Config | null> {
  const { superviseWorkers, workerRole } = await import('./server-workers.ts');
  const { serve } = await import('./server.ts');
  const role = workerRole();
  if (role.worker) {
    const { loadConfig } = await import('./config.ts');
    const { openDatabase } = await import('./db/client.ts');
    const config = loadConfig();
    await serve(await openDatabase(config), config, { backgroundWork: role.backgroundWork });
    return null;
  }
  return withDatabase(async (database, loaded) => {
    const config = await prepare(database, loaded);
    if (config.workers > 1) {
      await database.close();
      await superviseWorkers(config);
    } else {
      await serve(database, config);
    }
    return config;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

const program = new Command('coalition-desk').description('Coalition Desk: the secretariat platform of a multinational coalition');

/** The platform's own commands (start, serve, migrate, accounts), registered unless another module's command is asked for. */
async function registerCoreCommands(): Promise<void> {
  const { ROLES } = await import('./db/schema/identity.ts');

  program
    .command('start')
    .description('Serve on the embedded database (./data), loading the demo data set on first start')
    .action(() =>
      serveCommand(async (database, config) => {
        const { isEmptyDatabase, loadDemoData, writeDemoSignIns } = await import('./demo/demo.ts');
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
        // `start` is for trying the platform: a quieter log than `serve`'s unless asked for.
        return { ...config, logLevel: process.env.LOG_LEVEL ?? 'warn' };
      }).then((config) => {
        if (config) console.log(`Coalition Desk on http://localhost:${config.port}${config.workers > 1 ? ` (${config.workers} worker processes)` : ''}`);
      }),
    );

  program
    .command('serve')
    .description('Serve in production: migrates, loads no demo data (use DATABASE_URL for PostgreSQL)')
    .action(async () => {
      (await import('./config.ts')).requirePublicUrl();
      const config = await serveCommand(async (_database, loaded) => loaded);
      if (config && config.workers > 1) console.log(`Coalition Desk: ${config.workers} worker processes listening on ${config.host}:${config.port}`);
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
        const { countVisible } = await import('./modules/partners/partners.repo.ts');
        const { loadReferenceData } = await import('./reference/reference-data.ts');
        const { systemActor } = await import('./platform/actor.ts');
        const { InvalidInput } = await import('./platform/errors.ts');
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
        const { findPartnerByKey } = await import('./modules/partners/partners.repo.ts');
        const { createUser } = await import('./modules/users/users.service.ts');
        const { systemActor } = await import('./platform/actor.ts');
        const { InvalidInput } = await import('./platform/errors.ts');
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
}

/**
 * The other modules' commands, each registered by its module's `register…Commands`. A module is imported
 * only for the command it registers (or for --help, which lists them all).
 */
const COMMAND_MODULES: { commands: string[]; register: () => Promise<void> }[] = [
  { commands: ['audit'], register: async () => (await import('./modules/audit/audit.cli.ts')).registerAuditCommands(program, withDatabase, async () => (await import('./config.ts')).loadConfig()) },
  { commands: ['funding'], register: async () => (await import('./modules/funding/funding.cli.ts')).registerFundingCommands(program, withDatabase) },
  { commands: ['screening-import', 'screen'], register: async () => (await import('./modules/screening/screening.cli.ts')).registerScreeningCommands(program, withDatabase) },
  { commands: ['ingest'], register: async () => (await import('./modules/ingest/ingest.cli.ts')).registerIngestCommands(program) },
  { commands: ['backup', 'restore', 'migrate-to'], register: async () => (await import('./db/backup/backup.cli.ts')).registerBackupCommands(program, withDatabase) },
];

/** What the user reads when a command fails: the error's own message for the ones made to be read, the whole error otherwise. */
async function report(error: unknown): Promise<void> {
  const { ImportRejected } = await import('./platform/csv-import.ts');
  const { ListFileError } = await import('./modules/screening/list-files.ts');
  const { BackupFileError } = await import('./db/backup/backup-file.ts');
  const { RestoreRefused } = await import('./db/backup/restore.ts');
  const { ConfigError } = await import('./config.ts');
  const { DatabaseConnectionError } = await import('./db/client.ts');
  const { HttpProblem, InvalidInput } = await import('./platform/errors.ts');
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
}

const requested = process.argv.slice(2).find((argument) => !argument.startsWith('-'));
const own = COMMAND_MODULES.filter((module) => requested !== undefined && module.commands.includes(requested));
if (!own.length) await registerCoreCommands();
for (const module of own.length ? own : COMMAND_MODULES) await module.register();

program.parseAsync().catch(async (error: unknown) => {
  await report(error);
  process.exit(1);
});
