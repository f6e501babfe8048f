import type { FastifyInstance } from 'fastify';
import { InvalidInput } from './errors.ts';
import { say } from './i18n/say.ts';
import { addRouteHook, takesInput } from './route-hooks.ts';

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one would fail deep in a
 * query as a server error. It is refused at the door instead, naming the field, for the query string,
 * the path and every string of the body (uploaded files are bytes, not text, and are left alone).
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  // Routes that read nothing from the request (/healthz) skip it.
  addRouteHook(app, 'preValidation', takesInput, async (request) => {
    const found = firstNul('query', request.query) ?? firstNul('params', request.params) ?? firstNul('body', request.body);
    if (found) throw new InvalidInput([{ field: found, message: say('problem.nulCharacter') }]);
  });
}

function firstNul(path: string, value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 64) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = firstNul(Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, inner, depth + 1);
    if (found) return found;
  }
  return null;
}
