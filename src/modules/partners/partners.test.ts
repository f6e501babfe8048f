import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/audit.ts';
import { partners } from '../../db/schema/partners.ts';
import { postForm, postUpload, type SignedInClient, groupId, loginAs, partnerId } from '../../../test/helpers/app.ts';
import { httpSuite } from '../../../test/helpers/http-suite.ts';

const suite = httpSuite(async (ctx) => {
  const officer = await loginAs(ctx, 'secretariat-officer');
  const delegate = await loginAs(ctx, 'delegate', { partnerIso3: 'FRA' });
  return { officer, delegate };
});

const api = (client: SignedInClient | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  suite.ctx.app.inject({ method, url, headers: client?.headers ?? {}, payload: payload as never });

describe('partners list', () => {
  it('lists the reference partners, sorted by name, with a total', async () => {
    const response = await api(suite.delegate, 'GET', '/api/v1/partners?pageSize=5');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBeGreaterThanOrEqual(87);
    expect(body.items.map((p: { nameEn: string }) => p.nameEn)).toEqual(['Afghanistan', 'Albania', 'Arab League (League of Arab States)', 'Australia', 'Austria']);
  });

  it('searches in every language and filters by kind', async () => {
    const arabic = await api(suite.delegate, 'GET', `/api/v1/partners?q=${encodeURIComponent('فرنسا')}`);
    expect(arabic.json().items.map((p: { iso3: string }) => p.iso3)).toEqual(['FRA']);
    const organisations = await api(suite.delegate, 'GET', '/api/v1/partners?kind=organisation');
    expect(organisations.json().items.map((p: { nameEn: string }) => p.nameEn)).toEqual([
      'Arab League (League of Arab States)',
      'Community of Sahel-Saharan States (CEN-SAD)',
      'European Union',
      'INTERPOL',
      'NATO',
    ]);
  });

  it('treats search wildcards as text', async () => {
    const response = await api(suite.delegate, 'GET', `/api/v1/partners?q=${encodeURIComponent('%')}`);
    expect(response.json().total).toBe(0);
  });

  it('sorts descending by join date and pages', async () => {
    const first = (await api(suite.delegate, 'GET', '/api/v1/partners?sort=joined&dir=desc&pageSize=2')).json();
    const second = (await api(suite.delegate, 'GET', '/api/v1/partners?sort=joined&dir=desc&pageSize=2&page=2')).json();
    expect(first.items[0].joined >= first.items[1].joined).toBe(true);
    expect(first.items[1].joined >= second.items[0].joined).toBe(true);
    expect(second.page).toBe(2);
  });

  it('renders the HTML list with sortable headers, filters, export and an empty state', async () => {
    const page = await api(suite.delegate, 'GET', '/partners?sort=name&dir=desc');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('aria-sort="descending"');
    expect(page.body).toContain('/partners/export.csv');
    expect(page.body).not.toContain('/partners/new'); // delegates do not create partners
    const empty = await api(suite.delegate, 'GET', '/partners?q=zzzznothing');
    expect(empty.body).toContain('No partner matches');
  });

  it('serves French and Arabic names from the ISO code', async () => {
    const response = await api(suite.delegate, 'GET', '/api/v1/partners?q=FRA');
    expect(response.json().items[0]).toMatchObject({ nameEn: 'France', nameFr: 'France', nameAr: 'فرنسا' });
  });
});

describe('group names in the reader’s language', () => {
  it('shows French and Arabic group names from the reference translations, and English marked as such where none is known', async () => {
    const french = await suite.ctx.app.inject({ method: 'GET', url: '/fr/groups' });
    expect(french.body).toContain('Groupe restreint');
    expect(french.body).toContain('Groupe de travail sur les combattants terroristes étrangers');
    const arabic = await suite.ctx.app.inject({ method: 'GET', url: '/ar/groups' });
    expect(arabic.body).toContain('المجموعة المصغرة');
    const created = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/groups', headers: suite.officer.headers, payload: { slug: 'untranslated-test-group', name: 'Untranslated Test Group', kind: 'working-group', classification: 'public' } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/ar/groups' })).body).toContain('<span lang="en">Untranslated Test Group</span>');
    expect((await suite.ctx.app.inject({ method: 'GET', url: '/groups' })).body).not.toContain('<span lang="en">Untranslated Test Group</span>');
  });
});

