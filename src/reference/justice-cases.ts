import countries from 'i18n-iso-countries';
import type { Db } from '../db/client.ts';
import { systemActor } from '../platform/actor.ts';
import { appendAudit } from '../platform/audit.ts';
import { firstDay, lastDay } from '../modules/justice/justice-periods.ts';
import { splitSources } from '../modules/justice/justice-csv.ts';
import { partnerIdOfState } from '../modules/justice/justice-states.ts';
import { insertJustice } from '../modules/justice/justice.repo.ts';
import type { JusticeKind, LegalBasis } from '../modules/justice/justice.schema.ts';
import { readCsv } from '../db/seed/data-files.ts';

/** States the ISO tables do not name as the file writes them. */
const STATE_CODES: Record<string, string> = { Kosovo: 'XKX', Syria: 'SYR' };

/**
 * Loads justice_cases.csv: 40 public, sourced figures and judgments on prosecutions of ISIS members
 * (see justice_README.md beside it). Public facts, verified as loaded. UNITAD's counts are kept and
 * marked as overlapping the states' own figures, never added to them.
 */
export async function loadJusticeCases(tx: Db): Promise<number> {
  let loaded = 0;
  for (const row of readCsv('justice_cases.csv')) {
    const state = row.state ?? '';
    const mechanism = state === 'UN' ? 'UNITAD' : null;
    const stateIso3 = mechanism ? null : (STATE_CODES[state] ?? countries.getAlpha3Code(state, 'en') ?? null);
    if (!mechanism && !stateIso3) throw new Error(`justice_cases.csv: unknown state ${state}`);
    const periodStart = row.period_start || null;
    const periodEnd = row.period_end ?? '';
    await insertJustice(tx, {
      stateIso3,
      mechanism,
      partnerId: stateIso3 ? await partnerIdOfState(tx, stateIso3) : null,
      periodStart,
      periodEnd,
      startDay: periodStart ? firstDay(periodStart) : null,
      endDay: lastDay(periodEnd),
      kind: row.kind as JusticeKind,
      count: row.count ? Number(row.count) : null,
      legalBasis: (row.legal_basis || null) as LegalBasis | null,
      courtOrBody: row.court_or_body ?? '',
      description: row.description ?? '',
      sources: splitSources(row.source ?? ''),
      confidence: row.confidence || null,
      overlapsNational: Boolean(mechanism),
      status: 'verified',
      classification: 'public',
    });
    loaded++;
  }
  await appendAudit(tx, systemActor('system (reference data)'), { action: 'reference-data.loaded', entityType: 'justice-record', detail: { justiceRecords: loaded, source: 'shared coalition reference data on prosecutions and trials, as of 2026-11; each figure cites its own sources' } });
  return loaded;
}
