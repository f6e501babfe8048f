import { readdir, readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detentionSites } from '../src/db/schema/detention.ts';
import { meetings } from '../src/db/schema/meetings.ts';
import { branches } from '../src/db/schema/threats.ts';
import { readCsv } from '../src/db/seed/data-files.ts';
import { buildTestApp, type TestContext } from './helpers/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

/** What a source must never be shown as: a file name or a path on someone's disk. */
const FILE_OR_PATH = /[\w-]+\.(csv|xml|xlsx|json|md)\b|(^|\s)\/[\w.-]+\/[\w.-]+|steering\//i;

async function applyRefreshMigration(suffix = '_reference_data_refresh.sql') {
  // Found by name: migrations are renumbered when branches meet.
  const folder = new URL('../src/db/migrations/', import.meta.url);
  const file = (await readdir(folder)).find((name) => name.endsWith(suffix));
  const text = await readFile(new URL(file as string, folder), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) await ctx.db.execute(sql.raw(statement));
}

describe('reference data refresh', () => {
  it('ships sources that name publications and list entries, never files or paths', () => {
    for (const file of ['branches.csv', 'meetings.csv', 'camp_population.csv', 'repatriations.csv', 'stabilization_goals.csv', 'partners.csv', 'groups.csv']) {
      for (const row of readCsv(file)) expect(row.source ?? '', `${file}: ${row.source}`).not.toMatch(FILE_OR_PATH);
    }
  });

  it('gives meetings a clean title with what the source adds kept in notes', () => {
    const rows = readCsv('meetings.csv');
    for (const row of rows) expect(row.title, row.title).not.toMatch(/\(|;/);
    expect(rows.find((row) => row.date === '2021')?.notes).toContain('only the year is known');
  });

  it('updates a database seeded from the old files, and leaves edited rows alone', async () => {
    const [isisK] = await ctx.db.select().from(branches).where(eq(branches.shortName, 'ISIS-K'));
    const oldBranchSource =
      "UN Security Council Consolidated List (ISIL (Da'esh) & Al-Qaida list), XML generated 2026-02-27, copy at steering/shared/data/sanctions/un/UN_consolidated.xml entry QDe.161 (listed 2019-05-14); OFAC SDN list (legacy CSV, c. July 2021), copy at steering/shared/data/sanctions/ofac/sdn_2021-07/sdn.csv and alt.csv entry 18647 'ISIL KHORASAN'";
    await ctx.db.update(branches).set({ source: oldBranchSource }).where(eq(branches.shortName, 'ISIS-K'));
    await ctx.db.update(branches).set({ source: 'edited by the secretariat' }).where(eq(branches.shortName, 'ISWAP'));
    const base = { format: 'other' as const, setting: 'in-person' as const, timeZone: 'UTC', startsAt: new Date('2021-06-28T00:00:00Z'), endsAt: new Date('2021-06-28T23:59:00Z'), classification: 'public' as const };
    const [rome] = await ctx.db
      .insert(meetings)
      .values({ ...base, title: 'Coalition Ministerial (83 members; CAR, DRC, Mauritania, Yemen welcomed)', source: 'https://agenparl.eu/the-global-coalition-to-defeat-isis/; https://actualite.cd/2021/06/29/la-coalition-internationale-contre-daech-souhaite-la-bienvenue-aux-nouveaux-membres-dont' })
      .returning();
    const [site] = await ctx.db
      .insert(detentionSites)
      .values({ name: 'al-Hol', kind: 'displaced-persons-camp', countryIso3: 'SYR', source: 'camp_population.csv (figures); coordinates and operator approximate, from public reporting', classification: 'public' } as never)
      .returning();

    await applyRefreshMigration();

    const [branch] = await ctx.db.select().from(branches).where(eq(branches.slug, isisK?.slug as string));
    expect(branch?.source).toContain('UN Security Council Consolidated List');
    expect(branch?.source).toContain('QDe.161');
    expect(branch?.source).not.toMatch(FILE_OR_PATH);
    const [edited] = await ctx.db.select().from(branches).where(eq(branches.shortName, 'ISWAP'));
    expect(edited?.source).toBe('edited by the secretariat');
    const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, rome?.id as string));
    expect(meeting?.title).toBe('Coalition Ministerial');
    expect(meeting?.notes).toContain('Mauritania and Yemen welcomed');
    const [camp] = await ctx.db.select().from(detentionSites).where(eq(detentionSites.id, site?.id as string));
    expect(camp?.source).not.toMatch(FILE_OR_PATH);
    expect(camp?.source).toContain('UN OCHA');
  });

  it('gives a database loaded before translated names the French and Arabic names, keeping translations typed since', async () => {
    await ctx.db.update(branches).set({ nameFr: null, nameAr: null, regionFr: null, regionAr: null }).where(eq(branches.shortName, 'ISIS-K'));
    await ctx.db.update(branches).set({ nameFr: 'Nom saisi par le secrétariat' }).where(eq(branches.shortName, 'ISWAP'));

    await applyRefreshMigration('_translated_names_data.sql');

    const [isisK] = await ctx.db.select().from(branches).where(eq(branches.shortName, 'ISIS-K'));
    expect(isisK?.nameAr).toBe('تنظيم داعش - ولاية خراسان');
    expect(isisK?.regionFr).toBe('Afghanistan ; Pakistan ; Asie centrale');
    const [iswap] = await ctx.db.select().from(branches).where(eq(branches.shortName, 'ISWAP'));
    expect(iswap?.nameFr).toBe('Nom saisi par le secrétariat');
  });
});
