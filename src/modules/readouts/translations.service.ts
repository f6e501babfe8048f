import { and, asc, eq, inArray } from 'drizzle-orm';
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/client.ts';
import { readoutTranslations } from '../../db/schema/readouts.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { MAX_BODY_CHARACTERS } from './readouts.service.ts';
import * as repo from './readouts.repo.ts';
import { say, sayingLocale } from '../../platform/i18n/say.ts';

/** Readouts are written in English; these are the languages they can be translated into. */
export const TRANSLATION_LOCALES = ['fr', 'ar'] as const;

export const TranslationInput = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 500 }), bodyMarkdown: Type.String({ minLength: 1, maxLength: MAX_BODY_CHARACTERS }) },
  { additionalProperties: false },
);

export type TranslationRow = typeof readoutTranslations.$inferSelect;

export function translationsOf(db: Db, readoutId: string): Promise<TranslationRow[]> {
  return db.select().from(readoutTranslations).where(eq(readoutTranslations.readoutId, readoutId)).orderBy(asc(readoutTranslations.locale));
}

/** The titles of these readouts in one language, where they have been translated into it. */
export async function titlesIn(db: Db, readoutIds: string[], locale: string): Promise<Map<string, string>> {
  if (!readoutIds.length || locale === 'en') return new Map();
  const rows = await db
    .select({ readoutId: readoutTranslations.readoutId, title: readoutTranslations.title })
    .from(readoutTranslations)
    .where(and(inArray(readoutTranslations.readoutId, readoutIds), eq(readoutTranslations.locale, locale)));
  return new Map(rows.map((row) => [row.readoutId, row.title]));
}

/** Saves (or replaces) a readout's translation into one language; audited. */
export async function saveTranslation(db: Db, actor: MaybeActor, readoutId: string, locale: string, raw: unknown): Promise<TranslationRow> {
  authorize(actor, 'readout.write');
  if (!(TRANSLATION_LOCALES as readonly string[]).includes(locale)) throw new InvalidInput([{ field: 'locale', message: say('problem.translationLocale', { locales: new Intl.ListFormat(sayingLocale(), { type: 'disjunction' }).format(TRANSLATION_LOCALES), locale }) }]);
  const input = parseInput(TranslationInput, raw);
  if (!(await repo.findManageable(db, actor, readoutId))) throw new NotFound('readout');
  return db.transaction(async (tx) => {
    const values = { readoutId, locale, title: input.title.trim(), bodyMarkdown: input.bodyMarkdown, translatorId: actor?.userId ?? null, translatorLabel: actor?.label ?? 'system', updatedAt: new Date() };
    const [row] = await tx.insert(readoutTranslations).values(values).onConflictDoUpdate({ target: [readoutTranslations.readoutId, readoutTranslations.locale], set: values }).returning();
    if (!row) throw new Error('translation upsert returned nothing');
    // Readers search in their own language: a published readout is found by its translations too.
    await repo.indexForSearch(tx, readoutId);
    await appendAudit(tx, actor, { action: 'readout.translation-saved', entityType: 'readout', entityId: readoutId, detail: { locale, title: row.title } });
    return row;
  });
}
