import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ListedEntity, listedName, noDetails } from './entities.ts';
import { subjectLink } from './subjects.ts';
import { ListFileError, loadListFiles, readListFiles } from './list-files.ts';
import { bufferSource } from './list-source.ts';
import { DEFAULT_THRESHOLD, Screener } from './matcher.ts';
import { skeleton, tokenize } from './normalize.ts';

const FIXTURES = path.resolve('test/fixtures/sanctions');
const forms = (name: string) => tokenize(name).map((token) => token.form);
let screener: Screener;

/** The entities of list files given as text, as the upload page hands them over. */
const readText = async (files: Record<string, string>) => [...(await readListFiles(Object.entries(files).map(([name, content]) => bufferSource(name, content)))).values()].flatMap((list) => list.entities);

beforeAll(async () => {
  screener = new Screener(await loadListFiles([path.join(FIXTURES, 'UN_consolidated.xml'), path.join(FIXTURES, 'ofac')]));
});

describe('normalisation', () => {
  const keys = (name: string) => tokenize(name).map((token) => token.key);
  it('brings Arabic-script and Latin spellings of one name to the same comparable form', () => {
    expect(keys('أسامة بن لادن')).toEqual(keys('Usama ibn Laden'));
    expect(keys('ابو بكر البغدادي')).toEqual(keys('Abou Bakr El-Baghdadi'));
    for (const spelling of ['Abdul Rahman', 'Abdelrahman', 'عبد الرحمن', 'عبدالرحمن', 'Abdurrahman']) expect(keys(spelling), spelling).toEqual(keys('Abd al-Rahman'));
    // A final h may be silent (Abdullah = Abdulla = عبد الله): one of the word's keys is the same.
    const allKeys = (name: string) => tokenize(name).flatMap((token) => [token.key, ...(token.alternates ?? [])]);
    for (const spelling of ['Abdullah', 'Abdallah', 'Abd Allah', 'عبد الله', 'عبدالله']) expect(allKeys(spelling), spelling).toContain(keys('Abdulla')[0]);
    expect(skeleton('Baghdadi')).toBe(skeleton('البغدادي'));
    expect(skeleton('Qasim')).toBe(skeleton('قاسم'));
    expect(skeleton('Khalid')).toBe(skeleton('خالد'));
    expect(skeleton('ash-Shami')).toBe(skeleton('الشامي'));
    expect(forms('Владимир Путин')).toEqual(['vladimir', 'putin']);
    expect(tokenize('ابو بكر')[0]).toMatchObject({ form: 'abu', particle: true });
  });

  it('keeps each word as written, in its own script, for the explanation', () => {
    expect(tokenize('أبو بكر البغدادي').map((token) => token.original)).toEqual(['أبو', 'بكر', 'البغدادي']);
  });

  it('answers bad input plainly: marks, tatweel, invisible controls, apostrophes, mixed scripts', () => {
    expect(keys('عُمَرْ')).toEqual(keys('عمر'));
    expect(keys('عـــمـــر')).toEqual(keys('عمر'));
    expect(keys('A\u200Bli \u202EHassan\u202C')).toEqual(keys('Ali Hassan'));
    expect(keys("'Umar")).toEqual(keys('Umar'));
    expect(keys("Qa'ida")).toEqual(keys('Qaida'));
    expect(tokenize('Abuبكر').map((token) => token.original)).toEqual(['Abu', 'بكر']);
    expect(tokenize('x').length).toBe(1);
  });
});

