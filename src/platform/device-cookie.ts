import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from './tokens.ts';

/**
 * OWASP's device-cookie scheme against lock-out (ASVS V2.2.1): a browser that signed in successfully
 * carries `LOGIN.NONCE.SIGNATURE`, an HMAC over the account and a random nonce. Attempts on that account
 * from that browser are judged by the browser's own failure count, so failures from elsewhere — an
 * attacker guessing, a whole ministry behind one NAT — never block it.
 */
export const DEVICE_COOKIE = '__Host-cd_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

export const DEVICE_COOKIE_OPTIONS = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
} as const;

function signature(key: string, login: string, nonce: string): string {
  return createHmac('sha256', key).update(`${login}.${nonce}`).digest('base64url');
}

function encodeLogin(email: string): string {
  return Buffer.from(email.trim().toLowerCase()).toString('base64url');
}

export function issueDeviceCookie(key: string, email: string): string {
  const login = encodeLogin(email);
  const nonce = randomToken();
  return `${login}.${nonce}.${signature(key, login, nonce)}`;
}

/** The cookie's nonce when it is genuine and was issued to this account; null otherwise. */
export function deviceNonceFor(key: string, cookie: string | undefined, email: string): string | null {
  if (!cookie) return null;
  const [login, nonce, mac] = cookie.split('.');
  if (!login || !nonce || !mac || login !== encodeLogin(email)) return null;
  const expected = signature(key, login, nonce);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
  return nonce;
}
