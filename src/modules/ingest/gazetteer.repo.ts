import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * The registry's names, read for the extractor: partners (three languages), groups (three languages),
 * branches and their aliases, theaters, and the cities of meetings. Only records every partner may read
 * (public and coalition): a restricted record's name must not surface in anyone's extraction. Names only.
 */
export interface RegistryNames {
  partners: { nameEn: string; nameFr: string; nameAr: string; iso3: string | null }[];
  groups: { name: string; nameFr: string | null; nameAr: string | null; kind: string }[];
  branches: { name: string; shortName: string; aliases: string[] }[];
  theaters: { nameEn: string; nameFr: string; nameAr: string }[];
  meetingPlaces: { city: string; countryIso3: string | null }[];
}

const VISIBLE_TO_ALL = sql`classification in ('public', 'coalition')`;

/** Rows of a read-only query (both drivers, PGlite and node-postgres, answer with `rows`). */
async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * One short row that changes whenever any of those names may have: counts and latest edits of the
 * classified tables, and a digest of the small reference tables (branches, theaters), which carry no
 * edit time. Cheap enough to ask before every extraction.
 */
export async function registryStamp(db: Db): Promise<string> {
  const [row] = await rowsOf<Record<string, string>>(db, sql`
    select
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from partners) as partners,
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from groups) as groups,
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from meetings) as meetings,
      (select md5(coalesce(string_agg(slug || name || short_name || array_to_string(aliases, ','), '|' order by slug), '')) from branches) as branches,
      (select md5(coalesce(string_agg(slug || name_en || name_fr || name_ar, '|' order by slug), '')) from theaters) as theaters`);
  return JSON.stringify(row);
}

export async function registryNames(db: Db): Promise<RegistryNames> {
  const rows = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(db, query);
  return {
    partners: await rows(sql`select name_en as "nameEn", name_fr as "nameFr", name_ar as "nameAr", iso3 from partners where ${VISIBLE_TO_ALL}`),
    groups: await rows(sql`select name, name_fr as "nameFr", name_ar as "nameAr", kind from groups where ${VISIBLE_TO_ALL}`),
    branches: await rows(sql`select name, short_name as "shortName", aliases from branches`),
    theaters: await rows(sql`select name_en as "nameEn", name_fr as "nameFr", name_ar as "nameAr" from theaters`),
    meetingPlaces: await rows(sql`select distinct city, country_iso3 as "countryIso3" from meetings where city is not null and city <> '' and ${VISIBLE_TO_ALL}`),
  };
}
