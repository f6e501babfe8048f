import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, InvalidInput, NotFound, TooManyAttempts } from '../../platform/errors.ts';
import { instanceSecret } from '../../platform/instance-secrets.ts';
import type { AppModule } from '../../platform/module.ts';
import type { AccountSettings } from './account.module.ts';
import { safeLocalPath } from '../../platform/safe-redirect.ts';
import { localizedPath } from '../../platform/i18n/path-locale.ts';
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from '../../platform/session.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_OPTIONS } from '../../platform/device-cookie.ts';
import { consumeSignInFormToken, issueSignInFormToken, isValidSignInFormToken } from '../../platform/sign-in-form-token.ts';
import { isSameOriginPost } from '../../platform/request-origin.ts';
import { totpQrSvg, totpUri } from '../../platform/totp.ts';
import { parseInput } from '../../platform/validate.ts';
import { pageContext } from '../../platform/views/page-context.ts';
import { sendPage } from '../../platform/views/render.ts';
import * as repo from './account.repo.ts';
import { LanguageBody, NewApiTokenBody, NumeralsBody, SecondFactorBody, SignInBody } from './account.schema.ts';
import * as account from './account.service.ts';
import { AccountPage, EnrolPage, PendingApprovalPage, RecoveryCodesPage, SecondFactorPage, SignInPage, TokensPage } from './account.views.tsx';
import { finishOidcSignIn, OIDC_FLOW_COOKIE, startOidcSignIn } from './oidc.service.ts';
import { FormBody, IdParams } from '../../platform/route-schemas.ts';

const ProviderParams = Type.Object({ provider: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) });
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })), lang: Type.Optional(Type.String()) });

function client(request: FastifyRequest): account.Client {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, deviceCookie: request.cookies[DEVICE_COOKIE] ?? null };
}

function setSessionCookie(reply: FastifyReply, signedIn: Pick<account.SignedIn, 'cookieValue' | 'deviceCookie'>): void {
  reply.setCookie(SESSION_COOKIE, signedIn.cookieValue, SESSION_COOKIE_OPTIONS);
  if (signedIn.deviceCookie) reply.setCookie(DEVICE_COOKIE, signedIn.deviceCookie, DEVICE_COOKIE_OPTIONS);
}

/** Where a sign-in goes next; failures since the previous sign-in are first shown on the account page. */
function afterStage(signedIn: Pick<account.SignedIn, 'stage' | 'failuresSincePreviousSignIn'>, next: string): string {
  if (signedIn.stage === 'password') return `/sign-in/second-factor?next=${encodeURIComponent(next)}`;
  if (signedIn.stage === 'enrol') return '/account/second-factor';
  if (signedIn.failuresSincePreviousSignIn) return `/account?next=${encodeURIComponent(next)}`;
  return next;
}

