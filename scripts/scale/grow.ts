/** Adds `factor` units of generated data (plan.ts) to a database that holds the demo data set. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { appendAuditEvents } from './audit-events.ts';
import { PER_FACTOR, planFor, type ScalePlan, totalRows } from './plan.ts';
import { insertContributions, insertIncidents, insertMeetings, insertScreeningBatches, insertTaskings } from './records.ts';

export interface GrowProgress {
  start(totalRows: number): void;
  advance(rows: number, step: string): void;
}

export async function growDatabase(db: Db, factor: number, progress: GrowProgress, perUnit: ScalePlan = PER_FACTOR): Promise<{ rows: number; tag: string }> {
  // Told apart from earlier runs in titles and sources, so a second run adds rather than collides.
  const tag = `scale-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const plan = planFor(factor, perUnit);
  progress.start(totalRows(plan));
  const advance = (step: string) => (rows: number) => progress.advance(rows, step);
  const { meetingIds, readoutIds } = await db.transaction((tx) => insertMeetings(tx, plan, tag, advance('meetings and readouts')));
  const taskingIds = await db.transaction((tx) => insertTaskings(tx, plan, tag, meetingIds, advance('taskings')));
  await insertContributions(db, plan, tag, advance('contributions'));
  await insertIncidents(db, plan, tag, advance('incidents'));
  await insertScreeningBatches(db, plan, tag, advance('screening batches'));
  await appendAuditEvents(db, plan.auditEvents, tag, { meetingIds, readoutIds, taskingIds }, advance('audit events'));
  progress.advance(0, 'statistics');
  // As autovacuum would have by then: planner statistics and a visibility map for index-only counts.
  await db.execute(sql`VACUUM ANALYZE`);
  return { rows: totalRows(plan), tag };
}
