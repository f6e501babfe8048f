/**
 * Set-based inserts of generated records, each statement `INSERT … SELECT … FROM generate_series`, so
 * the database does the work and a million rows take seconds rather than a million round trips. Every
 * row carries the run's tag in a column people can see (a title or a source), so generated data is
 * never mistaken for real data; contributions are marked illustrative, which keeps them off public pages.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import type { ScalePlan } from './plan.ts';

export type Advance = (rows: number) => void;

const CHUNK = 25_000;

/** One array parameter (drizzle would spread a JS array into one parameter per element). */
function uuidArray(ids: string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

function idsOf(result: unknown): string[] {
  return (result as { rows: { id: string }[] }).rows.map((row) => row.id);
}

/** Runs `insert(from, to)` over 1..total in chunks, reporting each chunk's rows. */
async function inChunks(total: number, advance: Advance, insert: (from: number, to: number) => Promise<unknown>): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await insert(from, to);
    advance(to - from + 1);
  }
}

export interface GeneratedMeetings {
  meetingIds: string[];
  readoutIds: string[];
}

/** Meetings of every group over 2015–2027 (so some are upcoming), their agendas, readouts and versions. */
export async function insertMeetings(db: Db, plan: ScalePlan, tag: string, advance: Advance): Promise<GeneratedMeetings> {
  const meetingIds = idsOf(
    await db.execute(sql`
      WITH g AS (SELECT id, name, row_number() OVER (ORDER BY slug) - 1 AS i FROM groups),
           ng AS (SELECT count(*)::int AS n FROM groups),
           place AS (SELECT ARRAY['Rome','Washington','Paris','Riyadh','Abu Dhabi','Brussels','Niamey','Kuwait City'] AS city,
                            ARRAY['ITA','USA','FRA','SAU','ARE','BEL','NER','KWT'] AS iso3)
      INSERT INTO meetings (title, format, group_id, setting, city, country_iso3, starts_at, ends_at, time_zone, date_precision, source, classification)
      SELECT g.name || ' meeting ' || s, (ARRAY['working-group','focus-group','small-group-political-directors','other']::meeting_format[])[1 + s % 4],
             g.id, (ARRAY['virtual','in-person','hybrid']::meeting_setting[])[1 + s % 3],
             place.city[1 + s % 8], place.iso3[1 + s % 8],
             timestamptz '2015-01-05 09:00Z' + make_interval(days => (s * 37) % 4400),
             timestamptz '2015-01-05 11:00Z' + make_interval(days => (s * 37) % 4400),
             'UTC', 'minute', ${`Generated scale data (${tag})`},
             (ARRAY['coalition','coalition','public','restricted']::classification[])[1 + s % 4]
      FROM generate_series(1, ${plan.meetings}) AS s CROSS JOIN ng CROSS JOIN place JOIN g ON g.i = s % NULLIF(ng.n, 0)
      RETURNING id`),
  );
  advance(meetingIds.length);
  await db.execute(sql`
    INSERT INTO agenda_items (meeting_id, position, title, theater_slugs, topics, outcome)
    SELECT m, k, (ARRAY['Iraq','Syria','Afghanistan','West Africa'])[k % 4 + 1] || ': update and next steps',
           ARRAY[(SELECT slug FROM theaters ORDER BY position, slug OFFSET (k % GREATEST((SELECT count(*)::int FROM theaters), 1)) LIMIT 1)],
           ARRAY['stabilization'], 'Partners agreed to report back at the next meeting.'
    FROM unnest(${uuidArray(meetingIds)}) AS m CROSS JOIN generate_series(1, ${plan.agendaItemsPerMeeting}) AS k`);
  advance(meetingIds.length * plan.agendaItemsPerMeeting);

  // A readout per meeting: most published, the rest drafts or in clearance, each with several versions.
  const readoutIds = idsOf(
    await db.execute(sql`
      INSERT INTO readouts (meeting_id, status, current_version, published_version, first_published_version, published_as, published_at, year, slug)
      SELECT m.id, r.status, ${plan.versionsPerReadout},
             CASE WHEN r.status = 'published' THEN ${plan.versionsPerReadout}::int END,
             CASE WHEN r.status = 'published' THEN 1 END,
             CASE WHEN r.status = 'published' THEN (CASE WHEN m.classification = 'public' THEN 'public' ELSE 'coalition' END)::published_classification END,
             CASE WHEN r.status = 'published' THEN m.ends_at + interval '1 day' END,
             extract(year FROM m.starts_at)::int, 'scale-' || ${tag} || '-' || m.n
      FROM (SELECT id, starts_at, ends_at, classification, row_number() OVER (ORDER BY id) AS n FROM meetings WHERE id = ANY(${uuidArray(meetingIds)})) AS m
      CROSS JOIN LATERAL (SELECT (ARRAY['published','published','published','draft','in-clearance']::readout_status[])[1 + m.n % 5] AS status) AS r
      RETURNING id`),
  );
  advance(readoutIds.length);
  await db.execute(sql`
    INSERT INTO readout_versions (readout_id, number, title, body_markdown, author_label)
    SELECT r.id, v, 'Readout of the ' || m.title,
           'Senior representatives met to review stabilization, detention and repatriation. Version ' || v || '. '
           || (ARRAY['Partners welcomed progress in liberated areas.','The group agreed to focus on ISIS-K financing.','Members reviewed the humanitarian situation in al-Hol.'])[1 + (r.year + v) % 3]
           || ' ' || repeat('Partners reiterated their commitment to the enduring defeat of Daesh. ', 4),
           'Generated (' || ${tag} || ')'
    FROM readouts r JOIN meetings m ON m.id = r.meeting_id CROSS JOIN generate_series(1, ${plan.versionsPerReadout}) AS v
    WHERE r.id = ANY(${uuidArray(readoutIds)})`);
  await db.execute(sql`INSERT INTO readout_slugs (year, slug, readout_id) SELECT year, slug, id FROM readouts WHERE id = ANY(${uuidArray(readoutIds)})`);
  await db.execute(sql`
    UPDATE readouts SET search_vector = to_tsvector('simple', v.title || ' ' || v.body_markdown)
    FROM readout_versions v
    WHERE v.readout_id = readouts.id AND v.number = readouts.published_version AND readouts.id = ANY(${uuidArray(readoutIds)})`);
  advance(readoutIds.length * plan.versionsPerReadout);
  return { meetingIds, readoutIds };
}

