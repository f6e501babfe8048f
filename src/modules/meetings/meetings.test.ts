import { describe, expect, it } from 'vitest';
import { postForm, type SignedInClient, groupId, loginAs, partnerId } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const delegate = await loginAs(ctx, 'delegate');
  return { officer, delegate };
});

const api = (client: SignedInClient | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  suite.ctx.app.inject({ method, url, headers: client?.headers ?? {}, payload: payload as never });

async function createMeeting(overrides: Record<string, unknown> = {}) {
  const response = await api(suite.officer, 'POST', '/api/v1/meetings', {
    title: 'Coalition Ministerial',
    format: 'ministerial',
    setting: 'in-person',
    city: 'Rome',
    countryIso3: 'ita',
    startsLocal: '2021-06-28T10:00',
    endsLocal: '2021-06-28T17:30',
    timeZone: 'Europe/Rome',
    classification: 'public',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('meetings', () => {
  it('answers ?q= on /meetings with the meetings whose title, notes, city or agenda hold the words', async () => {
    const found = await createMeeting({ title: 'Search test: Marrakesh ministerial', notes: 'Kenya welcomed as a member.', classification: 'public' });
    await createMeeting({ title: 'Search test: another meeting', classification: 'public' });
    await api(suite.officer, 'POST', `/api/v1/meetings/${found.id}/agenda`, { title: 'Sahel 100% outlook' });
    for (const words of ['marrakesh', 'Kenya welcomed', '100%']) {
      const page = await api(null, 'GET', `/meetings?q=${encodeURIComponent(words)}`);
      expect(page.statusCode, words).toBe(200);
      expect(page.body, words).toContain('Search test: Marrakesh ministerial');
      expect(page.body, words).not.toContain('Search test: another meeting');
    }
    expect((await api(null, 'GET', '/meetings?q=Marrakesh')).body).toContain('name="q"');
  });

  it('stores wall-clock times in the meeting zone as instants', async () => {
    const meeting = await createMeeting();
    expect(meeting).toMatchObject({ startsAt: '2021-06-28T08:00:00.000Z', endsAt: '2021-06-28T15:30:00.000Z', countryIso3: 'ITA', timeZone: 'Europe/Rome', version: 1 });
    const page = await api(null, 'GET', `/meetings/${meeting.id}`);
    expect(page.body).toContain('(Europe/Rome)');
    expect(page.body).toContain('(UTC)');
  });

  it('names every bad field and creates nothing', async () => {
    const before = (await api(suite.officer, 'GET', '/api/v1/meetings?pageSize=1')).json().total;
    const badZone = await api(suite.officer, 'POST', '/api/v1/meetings', { title: 'X', format: 'other', setting: 'virtual', startsLocal: '2024-01-01T10:00', endsLocal: '2024-01-01T09:00', timeZone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().errors).toEqual([{ field: 'timeZone', message: '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Rome, America/New_York, UTC)' }]);
    const backwards = await api(suite.officer, 'POST', '/api/v1/meetings', { title: 'X', format: 'other', setting: 'in-person', startsLocal: '2024-01-01T10:00', endsLocal: '2024-01-01T09:00', timeZone: 'UTC' });
    expect(backwards.json().errors).toEqual([
      { field: 'endsLocal', message: 'ends before it starts' },
      { field: 'city', message: 'an in-person or hybrid meeting needs a city' },
    ]);
    // 02:30 does not exist in Rome on the morning clocks go forward.
    const gap = await api(suite.officer, 'POST', '/api/v1/meetings', { title: 'X', format: 'other', setting: 'virtual', startsLocal: '2024-03-31T02:30', endsLocal: '2024-03-31T04:00', timeZone: 'Europe/Rome' });
    expect(gap.json().errors).toEqual([{ field: 'startsLocal', message: 'is not a time that exists in Europe/Rome' }]);
    const shape = await api(suite.officer, 'POST', '/api/v1/meetings', { title: '', format: 'party', setting: 'virtual', startsLocal: 'tomorrow', endsLocal: '2024-01-01T09:00', timeZone: 'UTC', agenda: [] });
    expect(shape.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.title', 'body.format', 'body.startsLocal', 'body.agenda']));
    expect((await api(suite.officer, 'GET', '/api/v1/meetings?pageSize=1')).json().total).toBe(before);
  });

  it('stores a script tag in a title as text and shows it escaped', async () => {
    const meeting = await createMeeting({ title: '<script>alert("x")</script> meeting' });
    const page = await api(null, 'GET', `/meetings/${meeting.id}`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> meeting');
  });

  it('lets only the secretariat create meetings, and hides coalition meetings from the public', async () => {
    const refused = await api(suite.delegate, 'POST', '/api/v1/meetings', { title: 'X', format: 'other', setting: 'virtual', startsLocal: '2024-01-01T10:00', endsLocal: '2024-01-01T11:00', timeZone: 'UTC' });
    expect(refused.statusCode).toBe(403);
    const internal = await createMeeting({ title: 'Internal coordination call', setting: 'virtual', city: null, classification: 'coalition' });
    expect((await api(null, 'GET', `/meetings/${internal.id}`)).statusCode).toBe(404);
    expect((await api(null, 'GET', `/meetings/${internal.id}/calendar.ics`)).statusCode).toBe(404);
    expect((await api(suite.delegate, 'GET', `/api/v1/meetings/${internal.id}`)).statusCode).toBe(200);
  });

  it('refuses a stale edit with 409 and the current record', async () => {
    const meeting = await createMeeting({ title: 'Edited twice' });
    const body = { title: 'First edit', format: 'ministerial', setting: 'in-person', city: 'Rome', startsLocal: '2021-06-28T10:00', endsLocal: '2021-06-28T17:30', timeZone: 'Europe/Rome', classification: 'public', version: 1 };
    expect((await api(suite.officer, 'PUT', `/api/v1/meetings/${meeting.id}`, body)).statusCode).toBe(200);
    const stale = await api(suite.officer, 'PUT', `/api/v1/meetings/${meeting.id}`, { ...body, title: 'Second edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: 'First edit', version: 2 });
  });
});

describe('participants, agenda and links', () => {
  it('records participants and refuses a person who speaks for another partner', async () => {
    const meeting = await createMeeting({ title: 'Attendance test' });
    const usa = await partnerId(suite.ctx.db, 'USA');
    const france = await partnerId(suite.ctx.db, 'FRA');
    const person = (await api(suite.officer, 'POST', '/api/v1/people', { partnerId: usa, name: 'Envoy Example', title: 'Special Envoy' })).json();
    expect((await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/participants`, { partnerId: usa, personId: person.id, role: 'briefer' })).statusCode).toBe(204);
    const wrong = await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/participants`, { partnerId: france, personId: person.id, role: 'member' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toEqual({ field: 'personId', message: 'this person does not speak for that partner' });
    const page = await api(null, 'GET', `/meetings/${meeting.id}`);
    expect(page.body).toContain('Envoy Example, Special Envoy');
    expect(page.body).toContain('briefer');
  });

  it('keeps agenda items in order with theaters and topics, and filters meetings by theater, Africa taking in its regions', async () => {
    const meeting = await createMeeting({ title: 'Agenda test', startsLocal: '2022-05-11T09:00', endsLocal: '2022-05-11T18:00' });
    expect((await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: 'Iraq update', theaterSlugs: ['iraq'] })).statusCode).toBe(204);
    expect((await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: 'Lake Chad', theaterSlugs: ['west-africa'], topics: ['ISWAP'], outcome: 'Agreed to share travel data.' })).statusCode).toBe(204);
    const unknown = await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: 'Mars', theaterSlugs: ['mars'] });
    expect(unknown.json().errors[0]).toEqual({ field: 'theaterSlugs', message: 'unknown theater: mars' });
    const page = await api(null, 'GET', `/meetings/${meeting.id}`);
    expect(page.body.indexOf('Iraq update')).toBeLessThan(page.body.indexOf('Lake Chad'));
    expect(page.body).toContain('Agreed to share travel data.');
    const africa = (await api(null, 'GET', '/api/v1/meetings?theater=africa&year=2022')).json();
    expect(africa.items.map((m: { title: string }) => m.title)).toEqual(['Agenda test']);
    const syria = (await api(null, 'GET', '/api/v1/meetings?theater=syria&year=2022')).json();
    expect(syria.total).toBe(0);
  });

  it('links a meeting to the earlier one it carries forward; both show it and the topic thread lists both in order', async () => {
    const rome = await createMeeting({ title: 'Rome Ministerial (link test)' });
    const later = await createMeeting({ title: 'Political Directors (link test)', setting: 'virtual', city: null, startsLocal: '2021-09-20T15:00', endsLocal: '2021-09-20T17:00', timeZone: 'America/New_York' });
    const backwards = await api(suite.officer, 'POST', `/api/v1/meetings/${rome.id}/links`, { earlierMeetingId: later.id, topic: 'Africa' });
    expect(backwards.json().errors[0]).toEqual({ field: 'earlierMeetingId', message: 'must be a meeting held before this one' });
    expect((await api(suite.officer, 'POST', `/api/v1/meetings/${later.id}/links`, { earlierMeetingId: rome.id, topic: 'ISIS branches in Africa' })).statusCode).toBe(204);
    const laterPage = await api(null, 'GET', `/meetings/${later.id}`);
    expect(laterPage.body).toContain('Carries forward the discussion from');
    expect(laterPage.body).toContain('Rome Ministerial (link test)');
    const romePage = await api(null, 'GET', `/meetings/${rome.id}`);
    expect(romePage.body).toContain('Discussion carried forward by');
    expect(romePage.body).toContain('Political Directors (link test)');
    const thread = await api(null, 'GET', `/meetings/topics/${encodeURIComponent('isis branches in africa')}`);
    expect(thread.body.indexOf('Rome Ministerial (link test)')).toBeLessThan(thread.body.indexOf('Political Directors (link test)'));
  });

  it('re-renders the meeting page with the problem when a form on it is wrong', async () => {
    const meeting = await createMeeting({ title: 'Form test' });
    const response = await postForm(suite.ctx, suite.officer, `/meetings/${meeting.id}/agenda`, { title: '', topics: 'a, b' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="error-summary"');
  });
});

describe('lists and calendars', () => {
  it('separates upcoming from past meetings and filters by group and year', async () => {
    const finance = await groupId(suite.ctx.db, 'counter-isis-finance-group');
    await createMeeting({ title: 'Future CIFG', format: 'working-group', groupId: finance, setting: 'virtual', city: null, startsLocal: '2099-03-01T10:00', endsLocal: '2099-03-01T12:00', timeZone: 'UTC' });
    const upcoming = (await api(null, 'GET', '/api/v1/meetings?when=upcoming')).json();
    expect(upcoming.items.map((m: { title: string }) => m.title)).toContain('Future CIFG');
    const past = (await api(null, 'GET', '/api/v1/meetings?when=past&pageSize=200')).json();
    expect(past.items.map((m: { title: string }) => m.title)).not.toContain('Future CIFG');
    const byGroup = (await api(null, 'GET', `/api/v1/meetings?groupId=${finance}&year=2099`)).json();
    expect(byGroup.items.map((m: { title: string }) => m.title)).toEqual(['Future CIFG']);
  });

  it('downloads a meeting as an iCalendar event in UTC', async () => {
    const meeting = await createMeeting({ title: 'Calendar test' });
    const response = await api(null, 'GET', `/meetings/${meeting.id}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const text = response.body.replace(/\r\n /g, '');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('DTSTART:20210628T080000Z');
    expect(text).toContain('DTEND:20210628T153000Z');
    expect(text).toContain('SUMMARY:Calendar test');
    // The place as a calendar shows it: the country named in English, not its code.
    expect(text).toContain('LOCATION:Rome\\, Italy');
    expect(text).toContain(`/meetings/${meeting.id}`);
    // The event's link comes from PUBLIC_URL, never from the request's Host header.
    const forged = await suite.ctx.app.inject({ method: 'GET', url: `/meetings/${meeting.id}/calendar.ics`, headers: { host: 'evil.example' } });
    expect(forged.body).not.toContain('evil.example');
    expect(forged.body.replace(/\r\n /g, '')).toContain(`${suite.ctx.config.publicUrl}/meetings/${meeting.id}`);
  });
});

describe('group calendar feeds', () => {
  it('gives the public the public meetings, a personal link everything its owner may see, and stops a revoked link', async () => {
    const smallGroup = await groupId(suite.ctx.db, 'small-group');
    await createMeeting({ title: 'Public SG meeting', format: 'small-group-political-directors', groupId: smallGroup });
    await createMeeting({ title: 'Coalition-only SG call', format: 'small-group-political-directors', groupId: smallGroup, setting: 'virtual', city: null, classification: 'coalition' });
    const anonymous = await api(null, 'GET', `/groups/${smallGroup}/meetings.ics`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('SUMMARY:Public SG meeting');
    expect(anonymous.body).not.toContain('Coalition-only SG call');

    const created = await postForm(suite.ctx, suite.delegate, '/account/calendar/token');
    expect(created.statusCode).toBe(201);
    expect(created.body).toContain('Your personal links are below.');
    expect(created.body).not.toContain('Created and saved.');
    const token = created.body.match(/meetings\.ics\?token=(cdf_[A-Za-z0-9_-]+)/)?.[1] as string;
    expect(token).toMatch(/^cdf_[A-Za-z0-9_-]{20,}$/);
    // The personal link is shown once: the page shows no token when visited again.
    expect((await api(suite.delegate, 'GET', '/account/calendar')).body).not.toContain(token);
    const personal = await api(null, 'GET', `/groups/${smallGroup}/meetings.ics?token=${token}`);
    expect(personal.body).toContain('SUMMARY:Coalition-only SG call');
    // Neither the feed nor the page that hands out its address takes the request's Host header.
    const forgedFeed = await suite.ctx.app.inject({ method: 'GET', url: `/groups/${smallGroup}/meetings.ics?token=${token}`, headers: { host: 'evil.example' } });
    expect(forgedFeed.body).not.toContain('evil.example');
    const forgedPage = await suite.ctx.app.inject({ method: 'GET', url: '/account/calendar', headers: { cookie: suite.delegate.headers.cookie, host: 'evil.example' } });
    expect(forgedPage.body).not.toContain('evil.example');
    expect(forgedPage.body).toContain(`${suite.ctx.config.publicUrl}/groups/${smallGroup}/meetings.ics`);

    // Renewing says that the old address stopped working, and it did.
    const renewed = await postForm(suite.ctx, suite.delegate, '/account/calendar/token');
    expect(renewed.body).toContain('A new feed address was made; the old one no longer works.');
    expect(renewed.body).not.toContain('Created and saved.');
    expect((await api(null, 'GET', `/groups/${smallGroup}/meetings.ics?token=${token}`)).statusCode).toBe(401);
    const renewedToken = renewed.body.match(/meetings\.ics\?token=(cdf_[A-Za-z0-9_-]+)/)?.[1] as string;

    await postForm(suite.ctx, suite.delegate, '/account/calendar/token/revoke');
    expect((await api(null, 'GET', `/groups/${smallGroup}/meetings.ics?token=${renewedToken}`)).statusCode).toBe(401);
    const revoked = await api(null, 'GET', `/groups/${smallGroup}/meetings.ics?token=${token}`);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.body).toContain('revoked');
  });
});

describe('after the meeting', () => {
  it('records an agenda item outcome from the meeting page, keeping its theaters and topics', async () => {
    const meeting = await createMeeting({ title: 'Outcome test' });
    await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: 'Syria stabilization', theaterSlugs: ['syria'], topics: ['stabilization'] });
    const page = await api(suite.officer, 'GET', `/meetings/${meeting.id}`);
    const itemId = page.body.match(/action="\/meetings\/[^/]+\/agenda\/([0-9a-f-]{36})"/)?.[1] as string;
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.body).toContain('Syria stabilization');
    const saved = await postForm(suite.ctx, suite.officer, `/meetings/${meeting.id}/agenda/${itemId}`, { title: 'Syria stabilization', theaterSlugs: 'syria', topics: 'stabilization', [`outcome-${itemId}`]: 'Partners pledged to close the funding gap.' });
    expect(saved.statusCode).toBe(303);
    const after = await api(null, 'GET', `/meetings/${meeting.id}`);
    expect(after.body).toContain('Outcome: Partners pledged to close the funding gap.');
    expect(after.body).toContain('href="/meetings?theater=syria"');
    expect(after.body).toContain('/meetings/topics/stabilization');
    // The reader's own time zone is filled in by the page script from these instants.
    expect(after.body).toContain(`data-starts="${meeting.startsAt}"`);
  });
});

describe('theaters', () => {
  it('lets the secretariat extend the list, and a new region counts under its theater', async () => {
    const added = await postForm(suite.ctx, suite.officer, '/meetings/theaters', { slug: 'lake-chad', nameEn: 'Lake Chad islands', nameFr: 'Îles du lac Tchad', nameAr: 'جزر بحيرة تشاد', parentSlug: 'africa' });
    expect(added.statusCode).toBe(303);
    const twice = await postForm(suite.ctx, suite.officer, '/meetings/theaters', { slug: 'lake-chad', nameEn: 'Again', nameFr: 'Encore', nameAr: 'مجددًا', parentSlug: 'africa' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('&quot;lake-chad&quot; is Lake Chad islands');
    const refused = await postForm(suite.ctx, suite.delegate, '/meetings/theaters', { slug: 'x', nameEn: 'x', nameFr: 'x', nameAr: 'x' });
    expect(refused.statusCode).toBe(403);
    const meeting = await createMeeting({ title: 'Lake Chad meeting', startsLocal: '2023-02-01T10:00', endsLocal: '2023-02-01T12:00' });
    expect((await api(suite.officer, 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: 'Islands', theaterSlugs: ['lake-chad'] })).statusCode).toBe(204);
    const africa = (await api(null, 'GET', '/api/v1/meetings?theater=africa&year=2023')).json();
    expect(africa.items.map((m: { title: string }) => m.title)).toEqual(['Lake Chad meeting']);
    const page = await api(null, 'GET', '/meetings/theaters?lang=fr');
    expect(page.body).toContain('Îles du lac Tchad');
  });
});

describe('where meetings are held, in the reader’s language', () => {
  it('names the country in Arabic on the Arabic list and page, joined by the Arabic comma', async () => {
    const meeting = await createMeeting({ title: 'Place test: Rome ministerial' });
    const page = await api(null, 'GET', `/ar/meetings/${meeting.id}`);
    expect(page.body).toContain('حضوري، <bdi>Rome</bdi>، إيطاليا');
    expect(page.body).not.toContain('Rome, ITA');
    const list = await api(null, 'GET', `/ar/meetings?q=${encodeURIComponent('Place test')}`);
    expect(list.body).toContain('حضوري، <bdi>Rome</bdi>، إيطاليا');
    expect((await api(null, 'GET', `/fr/meetings/${meeting.id}`)).body).toContain('En présentiel, <bdi>Rome</bdi>, Italie');
  });

  it('names Kosovo, whose code is user-assigned', async () => {
    const meeting = await createMeeting({ title: 'Place test: Pristina', city: 'Pristina', countryIso3: 'XKX' });
    expect((await api(null, 'GET', `/ar/meetings/${meeting.id}`)).body).toContain('حضوري، <bdi>Pristina</bdi>، كوسوفو');
    expect((await api(null, 'GET', `/meetings/${meeting.id}`)).body).toContain('In person, <bdi>Pristina</bdi>, Kosovo');
  });
});
