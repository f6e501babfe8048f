import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { groups, partners } from './partners.ts';

export const role = pgEnum('role', ['secretariat-admin', 'secretariat-officer', 'co-chair', 'delegate', 'analyst']);
export const ROLES = role.enumValues;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: role('role').notNull(),
    /** The partner a delegate or co-chair speaks for. */
    partnerId: uuid('partner_id').references(() => partners.id),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last TOTP time step accepted: a code is good once (ASVS V2.8.4). */
    totpLastStep: integer('totp_last_step'),
    /** Only accounts of the demo data set may sign in without a second factor. */
    totpRequired: boolean('totp_required').notNull().default(true),
    locale: text('locale'),
    /** Digits for Arabic pages: 'latn' (123, the default) or 'arab' (Arabic-Indic, ١٢٣). */
    numerals: text('numerals').notNull().default('latn'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Provisioned at a first sign-in through a partner's identity provider: disabled until the secretariat approves. */
    pendingSince: timestamp('pending_since', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('users_email_unique').on(sql`lower(${table.email})`)],
);

export const userGroups = pgTable(
  'user_groups',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.groupId] })],
);

export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a leaked table does not yield usable session ids. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    /** `password` = first factor passed, second still owed; `full` = signed in. */
    stage: text('stage').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, shown so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);

/**
 * Failed sign-ins, counted across all processes: scope `pair` is an account (key) tried from an address,
 * scope `device` a browser's device cookie (key = its nonce).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** The client address of a `pair` failure: the per-address limit counts the distinct accounts tried from it. */
    address: text('address'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('login_failures_lookup_idx').on(table.scope, table.key, table.at), index('login_failures_address_idx').on(table.scope, table.address, table.at)],
);

/** Sign-in form tokens already posted: each is good once (ASVS V4.2.2), remembered until it would have expired anyway. */
export const usedSignInFormTokens = pgTable('used_sign_in_form_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Instance-wide secrets shared by every process (e.g. the key that signs sign-in form tokens). */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/** An account's sign-in at a partner's OpenID Connect provider: the provider's subject, linked to one account. */
export const userIdentities = pgTable(
  'user_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The verified address the provider gave when the link was made. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.subject] }), index('user_identities_user_idx').on(table.userId)],
);

/**
 * A sign-in at an identity provider in progress: the PKCE verifier, state and nonce, found again by the
 * hash of the short-lived cookie that binds the flow to the browser that started it (ASVS V3.5.x).
 */
export const oidcFlows = pgTable('oidc_flows', {
  idHash: text('id_hash').primaryKey(),
  provider: text('provider').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  next: text('next').notNull().default('/'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Fixed-window counters of the rate limits on costly actions, shared by every process (ARCHITECTURE:
 * processes keep no state of their own). The key names the route and who is counted.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  count: integer('count').notNull().default(0),
});

/**
 * One row counting changes to sessions, accounts, group memberships and API tokens, bumped by triggers
 * in the changing transaction (migration identity_epoch), so it moves exactly when the change becomes
 * visible. A process sharing the database with others reads it on each signed-in request to know at once
 * whether its copies of sessions and accounts (platform/identity-cache.ts) still hold.
 */
export const identityEpoch = pgTable('identity_epoch', {
  id: integer('id').primaryKey().default(1),
  epoch: bigint('epoch', { mode: 'number' }).notNull().default(0),
});
