import { ConfigError } from './config-error.ts';

/**
 * A partner's identity provider, as configured in OIDC_PROVIDERS (a JSON array). Accounts first seen
 * through it are provisioned as delegates of `partner`, pending the secretariat's approval.
 */
export interface OidcProvider {
  /** Short name used in addresses: /sign-in/oidc/<id>. */
  id: string;
  /** What the sign-in button says: "Sign in with <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** ISO 3166-1 alpha-3 code of the partner whose staff sign in here. */
  partner: string;
  /**
   * How the provider says it checked a second factor: a claim of the ID token (`amr` by default, an
   * array, or `acr`, a string) and the values that mean it did. Without one of them, a local TOTP code is asked.
   */
  mfa: { claim: string; values: string[] };
}

const ID = /^[a-z0-9-]{1,40}$/;

/** Reads OIDC_PROVIDERS; a wrong entry stops the start with one line naming it. */
export function parseOidcProviders(raw: string | undefined, publicUrl: string | undefined): OidcProvider[] {
  if (!raw?.trim()) return [];
  if (!publicUrl) throw new ConfigError('OIDC_PROVIDERS needs PUBLIC_URL (e.g. https://desk.example.org): the providers send people back to it');
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch {
    throw new ConfigError('OIDC_PROVIDERS must be a JSON array of providers');
  }
  if (!Array.isArray(entries)) throw new ConfigError('OIDC_PROVIDERS must be a JSON array of providers');
  const providers = entries.map((entry: Record<string, unknown>, index) => {
    const where = `OIDC_PROVIDERS[${index}]`;
    const text = (key: string) => {
      const value = entry?.[key];
      if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`${where}.${key} is required`);
      return value.trim();
    };
    const id = text('id');
    if (!ID.test(id)) throw new ConfigError(`${where}.id must be lower-case letters, digits and dashes, got "${id}"`);
    const issuer = text('issuer');
    const url = URL.canParse(issuer) ? new URL(issuer) : null;
    const loopback = url?.hostname === '127.0.0.1' || url?.hostname === 'localhost' || url?.hostname === '[::1]';
    if (!url || (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))) throw new ConfigError(`${where}.issuer must be an https:// URL (http:// only on this machine), got "${issuer}"`);
    const partner = text('partner').toUpperCase();
    if (!/^[A-Z]{3}$/.test(partner)) throw new ConfigError(`${where}.partner must be an ISO 3166-1 alpha-3 code, got "${partner}"`);
    const mfa = (entry.mfa ?? {}) as { claim?: unknown; values?: unknown };
    const values = Array.isArray(mfa.values) ? mfa.values.filter((value): value is string => typeof value === 'string') : ['mfa', 'otp', 'hwk', 'swk', 'sc'];
    return { id, name: text('name'), issuer, clientId: text('clientId'), clientSecret: text('clientSecret'), partner, mfa: { claim: typeof mfa.claim === 'string' ? mfa.claim : 'amr', values } };
  });
  const ids = providers.map((provider) => provider.id);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new ConfigError(`OIDC_PROVIDERS names "${twice}" twice`);
  return providers;
}

/** Whether the ID token's claims show the second factor the provider checked. */
export function providerCheckedSecondFactor(provider: OidcProvider, claims: Record<string, unknown>): boolean {
  const value = claims[provider.mfa.claim];
  const given = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  return given.some((item) => provider.mfa.values.includes(String(item)));
}