export const accountPages: AppModule<AccountSettings> = async (app, { db, config }) => {
  const signInKey = () => instanceSecret(db, 'sign-in-form');

  app.get('/sign-in', { config: { access: 'public' }, schema: { querystring: NextQuery, hide: true } }, async (request, reply) => {
    if (request.actor) return reply.redirect(safeLocalPath(request.query.next), 303);
    const formToken = issueSignInFormToken(await signInKey());
    return sendPage(reply, <SignInPage ctx={pageContext(request)} formToken={formToken} next={safeLocalPath(request.query.next, '')} providers={config.oidcProviders} />);
  });

  app.post('/sign-in', { config: { access: 'public' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, string | undefined>;
    const next = safeLocalPath(body.next);
    const key = await signInKey();
    const render = (status: number, message?: string, errors?: InvalidInput['fields']) =>
      sendPage(reply, <SignInPage ctx={pageContext(request)} formToken={issueSignInFormToken(key)} email={body.email} next={next} message={message} errors={errors} providers={config.oidcProviders} />, status);
    // A form token is good once: a replayed post is refused like a forged one.
    if (!isSameOriginPost(request, config.publicUrl) || !isValidSignInFormToken(key, body.formToken) || !(await consumeSignInFormToken(db, body.formToken))) {
      return render(403, request.t('signIn.formExpired'));
    }
    try {
      const input = parseInput(SignInBody, body);
      const signedIn = await account.signInWithPassword(db, config, input, client(request));
      setSessionCookie(reply, signedIn);
      return reply.redirect(afterStage(signedIn, next), 303);
    } catch (error) {
      if (error instanceof InvalidInput) return render(400, undefined, error.fields);
      if (error instanceof HttpProblem) {
        if (error instanceof TooManyAttempts) reply.header('retry-after', String(error.retryAfterSeconds));
        return render(error.status, error.message);
      }
      throw error;
    }
  });

  const providerOf = (id: string) => {
    const provider = config.oidcProviders.find((candidate) => candidate.id === id);
    if (!provider) throw new NotFound('record');
    return provider;
  };

  // Sign-in through a partner's identity provider (OpenID Connect, authorization code with PKCE).
  app.get('/sign-in/oidc/:provider', { config: { access: 'public' }, schema: { params: ProviderParams, querystring: NextQuery, hide: true } }, async (request, reply) => {
    const provider = providerOf(request.params.provider);
    const { flowCookie, location } = await startOidcSignIn(db, config, provider, safeLocalPath(request.query.next));
    // Lax, not Strict: the provider sends the browser back with a top-level cross-site GET.
    reply.setCookie(OIDC_FLOW_COOKIE, flowCookie, { ...SESSION_COOKIE_OPTIONS, maxAge: 600 });
    return reply.redirect(location, 303);
  });

  app.get('/sign-in/oidc/:provider/callback', { config: { access: 'public' }, schema: { params: ProviderParams, hide: true } }, async (request, reply) => {
    const provider = providerOf(request.params.provider);
    reply.clearCookie(OIDC_FLOW_COOKIE, SESSION_COOKIE_OPTIONS);
    const outcome = await finishOidcSignIn(db, config, provider, request.cookies[OIDC_FLOW_COOKIE], new URL(request.url, config.publicUrl), client(request));
    if (outcome.kind === 'pending') return sendPage(reply, <PendingApprovalPage ctx={pageContext(request)} email={outcome.email} />);
    setSessionCookie(reply, outcome.signedIn);
    return reply.redirect(afterStage(outcome.signedIn, outcome.next), 303);
  });

  app.get('/sign-in/second-factor', { config: { access: 'second-factor' }, schema: { querystring: NextQuery, hide: true } }, async (request, reply) => {
    if (request.session?.stage !== 'password') return reply.redirect('/account', 303);
    return sendPage(reply, <SecondFactorPage ctx={pageContext(request)} next={safeLocalPath(request.query.next, '')} />);
  });

  app.post('/sign-in/second-factor', { config: { access: 'second-factor' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, string | undefined>;
    const next = safeLocalPath(body.next);
    try {
      const input = parseInput(SecondFactorBody, body);
      const signedIn = await account.completeSecondFactor(db, config, request.session!, request.sessionCookie!, input.code, client(request));
      setSessionCookie(reply, signedIn);
      return reply.redirect(afterStage(signedIn, next), 303);
    } catch (error) {
      if (error instanceof InvalidInput) return sendPage(reply, <SecondFactorPage ctx={pageContext(request)} next={next} errors={error.fields} />, 400);
      if (error instanceof TooManyAttempts) return sendPage(reply, <SecondFactorPage ctx={pageContext(request)} next={next} message={error.message} />, 429);
      throw error;
    }
  });

  app.post('/sign-out', { config: { access: 'second-factor' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    await account.signOut(db, request.session!, request.sessionCookie!, request.actor);
    reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
    return reply.redirect('/', 303);
  });

  app.get('/account', { config: { access: 'signed-in' }, schema: { querystring: NextQuery, hide: true } }, async (request, reply) => {
    const user = await repo.findUserById(db, request.actor!.userId!);
    if (!user) throw new HttpProblem(401, 'Unauthorized', 'Sign in again.');
    const lastSignIn = await account.lastSignInReport(db, request.actor!);
    return sendPage(
      reply,
      <AccountPage
        ctx={pageContext(request)}
        email={user.email}
        displayName={user.displayName}
        role={user.role}
        totpEnabled={Boolean(user.totpEnabledAt)}
        totpRequired={user.totpRequired}
        numerals={user.numerals}
        lastSignIn={lastSignIn}
        next={safeLocalPath(request.query.next, '')}
      />,
    );
  });

  async function renderEnrol(request: FastifyRequest, reply: FastifyReply, errors?: InvalidInput['fields']) {
    const { secret, email } = await account.beginTotpEnrolment(db, request.session!.userId);
    const qrSvg = await totpQrSvg(totpUri(secret, email));
    return sendPage(reply, <EnrolPage ctx={pageContext(request)} qrSvg={qrSvg} secret={secret} required={request.session!.stage === 'enrol'} errors={errors} />, errors ? 400 : 200);
  }

  app.get('/account/second-factor', { config: { access: 'second-factor' }, schema: { hide: true } }, async (request, reply) => {
    if (request.session!.stage === 'password') return reply.redirect('/sign-in/second-factor', 303);
    const user = await repo.findUserById(db, request.session!.userId);
    if (user?.totpEnabledAt) return reply.redirect('/account', 303);
    return renderEnrol(request, reply);
  });

  app.post('/account/second-factor', { config: { access: 'second-factor' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    if (request.session!.stage === 'password') return reply.redirect('/sign-in/second-factor', 303);
    try {
      const input = parseInput(SecondFactorBody, request.body);
      const result = await account.confirmTotpEnrolment(db, config, request.session!, request.sessionCookie!, input.code, client(request));
      if (result.signedIn) setSessionCookie(reply, result.signedIn);
      return sendPage(reply, <RecoveryCodesPage ctx={pageContext(request)} codes={result.recoveryCodes} />);
    } catch (error) {
      if (error instanceof InvalidInput) return renderEnrol(request, reply, error.fields);
      throw error;
    }
  });

  // The switch names the language it goes to, so the redirect is not put under the path of the one left behind.
  app.post('/account/language', { config: { access: 'signed-in', redirectNamesLanguage: true }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = parseInput(LanguageBody, request.body);
    await account.setLanguage(db, request.actor!, input.locale);
    const back = new URL(safeLocalPath(input.returnTo), 'http://local');
    back.searchParams.delete('lang');
    const path = `${back.pathname}${back.search}`;
    // A reader who reads by path (/ar/…) goes on by path in the chosen language; others by their account's choice.
    return reply.redirect(request.pathLocale ? localizedPath(input.locale, path) : path, 303);
  });

  app.post('/account/numerals', { config: { access: 'signed-in' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const input = parseInput(NumeralsBody, request.body);
    await account.setNumeralsPreference(db, request.actor!, input.numerals);
    return reply.redirect('/account', 303);
  });

  app.get('/account/tokens', { config: { access: 'signed-in' }, schema: { hide: true } }, async (request, reply) => {
    const tokens = await account.listApiTokens(db, request.actor!);
    return sendPage(reply, <TokensPage ctx={pageContext(request)} tokens={tokens} />);
  });

  app.post('/account/tokens', { config: { access: 'signed-in' }, schema: { body: FormBody, hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, string | undefined>;
    try {
      const input = parseInput(NewApiTokenBody, body);
      const created = await account.createApiToken(db, request.actor!, input);
      const tokens = await account.listApiTokens(db, request.actor!);
      return sendPage(reply, <TokensPage ctx={pageContext(request)} tokens={tokens} newToken={created.token} />, 201);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const tokens = await account.listApiTokens(db, request.actor!);
      return sendPage(reply, <TokensPage ctx={pageContext(request)} tokens={tokens} errors={error.fields} name={body.name} />, 400);
    }
  });

  app.post(
    '/account/tokens/:id/revoke',
    { config: { access: 'signed-in' }, schema: { params: IdParams, body: FormBody, hide: true } },
    async (request, reply) => {
      await account.revokeApiToken(db, request.actor!, request.params.id);
      return reply.redirect('/account/tokens', 303);
    },
  );
};
