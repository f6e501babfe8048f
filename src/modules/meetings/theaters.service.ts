import { say } from '../../platform/i18n/say.ts';
import { Type } from '@fastify/type-provider-typebox';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { theaters } from '../../db/schema/meetings.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { Conflict, InvalidInput } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';

export const TheaterInput = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    nameFr: Type.String({ minLength: 1, maxLength: 200 }),
    nameAr: Type.String({ minLength: 1, maxLength: 200 }),
    parentSlug: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** Adds a theater to the maintained list; a region names its parent (one level, as Africa's regions do). */
export async function addTheater(db: Db, actor: MaybeActor, raw: unknown) {
  authorize(actor, 'meeting.write');
  const input = parseInput(TheaterInput, raw);
  const parentSlug = input.parentSlug || null;
  if (parentSlug) {
    const [parent] = await db.select().from(theaters).where(eq(theaters.slug, parentSlug));
    if (!parent) throw new InvalidInput([{ field: 'parentSlug', message: say('problem.noSuchTheater') }]);
    if (parent.parentSlug) throw new InvalidInput([{ field: 'parentSlug', message: say('problem.theaterNotTopLevel', { name: parent.nameEn, parent: parent.parentSlug }) }]);
  }
  return db.transaction(async (tx) => {
    const [clash] = await tx.select().from(theaters).where(eq(theaters.slug, input.slug));
    if (clash) throw new Conflict(say('problem.shortNameTaken'), [{ field: 'slug', message: say('problem.slugIs', { slug: input.slug, name: clash.nameEn }) }]);
    const [last] = await tx.select({ position: max(theaters.position) }).from(theaters);
    const [row] = await tx
      .insert(theaters)
      .values({ slug: input.slug, nameEn: input.nameEn.trim(), nameFr: input.nameFr.trim(), nameAr: input.nameAr.trim(), parentSlug, position: (last?.position ?? 0) + 1 })
      .returning();
    await appendAudit(tx, actor, { action: 'theater.added', entityType: 'theater', entityId: input.slug, detail: { nameEn: input.nameEn, parentSlug } });
    return row;
  });
}
