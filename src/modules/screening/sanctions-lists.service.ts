import { createHash } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sanctionedEntities, sanctionsListVersions } from '../../db/schema/sanctions.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize, can } from '../../platform/authz.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import { findGroupBySlug } from '../partners/partners.repo.ts';
import { type ListedEntity, listedName } from './entities.ts';
import { readListFiles } from './list-files.ts';
import type { ListSource } from './list-source.ts';
import { queueRescreening, recordSingleScreening } from './batches.service.ts';
import { applyDecisions } from './decisions.service.ts';
import { DEFAULT_THRESHOLD, type Query, Screener } from './matcher.ts';
import { say } from '../../platform/i18n/say.ts';

const CIFG_SLUG = 'counter-isis-finance-group';
const INSERT_BATCH = 500;

/** Analysts and the secretariat screen; so do members of the Counter ISIS Finance Group (ASVS V4.1.3). */
export async function authorizeScreening(db: Db, actor: MaybeActor): Promise<void> {
  if (can(actor, 'screening.run')) return;
  if (!actor) authorize(actor, 'screening.run');
  const cifg = await findGroupBySlug(db, CIFG_SLUG);
  if (!cifg || !actor?.groupIds.includes(cifg.id)) throw new Forbidden(say('problem.screeningForbidden'));
}

const fingerprint = (entity: ListedEntity) =>
  createHash('sha256')
    .update(JSON.stringify([entity.kind, entity.names.map((name) => [name.full, name.quality]), entity.birthDates, entity.birthPlaces, entity.nationalities, entity.documents, entity.addresses, entity.programmes, entity.listedOn]))
    .digest('hex');

/**
 * Imports list files as new dated versions, one per list found, all or nothing: a malformed file
 * raises before anything is written, so the versions in force stay in force.
 */
export async function importListFiles(db: Db, actor: MaybeActor, files: ListSource[]) {
  authorize(actor, 'screening.import');
  const lists = await readListFiles(files);
  return db.transaction(async (tx) => {
    const versions = [];
    for (const [list, { entities, fileNames, sha256, publishedOn }] of lists) {
      const [version] = await tx
        .insert(sanctionsListVersions)
        .values({ list, fileSha256: sha256, fileNames, entityCount: entities.length, publishedOn: publishedOn ?? null, importedBy: actor?.userId ?? null, importedByLabel: actor?.label ?? 'system' })
        .returning();
      if (!version) throw new Error('version insert returned nothing');
      for (let start = 0; start < entities.length; start += INSERT_BATCH) {
        await tx.insert(sanctionedEntities).values(
          entities.slice(start, start + INSERT_BATCH).map((entity) => ({
            versionId: version.id,
            ref: entity.ref,
            kind: entity.kind,
            names: entity.names.map((name) => ({ full: name.full, quality: name.quality })),
            birthDates: entity.birthDates,
            birthPlaces: entity.birthPlaces,
            nationalities: entity.nationalities,
            documents: entity.documents,
            addresses: entity.addresses,
            programmes: entity.programmes,
            raw: entity.raw ?? null,
            listedOn: /^\d{4}-\d{2}-\d{2}$/.test(entity.listedOn ?? '') ? entity.listedOn : null,
            sameAs: entity.sameAs ?? [],
            fingerprint: fingerprint(entity),
          })),
        );
      }
      await appendAudit(tx, actor, { action: 'screening.list-imported', entityType: 'sanctions-list', entityId: version.id, detail: { list, entities: entities.length, files: fileNames, sha256: version.fileSha256 } });
      versions.push(version);
    }
    // Names screened before are screened again against the new versions; new hits become alerts.
    await queueRescreening(tx);
    return versions;
  });
}

export async function listVersions(db: Db, actor: MaybeActor) {
  await authorizeScreening(db, actor);
  return db.select().from(sanctionsListVersions).orderBy(desc(sanctionsListVersions.importedAt));
}

