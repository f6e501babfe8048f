import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readouts } from '../../db/schema/readouts.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { postForm, type SignedInClient, form, groupId, loginAs, partnerId } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  // The Counter ISIS Finance Group is co-led by Italy, Saudi Arabia and the United States.
  const usChair = await loginAs(ctx, 'co-chair', { partnerIso3: 'USA' });
  const italyChair = await loginAs(ctx, 'co-chair', { partnerIso3: 'ITA' });
  const saudiChair = await loginAs(ctx, 'co-chair', { partnerIso3: 'SAU' });
  const otherChair = await loginAs(ctx, 'co-chair', { partnerIso3: 'FRA' });
  const financeGroup = await groupId(ctx.db, 'counter-isis-finance-group');
  return { officer, usChair, italyChair, saudiChair, otherChair, financeGroup };
});

const post = (client: SignedInClient, url: string, fields: Record<string, string>) => postForm(suite.ctx, client, url, fields);
const get = (client: SignedInClient | null, url: string) => suite.ctx.app.inject({ method: 'GET', url, headers: client ? { cookie: client.headers.cookie } : {} });

async function meetingWithRecord(title: string, startsLocal = '2024-07-23T09:00', endsLocal = '2024-07-23T17:00') {
  const meeting = (
    await suite.ctx.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: suite.officer.headers,
      payload: { title, format: 'working-group', groupId: suite.financeGroup, setting: 'in-person', city: 'Rome', countryIso3: 'ITA', startsLocal, endsLocal, timeZone: 'Europe/Rome', classification: 'public' },
    })
  ).json();
  const usa = await partnerId(suite.ctx.db, 'USA');
  await suite.ctx.app.inject({ method: 'POST', url: `/api/v1/meetings/${meeting.id}/participants`, headers: suite.officer.headers, payload: { partnerId: usa, role: 'briefer' } });
  await suite.ctx.app.inject({ method: 'POST', url: `/api/v1/meetings/${meeting.id}/agenda`, headers: suite.officer.headers, payload: { title: 'Financing of ISIS-K', theaterSlugs: ['afghanistan'], outcome: 'Members agreed to share designations.' } });
  return meeting;
}

async function draft(meetingId: string): Promise<string> {
  const response = await post(suite.officer, `/meetings/${meetingId}/readouts`, {});
  expect(response.statusCode).toBe(303);
  return String(response.headers.location).split('/').pop() as string;
}

/** Takes a readout whose current version is `version` through clearance by all three co-leads and publishes it. */
async function clearAndPublish(id: string, version: string, as: 'public' | 'coalition' = 'public') {
  await post(suite.officer, `/desk/readouts/${id}/submit`, {});
  for (const chair of [suite.usChair, suite.italyChair, suite.saudiChair]) await post(chair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version });
  expect((await post(suite.officer, `/desk/readouts/${id}/publish`, { as })).statusCode).toBe(303);
}

function currentVersion(html: string): string {
  return html.match(/name="baseVersion" value="(\d+)"/)?.[1] ?? '';
}

