import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { authorize } from '../../platform/authz.ts';
import { toCsv } from '../../platform/csv.ts';
import { ImportRejected, readCsvRecords, type RowProblem } from '../../platform/csv-import.ts';
import { HttpProblem, InvalidInput } from '../../platform/errors.ts';
import * as repo from './threats.repo.ts';
import { ATTRIBUTIONS } from './threats.schema.ts';
import { createIncident } from './threats.service.ts';

/** The columns of an incidents file, in export order; the first six are required on import. */
export const INCIDENT_COLUMNS = ['date', 'branch', 'attribution', 'country', 'source_title', 'source_publisher', 'region', 'time', 'time_zone', 'city', 'place', 'latitude', 'longitude', 'killed_low', 'killed_high', 'injured_low', 'injured_high', 'targets', 'description', 'source_url', 'source_date', 'classification', 'confirm'] as const;
const REQUIRED = INCIDENT_COLUMNS.slice(0, 6);
const MAX_ROWS = 5_000;

const numberOrNull = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : null);

export function incidentsCsv(rows: repo.IncidentRow[]): string {
  return toCsv(
    INCIDENT_COLUMNS.filter((column) => column !== 'confirm'),
    rows.map((row) => {
      const source = row.sources[0];
      return [row.occurredOn, row.branchSlug, row.attribution, row.countryIso3, source?.title, source?.publisher, row.theaterSlug, row.localTime, row.timeZone, row.city, row.place, row.latitude, row.longitude, row.killedLow, row.killedHigh, row.injuredLow, row.injuredHigh, row.targets, row.description, source?.url, source?.date, row.classification];
    }),
  );
}

/**
 * Imports incidents, all or nothing, each row through the same service as the form. Branches are named
 * by slug, short name or alias; a row whose doubts (coordinates, likely duplicate) are expected says
 * so in `confirm`.
 */
export async function importIncidentsCsv(db: Db, actor: MaybeActor, csvText: string): Promise<{ imported: number }> {
  authorize(actor, 'threat.write');
  const records = readCsvRecords(csvText, MAX_ROWS, { required: REQUIRED, known: INCIDENT_COLUMNS });
  const branchKeys = new Map<string, string>();
  for (const branch of await repo.listBranches(db)) for (const name of [branch.slug, branch.shortName, ...branch.aliases]) branchKeys.set(name.toLowerCase(), branch.slug);

  const problems: RowProblem[] = [];
  await db.transaction(async (tx) => {
    for (const [index, record] of records.entries()) {
      const line = index + 2;
      if (!(ATTRIBUTIONS as readonly string[]).includes(record.attribution ?? '')) {
        problems.push({ line, field: 'attribution', message: say('problem.notOneOf', { value: record.attribution ?? '', known: ATTRIBUTIONS.join(', ') }) });
        continue;
      }
      try {
        await createIncident(tx, actor, {
          occurredOn: record.date,
          branchSlug: branchKeys.get((record.branch ?? '').toLowerCase()) ?? record.branch,
          attribution: record.attribution,
          countryIso3: record.country,
          theaterSlug: record.region || null,
          localTime: record.time || null,
          timeZone: record.time_zone || null,
          city: record.city ?? '',
          place: record.place ?? '',
          latitude: numberOrNull(record.latitude),
          longitude: numberOrNull(record.longitude),
          killedLow: numberOrNull(record.killed_low),
          killedHigh: numberOrNull(record.killed_high),
          injuredLow: numberOrNull(record.injured_low),
          injuredHigh: numberOrNull(record.injured_high),
          targets: record.targets ?? '',
          description: record.description ?? '',
          sources: [{ title: record.source_title, publisher: record.source_publisher, url: record.source_url || null, date: record.source_date || null }],
          classification: record.classification || undefined,
          confirm: /^(yes|true|1)$/i.test(record.confirm ?? ''),
        });
      } catch (error) {
        if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
        const fields = error instanceof InvalidInput ? error.fields : ((error as { fields?: { field: string; message: string }[] }).fields ?? []);
        if (fields.length) for (const field of fields) problems.push({ line, field: field.field.replace(/^sources\.0\./, 'source_'), message: field.message });
        else problems.push({ line, field: '(row)', message: error.message });
      }
    }
    if (problems.length) throw new ImportRejected(problems.slice(0, 200));
  });
  return { imported: records.length };
}