/** Contributions of every partner to every campaign, all stages and statuses, in the campaign's currency. */
export async function insertContributions(db: Db, plan: ScalePlan, tag: string, advance: Advance): Promise<void> {
  await inChunks(plan.contributions, advance, (from, to) =>
    db.execute(sql`
      WITH c AS (SELECT id, currency, starts_on, (ends_on - starts_on) + 1 AS span, row_number() OVER (ORDER BY starts_on, id) - 1 AS i FROM funding_campaigns),
           nc AS (SELECT count(*)::int AS n FROM funding_campaigns),
           p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM partners),
           np AS (SELECT count(*)::int AS n FROM partners)
      INSERT INTO funding_contributions (campaign_id, partner_id, stage, amount, currency, rate_to_campaign, rate_date,
                                         amount_in_campaign_currency, contributed_on, source, illustrative, status)
      SELECT c.id, p.id, (ARRAY['pledge','commitment','disbursement']::contribution_stage[])[1 + g % 3],
             (1000 + (g::bigint * 7919) % 5000000)::numeric, c.currency, 1, c.starts_on + (g % c.span)::int,
             (1000 + (g::bigint * 7919) % 5000000)::numeric, c.starts_on + (g % c.span)::int,
             ${`Generated scale data (${tag})`}, true,
             (ARRAY['verified','verified','reported','rejected']::contribution_status[])[1 + (g / 3) % 4]
      FROM generate_series(${from}::int, ${to}::int) AS g CROSS JOIN nc CROSS JOIN np
      JOIN c ON c.i = g % NULLIF(nc.n, 0) JOIN p ON p.i = (g * 31) % NULLIF(np.n, 0)`),
  );
}

/** Incidents by every branch in the countries it operates in, over ten years. */
export async function insertIncidents(db: Db, plan: ScalePlan, tag: string, advance: Advance): Promise<void> {
  await db.execute(sql`
    WITH b AS (SELECT slug, country_iso3s, row_number() OVER (ORDER BY slug) - 1 AS i FROM branches WHERE cardinality(country_iso3s) > 0),
         nb AS (SELECT count(*)::int AS n FROM b)
    INSERT INTO incidents (occurred_on, city, place, country_iso3, branch_slug, attribution, killed_low, killed_high, injured_low, injured_high, targets, description, sources, classification)
    SELECT date '2016-01-01' + (s * 13) % 3650, '', 'Generated place ' || s, b.country_iso3s[1 + s % cardinality(b.country_iso3s)], b.slug,
           (ARRAY['claimed','attributed','suspected']::incident_attribution[])[1 + s % 3], s % 40, s % 40 + s % 7, s % 25, NULL,
           'checkpoint', ${`Generated scale data (${tag})`}, '[]'::jsonb,
           (ARRAY['public','coalition','coalition','restricted']::classification[])[1 + s % 4]
    FROM generate_series(1, ${plan.incidents}) AS s CROSS JOIN nb JOIN b ON b.i = s % NULLIF(nb.n, 0)`);
  advance(plan.incidents);
}

