import { say } from '../../platform/i18n/say.ts';
import type { Classification } from '../../db/schema/common.ts';
import type { Db } from '../../db/client.ts';
import { type FieldProblem, InvalidInput } from '../../platform/errors.ts';
import { existingGroupIds } from './partners.repo.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { isSecretariat } from '../../platform/authz.ts';

export interface ClassificationInput {
  classification?: Classification;
  restrictedGroupIds?: string[];
}

/** Whose restriction it is: outside the secretariat, a record is restricted only to the actor's own groups. */
export interface RestrictingActor {
  actor: MaybeActor;
  /** The groups the record is restricted to already (an update keeps them without the actor being in them). */
  already?: readonly string[];
}

/**
 * A restricted record must name the groups that may read it, and only those groups; other
 * classifications carry no group list. Given who restricts it, a group the actor is not a member of is
 * refused (the secretariat excepted): nobody hides a record behind a group they cannot vouch for.
 * Returns the values to store.
 */
export async function checkedClassification(
  db: Db,
  input: ClassificationInput,
  fallback: Classification,
  restricting?: RestrictingActor,
): Promise<{ classification: Classification; restrictedGroupIds: string[] }> {
  const classification = input.classification ?? fallback;
  const groupIds = [...new Set(input.restrictedGroupIds ?? [])];
  const problems: FieldProblem[] = [];
  if (classification === 'restricted') {
    if (groupIds.length === 0) problems.push({ field: 'restrictedGroupIds', message: say('problem.restrictedGroupNeeded') });
    const known = await existingGroupIds(db, groupIds);
    const unknown = groupIds.filter((id) => !known.has(id));
    if (unknown.length) problems.push({ field: 'restrictedGroupIds', message: say('problem.noSuchGroups', { groups: unknown.join(', ') }) });
    if (restricting && !isSecretariat(restricting.actor)) {
      const own = new Set([...(restricting.actor?.groupIds ?? []), ...(restricting.already ?? [])]);
      const foreign = groupIds.filter((id) => known.has(id) && !own.has(id));
      if (foreign.length) problems.push({ field: 'restrictedGroupIds', message: say('problem.restrictedToOwnGroups', { groups: foreign.join(', ') }) });
    }
  }
  if (problems.length) throw new InvalidInput(problems);
  return { classification, restrictedGroupIds: classification === 'restricted' ? groupIds : [] };
}

/** The fields that differ between two versions of a record, for the audit trail. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'version' || key === 'updatedAt' || key === 'createdAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { from: before[key] ?? null, to: value ?? null };
  }
  return changes;
}
