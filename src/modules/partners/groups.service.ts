import type { Db } from '../../db/client.ts';
import { translationValues } from '../../platform/translated-text.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { type FigureCache, keptList, readerKey } from '../../platform/figure-cache.ts';
import { Conflict, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { changedFields, checkedClassification } from './classification.ts';
import * as repo from './partners.repo.ts';
import { GroupInput, GroupUpdate } from './partners.schema.ts';
import { say } from '../../platform/i18n/say.ts';

export type GroupWithMembers = repo.GroupRow & { members: repo.GroupMemberRow[] };

/**
 * The groups this reader may see, with their members. Most forms and filters show them, so with `kept`
 * (the process's figure cache) one copy per kind of reader is kept until a group, membership or partner
 * changes (migration `group_list_notices`); that copy is shared, hence frozen.
 */
export async function listGroups(db: Db, actor: MaybeActor, kept?: FigureCache): Promise<GroupWithMembers[]> {
  authorize(actor, 'group.read');
  const read = async () => {
    const groups = await repo.listGroups(db, actor);
    const members = await repo.groupMembersOf(db, actor, groups.map((g) => g.id));
    return groups.map((g) => ({ ...g, members: members.get(g.id) ?? [] }));
  };
  return keptList(kept, 'groups', `members|${readerKey(actor)}`, read);
}

/** The groups this reader may see, without their members (filters and forms open to anyone); kept as above. */
export function groupsVisibleTo(db: Db, actor: MaybeActor, kept?: FigureCache): Promise<repo.GroupRow[]> {
  return keptList(kept, 'groups', `rows|${readerKey(actor)}`, () => repo.listGroups(db, actor));
}

export async function getGroup(db: Db, actor: MaybeActor, id: string): Promise<GroupWithMembers> {
  authorize(actor, 'group.read');
  const group = await repo.findGroup(db, actor, id);
  if (!group) throw new NotFound('group');
  const members = await repo.groupMembersOf(db, actor, [id]);
  return { ...group, members: members.get(id) ?? [] };
}

/** A group by the name readouts use for it (ingest's working groups); undefined when the registry has none. */
export async function groupNamed(db: Db, actor: MaybeActor, name: string): Promise<repo.GroupRow | undefined> {
  authorize(actor, 'group.read');
  return repo.findGroupNamed(db, actor, name);
}

export function groupsOfPartner(db: Db, actor: MaybeActor, partnerId: string) {
  authorize(actor, 'group.read');
  return repo.groupsOfPartner(db, actor, partnerId);
}

async function checkedMembers(db: Db, members: GroupInput['members']) {
  const unique = new Map((members ?? []).map((m) => [m.partnerId, m]));
  const found = await repo.partnersByIds(db, [...unique.keys()]);
  const missing = [...unique.keys()].filter((id) => !found.some((p) => p.id === id));
  if (missing.length) throw new InvalidInput([{ field: 'members', message: say('problem.noSuchPartners', { ids: missing.join(', ') }) }]);
  return [...unique.values()];
}

function groupValues(input: GroupInput) {
  return { slug: input.slug, name: input.name.trim(), ...translationValues(input, 'name'), kind: input.kind, mandate: input.mandate?.trim() ?? '', founded: input.founded ?? null, source: input.source ?? '' };
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string) {
  const clash = await repo.findGroupBySlug(db, slug);
  if (clash && clash.id !== exceptId) throw new Conflict(say('problem.groupSlugTaken'), [{ field: 'slug', message: say('problem.slugTakenBy', { slug, name: clash.name }) }]);
}

export async function createGroup(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.GroupRow> {
  authorize(actor, 'group.write');
  const input = parseInput(GroupInput, raw);
  const members = await checkedMembers(db, input.members);
  const classification = await checkedClassification(db, input, 'public', { actor });
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const row = await repo.insertGroup(tx, { ...groupValues(input), ...classification });
    await repo.replaceGroupMembers(tx, row.id, members);
    await appendAudit(tx, actor, { action: 'group.created', entityType: 'group', entityId: row.id, detail: { name: row.name, members } });
    return row;
  });
}

export async function updateGroup(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.GroupRow> {
  authorize(actor, 'group.write');
  const input = parseInput(GroupUpdate, raw);
  const before = await getGroup(db, actor, id);
  const members = await checkedMembers(db, input.members);
  const classification = await checkedClassification(db, input, before.classification, { actor, already: before.restrictedGroupIds });
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, input.slug, id);
    const row = await repo.updateGroup(tx, id, input.version, { ...groupValues(input), ...classification });
    if (!row) throw new StaleVersion(await repo.findGroup(tx, actor, id));
    await repo.replaceGroupMembers(tx, id, members);
    const { members: beforeMembers, ...beforeGroup } = before;
    await appendAudit(tx, actor, {
      action: 'group.updated',
      entityType: 'group',
      entityId: id,
      detail: { changes: changedFields(beforeGroup, row), members: { from: beforeMembers.map(({ partnerId, role }) => ({ partnerId, role })), to: members } },
    });
    return row;
  });
}
