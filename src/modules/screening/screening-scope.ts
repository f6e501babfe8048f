import type { MaybeActor } from '../../platform/actor.ts';
import { isSecretariat, roleMay } from '../../platform/authz.ts';
import type { BatchScope } from './screening.repo.ts';

/** Batches and decisions the actor may see: all for analysts and the secretariat; a delegate only their own partner's (or their own). */
export function screeningScope(actor: MaybeActor): BatchScope {
  if (isSecretariat(actor) || (actor && roleMay(actor.role, 'screening.run'))) return undefined;
  return actor?.partnerId ? { partnerId: actor.partnerId } : { createdBy: actor?.userId ?? '00000000-0000-0000-0000-000000000000' };
}
