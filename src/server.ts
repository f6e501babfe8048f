import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { startScreeningWorker } from './modules/screening/batches.service.ts';
import { startHousekeeping } from './platform/housekeeping.ts';
import { startAuditCheckpoints } from './platform/audit-checkpoint.ts';

type Log = Parameters<typeof startAuditCheckpoints>[2];

/**
 * The work a server does besides answering: sweeping expired records, screening uploaded batches (those
 * left half-screened by a previous run are picked up again) and writing the audit chain's head to the log
 * every hour and at shutdown, to be shipped off the host (README). Returns what stops it: the first part
 * before the server stops answering, the last checkpoint after.
 */
function startBackgroundWork(database: Database, config: Config, log: Log): { stop(): void; finish(): Promise<void> } {
  const stopHousekeeping = startHousekeeping(database.db, config, (error) => log.error({ err: error }, 'housekeeping failed'));
  const stopCheckpoints = startAuditCheckpoints(database.db, config.auditSigningKey, log);
  const stopScreening = startScreeningWorker(database.db, (error) => log.error({ err: error }, 'screening worker failed'));
  return {
    stop() {
      stopHousekeeping();
      stopScreening();
    },
    finish: stopCheckpoints,
  };
}

/**
 * Listens until SIGINT/SIGTERM, then stops taking requests, lets running ones finish and closes the database.
 * Of several worker processes (server-workers.ts) only one does the background work (`backgroundWork`).
 */
export async function serve(database: Database, config: Config, { backgroundWork = true } = {}): Promise<void> {
  const app = await buildApp({ db: database.db, config, poolStats: () => database.poolStats(), listen: database.listen });
  const background = backgroundWork ? startBackgroundWork(database, config, app.log) : null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    background?.stop();
    await app.close();
    await background?.finish();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}
