import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Tables kept by triggers from other tables (derived data), each with the transaction-local setting
 * its trigger function reads to stand aside. The triggers and their settings are declared in the
 * migrations, so storage owns this list: whatever loads rows in bulk — a restore, which brings the
 * derived rows with it, or an import, which rebuilds them once at the end — turns them off here
 * without knowing which module reads them.
 */
export const DERIVED_TABLE_SETTINGS = {
  /** funding_totals, from funding_contributions (migration 0006_funding_totals_triggers). */
  fundingTotals: 'coalition_desk.defer_funding_totals',
} as const;

export type DerivedTable = keyof typeof DERIVED_TABLE_SETTINGS;

/** Stops the triggers of the given derived tables (all of them by default) until this transaction ends. */
export async function deferDerivedTables(tx: Db, tables: readonly DerivedTable[] = Object.keys(DERIVED_TABLE_SETTINGS) as DerivedTable[]): Promise<void> {
  for (const table of tables) await tx.execute(sql`select set_config(${DERIVED_TABLE_SETTINGS[table]}, 'on', true)`);
}

/** Lets the triggers of the given derived tables run again within this transaction. */
export async function resumeDerivedTables(tx: Db, tables: readonly DerivedTable[]): Promise<void> {
  for (const table of tables) await tx.execute(sql`select set_config(${DERIVED_TABLE_SETTINGS[table]}, 'off', true)`);
}
