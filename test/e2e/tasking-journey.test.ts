
import { describe, expect, it } from 'vitest';
import { addAgendaItem, createMeeting } from '../../src/modules/meetings/meetings.service.ts';
import { createIncident } from '../../src/modules/threats/threats.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { makeUser } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { activate, browserAvailable, browserJourney, screenshotJourneyEnd, JOURNEY_TIMEOUT } from '../helpers/browser.ts';

const runBrowser = browserAvailable();
const GROUPS = ['Communications Working Group', 'Counter ISIS Finance Group (CIFG)', 'Foreign Terrorist Fighters Working Group'];

describe.runIf(runBrowser)('from the Small Group meeting to the ISIS-K branch page, in a real browser', () => {
  const journey = browserJourney(async (ctx) => {
    const officer = await makeUser(ctx.db, 'secretariat-officer');
    // The Netherlands co-leads the Foreign Terrorist Fighters Working Group.
    const coLead = await makeUser(ctx.db, 'co-chair', { partnerIso3: 'NLD' });
    const actor = systemActor('test');
    const meeting = await createMeeting(ctx.db, actor, { title: 'Political Directors Small Group meeting', format: 'small-group-political-directors', setting: 'virtual', startsLocal: '2021-09-08T14:00', endsLocal: '2021-09-08T16:00', timeZone: 'UTC', classification: 'public' });
    const meetingId = meeting.id;
    await addAgendaItem(ctx.db, actor, meeting.id, { title: 'ISIS-K', outcome: 'Small Group representatives agreed to focus work in the Communications, Countering-ISIS Finance, and Foreign Terrorist Fighters Working Groups on countering the ISIS-K threat.' });
    await createIncident(ctx.db, actor, { occurredOn: '2021-08-26', city: 'Kabul', place: 'Abbey Gate', countryIso3: 'AFG', branchSlug: 'isis-k', attribution: 'claimed', killedLow: 183, sources: [{ title: 'Readout', publisher: 'U.S. Department of State' }], classification: 'public' });
    return { officer, coLead, meetingId };
  });


  it('records the tasking to three working groups, takes a co-lead’s update, and shows both on the branch page', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { baseUrl } = journey;
    const { officer, coLead, meetingId } = journey.fixtures;
    const page = await journey.signIn(officer);
    await page.goto(`${baseUrl}/meetings/${meetingId}`);
    await activate(page.getByRole('link', { name: 'Task working groups' }));
    expect(await seriousViolations(page)).toEqual([]);
    for (const group of GROUPS) await activate(page.getByLabel(group, { exact: true }));
    await activate(page.getByLabel('ISIS-K', { exact: true }));
    await page.getByRole('textbox', { name: /^Tasking/ }).fill('Focus work on countering the ISIS-K threat');
    await page.getByLabel('Due').fill('2021-12-31');
    await activate(page.getByRole('button', { name: 'Save' }));
    await page.waitForURL(/\/taskings\?meetingId=/);
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);

    const lead = await journey.signIn(coLead);
    await lead.goto(`${baseUrl}/taskings?branch=isis-k`);
    await activate(lead.locator('tbody tr', { hasText: 'Foreign Terrorist Fighters Working Group' }).getByRole('link', { name: 'Focus work on countering the ISIS-K threat' }));
    await lead.getByLabel('What the group has done').fill('Shared lists of ISIS-K facilitators with partners');
    await lead.getByLabel('Progress now (%)').fill('30');
    await activate(lead.getByRole('button', { name: 'Post an update' }));
    await expect(lead.locator('ol.updates').textContent()).resolves.toContain('Shared lists of ISIS-K facilitators');
    expect(await seriousViolations(lead)).toEqual([]);

    await lead.goto(`${baseUrl}/threats/branches/isis-k`);
    const main = (await lead.locator('main').textContent()) ?? '';
    expect(main).toContain('Abbey Gate');
    expect(main).toContain('Focus work on countering the ISIS-K threat');
    expect(main).toContain('Shared lists of ISIS-K facilitators with partners');
    expect(main).toContain('Political Directors Small Group meeting');
    expect(await seriousViolations(lead)).toEqual([]);
    await screenshotJourneyEnd(lead, 'co-lead-tasking');
  });
});