describe('readout workflow', () => {
  it('refuses to publish a readout before its meeting has started, and publishes nothing', async () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    const meeting = await meetingWithRecord('Future CIFG meeting (publish test)', `${nextYear}-03-10T09:00`, `${nextYear}-03-10T17:00`);
    const id = await draft(meeting.id);
    await post(suite.officer, `/desk/readouts/${id}/submit`, {});
    for (const chair of [suite.usChair, suite.italyChair, suite.saudiChair]) await post(chair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '1' });
    const refused = await post(suite.officer, `/desk/readouts/${id}/publish`, { as: 'public' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This readout cannot be published before its meeting starts');
    expect(refused.body).toContain(String(nextYear));
    const [row] = await suite.ctx.db.select().from(readouts).where(eq(readouts.id, id));
    expect(row?.status).toBe('cleared');
  });

  it('says a readout cleared and published elsewhere was cleared outside the platform, with no invented publication date', async () => {
    const meeting = await meetingWithRecord('CIFG meeting (published elsewhere)');
    const id = await draft(meeting.id);
    await clearAndPublish(id, '1');
    await suite.ctx.db.update(readouts).set({ clearedOutside: true, publishedOutsideOn: null }).where(eq(readouts.id, id));
    const [row] = await suite.ctx.db.select().from(readouts).where(eq(readouts.id, id));
    const page = await get(null, `/readouts/${row?.year}/${row?.slug}`);
    expect(page.body).toContain('Published outside the platform; the source gives no publication date');
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
    expect(page.body).not.toContain(today);
    const desk = await get(suite.officer, `/desk/readouts/${id}`);
    expect(desk.body).toContain('Cleared and published outside the platform');
    expect(desk.body).not.toContain('United States: ');
  });

  it('drafts from the record, is returned, edited, cleared by every co-lead, published, and found by the public', async () => {
    const meeting = await meetingWithRecord('20th meeting of the CIFG (workflow test)');
    const id = await draft(meeting.id);
    const desk = await get(suite.officer, `/desk/readouts/${id}`);
    expect(desk.body).toContain('Readout of the Counter ISIS Finance Group (CIFG) Meeting');
    expect(desk.body).toContain('Representatives of the Counter ISIS Finance Group (CIFG) met on');
    // The place reads as a sentence does: the country named, not its code.
    expect(desk.body).toMatch(/met on [^<]* in Rome, Italy\./);
    expect(desk.body).toContain('United States briefed the participants.');
    expect(desk.body).toContain('Financing of ISIS-K (Afghanistan): Members agreed to share designations.');

    expect((await post(suite.officer, `/desk/readouts/${id}/submit`, {})).statusCode).toBe(303);
    const awaiting = await get(suite.usChair, '/desk/readouts');
    expect(awaiting.body).toContain('1 readout awaits your clearance');
    // Every page shows the count beside the desk link.
    expect((await get(suite.usChair, '/partners')).body).toContain('<span class="visually-hidden"> (1 item awaits you)</span>');

    const returned = await post(suite.usChair, `/desk/readouts/${id}/clearance`, { decision: 'returned', comment: 'Name the host.', version: '1' });
    expect(returned.statusCode).toBe(303);
    expect((await get(suite.officer, '/desk/readouts')).body).toContain('Name the host.');
    expect((await get(suite.officer, '/meetings')).body).toMatch(/class="count-badge" aria-hidden="true">\d+</);

    const edited = await post(suite.officer, `/desk/readouts/${id}`, { title: 'Readout of the 20th CIFG Meeting', bodyMarkdown: 'Italy hosted the **20th** meeting.', baseVersion: '1' });
    expect(edited.statusCode).toBe(303);
    await post(suite.officer, `/desk/readouts/${id}/submit`, {});
    for (const chair of [suite.usChair, suite.italyChair]) {
      expect((await post(chair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '2' })).statusCode).toBe(303);
    }
    // Not yet: Saudi Arabia has not cleared, so publishing is refused.
    const early = await post(suite.officer, `/desk/readouts/${id}/publish`, { as: 'public' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Only a cleared readout can be published.');
    await post(suite.saudiChair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '2' });
    expect((await get(suite.officer, `/desk/readouts/${id}`)).body).toContain('<strong>cleared</strong>');

    expect((await post(suite.officer, `/desk/readouts/${id}/publish`, { as: 'public' })).statusCode).toBe(303);
    const list = await get(null, '/readouts');
    expect(list.body).toContain('Readout of the 20th CIFG Meeting');
    const search = await get(null, `/readouts?q=${encodeURIComponent('20th meeting hosted')}`);
    expect(search.body).toContain('Readout of the 20th CIFG Meeting');
    const page = await get(null, '/readouts/2024/readout-of-the-20th-cifg-meeting');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Italy hosted the <strong>20th</strong> meeting.');
    expect(page.headers['set-cookie']).toBeUndefined();
    const feed = await get(null, '/readouts/feed.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<title type="html"><![CDATA[Readout of the 20th CIFG Meeting]]></title>');
    // Every absolute link comes from PUBLIC_URL: a forged Host header never reaches the feed.
    const forged = await suite.ctx.app.inject({ method: 'GET', url: '/readouts/feed.atom', headers: { host: 'evil.example' } });
    expect(forged.body).not.toContain('evil.example');
    expect(forged.body).toContain(`href="${suite.ctx.config.publicUrl}/readouts/2024/readout-of-the-20th-cifg-meeting"`);
  });

  it('invalidates clearances when the text changes, and refuses a clearance by a co-chair of another partner (audited)', async () => {
    const meeting = await meetingWithRecord('CIFG (invalidation test)');
    const id = await draft(meeting.id);
    await post(suite.officer, `/desk/readouts/${id}/submit`, {});
    await post(suite.usChair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '1' });
    await post(suite.officer, `/desk/readouts/${id}`, { title: 'Changed title', bodyMarkdown: 'Changed.', baseVersion: '1' });
    const desk = await get(suite.officer, `/desk/readouts/${id}`);
    expect(desk.body).toContain('<strong>in clearance</strong>');
    expect(desk.body).not.toMatch(/United States: cleared/);
    const stale = await post(suite.usChair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '1' });
    expect(stale.statusCode).toBe(409);
    const outsider = await post(suite.otherChair, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '2' });
    expect(outsider.statusCode).toBe(404);
    const refusals = await suite.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'readout.clearance-refused'));
    expect(refusals.some((e) => e.entityId === id && e.actorLabel === suite.otherChair.user.email)).toBe(true);
    const officerTries = await post(suite.officer, `/desk/readouts/${id}/clearance`, { decision: 'cleared', version: '2' });
    expect(officerTries.statusCode).toBe(403);
  });

  it('keeps both texts when two officers save at once', async () => {
    const meeting = await meetingWithRecord('CIFG (conflict test)');
    const id = await draft(meeting.id);
    const other = await loginAs(suite.ctx, 'secretariat-officer');
    const base = currentVersion((await get(suite.officer, `/desk/readouts/${id}`)).body);
    expect((await post(other, `/desk/readouts/${id}`, { title: 'Their title', bodyMarkdown: 'Their text.', baseVersion: base })).statusCode).toBe(303);
    const mine = await post(suite.officer, `/desk/readouts/${id}`, { title: 'My title', bodyMarkdown: 'My careful text.', baseVersion: base });
    expect(mine.statusCode).toBe(409);
    expect(mine.body).toContain('Nothing was saved');
    expect(mine.body).toContain('Their text.');
    expect(mine.body).toContain('My careful text.');
    const diff = await get(suite.officer, `/desk/readouts/${id}/diff?from=1&to=2`);
    expect(diff.body).toContain('<ins>');
    expect(diff.body).toContain('Their');
  });

  it('corrects a published readout openly: a note is required, the old address redirects, the history shows the note', async () => {
    const meeting = await meetingWithRecord('CIFG (correction test)');
    const id = await draft(meeting.id);
    await post(suite.officer, `/desk/readouts/${id}`, { title: 'Readout of the Correction Meeting', bodyMarkdown: 'Forty members attended.', baseVersion: '1' });
    await clearAndPublish(id, '2', 'public');
    const noNote = await post(suite.officer, `/desk/readouts/${id}`, { title: 'Readout of the Corrected Meeting', bodyMarkdown: 'Fifty members attended.', baseVersion: '2' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('say what changed and why');
    await post(suite.officer, `/desk/readouts/${id}`, { title: 'Readout of the Corrected Meeting', bodyMarkdown: 'Fifty members attended.', baseVersion: '2', correctionNote: 'Attendance figure corrected.' });
    const old = await get(null, '/readouts/2024/readout-of-the-correction-meeting');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/readouts/2024/readout-of-the-corrected-meeting');
    const page = await get(null, '/readouts/2024/readout-of-the-corrected-meeting');
    expect(page.body).toContain('Fifty members attended.');
    expect(page.body).toContain('Attendance figure corrected.');
    expect(page.body).toContain('Forty members attended.');
    // The draft made from the record before clearance never reaches the public history.
    expect(page.body).not.toContain('Readout of the Counter ISIS Finance Group (CIFG) Meeting');
  });

  it('hides coalition readouts from the public and shows them to partners', async () => {
    const meeting = await meetingWithRecord('CIFG (coalition test)');
    const id = await draft(meeting.id);
    await post(suite.officer, `/desk/readouts/${id}`, { title: 'Readout for partners only', bodyMarkdown: 'Internal.', baseVersion: '1' });
    await clearAndPublish(id, '2', 'coalition');
    expect((await get(null, '/readouts/2024/readout-for-partners-only')).statusCode).toBe(404);
    expect((await get(null, '/readouts')).body).not.toContain('Readout for partners only');
    const delegate = await loginAs(suite.ctx, 'delegate');
    expect((await get(delegate, '/readouts/2024/readout-for-partners-only')).statusCode).toBe(200);
  });
});

