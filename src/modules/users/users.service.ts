import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './users.repo.ts';
import type { UserRow } from './users.repo.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { Conflict, type FieldProblem, InvalidInput, NotFound } from '../../platform/errors.ts';
import { generatePassword, hashPassword } from '../../platform/passwords.ts';
import { deleteUserSessions } from '../../platform/session.ts';
import { parseInput } from '../../platform/validate.ts';
import { existingGroupIds, findPartner } from '../partners/partners.repo.ts';
import { NewUserInput } from './users.schema.ts';

export type { UserRow } from './users.repo.ts';

export function userView(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    partnerId: user.partnerId,
    totpEnabled: Boolean(user.totpEnabledAt),
    disabled: Boolean(user.disabledAt),
    createdAt: user.createdAt.toISOString(),
  };
}

export async function listUsers(db: Db, actor: MaybeActor): Promise<UserRow[]> {
  authorize(actor, 'user.manage');
  return repo.listUsers(db);
}

/**
 * Creates an account. Without a password one is generated and returned once, to hand over out of band.
 * Every account made here must enrol a second factor at first sign-in.
 */
export async function createUser(db: Db, actor: MaybeActor, raw: unknown, options: { demo?: boolean } = {}): Promise<{ user: UserRow; oneTimePassword: string | null }> {
  authorize(actor, 'user.manage');
  const input = parseInput(NewUserInput, raw);
  const problems: FieldProblem[] = [];
  if ((input.role === 'delegate' || input.role === 'co-chair') && !input.partnerId) {
    problems.push({ field: 'partnerId', message: say('problem.partnerNeeded', { role: input.role }) });
  }
  if (input.partnerId && !(await findPartner(db, actor, input.partnerId))) problems.push({ field: 'partnerId', message: say('problem.noSuchPartner') });
  const groupIds = [...new Set(input.groupIds ?? [])];
  const known = await existingGroupIds(db, groupIds);
  if (groupIds.some((id) => !known.has(id))) problems.push({ field: 'groupIds', message: say('problem.noSuchGroupAmong') });
  if (problems.length) throw new InvalidInput(problems);
  const oneTimePassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? (oneTimePassword as string));
  return db.transaction(async (tx) => {
    if (await repo.emailTaken(tx, input.email)) throw new Conflict(say('problem.accountExists'), [{ field: 'email', message: say('problem.emailInUse') }]);
    const user = await repo.insertUser(tx, { email: input.email.trim(), displayName: input.displayName.trim(), role: input.role, partnerId: input.partnerId ?? null, passwordHash, totpRequired: !options.demo }, groupIds);
    await appendAudit(tx, actor, { action: 'user.created', entityType: 'user', entityId: user.id, detail: { email: user.email, role: user.role, groupIds } });
    return { user, oneTimePassword };
  });
}

/**
 * Disabling ends every session of the account at once (ASVS V3.3.3). Enabling an account provisioned
 * through an identity provider is the secretariat's approval of it.
 */
export async function setUserDisabled(db: Db, actor: MaybeActor, userId: string, disabled: boolean): Promise<UserRow> {
  authorize(actor, 'user.manage');
  return db.transaction(async (tx) => {
    const wasPending = await repo.pendingSince(tx, userId);
    const user = await repo.setDisabled(tx, userId, disabled);
    if (!user) throw new NotFound('account');
    if (disabled) await deleteUserSessions(tx, userId);
    const action = disabled ? 'user.disabled' : wasPending ? 'user.approved' : 'user.enabled';
    await appendAudit(tx, actor, { action, entityType: 'user', entityId: userId });
    return user;
  });
}

/**
 * An account for someone a partner's identity provider vouches for but the platform has not met: a
 * delegate of that partner, disabled and pending until the secretariat approves it. It has no password
 * anyone knows; it signs in through its provider.
 */
export async function provisionPendingUser(tx: Db, actor: MaybeActor, input: { email: string; displayName: string; partnerId: string | null }): Promise<UserRow> {
  const now = new Date();
  const user = await repo.insertUser(tx, { email: input.email, displayName: input.displayName, role: 'delegate', partnerId: input.partnerId, passwordHash: await hashPassword(generatePassword()), disabledAt: now, pendingSince: now });
  await appendAudit(tx, actor, { action: 'user.provisioned', entityType: 'user', entityId: user.id, detail: { email: user.email, role: user.role, partnerId: user.partnerId } });
  return user;
}
