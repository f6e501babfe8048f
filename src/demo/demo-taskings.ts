import { and, eq } from 'drizzle-orm';
import { recordCommitment } from '../modules/taskings/commitments.service.ts';
import { createTasking } from '../modules/taskings/taskings.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../db/client.ts';
import { agendaItems, meetings } from '../db/schema/meetings.ts';
import { groups, partners } from '../db/schema/partners.ts';

const TASKED_GROUPS = ['communications-working-group', 'counter-isis-finance-group', 'foreign-terrorist-fighters-working-group'];

/**
 * What the founding readout records: the Small Group "agreed to focus work in the Communications,
 * Countering-ISIS Finance, and Foreign Terrorist Fighters Working Groups on countering the ISIS-K
 * threat", and "the United States intends to continue its support for the Iraqi Security Forces".
 * No due date or progress is given by the source, so none is invented.
 */
export async function loadDemoTaskings(db: Db, actor: Actor): Promise<void> {
  // The founding readout's meeting: the Small Group meeting of 2021 known only by its year.
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.title, 'Political Directors Small Group meeting'), eq(meetings.datePrecision, 'year')));
  if (!meeting) return;
  const [item] = await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.title, 'Defeating Daesh/ISIS global branches')));
  for (const slug of TASKED_GROUPS) {
    const [group] = await db.select().from(groups).where(eq(groups.slug, slug));
    if (!group) continue;
    await createTasking(db, actor, {
      meetingId: meeting.id,
      agendaItemId: item?.id ?? null,
      groupId: group.id,
      title: 'Focus work on countering the ISIS-K threat',
      description: 'Small Group representatives agreed to focus work in the Communications, Countering-ISIS Finance, and Foreign Terrorist Fighters Working Groups on countering the ISIS-K threat (readout of the Political Directors Small Group meeting, 2021).',
      branchSlugs: ['isis-k'],
      theaterSlugs: ['afghanistan'],
      classification: 'public',
    });
  }
  const [usa] = await db.select().from(partners).where(eq(partners.iso3, 'USA'));
  await recordCommitment(db, actor, {
    meetingId: meeting.id,
    partnerId: usa?.id ?? null,
    kind: 'intends',
    statement: 'The United States intends to continue its support for the Iraqi Security Forces even as it completes its transition away from a combat role.',
    theaterSlug: 'iraq',
    classification: 'public',
  });
}
