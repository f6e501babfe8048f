import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import { ExtractionOverBudget, extractOffThread, stopExtractionThread } from './extraction-thread.ts';

const SEED = fs.readFileSync(path.resolve('test/fixtures/readouts/01-seed-small-group.txt'), 'utf8');

afterAll(() => stopExtractionThread());

describe('extraction off the event loop', () => {
  it('gives the same facts as reading in place', async () => {
    const inPlace = extractReadout(SEED, { publishedOn: '2021-09-29' });
    expect(await extractOffThread(SEED, { publishedOn: '2021-09-29' })).toEqual(inPlace);
  }, 60_000);

  it('keeps the event loop free while a long document is read', async () => {
    const long = `${SEED}\n\n`.repeat(40);
    let turns = 0;
    const ticking = setInterval(() => turns++, 1);
    const extraction = await extractOffThread(long, { publishedOn: '2021-09-29' });
    clearInterval(ticking);
    expect(extraction.money.length).toBeGreaterThan(0);
    // Timers on the main thread ran while the other thread read: the server could answer meanwhile.
    expect(turns).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a document over the time budget with a clear message, and reads the next one', async () => {
    const refused = extractOffThread(`${SEED}\n\n`.repeat(200), { publishedOn: null, budgetMs: 1 });
    await expect(refused).rejects.toBeInstanceOf(ExtractionOverBudget);
    await expect(refused).rejects.toMatchObject({ fields: [{ field: 'file', message: expect.stringContaining('longer than 0.0 s') }] });
    const next = await extractOffThread(SEED, { publishedOn: '2021-09-29' });
    expect(next.speakers[0]?.name).toBe('John Godfrey');
  }, 60_000);
});
