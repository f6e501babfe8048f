import type { Role } from '../db/schema/identity.ts';

/** Who is acting: a signed-in user, or null for an anonymous visitor. The CLI acts as a named system actor. */
export interface Actor {
  readonly userId: string | null;
  readonly label: string;
  readonly role: Role;
  readonly partnerId: string | null;
  readonly groupIds: readonly string[];
  readonly ip: string | null;
  /** The user's chosen language, when they chose one. */
  readonly locale?: string | null;
  /** The digits the user chose for Arabic pages ('latn' or 'arab'). */
  readonly numerals?: string;
}

export type MaybeActor = Actor | null;

/** The command line runs with administrator rights, like a database superuser, and is audited as such. */
export function systemActor(label = 'system (command line)'): Actor {
  return { userId: null, label, role: 'secretariat-admin', partnerId: null, groupIds: [], ip: null };
}