/** What a version changed against the previous version of the same list: entries added, removed, amended. */
export async function versionChanges(db: Db, actor: MaybeActor, versionId: string) {
  await authorizeScreening(db, actor);
  const [version] = await db.select().from(sanctionsListVersions).where(eq(sanctionsListVersions.id, versionId));
  if (!version) throw new NotFound('listVersion');
  const [previous] = await db
    .select()
    .from(sanctionsListVersions)
    .where(and(eq(sanctionsListVersions.list, version.list), sql`${sanctionsListVersions.importedAt} < ${version.importedAt}`))
    .orderBy(desc(sanctionsListVersions.importedAt))
    .limit(1);
  const entries = (id: string) => db.select({ ref: sanctionedEntities.ref, fingerprint: sanctionedEntities.fingerprint, names: sanctionedEntities.names }).from(sanctionedEntities).where(eq(sanctionedEntities.versionId, id));
  const now = await entries(version.id);
  const before = previous ? await entries(previous.id) : [];
  const beforeByRef = new Map(before.map((entry) => [entry.ref, entry]));
  const nowRefs = new Set(now.map((entry) => entry.ref));
  const name = (entry: { names: { full: string }[] }) => entry.names[0]?.full ?? '';
  return {
    version,
    previous: previous ?? null,
    added: now.filter((entry) => !beforeByRef.has(entry.ref)).map((entry) => ({ ref: entry.ref, name: name(entry) })),
    removed: before.filter((entry) => !nowRefs.has(entry.ref)).map((entry) => ({ ref: entry.ref, name: name(entry) })),
    amended: now.filter((entry) => beforeByRef.has(entry.ref) && beforeByRef.get(entry.ref)?.fingerprint !== entry.fingerprint).map((entry) => ({ ref: entry.ref, name: name(entry) })),
  };
}

/** The latest version of each list: the lists in force. */
async function currentVersionIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinctOn([sanctionsListVersions.list], { id: sanctionsListVersions.id })
    .from(sanctionsListVersions)
    .orderBy(asc(sanctionsListVersions.list), desc(sanctionsListVersions.importedAt));
  return rows.map((row) => row.id);
}

let cached: { key: string; screener: Screener; versionIds: string[] } | undefined;

/** A screener over the lists in force, rebuilt only when a new version has been imported. */
export async function currentScreener(db: Db): Promise<Screener> {
  const ids = await currentVersionIds(db);
  const key = [...ids].sort().join(',');
  if (cached?.key === key) return cached.screener;
  // The raw records stay in the database: the screener keeps only what matching and the hit view need.
  const { raw: _raw, ...matchingColumns } = getTableColumns(sanctionedEntities);
  const rows = ids.length ? await db.select(matchingColumns).from(sanctionedEntities).where(inArray(sanctionedEntities.versionId, ids)) : [];
  const entities: ListedEntity[] = rows.map((row) => ({
    ref: row.ref,
    list: row.ref.split(':')[0] as ListedEntity['list'],
    kind: row.kind as ListedEntity['kind'],
    names: row.names.map((name) => listedName(name.full, name.quality)),
    birthDates: row.birthDates,
    birthPlaces: row.birthPlaces,
    nationalities: row.nationalities,
    documents: row.documents,
    addresses: row.addresses,
    programmes: row.programmes,
    listedOn: row.listedOn,
    ...(row.sameAs.length ? { sameAs: row.sameAs } : {}),
    fingerprint: row.fingerprint,
  }));
  cached = { key, screener: new Screener(entities), versionIds: ids };
  return cached.screener;
}

/** The hits with each entry's raw record, read from the versions in force. */
export async function withRawRecords<T extends { ref: string; entity: ListedEntity }>(db: Db, hits: T[]): Promise<T[]> {
  if (!hits.length || !cached) return hits;
  const rows = await db
    .select({ ref: sanctionedEntities.ref, raw: sanctionedEntities.raw })
    .from(sanctionedEntities)
    .where(and(inArray(sanctionedEntities.versionId, cached.versionIds), inArray(sanctionedEntities.ref, hits.map((hit) => hit.ref))));
  const raw = new Map(rows.map((row) => [row.ref, row.raw]));
  return hits.map((hit) => ({ ...hit, entity: { ...hit.entity, raw: raw.get(hit.ref) } }));
}

/**
 * Screens one name against the lists in force; audited, since who was screened is itself sensitive, and
 * kept so that it is screened again when a list changes (`record: false` when the same screening is
 * only shown again, after a decision on one of its hits).
 */
export async function screenName(db: Db, actor: MaybeActor, query: Query, options: { top?: number; threshold?: number; record?: boolean } = {}) {
  await authorizeScreening(db, actor);
  const screener = await currentScreener(db);
  const raw = screener.screen({ ...query, name: query.name.slice(0, 500) }, { top: options.top ?? 10, threshold: options.threshold ?? DEFAULT_THRESHOLD });
  const { hits, cleared } = await applyDecisions(db, query.name, raw);
  await db.transaction(async (tx) => {
    if (options.record !== false) await recordSingleScreening(tx, actor, query, hits);
    await appendAudit(tx, actor, { action: 'screening.screened', entityType: 'screening', detail: { hits: hits.map((hit) => [hit.ref, hit.score]), cleared } });
  });
  return { hits: await withRawRecords(db, hits), cleared, listed: screener.size };
}
