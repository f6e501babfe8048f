import { and, arrayOverlaps, eq, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../db/schema/identity.ts';
import type { MaybeActor } from './actor.ts';
import { Forbidden, Unauthenticated } from './errors.ts';

/**
 * The permission matrix (ASVS V4.1.3, least privilege): one row per action, the roles that may take it.
 * Record-level rules (a delegate's own partner, classification) are applied on top of these rows.
 */
const MATRIX = {
  'partner.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'partner.write': ['secretariat-admin', 'secretariat-officer'],
  'person.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'person.write': ['secretariat-admin', 'secretariat-officer', 'delegate'],
  'group.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'group.write': ['secretariat-admin', 'secretariat-officer'],
  'meeting.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'meeting.write': ['secretariat-admin', 'secretariat-officer'],
  /** Drafts, clearance and history; published readouts are read through the public site's rules. */
  'readout.manage': ['secretariat-admin', 'secretariat-officer', 'co-chair'],
  'readout.write': ['secretariat-admin', 'secretariat-officer'],
  'readout.clear': ['co-chair'],
  /** Campaigns, totals and verified figures; unverified ones are limited further in the repo query. */
  'funding.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  /** Public summaries of campaigns marked public: verified figures only. */
  'funding.read-public': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'campaign.write': ['secretariat-admin', 'secretariat-officer'],
  /** Reporting a contribution: delegates for their own partner only (the `.write` rule below). */
  'contribution.write': ['secretariat-admin', 'secretariat-officer', 'delegate'],
  'contribution.verify': ['secretariat-admin', 'secretariat-officer'],
  'rate.write': ['secretariat-admin', 'secretariat-officer'],
  /** Detention figures: restricted to the FTF working group by default, limited further in the repo query. */
  'detention.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  /** The public page: figures marked public only. */
  'detention.read-public': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  /** Sites and population snapshots. */
  'detention.write': ['secretariat-admin', 'secretariat-officer'],
  /** Repatriations: delegates for their own state only (the `.write` rule below). */
  'repatriation.write': ['secretariat-admin', 'secretariat-officer', 'delegate'],
  'repatriation.verify': ['secretariat-admin', 'secretariat-officer'],
  /** Prosecutions and trials: verified figures by classification (anonymous visitors: public ones). */
  'justice.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  /** Reporting justice figures: delegates for their own state only (the `.write` rule below). */
  'justice.write': ['secretariat-admin', 'secretariat-officer', 'delegate'],
  'justice.verify': ['secretariat-admin', 'secretariat-officer'],
  /** Branches and incidents; anonymous visitors see incidents marked public. */
  'threat.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'threat.write': ['secretariat-admin', 'secretariat-officer', 'analyst'],
  /** Taskings, their updates and the commitments register. */
  'tasking.read': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst'],
  'tasking.write': ['secretariat-admin', 'secretariat-officer'],
  /** Report back on a tasking: the secretariat, or a co-lead of the tasked group (checked against the group). */
  'tasking.report': ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate'],
  'commitment.write': ['secretariat-admin', 'secretariat-officer'],
  /** Screening names; members of the Counter ISIS Finance Group may too, whatever their role (checked in the service). */
  'screening.run': ['secretariat-admin', 'secretariat-officer', 'analyst'],
  'screening.import': ['secretariat-admin', 'secretariat-officer', 'analyst'],
  /** Reading readouts into proposed records; accepting a fact also needs the right to create that record. */
  'ingest.run': ['secretariat-admin', 'secretariat-officer'],
  'user.manage': ['secretariat-admin'],
  'audit.read': ['secretariat-admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof MATRIX;

/** Actions anonymous visitors may take, limited by repos to `public` records. */
const ANONYMOUS: ReadonlySet<Action> = new Set(['partner.read', 'group.read', 'meeting.read', 'funding.read-public', 'detention.read-public', 'justice.read', 'threat.read', 'tasking.read']);

export function roleMay(role: Role, action: Action): boolean {
  return (MATRIX[action] as readonly Role[]).includes(role);
}

export interface ResourceScope {
  /** The partner the record belongs to, for rules that bind delegates to their own partner. */
  partnerId?: string | null;
}

export function can(actor: MaybeActor, action: Action, resource?: ResourceScope): boolean {
  if (!actor) return ANONYMOUS.has(action);
  if (!roleMay(actor.role, action)) return false;
  // Delegates write only their own partner's records (ARCHITECTURE security model).
  if (actor.role === 'delegate' && action.endsWith('.write') && resource) {
    return resource.partnerId != null && resource.partnerId === actor.partnerId;
  }
  return true;
}

export function authorize(actor: MaybeActor, action: Action, resource?: ResourceScope): void {
  if (can(actor, action, resource)) return;
  if (!actor) throw new Unauthenticated();
  throw new Forbidden();
}

export function isSecretariat(actor: MaybeActor): boolean {
  return actor?.role === 'secretariat-admin' || actor?.role === 'secretariat-officer';
}

/**
 * The SQL condition that limits a query to the records an actor may read (ARCHITECTURE rule 4):
 * anonymous → public; any signed-in user → public and coalition; restricted → members of a named group.
 * The secretariat sees everything.
 */
export function visibleTo(
  actor: MaybeActor,
  columns: { classification: PgColumn; restrictedGroupIds: PgColumn },
): SQL | undefined {
  if (!actor) return eq(columns.classification, 'public');
  if (isSecretariat(actor)) return undefined;
  const conditions: (SQL | undefined)[] = [eq(columns.classification, 'public'), eq(columns.classification, 'coalition')];
  if (actor.groupIds.length > 0) {
    conditions.push(
      and(eq(columns.classification, 'restricted'), arrayOverlaps(columns.restrictedGroupIds, [...actor.groupIds])),
    );
  }
  return or(...conditions);
}
