import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';

/**
 * Several server processes on one port (`WORKERS`), as the architecture's scale-out has them: every
 * process is stateless, so they share sessions, rate limits and jobs through PostgreSQL, and each drops
 * its copies of rows on the database's change notices. One Node.js process answers on one core; with
 * one worker per core a page waits for the pages queued before it on its own core only.
 *
 * The process the command started supervises: it forks the workers once the database is migrated,
 * starts a new one when one dies, and passes SIGINT/SIGTERM on, so each finishes what it is answering.
 */

/** Set in the environment of the one worker that also does the background work (server.ts). */
export const BACKGROUND_WORKER = 'COALITION_DESK_BACKGROUND_WORKER';

/** More deaths than this within the window means the workers cannot start (a bad setting, no database). */
const DEATHS_TOLERATED = 5;
const DEATH_WINDOW_MS = 60_000;
const RESTART_DELAY_MS = 500;
const SHUTDOWN_GRACE_MS = 15_000;

/** Whether this process is a worker started by `superviseWorkers`, and whether it does the background work. */
export function workerRole(): { worker: boolean; backgroundWork: boolean } {
  return { worker: cluster.isWorker, backgroundWork: !cluster.isWorker || process.env[BACKGROUND_WORKER] === '1' };
}

/** Forks `config.workers` workers running this same command; resolves with their port once each of them listens. */
export function superviseWorkers(config: Config): Promise<number> {
  const doesBackgroundWork = new Map<number, boolean>();
  let deaths: number[] = [];
  let stopping = false;

  const fork = (backgroundWork: boolean): Worker => {
    const worker = cluster.fork({ LOG_LEVEL: config.logLevel, [BACKGROUND_WORKER]: backgroundWork ? '1' : '0' });
    doesBackgroundWork.set(worker.id, backgroundWork);
    return worker;
  };
  const running = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const forceExit = setTimeout(() => process.exit(exitCode || 1), SHUTDOWN_GRACE_MS);
    forceExit.unref();
    const workers = running();
    if (!workers.length) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (!running().length) process.exit(exitCode);
    });
  };
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));

  cluster.on('exit', (worker, code, signal) => {
    const backgroundWork = doesBackgroundWork.get(worker.id) ?? false;
    doesBackgroundWork.delete(worker.id);
    if (stopping) return;
    const now = Date.now();
    deaths = [...deaths.filter((at) => now - at < DEATH_WINDOW_MS), now];
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    if (deaths.length > DEATHS_TOLERATED) {
      console.error(`coalition-desk: worker ${worker.process.pid} stopped (${how}); ${deaths.length} workers stopped within a minute, so the server stops`);
      stop(1);
      return;
    }
    console.error(`coalition-desk: worker ${worker.process.pid} stopped (${how}); starting another`);
    setTimeout(() => {
      if (!stopping) fork(backgroundWork);
    }, RESTART_DELAY_MS);
  });

  return new Promise((resolve) => {
    let listening = 0;
    const counted = (_worker: Worker, address: { port: number }) => {
      listening++;
      if (listening === config.workers) {
        cluster.off('listening', counted);
        resolve(address.port);
      }
    };
    cluster.on('listening', counted);
    for (let index = 0; index < config.workers; index++) fork(index === 0);
  });
}
