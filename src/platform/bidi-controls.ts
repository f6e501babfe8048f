import type { FastifyInstance } from 'fastify';
import { addRouteHook, isUnsafeRoute } from './route-hooks.ts';
import { InvalidInput } from './errors.ts';
import { say } from './i18n/say.ts';

/**
 * Unicode's explicit bidirectional controls — embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069 — make text display in another order than it is stored ("Trojan Source"): a name
 * could read as another partner's, a file name hide its extension. A name or a title has no use for
 * them and refuses them; in free text (which may quote Arabic and English together) they are kept
 * but isolated, so their effect ends where the text ends — in pages, CSV and feeds alike.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']);
const PDF = '\u202C';
const PDI = '\u2069';
const FSI = '\u2068';

/** Fields that name or title something: `name`, `nameEn`, `displayName`, `title`, `titleFr`… */
const NAME_OR_TITLE = /^(name|title|displayName|fullName)([A-Z]\w*)?$/;
/** Secrets and codes are compared as typed; they are never shown, so they are left alone. */
const LEFT_ALONE = /password|token|csrf|code|secret/i;

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * The text with every embedding, override and isolate it opens closed at its end (stray closers
 * dropped), wrapped in a first-strong isolate: whatever it contains cannot reorder what follows it.
 * Text without controls comes back unchanged.
 */
export function isolateBidi(text: string): string {
  if (!hasBidiControls(text)) return text;
  const open: ('embedding' | 'isolate')[] = [];
  let out = '';
  for (const char of text) {
    if (EMBEDDING_OPENERS.has(char)) open.push('embedding');
    else if (ISOLATE_OPENERS.has(char)) open.push('isolate');
    else if (char === PDF) {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (char === PDI) {
      if (!open.includes('isolate')) continue;
      while (open.pop() !== 'isolate');
    }
    out += char;
  }
  for (const opened of open.reverse()) out += opened === 'embedding' ? PDF : PDI;
  return out.startsWith(FSI) && isBalancedIsolate(out) ? out : `${FSI}${out}${PDI}`;
}

/** Already one balanced isolate from start to end (isolating twice would only add characters). */
function isBalancedIsolate(text: string): boolean {
  let depth = 0;
  const chars = [...text];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (ISOLATE_OPENERS.has(char)) depth++;
    else if (char === PDI) depth--;
    if (depth === 0 && index < chars.length - 1) return false;
  }
  return depth === 0;
}

/** Refuses bidi controls in names and titles (naming the field) and isolates them in every other string of the body. */
export function guardBidiControls(app: FastifyInstance): void {
  // Only routes that take a body can receive one.
  addRouteHook(app, 'preValidation', isUnsafeRoute, async (request) => {
    if (request.body === null || typeof request.body !== 'object' || Buffer.isBuffer(request.body)) return;
    const refused = visit('body', '', request.body as Record<string, unknown>);
    if (refused) throw new InvalidInput([{ field: refused, message: say('problem.bidiControls') }]);
  });
}

function visit(path: string, key: string, container: Record<string, unknown> | unknown[], depth = 0): string | null {
  if (depth > 32) return null;
  for (const [innerKey, value] of Object.entries(container)) {
    const innerPath = Array.isArray(container) ? `${path}[${innerKey}]` : `${path}.${innerKey}`;
    const fieldKey = Array.isArray(container) ? key : innerKey;
    if (typeof value === 'string') {
      if (!hasBidiControls(value) || LEFT_ALONE.test(fieldKey)) continue;
      if (NAME_OR_TITLE.test(fieldKey)) return innerPath;
      (container as Record<string, unknown>)[innerKey] = isolateBidi(value);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const found = visit(innerPath, fieldKey, value as Record<string, unknown>, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