describe('list files', () => {
  it('reads the UN consolidated list: individuals, entities, aliases with their quality, original script, documents, addresses, the raw record', async () => {
    const entities = await loadListFiles([path.join(FIXTURES, 'UN_consolidated.xml')]);
    expect(entities.filter((entity) => entity.kind === 'person')).toHaveLength(730);
    expect(entities.filter((entity) => entity.kind === 'organisation')).toHaveLength(273);
    const baghdadi = entities.find((entity) => entity.ref === 'UN:QDi.299');
    expect(baghdadi?.names.some((name) => name.originalScript && name.full.includes('البغدادي'))).toBe(true);
    expect(baghdadi?.names.some((name) => name.quality === 'low')).toBe(true);
    expect(baghdadi).toMatchObject({ birthPlaces: ['Iraq'], addresses: ['Iraq', 'Syrian Arab Republic'], documents: [{ type: 'National Identification Number', number: '0134852', note: 'Ration card number:' }] });
    expect(baghdadi?.raw).toMatchObject({ REFERENCE_NUMBER: 'QDi.299', UN_LIST_TYPE: 'Al-Qaida' });
    expect(entities.filter((entity) => entity.kind === 'organisation' && entity.addresses.length).length).toBeGreaterThan(100);
    const withPassport = entities.filter((entity) => entity.documents.some((document) => document.type === 'Passport' && document.number && document.country));
    expect(withPassport.length).toBeGreaterThan(50);
  });

  it('reads OFAC addresses from add.csv and identity documents, places of birth and nationality from the remarks', async () => {
    const entities = await loadListFiles([path.join(FIXTURES, 'ofac')]);
    const zawahiri = entities.find((entity) => entity.ref === 'OFAC-SDN:2676');
    expect(zawahiri).toMatchObject({ birthDates: ['1951-06-19'], birthPlaces: ['Giza, Egypt'], documents: [{ type: 'Passport', number: '1084010', country: 'Egypt' }, { type: 'Passport', number: '19820215' }] });
    expect(entities.find((entity) => entity.ref === 'OFAC-SDN:306')?.addresses).toContain('Zweierstrasse 35, Zurich CH-8022, Switzerland');
    expect(entities.find((entity) => entity.ref === 'OFAC-SDN:21286')?.nationalities).toEqual(['Saudi Arabia']);
  });

  it('reads the EU financial-sanctions XML and the UK (OFSI) consolidated CSV into the same model', async () => {
    const entities = await loadListFiles([path.join(FIXTURES, 'eu_sample.xml'), path.join(FIXTURES, 'uk_sample.csv')]);
    const eu = entities.find((entity) => entity.ref === 'EU:EU.1.01');
    expect(eu).toMatchObject({ list: 'EU', kind: 'person', birthDates: ['1951-06-19'], nationalities: ['EGYPT'], programmes: ['TAQA'] });
    expect(eu?.names.map((name) => [name.full, name.quality])).toEqual([
      ['Aiman Muhammed Rabi al-Zawahiri', 'primary'],
      ['أيمن محمد ربيع الظواهري', 'good'],
      ['Abu Fatima', 'low'],
    ]);
    expect(entities.find((entity) => entity.ref === 'EU:EU.1.02')?.kind).toBe('organisation');
    const uk = entities.find((entity) => entity.ref === 'UK:12345');
    expect(uk).toMatchObject({ list: 'UK', kind: 'person', birthDates: ['1971'], nationalities: ['Iraq'], listedOn: '2011-10-04' });
    expect(uk?.names.map((name) => [name.full, name.quality])).toEqual([
      ['Abu Bakr AL-BAGHDADI', 'primary'],
      ['أبو بكر البغدادي', 'good'],
      ['Ibrahim Awwad Ibrahim Ali AL-BADRI', 'good'],
      ["Abu DU'A", 'low'],
    ]);
    const screener = new Screener(entities);
    // A handful of entries: part weights are not those of the full lists, so the best hit is asked for, whatever its score.
    expect(screener.screen({ name: 'Ayman Mohammed Rabi Zawahiri' }, { threshold: 0 })[0]?.ref).toBe('EU:EU.1.01');
    expect(screener.screen({ name: 'Ibrahim Awad al-Badri' }, { threshold: 0 })[0]?.ref).toBe('UK:12345');
  });

  it('keeps each list file\'s own publication date, and none for OFAC\'s CSV files that state none', async () => {
    const lists = await readListFiles([...['UN_consolidated.xml', 'eu_sample.xml', 'uk_sample.csv'].map((name) => bufferSource(name, fs.readFileSync(path.join(FIXTURES, name)))), ...['sdn.csv', 'alt.csv'].map((name) => bufferSource(name, fs.readFileSync(path.join(FIXTURES, 'ofac', name))))]);
    expect(Object.fromEntries([...lists].map(([list, read]) => [list, read.publishedOn ?? null]))).toEqual({ UN: '2026-02-27', EU: '2026-11-20', UK: '2026-11-20', 'OFAC-SDN': null });
  });

  it('groups two entries as one subject by a cross-reference when no birth date says so, and says how', async () => {
    const un = screener.entities.find((entity) => entity.ref === 'UN:QDi.006');
    const eu = (await loadListFiles([path.join(FIXTURES, 'eu_sample.xml')])).find((entity) => entity.ref === 'EU:EU.1.01');
    expect(eu?.sameAs).toEqual(['UN:QDi.006']);
    // Without birth dates the names alone would not group them; the EU record's UN reference does.
    const undated = { ...(eu as ListedEntity), birthDates: [] };
    expect(subjectLink(un as ListedEntity, undated)).toBe('cross-reference');
    expect(subjectLink(un as ListedEntity, { ...undated, sameAs: [] })).toBeUndefined();
    const hits = new Screener([...screener.entities, undated]).screen({ name: 'Aiman Muhammed Rabi al-Zawahiri' }, { top: 1 });
    expect(hits.map((hit) => hit.ref)).toEqual(expect.arrayContaining(['UN:QDi.006', 'EU:EU.1.01']));
    expect(new Set(hits.map((hit) => hit.subject)).size).toBe(1);
    expect(hits.find((hit) => hit.ref === 'EU:EU.1.01' || hit.ref === 'UN:QDi.006')?.subject).toBe(0);
    expect(hits.filter((hit) => hit.groupedBy).map((hit) => hit.groupedBy)).toContain('cross-reference');
    // The UK list names the UN listing it implements in the record's other information.
    const header = 'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Position,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,Last Updated,Group ID';
    const [uk] = await readText({ 'uk.csv': `${header}\nAL-ZAWAHIRI,Ayman,,,,,,,,,,,,,,"(UK Sanctions List Ref):AQD0104. (UN Ref):QDi.006. Leader of Al-Qaida.",Individual,Primary name,,ISIL (Da'esh) and Al-Qaida,,,7001\n` });
    expect(uk?.sameAs).toEqual(['UN:QDi.006']);
  });

  it('refuses a malformed or unknown file, naming it and where it broke', async () => {
    await expect(readText({ 'broken.xml': '<CONSOLIDATED_LIST><INDIVIDUALS>' })).rejects.toThrow(ListFileError);
    // A record part-way through the real list breaks: the line is named.
    const un = fs.readFileSync(path.join(FIXTURES, 'UN_consolidated.xml'), 'utf8');
    const brokenAt = un.indexOf('<REFERENCE_NUMBER>QDi.299');
    const brokenLine = un.slice(0, brokenAt).split('\n').length;
    await expect(readText({ 'UN.xml': `${un.slice(0, brokenAt)}<REFERENCE_NUMBER>QDi.299</WRONG>${un.slice(brokenAt + 40)}` })).rejects.toThrow(`UN.xml: not readable as XML at line ${brokenLine}:`);
    await expect(readText({ 'sdn.csv': '12,"A"\nnot a row\n' })).rejects.toThrow('sdn.csv (primary): line 1 is not an OFAC primary row (expected 12 columns starting with the entry number)');
    await expect(readText({ 'sdn.csv': '1,"A",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n2,"unterminated\n' })).rejects.toThrow(/sdn.csv: not readable as CSV at line 2/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lists-'));
    fs.writeFileSync(path.join(dir, 'names.csv'), 'hello');
    fs.writeFileSync(path.join(dir, 'README.md'), 'Not a list, and not taken for one.');
    await expect(loadListFiles([dir])).rejects.toThrow(`${path.join(dir, 'names.csv')}: not a known list format`);
    await expect(loadListFiles([path.join(dir, 'README.md')])).rejects.toThrow('README.md: not a known list format');
  });

  it('never expands entities declared in the file (billion laughs) and says so', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`;
    await expect(readText({ 'laughs.xml': laughs })).rejects.toThrow(/laughs.xml: not readable as XML at line 1:\d+: undefined entity/);
  });

  it('reads a file arriving in many small pieces exactly as one read whole, multi-byte characters split across pieces', async () => {
    const un = fs.readFileSync(path.join(FIXTURES, 'UN_consolidated.xml'));
    const whole = await readText({ 'UN_consolidated.xml': un.toString('utf8') });
    const pieces = Array.from({ length: Math.ceil(un.length / 997) }, (_, index) => un.subarray(index * 997, (index + 1) * 997));
    const { Readable } = await import('node:stream');
    const [read] = [...(await readListFiles([{ name: 'UN_consolidated.xml', open: () => Readable.from(pieces) }])).values()];
    expect(read?.entities.map((entity) => entity.names.map((name) => name.full))).toEqual(whole.map((entity) => entity.names.map((name) => name.full)));
  });
});

describe('matching', () => {
  const best = (name: string, extra: { dob?: string; nationality?: string } = {}) => screener.screen({ name, ...extra }, { top: 1, threshold: 0 })[0];

  it('finds listed people under other spellings, orders and scripts', () => {
    for (const name of ['Abu Bakr al-Baghdadi', 'AL-BAGHDADI Abu Bakr', 'أبو بكر البغدادي', 'Abou Bakr El Baghdadi']) expect(best(name)?.entity.ref, name).toMatch(/^(UN:QDi\.299|OFAC-SDN:12926)$/);
    expect(best('Osama Bin Ladin')?.ref).toBe('OFAC-SDN:6365');
    expect(best('Aiman Zawahri')?.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('explains each hit: which tokens met, how, and what moved the score', () => {
    const hit = best('Usama bin Ladin', { dob: '1957' });
    expect(hit?.ref).toBe('OFAC-SDN:6365');
    expect(hit?.explanation.adjustments).toEqual([{ reason: 'born 1957, as listed', change: 0.05, code: 'born-as-listed', values: { year: '1957', listed: expect.stringContaining('1957') } }]);
    expect(hit?.explanation.matched.map((match) => [match.query, match.listed, match.how])).toEqual(
      expect.arrayContaining([
        ['Usama', 'Usama', 'exact'],
        ['bin', 'BIN', 'exact'],
        ['Ladin', 'LADIN', 'exact'],
      ]),
    );
    const wrongYear = screener.screen({ name: 'Usama bin Ladin', dob: '1990' }, { top: 5, threshold: 0 }).find((candidate) => candidate.ref === 'OFAC-SDN:6365');
    expect(wrongYear?.explanation.adjustments.some((adjustment) => adjustment.change < 0 && adjustment.reason.startsWith('born 1990'))).toBe(true);
    expect((wrongYear?.score ?? 1) < (hit?.score ?? 0)).toBe(true);
  });

  it('keeps common and unlisted names below the threshold, and survives hostile input', () => {
    expect(screener.screen({ name: 'John Smith' })).toEqual([]);
    expect(screener.screen({ name: 'Mohammed' })).toEqual([]);
    expect(screener.screen({ name: 'محمد علي' })).toEqual([]);
    expect(screener.screen({ name: 'عبد الله' })).toEqual([]);
    expect(screener.screen({ name: '' })).toEqual([]);
    expect(screener.screen({ name: '!!! ??? ---' })).toEqual([]);
    expect(screener.screen({ name: 'x' })).toEqual([]);
    expect(screener.screen({ name: 'x'.repeat(2000) })).toEqual([]);
    expect(screener.screen({ name: Array.from({ length: 500 }, (_, index) => `name${index}`).join(' ') })).toEqual([]);
    for (const hit of screener.screen({ name: 'Muhammad Ali Hasan' }, { top: 10, threshold: 0 })) {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
  });

  it('finds a Latin-only listing from an Arabic-script query, with tatweel, marks or invisible controls', () => {
    for (const name of ['ابو بكر البغدادي', 'أبـــو بَكْر البغدادي', '\u200Fابو بكر\u200E البغدادي']) {
      expect(screener.screen({ name }).map((hit) => hit.ref), name).toContain('OFAC-SDN:12926');
    }
    const hit = screener.screen({ name: 'ابو بكر البغدادي' }).find((candidate) => candidate.ref === 'OFAC-SDN:12926');
    // The listed word is shown as the list writes it, never as an internal form.
    expect(hit?.explanation.matched.find((match) => match.query === 'البغدادي')).toMatchObject({ listed: 'BAGHDADI', how: 'transliteration' });
  });

  it('finds Latin spellings with apostrophes for ayn and hamza', () => {
    expect(screener.screen({ name: "Abu Bakr al-Baghdadi al-Husayni al-Qurashi" })[0]?.entity.ref).toMatch(/^(UN:QDi\.299|OFAC-SDN:12926)$/);
    expect(screener.screen({ name: "Ayman al-Zawahiri" }).map((hit) => hit.ref)).toContain('OFAC-SDN:2676');
  });

  it('does not alert on a shared family name when the given names differ', () => {
    const lists = [{ ref: 'OFAC-SDN:1', list: 'OFAC-SDN' as const, kind: 'person' as const, names: [listedName('SALEH, Salim', 'primary')], ...noDetails() }, { ref: 'OFAC-SDN:2', list: 'OFAC-SDN' as const, kind: 'person' as const, names: [listedName('DARWISH, Ali', 'primary')], ...noDetails() }];
    const small = new Screener([...lists, ...screener.entities]);
    expect(small.screen({ name: 'Salma Saleh' }).map((hit) => hit.ref)).not.toContain('OFAC-SDN:1');
    expect(small.screen({ name: 'Walid Darwish' }).map((hit) => hit.ref)).not.toContain('OFAC-SDN:2');
    const near = small.screen({ name: 'Salma Saleh' }, { threshold: 0, top: 10 }).find((hit) => hit.ref === 'OFAC-SDN:1');
    expect(near?.explanation.differing).toEqual([{ query: 'Salma', listed: 'Salim' }]);
    expect(small.screen({ name: 'Salim Saleh' })[0]?.ref).toBe('OFAC-SDN:1');
  });

  it('finds names written family name first, with عبد, a particle or a title last, an article\'s hyphen misplaced, or a title misspelt', () => {
    const person = (ref: string, name: string) => ({ ref, list: 'OFAC-SDN' as const, kind: 'person' as const, names: [listedName(name, 'primary')], ...noDetails() });
    const small = new Screener([person('OFAC-SDN:11', 'ABD AL-RAHMAN MAKKI'), person('OFAC-SDN:12', 'MAJID, Hafiz Abdul'), person('OFAC-SDN:13', 'AL-JIZRAWI, Taha Yassin'), person('OFAC-SDN:14', 'KASKAR, Shaikh Anis'), ...screener.entities]);
    expect(small.screen({ name: 'Makki Rahman Abdul' })[0]?.ref).toBe('OFAC-SDN:11');
    expect(small.screen({ name: 'Abdul Hafiz Majid' })[0]?.ref).toBe('OFAC-SDN:12');
    expect(small.screen({ name: 'Taha Yassin alj-Izrawi' })[0]?.ref).toBe('OFAC-SDN:13');
    expect(small.screen({ name: 'Taha Yassin a-Jizrawi' })[0]?.ref).toBe('OFAC-SDN:13');
    expect(small.screen({ name: 'Anis Kaskar Chaikh' })[0]?.ref).toBe('OFAC-SDN:14');
    expect(best('Bakr al-Baghdadi Abu')?.entity.ref).toMatch(/^(UN:QDi\.299|OFAC-SDN:12926)$/);
    // The reversed reading is shown with the query's own words.
    expect(small.screen({ name: 'Makki Rahman Abdul' })[0]?.explanation.matched.map((match) => match.listed)).toEqual(expect.arrayContaining(['ABD AL RAHMAN', 'MAKKI']));
  });

  it('answers mixed-script, marked, invisible-laden, single-letter and overlong names with a clear result', () => {
    // Half Latin, half Arabic script: both halves count.
    expect(screener.screen({ name: 'Abu Bakr البغدادي' }).map((hit) => hit.ref)).toContain('OFAC-SDN:12926');
    expect(screener.screen({ name: 'أبو بكر al-Baghdadi' }).map((hit) => hit.ref)).toContain('OFAC-SDN:12926');
    expect(screener.screen({ name: 'Abu\u200D Bakr\u2067 al-Baghdadi\u2069' }).map((hit) => hit.ref)).toContain('OFAC-SDN:12926');
    // Single letters and initials alone are no name: nothing alerts.
    for (const name of ['A', 'ع', 'A. B.', 'S.A.']) expect(screener.screen({ name }), name).toEqual([]);
    // 500 words: the first 12 parts are compared, the answer comes back whole.
    const long = screener.screen({ name: `Usama bin Ladin ${'x '.repeat(497)}` }, { threshold: 0, top: 1 });
    expect(long[0]?.ref).toBe('OFAC-SDN:6365');
  });

  it('shows one person listed by the UN and by OFAC as one subject with both references', () => {
    const hits = screener.screen({ name: 'Ibrahim Awad Ibrahim al-Badri', dob: '1971' }, { top: 1 });
    expect(hits.map((hit) => hit.ref).sort()).toEqual(['OFAC-SDN:12926', 'UN:QDi.299']);
    expect(new Set(hits.map((hit) => hit.subject))).toEqual(new Set([0]));
  });
});

describe('coalition-desk screen', () => {
  it('writes one JSON line per input row, best hits first, within --top and --threshold', async () => {
    const input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'screen-')), 'names.csv');
    fs.writeFileSync(input, '\uFEFFid,name,dob\r\na1,Abu Bakr al-Baghdadi,1971\r\na2,John Smith,\r\na3,,\r\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/coalition-desk.mjs', 'screen', '--list', path.join(FIXTURES, 'UN_consolidated.xml'), path.join(FIXTURES, 'ofac'), '--input', input, '--top', '1', '--json']);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['a1', 'a2', 'a3']);
    // One subject (--top 1), listed by the UN and by OFAC: one row per reference.
    expect(lines[0].hits.map((hit: { ref: string }) => hit.ref).sort()).toEqual(['OFAC-SDN:12926', 'UN:QDi.299']);
    expect(lines[0].hits.map((hit: { subject: number }) => hit.subject)).toEqual([0, 0]);
    expect(lines[0].hits.find((hit: { ref: string }) => hit.ref === 'UN:QDi.299')).toMatchObject({ name: 'Abu Bakr al-Baghdadi' });
    expect(lines[1].hits).toEqual([]);
  }, 60_000);
});
