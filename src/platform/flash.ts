import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addRouteHook, answersWithData, isGetRoute, isUnsafeRoute } from './route-hooks.ts';
import type { MessageKey } from './i18n/i18n.ts';
import { SESSION_COOKIE_OPTIONS } from './session.ts';

/**
 * The confirmation after an action: every signed-in form post that ends in a redirect (post/redirect/get)
 * leaves a short-lived cookie naming what was done, and the next page says it once in a role="status"
 * message. A cookie, not a query string, so reloading or sharing the page does not repeat it; it is set
 * only for signed-in people (anonymous visitors get no cookies), holds one word from the list below and
 * needs no script (the content security policy allows none inline).
 */
export const FLASH_COOKIE = '__Host-cd_flash';
const FLASH_COOKIE_OPTIONS = { ...SESSION_COOKIE_OPTIONS, sameSite: 'strict', maxAge: 60 } as const;

export const FLASH_KINDS = ['saved', 'created', 'added', 'removed', 'submitted', 'withdrawn', 'cleared', 'returned', 'published', 'verified', 'rejected', 'corrected', 'decided', 'imported', 'screened', 'languageChanged', 'revoked', 'read'] as const;
export type FlashKind = (typeof FLASH_KINDS)[number];

/** What the last word of a route's path says was done; a route that creates at the top of its collection says "created". */
const KIND_BY_SEGMENT: Record<string, FlashKind> = {
  remove: 'removed',
  submit: 'submitted',
  withdraw: 'withdrawn',
  publish: 'published',
  verify: 'verified',
  reject: 'rejected',
  correct: 'corrected',
  decisions: 'decided',
  import: 'imported',
  lists: 'imported',
  batches: 'screened',
  language: 'languageChanged',
  revoke: 'revoked',
  agenda: 'added',
  participants: 'added',
  links: 'added',
  updates: 'added',
  snapshots: 'added',
  status: 'saved',
  numerals: 'saved',
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The confirmation this route's successful post shows; false for posts that are not actions (signing in). */
    flash?: FlashKind | false;
  }
  interface FastifyRequest {
    /** The confirmation to show on this page, left by the action that redirected here. */
    flash: FlashKind | null;
  }
  interface FastifyReply {
    flashKind?: FlashKind;
  }
}

/** For a handler whose outcome decides the message (a clearance that clears or returns). */
export function flashAs(reply: FastifyReply, kind: FlashKind): void {
  reply.flashKind = kind;
}

export function flashKindOf(routeUrl: string): FlashKind {
  const segments = routeUrl.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  const lastWord = segments.filter((segment) => !segment.startsWith(':')).at(-1) ?? '';
  if (KIND_BY_SEGMENT[lastWord]) return KIND_BY_SEGMENT[lastWord];
  // A post to a collection (/meetings, /funding/campaigns/:id/contributions) creates; one to a record (/meetings/:id) saves it.
  return last.startsWith(':') ? 'saved' : 'created';
}

const isFlashKind = (value: unknown): value is FlashKind => FLASH_KINDS.includes(value as FlashKind);

export function flashMessageKey(kind: FlashKind): MessageKey {
  return `flash.${kind}` as MessageKey;
}

export function installFlash(app: FastifyInstance): void {
  app.decorateRequest('flash', null);
  // Read once, then cleared, on the page the action redirected to.
  // A page shows the message; a route that answers with data (/healthz, the API) never reads it.
  addRouteHook(app, 'preHandler', (route) => isGetRoute(route) && !answersWithData(route), async (request: FastifyRequest, reply: FastifyReply) => {
    const value = request.cookies[FLASH_COOKIE];
    if (value === undefined) return;
    reply.clearCookie(FLASH_COOKIE, FLASH_COOKIE_OPTIONS);
    if (request.method === 'GET' && request.actor && isFlashKind(value)) request.flash = value;
  });
  addRouteHook(app, 'onSend', isUnsafeRoute, async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST' || reply.statusCode !== 303 || !request.actor || request.isApi) return;
    const config = request.routeOptions.config;
    if (config.flash === false || config.access === 'public' || config.access === 'second-factor') return;
    const kind = reply.flashKind ?? config.flash ?? flashKindOf(request.routeOptions.url ?? '');
    reply.header('set-cookie', app.serializeCookie(FLASH_COOKIE, kind, FLASH_COOKIE_OPTIONS));
  });
}
