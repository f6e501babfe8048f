import { createHmac, timingSafeEqual } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { usedSignInFormTokens } from '../db/schema/identity.ts';
import { sha256 } from './tokens.ts';

/**
 * The sign-in form is shown to anonymous visitors, who get no cookie, so its CSRF token cannot be tied
 * to a session. It is an HMAC of its issue time and a random part instead, valid for an hour and good
 * once, and the sign-in post also checks where it came from (ASVS V4.2.2, login CSRF).
 */
const VALIDITY_MS = 60 * 60 * 1000;

export function issueSignInFormToken(key: string, now = Date.now()): string {
  const issued = `${now.toString(36)}-${crypto.randomUUID().replaceAll('-', '')}`;
  return `${issued}.${createHmac('sha256', key).update(issued).digest('base64url')}`;
}

function issuedAt(token: string): number {
  return Number.parseInt(token.split('-')[0] ?? '', 36);
}

export function isValidSignInFormToken(key: string, token: unknown, now = Date.now()): token is string {
  if (typeof token !== 'string') return false;
  const [issued, mac] = token.split('.');
  if (!issued || !mac) return false;
  const expected = createHmac('sha256', key).update(issued).digest('base64url');
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return false;
  const age = now - issuedAt(issued);
  return age >= 0 && age <= VALIDITY_MS;
}

/** Marks a valid token used; false when it had been used already (a replayed form). */
export async function consumeSignInFormToken(db: Db, token: string): Promise<boolean> {
  const inserted = await db
    .insert(usedSignInFormTokens)
    .values({ tokenHash: sha256(token), expiresAt: new Date(issuedAt(token) + VALIDITY_MS) })
    .onConflictDoNothing()
    .returning({ tokenHash: usedSignInFormTokens.tokenHash });
  return inserted.length === 1;
}

/** Forgets used tokens that have expired anyway (housekeeping). */
export async function sweepUsedSignInFormTokens(db: Db): Promise<number> {
  const removed = await db.delete(usedSignInFormTokens).where(lt(usedSignInFormTokens.expiresAt, new Date())).returning({ tokenHash: usedSignInFormTokens.tokenHash });
  return removed.length;
}
