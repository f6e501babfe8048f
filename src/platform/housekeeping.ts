import { lt } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loginFailures } from '../db/schema/identity.ts';
import { deleteExpiredSessions } from './session.ts';

const INTERVAL_MS = 15 * 60_000;

/** Deletes dead sessions and login failures older than the throttling window. Safe to run from every process. */
export async function sweepExpiredRecords(db: Db, config: Config): Promise<{ sessions: number; loginFailures: number }> {
  const sessions = await deleteExpiredSessions(db, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
  const cutoff = new Date(Date.now() - config.loginWindowMinutes * 60_000);
  const failures = await db.delete(loginFailures).where(lt(loginFailures.at, cutoff)).returning({ id: loginFailures.id });
  return { sessions, loginFailures: failures.length };
}

/** Runs the sweep every quarter hour while the server runs; returns the function that stops it. */
export function startHousekeeping(db: Db, config: Config, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => sweepExpiredRecords(db, config).catch(onError), INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