describe('translations', () => {
  it('shows readers of French and Arabic the readout in their language, offers every language it has, and says when it has not theirs', async () => {
    const meeting = await meetingWithRecord('21st meeting of the CIFG (translation test)');
    const id = await draft(meeting.id);
    await clearAndPublish(id, currentVersion((await get(suite.officer, `/desk/readouts/${id}`)).body));
    const [published] = await suite.ctx.db.select({ year: readouts.year, slug: readouts.slug }).from(readouts).where(eq(readouts.id, id));
    const readoutUrl = `/readouts/${published?.year}/${published?.slug}`;

    // Not yet translated: a French reader gets the English original, and is told so.
    const untranslated = (await get(null, `/fr${readoutUrl}`)).body;
    expect(untranslated).toContain('n’a pas été traduit dans votre langue');

    const saved = await post(suite.officer, `/desk/readouts/${id}/translations/fr`, { title: 'Compte rendu de la 21e réunion du CIFG', bodyMarkdown: 'Les membres sont convenus de partager leurs désignations.' });
    expect(saved.statusCode).toBe(303);
    const api = await suite.ctx.app.inject({ method: 'PUT', url: `/api/v1/readouts/${id}/translations/ar`, headers: suite.officer.headers, payload: { title: 'محضر الاجتماع الحادي والعشرين', bodyMarkdown: 'اتفق الأعضاء على تبادل قرارات التصنيف.' } });
    expect(api.statusCode, api.body).toBe(200);
    expect((await suite.ctx.app.inject({ method: 'PUT', url: `/api/v1/readouts/${id}/translations/de`, headers: suite.officer.headers, payload: { title: 'x', bodyMarkdown: 'y' } })).json().errors).toEqual([{ field: 'locale', message: 'readouts are translated into fr or ar, not "de"' }]);

    const french = (await get(null, `/fr${readoutUrl}`)).body;
    expect(french).toMatch(/<h1 lang="fr" dir="auto">Compte rendu de la 21e réunion du CIFG<\/h1>/);
    expect(french).toContain('Les membres sont convenus de partager leurs désignations.');
    for (const [code, href] of [['en', `/en${readoutUrl}`], ['fr', `/fr${readoutUrl}`], ['ar', `/ar${readoutUrl}`]]) expect(french).toContain(`href="${href}" hreflang="${code}"`);
    const arabic = (await get(null, `/ar${readoutUrl}`)).body;
    expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabic).toContain('اتفق الأعضاء على تبادل قرارات التصنيف.');
    // Found by a search in French, from the French address.
    const search = (await get(null, `/fr/readouts?q=${encodeURIComponent('désignations')}`)).body;
    expect(search).toContain(`href="/fr${readoutUrl}">Compte rendu de la 21e réunion du CIFG</a>`);
    // English stays the original.
    expect((await get(null, readoutUrl)).body).toContain('Members agreed to share designations.');
    // A co-chair clears readouts; translating them is the secretariat's.
    expect((await suite.ctx.app.inject({ method: 'PUT', url: `/api/v1/readouts/${id}/translations/fr`, headers: suite.usChair.headers, payload: { title: 'x', bodyMarkdown: 'y' } })).statusCode).toBe(403);
  });
});

