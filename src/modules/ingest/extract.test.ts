import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { minimalPdf } from '../../../test/helpers/pdf.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { documentText } from './document-text.ts';
import { extractReadout } from './extract.ts';

const SEED = fs.readFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt'), 'utf8');

describe('extracting the seed readout', () => {
  const extraction = extractReadout(SEED, { publishedOn: '2021-09-29' });

  it('finds the meeting, its speaker with the role as written, what was discussed and which groups', () => {
    expect(extraction).toMatchObject({ date: '2021-09-29', meetingFormat: 'small-group', setting: 'virtual', location: null });
    expect(extraction.speakers).toEqual([{ name: 'John Godfrey', role: 'U.S. Acting Special Envoy for the Global Coalition' }]);
    expect(extraction.theaters).toEqual(['Iraq', 'Syria', 'Afghanistan', 'Africa']);
    expect(extraction.branches).toEqual(['ISIS-K']);
    // "Countering-ISIS Finance … Working Groups" is the registry's Counter ISIS Finance Group.
    expect(extraction.workingGroups).toEqual(['Communications Working Group', 'Counter ISIS Finance Group', 'Foreign Terrorist Fighters Working Group']);
  });

  it('reads the money as a lower-bound pledge against the 2021 goal, exactly', () => {
    expect(extraction.money.map(({ amount, currency, kind, year, lowerBound }) => ({ amount, currency, kind, year, lowerBound }))).toEqual([
      { amount: '600000000', currency: 'USD', kind: 'pledged', year: 2021, lowerBound: true },
      { amount: '670000000', currency: 'USD', kind: 'goal', year: 2021, lowerBound: false },
    ]);
  });

  it('dates the Kabul attack in the readout’s year and ties the June discussion to the Rome Ministerial', () => {
    expect(extraction.incidents).toMatchObject([{ date: '2021-08-26', place: 'Kabul', perpetrator: 'ISIS-K', quote: 'the horrific terrorist attack ISIS-K perpetrated on August 26 in Kabul' }]);
    expect(extraction.references).toMatchObject([{ what: 'D-ISIS Coalition Ministerial Meeting', when: '2021-06', where: 'Rome' }]);
  });

  it('proposes each commitment with who made it, and no calls ("stressed the need", "urging") as commitments', () => {
    expect(extraction.commitments.map((commitment) => commitment.actor)).toEqual(['the United States', null, 'Small Group representatives', 'Coalition partners', null]);
    expect(extraction.commitments.map((commitment) => commitment.quote).join(' ')).not.toMatch(/stressed the need|urging/);
    expect(extraction.commitments[0]?.quote).toBe('the United States intends to continue its support for the Iraqi Security Forces even as it completes its transition away from a combat role');
  });

  it('quotes every fact verbatim at its offsets, and ignores the cookie notice', () => {
    for (const fact of [...extraction.money, ...extraction.incidents, ...extraction.references, ...extraction.commitments]) expect(SEED.slice(fact.start, fact.end)).toBe(fact.quote);
    expect(JSON.stringify(extraction)).not.toContain('cookies');
  });
});

describe('dates against the publication date', () => {
  it('resolves "met today", "yesterday" and a weekday, and leaves the date open without a publication date', () => {
    expect(extractReadout('Partners of the Small Group met yesterday in Rome.', { publishedOn: '2024-03-15' })).toMatchObject({ date: '2024-03-14', location: { city: 'Rome', country: 'Italy' }, setting: 'in-person' });
    expect(extractReadout('The Small Group met on Monday by videoconference.', { publishedOn: '2024-03-15' })).toMatchObject({ date: '2024-03-11', setting: 'virtual' });
    expect(extractReadout('The Small Group met today.').date).toBeNull();
  });
});

