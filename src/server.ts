import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { startScreeningWorker } from './modules/screening/batches.service.ts';
import { startHousekeeping } from './platform/housekeeping.ts';
import { startAuditCheckpoints } from './platform/audit-checkpoint.ts';

/** Listens until SIGINT/SIGTERM, then stops taking requests, lets running ones finish and closes the database. */
export async function serve(database: Database, config: Config): Promise<void> {
  const app = await buildApp({ db: database.db, config, poolStats: () => database.poolStats(), listen: database.listen });
  const stopHousekeeping = startHousekeeping(database.db, config, (error) => app.log.error({ err: error }, 'housekeeping failed'));
  // Batches left half-screened by a previous run are picked up again here.
  // The chain's head goes to the log every hour and at shutdown, to be shipped off the host (README).
  const stopCheckpoints = startAuditCheckpoints(database.db, config.auditSigningKey, app.log);
  const stopScreening = startScreeningWorker(database.db, (error) => app.log.error({ err: error }, 'screening worker failed'));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    stopHousekeeping();
    stopScreening();
    await app.close();
    await stopCheckpoints();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}
