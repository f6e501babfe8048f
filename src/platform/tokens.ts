import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret of 32 bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets (session ids, API tokens, recovery codes) are stored only as their SHA-256 (ASVS V3.2.2). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
