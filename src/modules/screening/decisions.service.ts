import { say } from '../../platform/i18n/say.ts';
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import type { Hit } from './matcher.ts';
import { tokenize } from './normalize.ts';
import { authorizeScreening, currentScreener } from './sanctions-lists.service.ts';
import * as repo from './screening.repo.ts';
import { screeningScope } from './screening-scope.ts';

export const DecisionInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 2000 }),
    ref: Type.String({ minLength: 1, maxLength: 100 }),
    decision: Type.Enum(['confirmed-match', 'false-positive'] as const),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export type DecisionRow = repo.DecisionRow;
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
    const row = await repo.insertDecision(tx, { nameKey: key, nameAsScreened: input.name.slice(0, 500), entityRef: input.ref, entityFingerprint: entity.fingerprint as string, decision: input.decision, note: input.note.trim(), decidedBy: actor?.userId ?? null, decidedByLabel: actor?.label ?? 'system', partnerId: actor?.partnerId ?? null });
    await appendAudit(tx, actor, { action: 'screening.decided', entityType: 'screening-decision', entityId: row.id, detail: { ref: input.ref, decision: input.decision, nameKey: key } });
    return row;
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
  return applyDecisionRows(hits, await repo.decisionsOn(db, key, hits.map((hit) => hit.ref)), options);
}

/** Applies decisions already read (the name's decisions on these hits, latest first): see applyDecisions. */
export function applyDecisionRows(hits: Hit[], rows: DecisionRow[], options: { keepCleared?: boolean } = {}): { hits: DecidedHit[]; cleared: number } {
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
  return repo.listDecisionsIn(db, screeningScope(actor), 500);
}
