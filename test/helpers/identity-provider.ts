import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Who the provider knows, and what it says about them. */
export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name: string;
  /** Methods the provider says it checked (`pwd`, `otp`, …): the ID token's `amr`. */
  amr: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, ProviderAccount>;
  /** The account the next sign-in at the provider is for (the provider's own login page, skipped). */
  signInAs(subject: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a loopback port, with one client: the
 * platform at `redirectUri`. Its login and consent steps complete at once for the chosen account.
 */
export async function startIdentityProvider(redirectUri: string): Promise<TestIdentityProvider> {
  const accounts = new Map<string, ProviderAccount>();
  let subject = '';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'coalition-desk';
  const clientSecret = 'client-secret-for-the-tests-0123456789';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true, methods: ['S256'] },
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims the scopes ask for go into the ID token itself.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, ...(accounts.get(id) ?? {}) }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['cookie-signing-key-for-the-tests-0123456789'] },
    // A signing key of its own, made for this run.
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] as never },
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const grant = new provider.Grant({ accountId: subject, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    const location = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: subject, amr: accounts.get(subject)?.amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(location);
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: (id) => {
      subject = id;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the browser's redirects through the provider (keeping its cookies) until it sends the browser
 * back to `returnTo`; resolves with that address.
 */
export async function passThroughProvider(start: string, returnTo: string): Promise<string> {
  const jar = new Map<string, string>();
  let location = start;
  for (let hop = 0; hop < 10; hop++) {
    if (location.startsWith(returnTo)) return location;
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`the provider answered ${response.status} without sending the browser on: ${(await response.text()).slice(0, 300)}`);
    location = new URL(next, location).href;
  }
  throw new Error('the provider redirected ten times without sending the browser back');
}
