import { say } from '../../platform/i18n/say.ts';
import type { Db } from '../../db/client.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authz.ts';
import { InvalidInput, NotFound, StaleVersion } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validate.ts';
import { changedFields, checkedClassification } from './classification.ts';
import * as repo from './partners.repo.ts';
import { PersonInput, PersonUpdate } from './partners.schema.ts';

export function listPeople(db: Db, actor: MaybeActor, filter: repo.PeopleFilter) {
  authorize(actor, 'person.read');
  return repo.listPeople(db, actor, filter);
}

export async function getPerson(db: Db, actor: MaybeActor, id: string): Promise<repo.PersonRow> {
  authorize(actor, 'person.read');
  const person = await repo.findPerson(db, actor, id);
  if (!person) throw new NotFound('person');
  return person;
}

async function visiblePartner(db: Db, actor: MaybeActor, partnerId: string) {
  const partner = await repo.findPartner(db, actor, partnerId);
  if (!partner) throw new InvalidInput([{ field: 'partnerId', message: say('problem.noSuchPartner') }]);
  return partner;
}

function personValues(input: PersonInput) {
  return { partnerId: input.partnerId, name: input.name.trim(), title: input.title?.trim() ?? '', email: input.email?.trim() || null };
}

export async function createPerson(db: Db, actor: MaybeActor, raw: unknown): Promise<repo.PersonRow> {
  authorize(actor, 'person.read');
  const input = parseInput(PersonInput, raw);
  // Delegates add people of their own partner only.
  authorize(actor, 'person.write', { partnerId: input.partnerId });
  await visiblePartner(db, actor, input.partnerId);
  const classification = await checkedClassification(db, input, 'coalition', { actor });
  return db.transaction(async (tx) => {
    const row = await repo.insertPerson(tx, { ...personValues(input), ...classification });
    await appendAudit(tx, actor, { action: 'person.created', entityType: 'person', entityId: row.id, detail: { name: row.name, partnerId: row.partnerId } });
    return row;
  });
}

export async function updatePerson(db: Db, actor: MaybeActor, id: string, raw: unknown): Promise<repo.PersonRow> {
  const before = await getPerson(db, actor, id);
  const input = parseInput(PersonUpdate, raw);
  // Both the partner the person belongs to now and the one they would move to must be the delegate's own.
  authorize(actor, 'person.write', { partnerId: before.partnerId });
  authorize(actor, 'person.write', { partnerId: input.partnerId });
  await visiblePartner(db, actor, input.partnerId);
  const classification = await checkedClassification(db, input, before.classification, { actor, already: before.restrictedGroupIds });
  return db.transaction(async (tx) => {
    const row = await repo.updatePerson(tx, id, input.version, { ...personValues(input), ...classification });
    if (!row) throw new StaleVersion(await repo.findPerson(tx, actor, id));
    await appendAudit(tx, actor, { action: 'person.updated', entityType: 'person', entityId: id, detail: { changes: changedFields(before, row) } });
    return row;
  });
}
