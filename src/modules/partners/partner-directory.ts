import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { listPartners } from './partners.service.ts';
import { partnerName } from './partners.views.tsx';

/** Partner names in the reader's language, for tables and pickers. */
export async function partnerDirectory(db: Db, actor: MaybeActor, locale: Locale) {
  const { rows } = await listPartners(db, actor, { pageSize: 10_000 });
  const list = rows.map((row) => ({ id: row.id, name: partnerName(row, locale), iso3: row.iso3 })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const byId = new Map(list.map((row) => [row.id, row]));
  return { list, name: (id: string) => byId.get(id)?.name ?? id, iso3: (id: string) => byId.get(id)?.iso3 ?? null };
}

