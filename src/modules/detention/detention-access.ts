import type { Classification } from '../../db/schema/common.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isSecretariat } from '../../platform/authz.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { checkedClassification } from '../partners/classification.ts';
import { FTF_GROUP_SLUG, ftfGroupId } from './detention.repo.ts';
import { say } from '../../platform/i18n/say.ts';

/**
 * Detention figures are the most sensitive data here: `restricted` to the Foreign Terrorist Fighters
 * working group unless marked otherwise (ASVS V4.1.3, deny by default). As everywhere, a record is
 * restricted only to the actor's own groups (the secretariat excepted), the default group included: a
 * delegate outside the working group chooses the classification or groups of their own. An update keeps
 * the groups the record had (`already`) without the actor being in them.
 */
export async function detentionClassification(db: Db, actor: MaybeActor, input: { classification?: Classification; restrictedGroupIds?: string[] }, already?: readonly string[]) {
  const classification = input.classification ?? 'restricted';
  let restrictedGroupIds = input.restrictedGroupIds ?? [];
  if (classification === 'restricted' && restrictedGroupIds.length === 0) {
    const ftf = await ftfGroupId(db);
    if (!ftf) throw new InvalidInput([{ field: 'restrictedGroupIds', message: say('problem.ftfGroupMissing') }]);
    if (!isSecretariat(actor) && !actor?.groupIds.includes(ftf) && !already?.includes(ftf)) throw new InvalidInput([{ field: 'restrictedGroupIds', message: say('problem.ftfDefaultNotYours') }]);
    restrictedGroupIds = [ftf];
  }
  return checkedClassification(db, { classification, restrictedGroupIds }, 'restricted', { actor, ...(already ? { already } : {}) });
}

/**
 * What a detention or repatriation form starts with, so that its first submit is one the actor may make:
 * restricted to the FTF working group for the secretariat and the group's members; otherwise restricted
 * to a group of the actor's own (the narrowest audience they may choose), or, for someone in no group,
 * coalition-wide. The form shows the choice; the actor can change it before saving.
 */
export async function detentionFormDefaults(db: Db, actor: MaybeActor, visibleGroups?: readonly { id: string; slug: string }[]): Promise<{ classification: Classification; restrictedGroupIds: string[] }> {
  const ftf = visibleGroups ? await ftfAmong(db, actor, visibleGroups) : await ftfGroupId(db);
  if (ftf && (isSecretariat(actor) || actor?.groupIds.includes(ftf))) return { classification: 'restricted', restrictedGroupIds: [ftf] };
  const own = actor?.groupIds[0];
  return own ? { classification: 'restricted', restrictedGroupIds: [own] } : { classification: 'coalition', restrictedGroupIds: [] };
}

/**
 * The FTF working group's id from the groups a form already read for the actor, saving a round trip. Only
 * where the group is not among them and the actor could be one of its members is it looked up: the
 * secretariat sees every group, and the id matters only to the secretariat and the group's members.
 */
async function ftfAmong(db: Db, actor: MaybeActor, visibleGroups: readonly { id: string; slug: string }[]): Promise<string | undefined> {
  const visible = visibleGroups.find((group) => group.slug === FTF_GROUP_SLUG)?.id;
  if (visible || isSecretariat(actor) || !actor?.groupIds.length) return visible;
  return ftfGroupId(db);
}

/**
 * Reading restricted detention figures is itself audited (ASVS V7.1.3): who looked at what, even
 * though nothing changed. Public and coalition figures are not logged.
 */
export async function auditRestrictedRead(db: Db, actor: MaybeActor, view: string, records: readonly { id: string; classification: Classification }[], entityId: string | null = null): Promise<void> {
  const restricted = records.filter((record) => record.classification === 'restricted');
  if (restricted.length === 0) return;
  // Nothing changes with it, so it is appended alone: one statement, no transaction of its own.
  await appendAudit(db, actor, { action: 'detention.viewed', entityType: 'detention', entityId, detail: { view, restrictedRecords: restricted.length, ids: restricted.slice(0, 50).map((record) => record.id) } });
}
