/**
 * "Contains" searches are answered from an index, so they stay quick as the data grows (issue 20): the
 * planner, told to avoid reading whole tables, finds the trigram index for them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem, createMeeting } from '../src/modules/meetings/meetings.service.ts';
import { meetingsMentioning } from '../src/modules/threats/threats.repo.ts';
import { systemActor } from '../src/platform/actor.ts';
import { buildTestApp, type TestContext } from './helpers/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

describe('the search for meetings that name a branch', () => {
  it('can use the trigram index over agenda items', async () => {
    const plan = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const query = sql`EXPLAIN SELECT id FROM agenda_items WHERE agenda_item_words(title, outcome, topics) ILIKE ${'%ISIS-K%'}`;
      const result = await tx.execute(query);
      return (result as unknown as { rows: Record<string, string>[] }).rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('agenda_items_words_trgm_idx');
  });

  it("finds a name in an item's title, outcome or topics, and not across them", async () => {
    const actor = systemActor('test');
    const meeting = await createMeeting(ctx.db, actor, { title: 'Trigram search meeting', format: 'working-group', setting: 'virtual', startsLocal: '2026-03-02T10:00', endsLocal: '2026-03-02T12:00', timeZone: 'UTC' });
    await addAgendaItem(ctx.db, actor, meeting.id, { title: 'Afghanistan', topics: ['Border security', 'ISKP financing'], outcome: 'Partners will share assessments.' });
    await addAgendaItem(ctx.db, actor, meeting.id, { title: 'Sahel', outcome: 'ISWAP attacks near Lake Chad' });
    await addAgendaItem(ctx.db, actor, meeting.id, { title: 'Ends with Daesh', outcome: 'Khorasan' });
    const ids = async (names: string[]) => (await meetingsMentioning(ctx.db, actor, names)).map((row) => row.id);
    expect(await ids(['ISKP'])).toContain(meeting.id);
    expect(await ids(['iswap'])).toContain(meeting.id);
    expect(await ids(['Sahel'])).toContain(meeting.id);
    // Fields are kept apart: a title's end and an outcome's start do not make a name together.
    expect(await ids(['Daesh Khorasan'])).not.toContain(meeting.id);
    // Wildcards in a name are text.
    expect(await ids(['IS_P'])).not.toContain(meeting.id);
  });
});