describe('creating and editing partners', () => {
  it('creates a partner, derives its names and audits it', async () => {
    const response = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'state', iso3: 'CHL', nameEn: 'Chile', joined: '2019-05', status: 'observer', source: 'test note' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ iso3: 'CHL', nameFr: 'Chili', nameAr: 'تشيلي', version: 1, classification: 'public' });
    const [event] = await suite.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(event).toMatchObject({ action: 'partner.created', actorLabel: suite.officer.user.email });
  });

  it('names each bad field and changes nothing', async () => {
    const before = (await api(suite.officer, 'GET', '/api/v1/partners?pageSize=1')).json().total;
    const response = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'planet', iso3: 'ZZZZ', nameEn: '', joined: '2021-13-01', favourite: true });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.kind', 'body.iso3', 'body.nameEn', 'body.joined', 'body.favourite']));
    expect((await api(suite.officer, 'GET', '/api/v1/partners?pageSize=1')).json().total).toBe(before);
  });

  it('refuses an unknown ISO code and a duplicate one', async () => {
    const unknown = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'state', iso3: 'QQQ', nameEn: 'Nowhere' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'iso3', message: '"QQQ" is not an ISO 3166-1 alpha-3 code' }]);
    const duplicate = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'state', iso3: 'fra', nameEn: 'France again' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0]).toEqual({ field: 'iso3', message: 'FRA is already used by France' });
  });

  it('stores hostile strings as given and shows them escaped', async () => {
    // A right-to-left override in a name is refused (issue 21); the rest is stored as given.
    const reversed = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'organisation', nameEn: 'Invoice \u202Egnp.exe' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.nameEn']);
    const hostile = `<script>alert(1)</script>'; DROP TABLE partners; -- ${'x'.repeat(9_900)}`;
    const response = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'organisation', nameEn: hostile });
    expect(response.statusCode).toBe(201);
    const id = response.json().id;
    expect((await api(suite.officer, 'GET', `/api/v1/partners/${id}`)).json().nameEn).toBe(hostile);
    const page = await api(suite.officer, 'GET', `/partners/${id}`);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect((await api(suite.officer, 'GET', '/api/v1/partners?pageSize=1')).json().total).toBeGreaterThan(87);
  });

  it('keeps both edits apart: a stale version gets 409 with the current record, and nothing is lost', async () => {
    const id = await partnerId(suite.ctx.db, 'NOR');
    const current = (await api(suite.officer, 'GET', `/api/v1/partners/${id}`)).json();
    const { id: _id, updatedAt: _u, ...editable } = current;
    const first = await api(suite.officer, 'PUT', `/api/v1/partners/${id}`, { ...editable, status: 'observer' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const second = await api(suite.officer, 'PUT', `/api/v1/partners/${id}`, { ...editable, joined: '2014' });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ status: 'observer', version: current.version + 1 });
    const [row] = await suite.ctx.db.select().from(partners).where(eq(partners.id, id));
    expect(row).toMatchObject({ status: 'observer', joined: current.joined });
  });

  it('lets the edit form show a stale-version message keeping what the user typed', async () => {
    const id = await partnerId(suite.ctx.db, 'DNK');
    const response = await postForm(suite.ctx, suite.officer, `/partners/${id}`, { kind: 'state', iso3: 'DNK', nameEn: 'Denmark (typed)', status: 'member', classification: 'public', version: '999' });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Someone else changed this record');
    expect(response.body).toContain('value="Denmark (typed)"');
  });

  it('re-renders the create form with field messages on bad input', async () => {
    const response = await postForm(suite.ctx, suite.officer, '/partners', { kind: 'state', iso3: 'XX1', nameEn: 'Typed name', status: 'member', classification: 'public' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="error-summary"');
    expect(response.body).toContain('value="Typed name"');
  });

  it('forbids delegates from changing the registry', async () => {
    const response = await api(suite.delegate, 'POST', '/api/v1/partners', { kind: 'state', iso3: 'MLT', nameEn: 'Malta' });
    expect(response.statusCode).toBe(403);
  });
});