describe('search', () => {
  it('finds Arabic text as well as English', async () => {
    const meeting = await meetingWithRecord('CIFG (Arabic test)');
    const id = await draft(meeting.id);
    await post(suite.officer, `/desk/readouts/${id}`, { title: 'ملخص اجتماع مجموعة مكافحة تمويل داعش', bodyMarkdown: 'ناقش الشركاء تمويل الإرهاب في أفريقيا.', baseVersion: '1' });
    await clearAndPublish(id, '2', 'public');
    const found = (await suite.ctx.app.inject({ method: 'GET', url: `/api/v1/readouts?q=${encodeURIComponent('تمويل')}` })).json();
    expect(found.items.map((r: { title: string }) => r.title)).toContain('ملخص اجتماع مجموعة مكافحة تمويل داعش');
    const page = await get(null, found.items[0].url.replace(/^https?:\/\/[^/]+/, ''));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ناقش الشركاء تمويل الإرهاب في أفريقيا.');
  });
});

describe('bad input', () => {
  it('refuses an 11 MB body (above the 10 MB limit) by name, shows raw HTML as text, and escapes script in titles', async () => {
    const meeting = await meetingWithRecord('CIFG (input test)');
    const id = await draft(meeting.id);
    const huge = await suite.ctx.app.inject({
      method: 'POST',
      url: `/desk/readouts/${id}`,
      headers: { cookie: suite.officer.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: suite.officer.csrfToken, title: 'x', bodyMarkdown: 'a'.repeat(11 * 1024 * 1024), baseVersion: '1' }),
    });
    expect(huge.statusCode).toBe(413);
    const tooLong = await post(suite.officer, `/desk/readouts/${id}`, { title: 'x', bodyMarkdown: 'a'.repeat(200_001), baseVersion: '1' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('bodyMarkdown');
    await post(suite.officer, `/desk/readouts/${id}`, { title: '<script>alert(1)</script>', bodyMarkdown: 'Hello <img src=x onerror=alert(1)> [x](javascript:alert(1))', baseVersion: '1' });
    const desk = await get(suite.officer, `/desk/readouts/${id}`);
    expect(desk.body).not.toContain('<script>alert(1)</script>');
    expect(desk.body).toContain('&lt;script>alert(1)&lt;/script>');
    const { renderMarkdown } = await import('./markdown.ts');
    const html = renderMarkdown('Hello <img src=x onerror=alert(1)> [x](javascript:alert(1)) <b>bold</b>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('drafts on meeting pages', () => {
  it('are listed to the secretariat and the group’s co-chairs only', async () => {
    const meeting = await meetingWithRecord('CIFG (draft listing test)');
    await draft(meeting.id);
    expect((await get(suite.officer, `/meetings/${meeting.id}`)).body).toContain('(draft)');
    expect((await get(suite.usChair, `/meetings/${meeting.id}`)).body).toContain('(draft)');
    expect((await get(suite.otherChair, `/meetings/${meeting.id}`)).body).not.toContain('(draft)');
    expect((await get(null, `/meetings/${meeting.id}`)).body).not.toContain('(draft)');
  });
});