describe('documents', () => {
  it('takes a saved web page without its navigation and cookie notice', async () => {
    const html = `<!doctype html><html><head><title>Readout</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="cookie-banner">This website uses cookies. Accept</div><article><h1>Readout of the Small Group Meeting</h1>${SEED.split('\n\n').slice(1, 4).map((paragraph) => `<p>${paragraph}</p>`).join('')}</article><footer>© Coalition · Privacy</footer></body></html>`;
    const { kind, text } = await documentText(Buffer.from(html));
    expect(kind).toBe('html');
    expect(text).toContain('Senior diplomatic representatives');
    expect(text).not.toMatch(/cookies|Privacy|News/);
    expect(extractReadout(text).incidents[0]).toMatchObject({ place: 'Kabul', perpetrator: 'ISIS-K' });
  });

  it('reads a PDF’s text layer, and refuses one without', async () => {
    const { kind, text } = await documentText(minimalPdf(['Readout of the Small Group Meeting', 'Coalition partners have pledged more than $600 million against their 2021 goal.']));
    expect(kind).toBe('pdf');
    expect(text).toContain('pledged more than $600 million');
    await expect(documentText(minimalPdf([]))).rejects.toThrow(InvalidInput);
    await expect(documentText(minimalPdf([]))).rejects.toMatchObject({ fields: [{ field: 'file', message: expect.stringContaining('no text layer') }] });
  });

  it('refuses empty, binary and oversized files with what is wrong', async () => {
    const problem = (bytes: Buffer) => documentText(bytes).then(() => '', (error: InvalidInput) => error.fields[0]?.message);
    expect(await problem(Buffer.alloc(0))).toBe('the file is empty');
    expect(await problem(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]))).toContain('looks binary');
    expect(await problem(Buffer.alloc(20 * 1024 * 1024, 'a'))).toContain('the file is 20.0 MB');
  });

  it('says when the year of the meeting date is a guess, and only then', () => {
    const yearless = 'Partners met in Rome on 14 March to review the stabilization pledges made since 2021 and the plans for 2025.';
    const guessed = extractReadout(yearless);
    expect(guessed.date).toBe('2025-03-14');
    expect(guessed.notes.join(' ')).toContain('the year proposed, 2025, is the latest year the text names');
    expect(extractReadout(yearless, { publishedOn: '2024-04-02' }).notes.join(' ')).not.toContain('latest year');
    expect(extractReadout(yearless.replace('14 March', '14 March 2024')).notes.join(' ')).not.toContain('latest year');
  });

  it('says what the rules do not cover in a French text, and still finds its date, place, theaters and figures', () => {
    const french = fs.readFileSync(path.resolve('test/fixtures/readouts/10-french-communique.txt'), 'utf8');
    const extraction = extractReadout(french, { publishedOn: '2024-03-14' });
    expect(extraction.notes[0]).toContain('French');
    expect(extraction).toMatchObject({ date: '2024-03-14', location: { city: 'Paris', country: 'France' }, theaters: ['Iraq', 'Syria', 'Sahel'] });
    expect(extraction.money[0]).toMatchObject({ amount: '45000000', currency: 'EUR' });
    expect(extractReadout('انعقد اجتماع التحالف الدولي ضد داعش في بغداد').notes[0]).toContain('Arabic');
  });
});

describe('coalition-desk ingest', () => {
  it('prints one JSON object with the fields of the specification', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-')), 'seed.txt');
    fs.writeFileSync(file, SEED);
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/coalition-desk.mjs', 'ingest', file, '--published-on', '2021-09-29', '--json']);
    const printed = JSON.parse(stdout);
    expect(Object.keys(printed)).toEqual(['title', 'date', 'meetingFormat', 'setting', 'location', 'speakers', 'theaters', 'branches', 'workingGroups', 'newMembers', 'money', 'incidents', 'references', 'commitments', 'detention', 'repatriations', 'taskings', 'prosecutions']);
    expect(printed.money[0]).toMatchObject({ amount: '600000000', currency: 'USD', amountUsd: '600000000', kind: 'pledged', lowerBound: true, quote: 'pledged more than $600 million', actor: null });
    expect(printed).toMatchObject({ detention: [], repatriations: [], prosecutions: [], taskings: [{ groups: ['Communications Working Group', 'Counter ISIS Finance Group', 'Foreign Terrorist Fighters Working Group'] }] });
    // The command reads what it can while the model loads on another thread: the facts are the same as in one go.
    const { notes: _notes, evidence: _evidence, ...inOneGo } = extractReadout(SEED, { publishedOn: '2021-09-29' });
    expect(printed).toEqual(JSON.parse(JSON.stringify(inOneGo)));
    expect(printed.speakers.length).toBeGreaterThan(0);
    await expect(promisify(execFile)(process.execPath, ['bin/coalition-desk.mjs', 'ingest', file, '--published-on', '29/09/2021', '--json'])).rejects.toMatchObject({ stderr: expect.stringContaining('--published-on must be a date as YYYY-MM-DD') });
  }, 60_000);
});