describe('classification', () => {
  it('hides coalition partners from anonymous visitors (404) and shows them to signed-in users', async () => {
    const created = (await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'organisation', nameEn: 'Coalition-only body', classification: 'coalition' })).json();
    expect((await api(null, 'GET', `/partners/${created.id}`)).statusCode).toBe(404);
    const publicList = await api(null, 'GET', '/partners?q=Coalition-only');
    expect(publicList.body).not.toContain('Coalition-only body');
    expect((await api(suite.delegate, 'GET', `/api/v1/partners/${created.id}`)).statusCode).toBe(200);
  });

  it('shows restricted records only to members of the named groups', async () => {
    const finance = await groupId(suite.ctx.db, 'counter-isis-finance-group');
    const created = (await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'organisation', nameEn: 'Restricted body', classification: 'restricted', restrictedGroupIds: [finance] })).json();
    const member = await loginAs(suite.ctx, 'analyst', { groupSlugs: ['counter-isis-finance-group'] });
    const outsider = await loginAs(suite.ctx, 'analyst', { groupSlugs: ['small-group'] });
    expect((await api(member, 'GET', `/api/v1/partners/${created.id}`)).statusCode).toBe(200);
    expect((await api(outsider, 'GET', `/api/v1/partners/${created.id}`)).statusCode).toBe(404);
    expect((await api(outsider, 'GET', '/api/v1/partners?q=Restricted')).json().total).toBe(0);
  });

  it('lets a delegate restrict a person only to groups they are a member of; the secretariat to any group', async () => {
    const [france, finance, smallGroup] = await Promise.all([partnerId(suite.ctx.db, 'FRA'), groupId(suite.ctx.db, 'counter-isis-finance-group'), groupId(suite.ctx.db, 'small-group')]);
    const member = await loginAs(suite.ctx, 'delegate', { partnerIso3: 'FRA', groupSlugs: ['small-group'] });
    const person = (name: string, groups: string[]) => ({ partnerId: france, name, classification: 'restricted', restrictedGroupIds: groups });
    const foreign = await api(member, 'POST', '/api/v1/people', person('Hidden from my own group', [finance]));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ field: 'restrictedGroupIds', message: `you can restrict a record only to groups you are a member of; not to ${finance}` }]);
    const mixed = await api(member, 'POST', '/api/v1/people', person('Half mine', [smallGroup, finance]));
    expect(mixed.statusCode).toBe(400);
    expect((await api(suite.officer, 'GET', '/api/v1/people?q=Hidden%20from')).body).not.toContain('Hidden from my own group');
    const own = await api(member, 'POST', '/api/v1/people', person('Within my group', [smallGroup]));
    expect(own.statusCode).toBe(201);
    const bySecretariat = await api(suite.officer, 'POST', '/api/v1/people', person('Placed by the secretariat', [finance]));
    expect(bySecretariat.statusCode).toBe(201);
    // Keeping a restriction the record already had is no new restriction.
    const kept = await api(suite.officer, 'POST', '/api/v1/people', person('Both groups', [smallGroup, finance]));
    const created = kept.json();
    const edited = await api(member, 'PUT', `/api/v1/people/${created.id}`, { partnerId: france, name: 'Both groups, renamed', classification: 'restricted', restrictedGroupIds: [smallGroup, finance], version: created.version });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('requires a restricted record to name its groups', async () => {
    const response = await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'organisation', nameEn: 'Nobody may read', classification: 'restricted' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('restrictedGroupIds');
  });
});

