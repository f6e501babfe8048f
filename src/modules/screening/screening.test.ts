import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ListFileError, loadListFiles, parseOfacCsv, parseUnXml } from './list-files.ts';
import { DEFAULT_THRESHOLD, Screener } from './matcher.ts';
import { skeleton, tokenize } from './normalize.ts';

const FIXTURES = path.resolve('test/fixtures/sanctions');
const forms = (name: string) => tokenize(name).map((token) => token.form);
let screener: Screener;

beforeAll(() => {
  screener = new Screener(loadListFiles([path.join(FIXTURES, 'UN_consolidated.xml'), path.join(FIXTURES, 'ofac')]));
});

describe('normalisation', () => {
  it('folds Arabic letter forms, transliterates, and handles particles and spelling variants', () => {
    expect(forms('أسامة بن لادن')).toEqual(['asama', 'bin', 'ladn']);
    expect(forms('Usama ibn Laden')).toEqual(['usama', 'bin', 'laden']);
    expect(forms('Abd al-Rahman')).toEqual(forms('Abdurrahman'));
    expect(forms('Mohamed AL-BAGHDADI')).toEqual(['muhammad', 'baghdadi']);
    expect(skeleton('baghdadi')).toBe(skeleton(tokenize('البغدادي')[0]?.form ?? ''));
    expect(forms('Владимир Путин')).toEqual(['vladimir', 'putin']);
    expect(tokenize('ابو بكر')[0]).toMatchObject({ form: 'abu', particle: true });
  });
});

describe('list files', () => {
  it('reads the UN consolidated list: individuals, entities, aliases with their quality, original script', () => {
    const entities = parseUnXml(fs.readFileSync(path.join(FIXTURES, 'UN_consolidated.xml'), 'utf8'));
    expect(entities.filter((entity) => entity.kind === 'person')).toHaveLength(730);
    expect(entities.filter((entity) => entity.kind === 'organisation')).toHaveLength(273);
    const baghdadi = entities.find((entity) => entity.ref === 'UN:QDi.299');
    expect(baghdadi?.names.some((name) => name.originalScript && name.full.includes('البغدادي'))).toBe(true);
    expect(baghdadi?.names.some((name) => name.quality === 'low')).toBe(true);
  });

  it('reads the EU financial-sanctions XML and the UK (OFSI) consolidated CSV into the same model', () => {
    const entities = loadListFiles([path.join(FIXTURES, 'eu_sample.xml'), path.join(FIXTURES, 'uk_sample.csv')]);
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
    expect(screener.screen({ name: 'Ayman Mohammed Rabi Zawahiri' })[0]?.ref).toBe('EU:EU.1.01');
    expect(screener.screen({ name: 'Ibrahim Awad al-Badri' })[0]?.ref).toBe('UK:12345');
  });

  it('refuses a malformed or unknown file, naming it and where it broke', () => {
    expect(() => parseUnXml('<CONSOLIDATED_LIST><INDIVIDUALS>', 'broken.xml')).toThrow(ListFileError);
    expect(() => parseOfacCsv('12,"A"\nnot a row\n', null, 'OFAC-SDN', 'sdn.csv')).toThrow('sdn.csv (primary): line 1 is not an OFAC primary row (expected 12 columns starting with the entry number)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lists-'));
    fs.writeFileSync(path.join(dir, 'names.txt'), 'hello');
    expect(() => loadListFiles([dir])).toThrow('not a known list format');
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
    expect(hit?.explanation.adjustments).toEqual([{ reason: 'born 1957, as listed', change: 0.05 }]);
    expect(hit?.explanation.matched.map((match) => [match.query, match.listed, match.how])).toEqual([
      ['usama', 'usama', 'exact'],
      ['bin', 'bin', 'exact'],
      ['ladin', 'ladin', 'exact'],
    ]);
    const wrongYear = screener.screen({ name: 'Usama bin Ladin', dob: '1990' }, { top: 5, threshold: 0 }).find((candidate) => candidate.ref === 'OFAC-SDN:6365');
    expect(wrongYear?.explanation.adjustments.some((adjustment) => adjustment.change < 0 && adjustment.reason.startsWith('born 1990'))).toBe(true);
    expect((wrongYear?.score ?? 1) < (hit?.score ?? 0)).toBe(true);
  });

  it('keeps common and unlisted names below the threshold, and survives hostile input', () => {
    expect(screener.screen({ name: 'John Smith' })).toEqual([]);
    expect(screener.screen({ name: 'Mohammed' })).toEqual([]);
    expect(screener.screen({ name: '' })).toEqual([]);
    expect(screener.screen({ name: '!!! ??? ---' })).toEqual([]);
    const long = screener.screen({ name: 'x'.repeat(2000) });
    expect(long).toEqual([]);
    for (const hit of screener.screen({ name: 'Muhammad Ali Hasan' }, { top: 10, threshold: 0 })) {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('coalition-desk screen', () => {
  it('writes one JSON line per input row, best hits first, within --top and --threshold', async () => {
    const input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'screen-')), 'names.csv');
    fs.writeFileSync(input, '\uFEFFid,name,dob\r\na1,Abu Bakr al-Baghdadi,1971\r\na2,John Smith,\r\na3,,\r\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/coalition-desk.mjs', 'screen', '--list', path.join(FIXTURES, 'UN_consolidated.xml'), '--input', input, '--top', '2', '--json']);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['a1', 'a2', 'a3']);
    expect(lines[0].hits[0]).toMatchObject({ ref: 'UN:QDi.299', name: 'Abu Bakr al-Baghdadi' });
    expect(lines[0].hits.length).toBeLessThanOrEqual(2);
    expect(lines[1].hits).toEqual([]);
  }, 60_000);
});
