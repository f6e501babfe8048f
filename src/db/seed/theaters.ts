import type { Db } from '../client.ts';

/** The theaters the seed readout names (Iraq, Syria, Afghanistan, Africa) and Africa's regions where branches operate. */
export const THEATERS = [
  { slug: 'iraq', nameEn: 'Iraq', nameFr: 'Irak', nameAr: 'العراق', parentSlug: null },
  { slug: 'syria', nameEn: 'Syria', nameFr: 'Syrie', nameAr: 'سوريا', parentSlug: null },
  { slug: 'afghanistan', nameEn: 'Afghanistan', nameFr: 'Afghanistan', nameAr: 'أفغانستان', parentSlug: null },
  { slug: 'africa', nameEn: 'Africa', nameFr: 'Afrique', nameAr: 'أفريقيا', parentSlug: null },
  { slug: 'west-africa', nameEn: 'West Africa and the Lake Chad Basin', nameFr: 'Afrique de l’Ouest et bassin du lac Tchad', nameAr: 'غرب أفريقيا وحوض بحيرة تشاد', parentSlug: 'africa' },
  { slug: 'sahel', nameEn: 'Sahel', nameFr: 'Sahel', nameAr: 'الساحل', parentSlug: 'africa' },
  { slug: 'central-africa', nameEn: 'Central Africa', nameFr: 'Afrique centrale', nameAr: 'وسط أفريقيا', parentSlug: 'africa' },
  { slug: 'east-africa', nameEn: 'East Africa and Somalia', nameFr: 'Afrique de l’Est et Somalie', nameAr: 'شرق أفريقيا والصومال', parentSlug: 'africa' },
  { slug: 'mozambique', nameEn: 'Mozambique', nameFr: 'Mozambique', nameAr: 'موزمبيق', parentSlug: 'africa' },
  { slug: 'global', nameEn: 'Global', nameFr: 'Mondial', nameAr: 'عالمي', parentSlug: null },
];

export async function loadTheaters(db: Db): Promise<number> {
  // The table's definition loads here, not with the list: the command line's reader of readouts needs the
  // names only, and loading the database layer would cost it a tenth of its start-up.
  const { theaters } = await import('../schema/meetings.ts');
  await db.insert(theaters).values(THEATERS.map((theater, position) => ({ ...theater, position }))).onConflictDoNothing();
  return THEATERS.length;
}