describe('CSV import and export', () => {
  const csvHeaders = () => ({ ...suite.officer.headers, 'content-type': 'text/csv' });

  it('imports nothing when one row is bad, and lists every bad row with its line and column', async () => {
    const csv = ['name,kind,iso3,joined', 'Mongolia,state,MNG,2020', 'Bad Row,state,QQQ,2020', 'Another,empire,,20-20'].join('\r\n');
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/partners/import', headers: csvHeaders(), payload: csv });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['line 3: iso3', 'line 4: kind', 'line 4: joined']));
    expect(fields.some((f: string) => f.startsWith('line 2'))).toBe(false);
    expect((await api(suite.officer, 'GET', '/api/v1/partners?q=Mongolia')).json().total).toBe(0);
  });

  it('refuses unknown and missing columns', async () => {
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/partners/import', headers: csvHeaders(), payload: 'naam,kind\r\nX,state\r\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['line 1: name', 'line 1: naam']);
  });

  it('reports a malformed file instead of guessing', async () => {
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/partners/import', headers: csvHeaders(), payload: 'name,kind\r\n"unterminated,state\r\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toContain('not readable as CSV');
  });

  it('imports a good file, updating by ISO code and creating the rest', async () => {
    const csv = ['name,kind,iso3,joined,status', 'Mongolia,state,MNG,2020,observer', 'Belgium,state,BEL,2014,member'].join('\r\n');
    const response = await suite.ctx.app.inject({ method: 'POST', url: '/api/v1/partners/import', headers: csvHeaders(), payload: csv });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 2, created: 1, updated: 1 });
    expect((await api(suite.officer, 'GET', '/api/v1/partners?q=Mongolia')).json().items[0]).toMatchObject({ status: 'observer', nameAr: 'منغوليا' });
  });

  it('imports through the page with an uploaded file and shows the per-row report', async () => {
    const response = await postUpload(suite.ctx, suite.officer, '/partners/import', { name: 'p.csv', content: 'name,kind,iso3\r\nNowhere,state,QQQ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Nothing was imported: 1 problem');
    expect(response.body).toMatch(/<td data-label="[^"]*">2<\/td><td dir="ltr" data-label="[^"]*">iso3<\/td>/);
  });

  it('exports what the reader may see, with formula-looking cells neutralised', async () => {
    await api(suite.officer, 'POST', '/api/v1/partners', { kind: 'organisation', nameEn: '=HYPERLINK("http://evil")' });
    const response = await api(suite.delegate, 'GET', '/partners/export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('partners.csv');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('name,kind,iso3,joined,status,source,as_of,confidence,name_fr,name_ar,classification');
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines.some((l) => l.startsWith('France,state,FRA'))).toBe(true);
  });
});

describe('people', () => {
  it('lets a delegate add people of their own partner only', async () => {
    const france = await partnerId(suite.ctx.db, 'FRA');
    const germany = await partnerId(suite.ctx.db, 'DEU');
    const own = await api(suite.delegate, 'POST', '/api/v1/people', { partnerId: france, name: 'Jeanne Martin', title: 'Political Director', email: 'jeanne@example.fr' });
    expect(own.statusCode).toBe(201);
    const other = await api(suite.delegate, 'POST', '/api/v1/people', { partnerId: germany, name: 'Hans Müller' });
    expect(other.statusCode).toBe(403);
    const list = await api(suite.delegate, 'GET', `/api/v1/people?partnerId=${france}`);
    expect(list.json().items.map((p: { name: string }) => p.name)).toContain('Jeanne Martin');
  });

  it('pages the people list, searches by partner name and exports what the search found', async () => {
    const germany = await partnerId(suite.ctx.db, 'DEU');
    for (let i = 0; i < 3; i++) await api(suite.officer, 'POST', '/api/v1/people', { partnerId: germany, name: `Beamter ${i}` });
    const first = (await api(suite.delegate, 'GET', '/api/v1/people?q=Germany&pageSize=2')).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Beamter 0', 'Beamter 1']);
    const page = await api(suite.delegate, 'GET', '/people?q=Germany&pageSize=2');
    expect(page.body).toContain('Page 1 of 2');
    const csv = await api(suite.delegate, 'GET', '/people/export.csv?q=Germany');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual(['name,title,partner,email,classification', 'Beamter 0,,Germany,,coalition', 'Beamter 1,,Germany,,coalition', 'Beamter 2,,Germany,,coalition']);
  });

  it('shows people on the partner page', async () => {
    const france = await partnerId(suite.ctx.db, 'FRA');
    const page = await api(suite.delegate, 'GET', `/partners/${france}`);
    expect(page.body).toContain('Jeanne Martin');
    expect(page.body).toContain('/people/new?partnerId=');
  });
});

