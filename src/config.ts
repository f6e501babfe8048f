import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { ConfigError } from './platform/config-error.ts';
import { type OidcProvider, parseOidcProviders } from './platform/oidc-providers.ts';

/** Typed, frozen configuration read once from the environment. Every variable is documented in the README. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PGlite data folder, used when no databaseUrl is given. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  readonly bodyLimitBytes: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed for HSTS and client addresses behind TLS). */
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerAddress: number;
  readonly loginWindowMinutes: number;
  /** How long anonymous visitors may be served a shared copy of a public page; 0 turns the copies off. */
  readonly publicPageCacheSeconds: number;
  /** The bearer token a Prometheus scraper sends to /metrics; unset, /metrics answers no one. */
  readonly metricsToken: string | undefined;
  /**
   * The address people reach the platform at (https://…). Every absolute link (feeds, calendars, e-mails,
   * identity-provider callbacks) is built from it, never from the request's Host header. Required with
   * `serve`; the embedded default is http://localhost:PORT.
   */
  readonly publicUrl: string;
  /** How many costly actions (a name screened, a readout read into facts, a batch queued) one person may take a minute. */
  readonly rateLimitPerMinute: number;
  /** Server processes sharing the port (`serve`, `start`): one per core on PostgreSQL; PGlite is one process's. */
  readonly workers: number;
  /** The Ed25519 private key (PEM) that signs audit checkpoints; kept outside the database. */
  readonly auditSigningKey: string | undefined;
  /** Partners' OpenID Connect providers their staff may sign in with. */
  readonly oidcProviders: readonly OidcProvider[];
}

export { ConfigError };

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * `WORKERS`: a whole number, or `auto` for one per core on PostgreSQL (one on the embedded database, which
 * a single process holds open); a number above one needs PostgreSQL.
 */
function workers(env: Env, database: string | undefined): number {
  if (env.WORKERS?.trim().toLowerCase() === 'auto') return database ? os.availableParallelism() : 1;
  const count = integer(env, 'WORKERS', 1, 1, 64);
  if (count > 1 && !database) {
    throw new ConfigError(`WORKERS=${env.WORKERS} needs PostgreSQL (DATABASE_URL): the embedded database (DATA_DIR) can be opened by one process only`);
  }
  return count;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

/** A guessable token would publish the inside of the service: at least 32 characters (ASVS V6.4.1). */
function metricsToken(env: Env): string | undefined {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return undefined;
  if (token.length < 32) throw new ConfigError(`METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32), got ${token.length}`);
  return token;
}

function publicUrl(env: Env): string | undefined {
  const raw = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (!raw) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new ConfigError(`PUBLIC_URL must be an http(s):// address, got "${raw}"`);
  return raw;
}

/** AUDIT_SIGNING_KEY holds the PEM itself or the path of a file holding it (readable by the service only). */
function auditSigningKey(env: Env): string | undefined {
  const raw = env.AUDIT_SIGNING_KEY?.trim();
  if (!raw) return undefined;
  let pem = raw;
  if (!raw.startsWith('-----BEGIN')) {
    try {
      pem = fs.readFileSync(raw, 'utf8');
    } catch {
      throw new ConfigError(`AUDIT_SIGNING_KEY must be an Ed25519 private key in PEM or the path of a file holding one; cannot read "${raw}"`);
    }
  }
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== 'ed25519') throw new ConfigError('AUDIT_SIGNING_KEY is not an Ed25519 private key in PEM (make one with: openssl genpkey -algorithm ed25519)');
  return pem;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** `serve` runs in production, where a link built from a guessed address would point people elsewhere. */
export function requirePublicUrl(env: Env = process.env): void {
  if (!env.PUBLIC_URL?.trim()) throw new ConfigError('PUBLIC_URL is required with serve: the address people reach the platform at, e.g. https://desk.example.org');
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const configuredPublicUrl = publicUrl(env);
  return Object.freeze({
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: databaseUrl(env),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    logLevel,
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
    loginWindowMinutes: integer(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    publicPageCacheSeconds: integer(env, 'PUBLIC_PAGE_CACHE_SECONDS', 5, 0, 3600),
    metricsToken: metricsToken(env),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 120, 1, 100_000),
    workers: workers(env, databaseUrl(env)),
    publicUrl: configuredPublicUrl ?? `http://localhost:${port}`,
    auditSigningKey: auditSigningKey(env),
    oidcProviders: parseOidcProviders(env.OIDC_PROVIDERS, configuredPublicUrl),
  });
}
