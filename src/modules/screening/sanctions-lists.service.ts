import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
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
import * as repo from './screening.repo.ts';

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
      const version = await repo.insertListVersion(tx, { list, fileSha256: sha256, fileNames, entityCount: entities.length, publishedOn: publishedOn ?? null, importedBy: actor?.userId ?? null, importedByLabel: actor?.label ?? 'system' });
      for (let start = 0; start < entities.length; start += INSERT_BATCH) {
        await repo.insertEntities(
          tx,
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
  return repo.listVersionsNewestFirst(db);
}

/** What a version changed against the previous version of the same list: entries added, removed, amended. */
export async function versionChanges(db: Db, actor: MaybeActor, versionId: string) {
  await authorizeScreening(db, actor);
  const version = await repo.findListVersion(db, versionId);
  if (!version) throw new NotFound('listVersion');
  const previous = await repo.previousListVersion(db, version);
  const now = await repo.entrySummaries(db, version.id);
  const before = previous ? await repo.entrySummaries(db, previous.id) : [];
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

let cached: { key: string; screener: Screener; versionIds: string[] } | undefined;

/** A screener over the lists in force, rebuilt only when a new version has been imported. */
export async function currentScreener(db: Db): Promise<Screener> {
  const ids = await repo.currentVersionIds(db);
  const key = [...ids].sort().join(',');
  if (cached?.key === key) return cached.screener;
  // The raw records stay in the database: the screener keeps only what matching and the hit view need.
  const rows = ids.length ? await repo.entriesForMatching(db, ids) : [];
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
  const raw = await repo.rawRecords(db, cached.versionIds, hits.map((hit) => hit.ref));
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
