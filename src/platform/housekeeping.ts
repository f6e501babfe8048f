import { lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginFailures, rateLimitCounters } from '../db/schema/identity.ts';
import { deleteExpiredSessions, type SessionSettings, sessionTimeouts } from './session.ts';
import { sweepUsedSignInFormTokens } from './sign-in-form-token.ts';

const INTERVAL_MS = 15 * 60_000;

/** What the sweep needs to know: how long sessions last and how far back failed sign-ins count. */
export interface HousekeepingSettings extends SessionSettings {
  readonly loginWindowMinutes: number;
}

/**
 * Deletes dead sessions, login failures older than the throttling window and rate-limit counters whose
 * minute ended long ago. Safe to run from every process.
 */
export async function sweepExpiredRecords(db: Db, config: HousekeepingSettings): Promise<{ sessions: number; loginFailures: number; rateLimitCounters: number }> {
  const sessions = await deleteExpiredSessions(db, sessionTimeouts(config));
  const cutoff = new Date(Date.now() - config.loginWindowMinutes * 60_000);
  const failures = await db.delete(loginFailures).where(lt(loginFailures.at, cutoff)).returning({ id: loginFailures.id });
  await sweepUsedSignInFormTokens(db);
  const counters = await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, new Date(Date.now() - 3_600_000))).returning({ key: rateLimitCounters.key });
  return { sessions, loginFailures: failures.length, rateLimitCounters: counters.length };
}

/** Runs the sweep every quarter hour while the server runs; returns the function that stops it. */
export function startHousekeeping(db: Db, config: HousekeepingSettings, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => sweepExpiredRecords(db, config).catch(onError), INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
