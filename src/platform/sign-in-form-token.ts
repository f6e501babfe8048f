import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The sign-in form is shown to anonymous visitors, who get no cookie, so its CSRF token cannot be tied
 * to a session. It is an HMAC of its issue time instead, valid for an hour, and the sign-in post also
 * checks the request's Origin (ASVS V4.2.2, login CSRF).
 */
const VALIDITY_MS = 60 * 60 * 1000;

export function issueSignInFormToken(key: string, now = Date.now()): string {
  const issued = now.toString(36);
  return `${issued}.${createHmac('sha256', key).update(issued).digest('base64url')}`;
}

export function isValidSignInFormToken(key: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string') return false;
  const [issued, mac] = token.split('.');
  if (!issued || !mac) return false;
  const expected = createHmac('sha256', key).update(issued).digest('base64url');
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return false;
  const age = now - Number.parseInt(issued, 36);
  return age >= 0 && age <= VALIDITY_MS;
}
