import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client.ts';
import type { MaybeActor } from './actor.ts';
import { loadActor, loadActorByApiToken } from './actor-loader.ts';
import { type Action, can } from './authz.ts';
import { IDENTITY_CHANNEL, IdentityCache } from './identity-cache.ts';
import { identityEpoch } from './identity-epoch.ts';
import { keepCopiesByNotices } from './notice-kept-copies.ts';
import { Forbidden, HttpProblem, Unauthenticated } from './errors.ts';
import { isLocale, type Locale, negotiateLocale, type Translate, translator } from './i18n/i18n.ts';
import { isNumerals, setRequestLanguage, withRequestLanguage } from './i18n/request-language.ts';
import { pathLocaleOf } from './i18n/path-locale.ts';
import { csrfTokenFor, findLiveSession, isValidCsrfToken, SESSION_COOKIE, type SessionRow, type SessionSettings, sessionTimeouts } from './session.ts';

/**
 * Who may reach a route, checked before the body is even validated:
 * `public` anyone; `signed-in` any fully signed-in user; `second-factor` a session that still owes its
 * second factor or must enrol one; an Action: the roles in the permission matrix.
 */
export type Access = 'public' | 'signed-in' | 'second-factor' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: MaybeActor;
    session: SessionRow | null;
    sessionCookie: string | null;
    locale: Locale;
    t: Translate;
    /** The CSRF token to embed in this page's forms; empty for anonymous visitors. */
    csrfToken: string;
    isApi: boolean;
    /** How many things wait for this user's action (shown beside the desk link); 0 when none or unknown. */
    attention: number;
    /** The language the path named (/fr/…), whose links the page keeps; null when the path named none. */
    pathLocale: Locale | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function denyUnauthenticated(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (request.isApi) throw new Unauthenticated();
  // Half-way through signing in: send the user on to the step they still owe.
  if (request.session?.stage === 'enrol') return reply.redirect('/account/second-factor', 303);
  if (request.session?.stage === 'password') return reply.redirect(`/sign-in/second-factor?next=${encodeURIComponent(request.url)}`, 303);
  const next = encodeURIComponent(request.url);
  return reply.redirect(`/sign-in?next=${next}`, 303);
}

function checkAccess(request: FastifyRequest, reply: FastifyReply, access: Access): FastifyReply | undefined {
  if (access === 'public') return;
  const stage = request.session?.stage;
  if (access === 'second-factor') {
    if (stage === 'password' || stage === 'enrol' || stage === 'full') return;
    return denyUnauthenticated(request, reply);
  }
  if (access === 'signed-in') return request.actor ? undefined : denyUnauthenticated(request, reply);
  // Half-way through signing in (a second factor owed or to enrol): finish that first, rather than
  // browsing as an anonymous visitor would (ASVS V2.8: the second factor is not optional).
  if (!request.actor && (stage === 'enrol' || stage === 'password')) return denyUnauthenticated(request, reply);
  // Anonymous visitors may take a few read actions; repos then limit them to public records.
  if (can(request.actor, access)) return;
  if (!request.actor) return denyUnauthenticated(request, reply);
  throw new Forbidden();
}

export interface RequestContextOptions {
  db: Db;
  /** How long sessions last. */
  config: SessionSettings;
  /** Where the database announces changes to sessions and accounts; without it nothing is cached. */
  listen?: Database['listen'];
}

/** Loads the actor, language and CSRF token for every request, then enforces the route's access rule. */
export const requestContext = fp(async (app: FastifyInstance, options: RequestContextOptions) => {
  const { db, config } = options;
  const timeouts = sessionTimeouts(config);
  const identities = new IdentityCache();
  // A change made by this process is forgotten before its reply leaves, not when the database's
  // announcement comes back a moment later: the next request (a redirect after sign-out) may be quicker.
  await keepCopiesByNotices(app, identities, IDENTITY_CHANNEL, options.listen);
  const readEpoch = () => identityEpoch(db);
  // Another process may have signed a session out a moment ago, its notice still on the way: on a shared
  // database the copies are checked against the identity epoch before they are used.
  const confirmCopies = async () => {
    if (identities.confirmsEachRequest) await identities.confirm(readEpoch);
  };
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionCookie', null);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('isApi', false);
  app.decorateRequest('attention', 0);
  app.decorateRequest('pathLocale', null);

  // Each request keeps its reader's language and digits for what is formatted outside the views
  // (validation and service messages, Intl): platform/i18n/request-language.ts.
  app.addHook('onRequest', (_request, _reply, done) => withRequestLanguage(done));
  app.addHook('onRequest', async (request, reply) => {
    request.isApi = request.url.startsWith('/api/');
    const authorization = request.headers.authorization;
    if (request.isApi && authorization?.startsWith('Bearer ')) {
      await confirmCopies();
      request.actor = await loadActorByApiToken(db, authorization.slice('Bearer '.length).trim(), request.ip, identities);
      if (!request.actor) throw new HttpProblem(401, 'Unauthorized', 'The API token is unknown, expired or revoked.');
    } else {
      // Static files are the same for everyone: no session is read for them, even when the browser sends one.
      const cookieValue = request.routeOptions.url?.startsWith('/assets/') ? undefined : request.cookies[SESSION_COOKIE];
      if (cookieValue) {
        await confirmCopies();
        const session = await findLiveSession(db, cookieValue, timeouts, identities);
        if (session) {
          request.session = session;
          request.sessionCookie = cookieValue;
          request.csrfToken = csrfTokenFor(session);
          if (session.stage === 'full') request.actor = await loadActor(db, session.userId, request.ip, identities);
          if (session.stage === 'full' && !request.actor) request.session = null;
        }
      }
    }
    // The language a path names (/fr/…) wins, then ?lang=, then the account's choice, then the browser's.
    const fromPath = pathLocaleOf(request.raw);
    const requested = (request.query as Record<string, unknown> | undefined)?.lang;
    const preferred = isLocale(request.actor?.locale) ? request.actor.locale : null;
    request.locale = fromPath ?? (isLocale(requested) ? requested : (preferred ?? negotiateLocale(request.headers['accept-language'])));
    request.pathLocale = fromPath ?? null;
    setRequestLanguage(request.locale, isNumerals(request.actor?.numerals) ? request.actor.numerals : undefined);
    request.t = translator(request.locale);
    // Unknown addresses answer 404 to everyone; every declared route without an access rule is closed.
    const access = request.is404 ? 'public' : (request.routeOptions.config.access ?? 'signed-in');
    return checkAccess(request, reply, access);
  });

  // CSRF (ASVS V4.2.2): every unsafe request riding on a session cookie must carry the session's token,
  // in the form field `_csrf` or the `x-csrf-token` header. Bearer-token API calls carry no cookie.
  app.addHook('preValidation', async (request) => {
    // A filter form sends every field, empty or not; an empty filter means "no filter".
    const query = request.query as Record<string, unknown> | undefined;
    if (query && typeof query === 'object') {
      for (const [key, value] of Object.entries(query)) if (value === '') delete query[key];
    }
    if (!UNSAFE_METHODS.has(request.method)) return;
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : undefined;
    const token = request.headers['x-csrf-token'] ?? body?._csrf;
    if (request.session && !isValidCsrfToken(request.session, token)) {
      throw new HttpProblem(403, 'Forbidden', 'The form has expired or did not come from this site. Reload the page and try again.');
    }
    // The token has done its job; the services never see it.
    if (body && '_csrf' in body) delete body._csrf;
  });
});
