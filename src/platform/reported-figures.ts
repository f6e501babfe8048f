import type { Db } from '../db/client.ts';
import type { MaybeActor } from './actor.ts';
import { type AuditEntry, appendAudit } from './audit.ts';
import { isSecretariat } from './authz.ts';
import { InvalidInput, StaleVersion } from './errors.ts';
import { say } from './i18n/say.ts';

/**
 * Figures a delegate reports for their own partner and the secretariat verifies: justice records,
 * repatriations, contributions. One rule for all three, so that who may verify and correct what, and
 * what a review records, cannot drift apart between them.
 */

/** Who reviewed a figure (verified or, for contributions, rejected it) and when: now, by this actor. */
export function reviewedNow(actor: MaybeActor) {
  return { reviewedBy: actor?.userId ?? null, reviewedAt: new Date() };
}

/** The review columns a verified figure carries. */
export function verifiedBy(actor: MaybeActor) {
  return { status: 'verified' as const, ...reviewedNow(actor) };
}

/** A new or corrected figure: the secretariat's own entries are verified as they are made; a delegate's wait for the secretariat. */
export function reviewOnEntry(actor: MaybeActor) {
  return isSecretariat(actor) ? verifiedBy(actor) : { status: 'reported' as const, reviewedBy: null, reviewedAt: null };
}

/** A delegate may correct their figure while it waits; once the secretariat verified it, the secretariat corrects it. */
export function refuseDelegateCorrectingVerified(actor: MaybeActor, before: { status: string }): void {
  if (!isSecretariat(actor) && before.status === 'verified') throw new InvalidInput([{ field: 'status', message: say('problem.askSecretariatToCorrect') }]);
}

/**
 * The secretariat verifies a figure as it read it: verifying twice is refused by name, a version changed
 * since is refused with the current record, and the verification is audited in the same transaction.
 * The caller has authorized the actor and read the record (`before`) as the actor may see it.
 */
export async function verifyReported<Row>(
  db: Db,
  actor: MaybeActor,
  figure: {
    before: { status: string };
    update: (tx: Db, values: ReturnType<typeof verifiedBy>) => Promise<Row | undefined>;
    current: (tx: Db) => Promise<unknown>;
    audit: Omit<AuditEntry, 'detail'>;
  },
): Promise<Row> {
  if (figure.before.status === 'verified') throw new InvalidInput([{ field: 'status', message: say('problem.alreadyVerified') }]);
  return db.transaction(async (tx) => {
    const row = await figure.update(tx, verifiedBy(actor));
    if (!row) throw new StaleVersion(await figure.current(tx));
    await appendAudit(tx, actor, { ...figure.audit, detail: {} });
    return row;
  });
}
