import { say } from '../../platform/i18n/say.ts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/client.ts';
import { screeningDecisions } from '../../db/schema/sanctions.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isSecretariat, roleMay } from '../../platform/authz.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import type { Hit } from './matcher.ts';
import { tokenize } from './normalize.ts';
import { authorizeScreening, currentScreener } from './sanctions-lists.service.ts';

export const DecisionInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 2000 }),
    ref: Type.String({ minLength: 1, maxLength: 100 }),
    decision: Type.Enum(['confirmed-match', 'false-positive'] as const),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export type DecisionRow = typeof screeningDecisions.$inferSelect;
export type DecidedHit = Hit & { decision?: { decision: DecisionRow['decision']; note: string; by: string; at: Date; listingChanged: boolean } };

/** The screened name as decisions remember it: spelling, script and word order do not matter. */
export function nameKey(name: string): string {
  return tokenize(name)
    .filter((token) => !token.particle)
    .map((token) => token.form)
    .sort()
    .join(' ');
}

/** Records a person's decision on a hit; audited, and remembered against the listing as it stands. */
export async function decideHit(db: Db, actor: MaybeActor, raw: unknown): Promise<DecisionRow> {
  await authorizeScreening(db, actor);
  const input = parseInput(DecisionInput, raw);
  const entity = (await currentScreener(db)).entities.find((candidate) => candidate.ref === input.ref);
  if (!entity?.fingerprint) throw new InvalidInput([{ field: 'ref', message: say('problem.notInListsInForce', { ref: input.ref }) }]);
  const key = nameKey(input.name);
  if (!key) throw new InvalidInput([{ field: 'name', message: say('problem.nameHasNoLetters') }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(screeningDecisions)
      .values({ nameKey: key, nameAsScreened: input.name.slice(0, 500), entityRef: input.ref, entityFingerprint: entity.fingerprint as string, decision: input.decision, note: input.note.trim(), decidedBy: actor?.userId ?? null, decidedByLabel: actor?.label ?? 'system', partnerId: actor?.partnerId ?? null })
      .returning();
    await appendAudit(tx, actor, { action: 'screening.decided', entityType: 'screening-decision', entityId: row?.id ?? null, detail: { ref: input.ref, decision: input.decision, nameKey: key } });
    return row as DecisionRow;
  });
}

/**
 * Applies earlier decisions to fresh hits: a hit cleared as a false positive is not raised again while
 * the listing is unchanged; a confirmed one is marked; either is shown again, flagged, once the
 * listing changes.
 */
export async function applyDecisions(db: Db, name: string, hits: Hit[], options: { keepCleared?: boolean } = {}): Promise<{ hits: DecidedHit[]; cleared: number }> {
  const key = nameKey(name);
  if (!key || hits.length === 0) return { hits, cleared: 0 };
  const rows = await db
    .select()
    .from(screeningDecisions)
    .where(and(eq(screeningDecisions.nameKey, key), inArray(screeningDecisions.entityRef, hits.map((hit) => hit.ref))))
    .orderBy(desc(screeningDecisions.decidedAt));
  const latest = new Map<string, DecisionRow>();
  for (const row of rows) if (!latest.has(row.entityRef)) latest.set(row.entityRef, row);
  let cleared = 0;
  const decided: DecidedHit[] = [];
  for (const hit of hits) {
    const row = latest.get(hit.ref);
    if (!row) {
      decided.push(hit);
      continue;
    }
    const listingChanged = row.entityFingerprint !== hit.entity.fingerprint;
    // A batch's page lists cleared hits too, under their own filter, so a decision can be reviewed.
    if (row.decision === 'false-positive' && !listingChanged && !options.keepCleared) {
      cleared++;
      continue;
    }
    decided.push({ ...hit, decision: { decision: row.decision, note: row.note, by: row.decidedByLabel, at: row.decidedAt, listingChanged } });
  }
  return { hits: decided, cleared };
}

/** Decisions the actor may see: all for analysts and the secretariat; a delegate only their own partner's. */
export async function listDecisions(db: Db, actor: MaybeActor): Promise<DecisionRow[]> {
  await authorizeScreening(db, actor);
  const everyone = isSecretariat(actor) || (actor !== null && roleMay(actor.role, 'screening.run'));
  const own = actor?.partnerId ? eq(screeningDecisions.partnerId, actor.partnerId) : eq(screeningDecisions.decidedBy, actor?.userId ?? '00000000-0000-0000-0000-000000000000');
  return db.select().from(screeningDecisions).where(everyone ? undefined : own).orderBy(desc(screeningDecisions.decidedAt)).limit(500);
}
