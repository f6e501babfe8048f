import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/identity.ts';
import { groups, partners } from '../db/schema/partners.ts';
import type { Role } from '../db/schema/identity.ts';
import { type Actor, systemActor } from '../platform/actor.ts';
import { generatePassword } from '../platform/passwords.ts';
import { createPerson } from '../modules/partners/people.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { loadDemoDetention } from './demo-detention.ts';
import { loadDemoFunding } from './demo-funding.ts';
import { loadDemoTaskings } from './demo-taskings.ts';
import { loadDemoScreening } from './demo-screening.ts';
import { loadDemoThreats } from './demo-threats.ts';
import { loadDemoMeetings } from './demo-meetings.ts';
import { loadReferenceData } from '../reference/reference-data.ts';

export interface DemoSignIn {
  role: Role;
  email: string;
  password: string;
}

const DEMO_ACCOUNTS: { role: Role; email: string; name: string; partnerIso3?: string; groupSlugs?: string[] }[] = [
  { role: 'secretariat-admin', email: 'admin@demo.coalition-desk.org', name: 'Demo Administrator' },
  { role: 'secretariat-officer', email: 'officer@demo.coalition-desk.org', name: 'Demo Secretariat Officer', groupSlugs: ['small-group'] },
  { role: 'co-chair', email: 'cochair@demo.coalition-desk.org', name: 'Demo Co-chair (United States)', partnerIso3: 'USA', groupSlugs: ['small-group'] },
  { role: 'delegate', email: 'delegate@demo.coalition-desk.org', name: 'Demo Delegate (France)', partnerIso3: 'FRA', groupSlugs: ['small-group'] },
  { role: 'analyst', email: 'analyst@demo.coalition-desk.org', name: 'Demo Analyst', groupSlugs: ['counter-isis-finance-group'] },
];

export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo data set: reference facts, the seed's Special Envoy, and one account per role with a
 * password made for this data folder. Demo accounts need no second factor; no other account is exempt.
 */
export function loadDemoData(db: Db): Promise<DemoSignIn[]> {
  // All or nothing: a start interrupted half-way leaves an empty database that the next start fills again.
  return db.transaction((tx) => loadDemoDataInto(tx));
}

/**
 * The demo's records on top of the reference data: the seed's Special Envoy, meetings and readouts,
 * campaigns, camps and repatriations, incidents, taskings and the sanctions lists. The page sweep in
 * the tests loads the same set.
 */
export async function loadDemoRecords(db: Db, actor: Actor): Promise<void> {
  const [usa] = await db.select().from(partners).where(eq(partners.iso3, 'USA'));
  if (usa) {
    await createPerson(db, actor, { partnerId: usa.id, name: 'John Godfrey', title: 'Acting Special Envoy for the Global Coalition to Defeat Daesh/ISIS', classification: 'public' });
  }
  await loadDemoMeetings(db, actor);
  await loadDemoFunding(db, actor);
  await loadDemoDetention(db, actor);
  await loadDemoThreats(db, actor);
  await loadDemoTaskings(db, actor);
  await loadDemoScreening(db, actor);
}

async function loadDemoDataInto(db: Db): Promise<DemoSignIn[]> {
  const actor = systemActor('system (demo data)');
  await loadReferenceData(db);
  await loadDemoRecords(db, actor);
  const signIns: DemoSignIn[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const [partner] = account.partnerIso3 ? await db.select().from(partners).where(eq(partners.iso3, account.partnerIso3)) : [];
    const groupIds: string[] = [];
    for (const slug of account.groupSlugs ?? []) {
      const [group] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug));
      if (group) groupIds.push(group.id);
    }
    const password = generatePassword();
    await createUser(db, actor, { email: account.email, displayName: account.name, role: account.role, partnerId: partner?.id ?? null, groupIds, password }, { demo: true });
    signIns.push({ role: account.role, email: account.email, password });
  }
  return signIns;
}

export function writeDemoSignIns(dataDir: string, signIns: DemoSignIn[]): string {
  const file = path.join(dataDir, 'demo-sign-ins.txt');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${signIns.map((s) => `${s.role} ${s.email} ${s.password}`).join('\n')}\n`, { mode: 0o600 });
  return file;
}
