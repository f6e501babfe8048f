import * as oidc from 'openid-client';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { Unauthenticated } from '../../platform/errors.ts';
import { say } from '../../platform/i18n/say.ts';
import { createSession, type SessionStage, sessionTimeouts } from '../../platform/session.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import { provisionPendingUser } from '../users/users.service.ts';
import * as repo from './account.repo.ts';
import { actorOf, auditFullSignIn, type Client, newDeviceCookie, type SignedIn } from './account.service.ts';
import { type OidcProvider, providerCheckedSecondFactor } from '../../platform/oidc-providers.ts';

/** What sign-in through a provider needs of the configuration: where it lives, and how long sessions last. */
export interface OidcSettings {
  publicUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

/** A sign-in started at a provider must come back within this long. */
const FLOW_MINUTES = 10;

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** The provider's metadata and keys, fetched once per process (http only for a provider on this machine). */
function configurationOf(provider: OidcProvider): Promise<oidc.Configuration> {
  let found = discovered.get(provider.id);
  if (!found) {
    const insecure = new URL(provider.issuer).protocol === 'http:';
    found = oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    found.catch(() => discovered.delete(provider.id));
    discovered.set(provider.id, found);
  }
  return found;
}

export const callbackUrl = (config: OidcSettings, provider: OidcProvider) => `${config.publicUrl}/sign-in/oidc/${provider.id}/callback`;

/**
 * Starts a sign-in at the provider: authorization code with PKCE, a state and a nonce, kept in the
 * database under the hash of a random value that goes to the browser as a short-lived cookie.
 */
export async function startOidcSignIn(db: Db, config: OidcSettings, provider: OidcProvider, next: string): Promise<{ flowCookie: string; location: string }> {
  const configuration = await configurationOf(provider);
  const flowCookie = randomToken();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await repo.insertOidcFlow(db, { idHash: sha256(flowCookie), provider: provider.id, codeVerifier, state, nonce, next }, FLOW_MINUTES);
  const location = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(config, provider),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { flowCookie, location: location.href };
}

export type OidcOutcome = { kind: 'signed-in'; signedIn: SignedIn; next: string } | { kind: 'pending'; email: string };

/**
 * Finishes the sign-in: the flow is used up, the code exchanged (state, nonce and PKCE checked by
 * openid-client), and the provider's subject found, linked by a verified e-mail address to the account
 * that has it, or provisioned as a pending account. A full session only when the provider checked a
 * second factor; otherwise the account's own TOTP is asked (or must be set up).
 */
export async function finishOidcSignIn(db: Db, config: OidcSettings, provider: OidcProvider, flowCookie: string | undefined, currentUrl: URL, client: Client): Promise<OidcOutcome> {
  const flow = flowCookie ? await repo.takeOidcFlow(db, sha256(flowCookie)) : undefined;
  if (!flow || flow.provider !== provider.id || flow.createdAt.getTime() < Date.now() - FLOW_MINUTES * 60_000) throw new Unauthenticated(say('problem.oidcFlowLost'));
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(await configurationOf(provider), currentUrl, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  } catch (error) {
    await db.transaction((tx) => appendAudit(tx, null, { action: 'sign-in.refused', entityType: 'user', detail: { provider: provider.id, reason: (error as Error).message.slice(0, 300) } }, client.ip));
    throw new Unauthenticated(say('problem.oidcRefused', { provider: provider.name }));
  }
  const subject = String(claims.sub ?? '');
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  const verified = claims.email_verified === true;
  const actor = systemActor(`identity provider ${provider.id}`);
  return db.transaction(async (tx) => {
    const identity = await repo.findIdentity(tx, provider.id, subject);
    let user = identity ? await repo.findUserById(tx, identity.userId) : undefined;
    if (!user) {
      if (!email || !verified) throw new Unauthenticated(say('problem.oidcEmailUnverified', { provider: provider.name }));
      user = (await repo.findUserByEmail(tx, email.toLowerCase())) ?? undefined;
      if (!user) {
        const partnerId = await repo.partnerIdByIso3(tx, provider.partner);
        user = await provisionPendingUser(tx, actor, { email, displayName: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email, partnerId });
      }
      await repo.linkIdentity(tx, { provider: provider.id, subject, userId: user.id, email });
      await appendAudit(tx, actor, { action: 'identity.linked', entityType: 'user', entityId: user.id, detail: { provider: provider.id, email } });
    }
    if (user.pendingSince) return { kind: 'pending', email: user.email };
    if (user.disabledAt) throw new Unauthenticated(say('problem.oidcAccountDisabled'));
    const providerMfa = providerCheckedSecondFactor(provider, claims);
    const stage: SessionStage = providerMfa ? 'full' : user.totpEnabledAt ? 'password' : 'enrol';
    const session = await createSession(tx, user.id, stage, sessionTimeouts(config), client);
    const secondFactor = providerMfa ? 'checked by the provider' : stage === 'password' ? 'owed' : 'must enrol';
    // A complete sign-in tells the holder of failures since their previous one, and marks this browser
    // as theirs, as a password sign-in does (ASVS V2.2.1).
    let failuresSincePreviousSignIn = 0;
    let deviceCookie: string | undefined;
    if (stage === 'full') {
      failuresSincePreviousSignIn = await auditFullSignIn(tx, user, client.ip, { provider: provider.id, secondFactor });
      deviceCookie = await newDeviceCookie(tx, user.email);
    } else {
      await appendAudit(tx, actorOf(user, client.ip), { action: 'sign-in.password-accepted', entityType: 'user', entityId: user.id, detail: { provider: provider.id, secondFactor } });
    }
    return { kind: 'signed-in', signedIn: { cookieValue: session.cookieValue, stage, userId: user.id, deviceCookie, failuresSincePreviousSignIn }, next: flow.next };
  });
}

export const OIDC_FLOW_COOKIE = '__Host-cd_oidc';