/** Taskings of the generated meetings to every group, their report-backs, and commitments. */
export async function insertTaskings(db: Db, plan: ScalePlan, tag: string, meetingIds: string[], advance: Advance): Promise<string[]> {
  const taskingIds = idsOf(
    await db.execute(sql`
      WITH m AS (SELECT id, starts_at, row_number() OVER (ORDER BY id) - 1 AS i FROM meetings WHERE id = ANY(${uuidArray(meetingIds)})),
           nm AS (SELECT count(*)::int AS n FROM m),
           g AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS i FROM groups),
           ng AS (SELECT count(*)::int AS n FROM groups)
      INSERT INTO taskings (meeting_id, group_id, title, description, due_on, status, progress, classification)
      SELECT m.id, g.id, 'Report on ' || (ARRAY['financing networks','foreign fighters','stabilization projects','messaging'])[1 + s % 4] || ' ' || s,
             ${`Generated scale data (${tag})`}, (m.starts_at + make_interval(days => 30 + s % 200))::date,
             (ARRAY['open','in-progress','reported','closed']::tasking_status[])[1 + s % 4], (s * 7) % 101,
             (ARRAY['coalition','coalition','public','restricted']::classification[])[1 + s % 4]
      FROM generate_series(1, ${plan.taskings}) AS s CROSS JOIN nm CROSS JOIN ng JOIN m ON m.i = s % NULLIF(nm.n, 0) JOIN g ON g.i = s % NULLIF(ng.n, 0)
      RETURNING id`),
  );
  advance(taskingIds.length);
  await db.execute(sql`
    INSERT INTO tasking_updates (tasking_id, body, progress, author_label)
    SELECT t, 'Progress report ' || k || ': work continues with partners.', k * 20, ${`Generated (${tag})`}
    FROM unnest(${uuidArray(taskingIds)}) AS t CROSS JOIN generate_series(1, ${plan.updatesPerTasking}) AS k`);
  advance(taskingIds.length * plan.updatesPerTasking);
  await db.execute(sql`
    WITH m AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM meetings WHERE id = ANY(${uuidArray(meetingIds)})),
         nm AS (SELECT count(*)::int AS n FROM m),
         p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM partners),
         np AS (SELECT count(*)::int AS n FROM partners)
    INSERT INTO commitments (meeting_id, partner_id, statement, kind, status, classification)
    SELECT m.id, p.id, 'Intends to support stabilization projects (' || ${tag} || ' ' || s || ')',
           (ARRAY['intends','pledges','agrees','affirms']::commitment_kind[])[1 + s % 4],
           (ARRAY['open','open','met','lapsed']::commitment_status[])[1 + s % 4], 'coalition'
    FROM generate_series(1, ${plan.commitments}) AS s CROSS JOIN nm CROSS JOIN np JOIN m ON m.i = s % NULLIF(nm.n, 0) JOIN p ON p.i = (s * 7) % NULLIF(np.n, 0)`);
  advance(plan.commitments);
  return taskingIds;
}

/** Finished screening batches of the demo analyst, a few rows with a hit each. */
export async function insertScreeningBatches(db: Db, plan: ScalePlan, tag: string, advance: Advance): Promise<void> {
  const batchIds = idsOf(
    await db.execute(sql`
      INSERT INTO screening_batches (source, file_name, status, total, processed, hit_rows, created_by_label, finished_at)
      SELECT 'file', 'payments-' || s || '.csv', 'done', ${plan.rowsPerBatch}, ${plan.rowsPerBatch}, 0, ${`Generated (${tag})`}, now()
      FROM generate_series(1, ${plan.screeningBatches}) AS s
      RETURNING id`),
  );
  advance(batchIds.length);
  for (const batchId of batchIds) {
    await db.execute(sql`
      INSERT INTO screening_batch_rows (batch_id, row_number, row_id, name, hits)
      SELECT ${batchId}::uuid, r, 'P' || r,
             (ARRAY['Ahmad Karimi','Fatima Haddad','John Miller','Aisha Bello','Omar Farouk','Leyla Demir'])[1 + r % 6] || ' ' || r,
             '[]'::jsonb
      FROM generate_series(1, ${plan.rowsPerBatch}) AS r`);
    advance(plan.rowsPerBatch);
  }
}
