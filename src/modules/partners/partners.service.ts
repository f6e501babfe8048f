import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { Conflict, type FieldProblem, InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { changedFields, checkedClassification } from './classification.ts';
import { countryName, isKnownAlpha3 } from './countries.ts';
import * as repo from './partners.repo.ts';
import { type ListQuery, PartnerInput, PartnerUpdate } from './partners.schema.ts';

export type { PartnerRow } from './partners.repo.ts';

export function listPartners(db: Db, actor: MaybeActor, query: ListQuery) {
  authorize(actor, 'partner.read');
  return repo.listPartners(db, actor, query);
}

export async function getPartner(db: Db, actor: MaybeActor, id: string): Promise<repo.PartnerRow> {
  authorize(actor, 'partner.read');
  const partner = await repo.findPartner(db, actor, id);
  if (!partner) throw new NotFound('partner');
  return partner;
}

/** A partner by its English name, however it is cased (ingest's donors, new members and places). */
export async function partnerNamed(db: Db, actor: MaybeActor, nameEn: string): Promise<repo.PartnerRow | undefined> {
  authorize(actor, 'partner.read');
  return repo.findPartnerByKey(db, { nameEn });
}

/**
 * The names of the partners and groups every partner may read (three languages, ISO codes, group kinds),
 * whoever asks: a restricted record's name never reaches a reader through them (ingest's gazetteer).
 */
export async function namesKnownToAll(db: Db, actor: MaybeActor) {
  authorize(actor, 'partner.read');
  authorize(actor, 'group.read');
  return repo.namesKnownToAll(db);
}

/** Changes whenever a partner or a group does: what a cache of their names is kept against. */
export async function partnerNamesStamp(db: Db, actor: MaybeActor): Promise<string> {
  authorize(actor, 'partner.read');
  return repo.namesStamp(db);
}

export function countVisiblePartnersAndGroups(db: Db, actor: MaybeActor) {
  return repo.countVisible(db, actor);
}

/**
 * Checks a partner's fields beyond their shape and fills what can be derived: a state's French and
 * Arabic names come from its ISO code when not given.
 */
export type PartnerValues = Omit<repo.NewPartnerRow, 'classification' | 'restrictedGroupIds' | 'iso3' | 'nameEn'> & { iso3: string | null; nameEn: string };

export function normalizePartner(input: PartnerInput): { values: PartnerValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const iso3 = input.iso3 ? input.iso3.toUpperCase() : null;
  if (iso3 && !isKnownAlpha3(iso3)) problems.push({ field: 'iso3', message: say('problem.notAlpha3', { value: iso3 }) });
  if (iso3 && input.kind === 'organisation') problems.push({ field: 'iso3', message: say('problem.organisationNoIso') });
  const nameEn = input.nameEn.trim();
  if (!nameEn) problems.push({ field: 'nameEn', message: say('problem.notBlank') });
  const derived = (locale: 'fr' | 'ar') => (iso3 ? countryName(iso3, locale) : undefined);
  return {
    values: {
      kind: input.kind,
      iso3,
      nameEn,
      nameFr: input.nameFr?.trim() || derived('fr') || nameEn,
      nameAr: input.nameAr?.trim() || derived('ar') || nameEn,
      joined: input.joined ?? null,
      status: input.status ?? 'member',
      source: input.source ?? '',
      asOf: input.asOf ?? null,
      confidence: input.confidence ?? null,
    },
    problems,
  };
}

async function assertUnique(db: Db, values: { iso3: string | null; nameEn: string }, exceptId?: string): Promise<void> {
  const problems: FieldProblem[] = [];
  if (values.iso3) {
    const clash = await repo.findPartnerByKey(db, { iso3: values.iso3, nameEn: values.nameEn });
    if (clash && clash.id !== exceptId) problems.push({ field: 'iso3', message: say('problem.iso3Taken', { iso3: values.iso3, name: clash.nameEn }) });
  }
  const sameName = await repo.findPartnerByKey(db, { nameEn: values.nameEn });
  if (sameName && sameName.id !== exceptId) problems.push({ field: 'nameEn', message: say('problem.partnerNameTaken', { name: sameName.nameEn }) });
  if (problems.length) throw new Conflict(say('problem.partnerClash'), problems);
}

export async function createPartner(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.PartnerRow> {
  authorize(actor, 'partner.write');
  const input = parseInput(PartnerInput, raw);
  const { values, problems } = normalizePartner(input);
  if (problems.length) throw new InvalidInput(problems);
  const classification = await checkedClassification(db, input, 'public', { actor });
  return db.transaction(async (tx) => {
    await assertUnique(tx, values);
    const row = await repo.insertPartner(tx, { ...values, ...classification });
    await appendAudit(tx, actor, { action: 'partner.created', entityType: 'partner', entityId: row.id, detail: { nameEn: row.nameEn, iso3: row.iso3 } });
    return row;
  });
}

export async function updatePartner(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.PartnerRow> {
  authorize(actor, 'partner.write');
  const input = parseInput(PartnerUpdate, raw);
  const { values, problems } = normalizePartner(input);
  if (problems.length) throw new InvalidInput(problems);
  const before = await getPartner(db, actor, id);
  const classification = await checkedClassification(db, input, before.classification, { actor, already: before.restrictedGroupIds });
  return db.transaction(async (tx) => {
    await assertUnique(tx, values, id);
    const row = await repo.updatePartner(tx, id, input.version, { ...values, ...classification });
    if (!row) throw new StaleVersion(await repo.findPartner(tx, actor, id));
    await appendAudit(tx, actor, { action: 'partner.updated', entityType: 'partner', entityId: id, detail: { changes: changedFields(before, row) } });
    return row;
  });
}