describe('groups', () => {
  it('lists groups with their co-leads from the reference data', async () => {
    const response = await api(suite.delegate, 'GET', '/api/v1/groups');
    const cifg = response.json().find((g: { slug: string }) => g.slug === 'counter-isis-finance-group');
    expect(cifg.members.filter((m: { role: string }) => m.role === 'co-lead').map((m: { nameEn: string }) => m.nameEn)).toEqual(['Italy', 'Saudi Arabia', 'United States']);
  });

  it('exports groups with co-leads and members', async () => {
    const csv = await api(null, 'GET', '/groups/export.csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('name,short_name,kind,co_leads,members,founded,mandate,source,classification');
    expect(lines.find((l) => l.startsWith('Counter ISIS Finance Group (CIFG)'))).toContain('working-group,Italy; Saudi Arabia; United States,,2015-01');
  });

  it('creates a group with members and refuses a taken short name', async () => {
    const italy = await partnerId(suite.ctx.db, 'ITA');
    const niger = await partnerId(suite.ctx.db, 'NER');
    const created = await api(suite.officer, 'POST', '/api/v1/groups', { slug: 'sahel-cell', name: 'Sahel Cell', kind: 'focus-group', members: [{ partnerId: italy, role: 'co-lead' }, { partnerId: niger, role: 'member' }] });
    expect(created.statusCode).toBe(201);
    expect(created.json().members).toHaveLength(2);
    const clash = await api(suite.officer, 'POST', '/api/v1/groups', { slug: 'sahel-cell', name: 'Another', kind: 'focus-group' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0].field).toBe('slug');
  });
});

describe('filter forms', () => {
  it('treat empty filter fields as no filter', async () => {
    const response = await api(suite.delegate, 'GET', '/partners?q=Fran&kind=&status=');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('>France</a>');
  });
});

describe('group forms', () => {
  it('creates a group from the form with co-leads and members, then edits it', async () => {
    const italy = await partnerId(suite.ctx.db, 'ITA');
    const morocco = await partnerId(suite.ctx.db, 'MAR');
    const niger = await partnerId(suite.ctx.db, 'NER');
    const created = await postForm(suite.ctx, suite.officer, '/groups', { name: 'West Africa Cell', slug: 'west-africa-cell', kind: 'focus-group', coLeads: [italy, morocco], memberIds: niger, classification: 'public' });
    expect(created.statusCode).toBe(303);
    const page = await api(suite.delegate, 'GET', String(created.headers.location));
    expect(page.body).toContain('West Africa Cell');
    expect(page.body).toMatch(/Italy<\/a> \(co-lead\)/);
    expect(page.body).toMatch(/Niger<\/a> \(member\)/);
    const groupIdFromUrl = String(created.headers.location).split('/').pop() as string;
    const stale = await postForm(suite.ctx, suite.officer, `/groups/${groupIdFromUrl}`, { name: 'Renamed', slug: 'west-africa-cell', kind: 'focus-group', classification: 'public', version: '7' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Renamed"');
  });
});
