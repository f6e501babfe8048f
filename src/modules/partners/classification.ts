import { say } from '../../platform/i18n/say.ts';
import type { Classification } from '../../db/schema/common.ts';
import type { Db } from '../../db/client.ts';
import { type FieldProblem, InvalidInput } from '../../platform/errors.ts';
import { existingGroupIds } from './partners.repo.ts';

export interface ClassificationInput {
  classification?: Classification;
  restrictedGroupIds?: string[];
}

/**
 * A restricted record must name the groups that may read it, and only those groups; other
 * classifications carry no group list. Returns the values to store.
 */
export async function checkedClassification(
  db: Db,
  input: ClassificationInput,
  fallback: Classification,
): Promise<{ classification: Classification; restrictedGroupIds: string[] }> {
  const classification = input.classification ?? fallback;
  const groupIds = [...new Set(input.restrictedGroupIds ?? [])];
  const problems: FieldProblem[] = [];
  if (classification === 'restricted') {
    if (groupIds.length === 0) problems.push({ field: 'restrictedGroupIds', message: say('problem.restrictedGroupNeeded') });
    const known = await existingGroupIds(db, groupIds);
    const unknown = groupIds.filter((id) => !known.has(id));
    if (unknown.length) problems.push({ field: 'restrictedGroupIds', message: say('problem.noSuchGroups', { groups: unknown.join(', ') }) });
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
