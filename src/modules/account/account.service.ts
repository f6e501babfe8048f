import type { Numerals } from '../../platform/i18n/request-language.ts';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { HttpProblem, InvalidInput, NotFound, TooManyAttempts, Unauthenticated } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/passwords.ts';
import { createSession, deleteSession, type SessionRow, type SessionStage, sessionTimeouts } from '../../platform/session.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import { deviceNonceFor, issueDeviceCookie } from '../../platform/device-cookie.ts';
import { instanceSecret } from '../../platform/instance-secrets.ts';
import { matchTotpStep, newTotpSecret } from '../../platform/totp.ts';
import * as repo from './account.repo.ts';
import type { NewApiToken } from './account.schema.ts';
import { say } from '../../platform/i18n/say.ts';

export interface Client {
  ip: string | null;
  userAgent: string | null;
  /** The browser's device cookie, if it has one (platform/device-cookie.ts). */
  deviceCookie?: string | null;
}

export interface SignedIn {
  cookieValue: string;
  stage: SessionStage;
  userId: string;
  /** A fresh device cookie for this browser, handed out when the sign-in is complete. */
  deviceCookie?: string;
  /** Failed attempts on the account since its previous sign-in, to tell the holder. */
  failuresSincePreviousSignIn?: number;
}

/**
 * What sign-in needs of the configuration, handed in by the pages that were given it at registration
 * (the configuration is read once, at the entry).
 */
export interface SignInSettings {
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

const DEVICE_KEY = 'device-cookie';

/** A device cookie for a browser whose sign-in is complete, however it signed in (password, second factor, provider). */
export async function newDeviceCookie(db: Db, email: string): Promise<string> {
  return issueDeviceCookie(await instanceSecret(db, DEVICE_KEY), email);
}

const INVALID_CREDENTIALS = 'The e-mail address or the password is not right.';


/** Seconds the next attempt on a counter must wait: none for the first free failures, then 30 s doubling, up to the window. */
export function slowDownSeconds(failures: number, freeFailures: number, windowMinutes: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(windowMinutes * 60, 30 * 2 ** Math.min(failures - freeFailures, 20));
}

/**
 * The counter an attempt is judged by: the browser's own when it carries a device cookie issued to this
 * account, otherwise the (account, address) pair. Nobody can lock an account for everyone else.
 */
async function failureCounter(db: Db, email: string, client: Client): Promise<repo.FailureCounter> {
  const nonce = deviceNonceFor(await instanceSecret(db, DEVICE_KEY), client.deviceCookie ?? undefined, email);
  return nonce ? { scope: 'device', nonce } : { scope: 'pair', account: email, address: client.ip ?? 'unknown' };
}

async function refuse(db: Db, email: string, ip: string | null, scope: string, retryAt: number, message: (seconds: number) => string): Promise<never> {
  const seconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  await db.transaction((tx) => appendAudit(tx, null, { action: 'sign-in.throttled', entityType: 'user', detail: { email, scope, waitSeconds: seconds } }, ip));
  throw new TooManyAttempts(message(seconds), seconds);
}

/**
 * Login throttling (ASVS V2.2.1), counted in the database so every process sees the same count. The
 * (account, address) pair — or the browser's device cookie — slows down progressively instead of being
 * refused outright; an address is held back only once it has failed on many different accounts, and a
 * browser with a device cookie for the account is exempt from that.
 */
async function assertNotThrottled(db: Db, config: SignInSettings, email: string, client: Client, counter: repo.FailureCounter): Promise<void> {
  const windowMs = config.loginWindowMinutes * 60_000;
  const since = new Date(Date.now() - windowMs);
  const recent = await repo.recentFailures(db, counter, since);
  const wait = slowDownSeconds(recent.count, config.loginMaxFailuresPerAccount, config.loginWindowMinutes);
  const retryAt = (recent.last?.getTime() ?? 0) + wait * 1000;
  if (wait > 0 && retryAt > Date.now()) {
    await refuse(db, email, client.ip, counter.scope, retryAt, (seconds) => say('problem.signInSlowedDown', { seconds }));
  }
  if (counter.scope !== 'pair' || (await repo.hasFailedFromAddress(db, email, counter.address, since))) return;
  const address = await repo.accountsFailedFromAddress(db, counter.address, since);
  if (address.accounts >= config.loginMaxFailuresPerAddress) {
    const addressRetryAt = (address.oldest?.getTime() ?? Date.now()) + windowMs;
    await refuse(db, email, client.ip, 'address', addressRetryAt, (seconds) => say('problem.tooManySignIns', { who: 'address', minutes: Math.ceil(seconds / 60) }));
  }
}

async function recordFailedAttempt(db: Db, counter: repo.FailureCounter, email: string, ip: string | null, reason: string, userId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.recordFailure(tx, counter);
    await appendAudit(tx, null, { action: 'sign-in.failed', entityType: 'user', entityId: userId ?? null, detail: { email, reason, counter: counter.scope } }, ip);
  });
}

/**
 * The audit event of a completed sign-in. It tells how many failures the account had since its previous
 * sign-in, so the holder learns of guessing on their account (shown on the account page).
 */
export async function auditFullSignIn(tx: Db, user: repo.UserRow, ip: string | null, detail: Record<string, unknown>): Promise<number> {
  const failures = await repo.failuresSinceLastSignIn(tx, user.id);
  await appendAudit(tx, actorOf(user, ip), { action: 'sign-in.succeeded', entityType: 'user', entityId: user.id, detail: { ...detail, failuresSincePreviousSignIn: failures } });
  return failures;
}

/** First factor. The session starts fresh, so any id an attacker planted is worthless (ASVS V3.2.1). */
export async function signInWithPassword(
  db: Db,
  config: SignInSettings,
  input: { email: string; password: string },
  client: Client,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const counter = await failureCounter(db, email, client);
  await assertNotThrottled(db, config, email, client, counter);
  const user = await repo.findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordFailedAttempt(db, counter, email, client.ip, !user ? 'unknown account' : user.disabledAt ? 'account disabled' : 'wrong password', user?.id);
    throw new HttpProblem(401, 'Unauthorized', INVALID_CREDENTIALS);
  }
  const stage: SessionStage = user.totpEnabledAt ? 'password' : user.totpRequired ? 'enrol' : 'full';
  const deviceCookie = stage === 'full' ? await newDeviceCookie(db, email) : undefined;
  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, stage, sessionTimeouts(config), client);
    await repo.clearFailures(tx, counter);
    let failuresSincePreviousSignIn = 0;
    if (stage === 'full') {
      failuresSincePreviousSignIn = await auditFullSignIn(tx, user, client.ip, { secondFactor: 'not required (demo account)' });
    } else {
      await appendAudit(tx, actorOf(user, client.ip), {
        action: 'sign-in.password-accepted',
        entityType: 'user',
        entityId: user.id,
        detail: { secondFactor: stage === 'password' ? 'owed' : 'must enrol' },
      });
    }
    return { cookieValue: session.cookieValue, stage, userId: user.id, deviceCookie, failuresSincePreviousSignIn };
  });
}

/** Replaces the session with a new, fully signed-in one: the id changes whenever privilege does. */
async function promoteSession(tx: Db, config: SignInSettings, oldCookie: string, userId: string, client: Client): Promise<SignedIn> {
  await deleteSession(tx, oldCookie);
  const session = await createSession(tx, userId, 'full', sessionTimeouts(config), client);
  return { cookieValue: session.cookieValue, stage: 'full', userId };
}

/** The account as the actor of its own sign-in's audit events. */
export function actorOf(user: repo.UserRow, ip: string | null): Actor {
  return { userId: user.id, label: user.email, role: user.role, partnerId: user.partnerId, groupIds: [], ip };
}

/** Second factor: a TOTP code, or one of the recovery codes (each good once). */
export async function completeSecondFactor(
  db: Db,
  config: SignInSettings,
  session: SessionRow,
  oldCookie: string,
  code: string,
  client: Client,
): Promise<SignedIn> {
  if (session.stage !== 'password') throw new Unauthenticated(say('problem.passwordFirst'));
  const user = await repo.findUserById(db, session.userId);
  if (!user?.totpSecret || user.disabledAt) throw new Unauthenticated();
  const email = user.email.toLowerCase();
  const counter = await failureCounter(db, email, client);
  await assertNotThrottled(db, config, email, client, counter);
  const deviceCookie = await newDeviceCookie(db, email);
  const complete = async (tx: Db, secondFactor: string): Promise<SignedIn> => {
    await repo.clearFailures(tx, counter);
    const failuresSincePreviousSignIn = await auditFullSignIn(tx, user, client.ip, { secondFactor });
    return { ...(await promoteSession(tx, config, oldCookie, user.id, client)), deviceCookie, failuresSincePreviousSignIn };
  };
  const step = matchTotpStep(user.totpSecret, code);
  if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
    return db.transaction(async (tx) => {
      await repo.setTotpLastStep(tx, user.id, step);
      return complete(tx, 'totp');
    });
  }
  const normalized = code.replace(/[\s-]/g, '').toLowerCase();
  const recovery = (await repo.unusedRecoveryCodes(db, user.id)).find((r) => r.codeHash === sha256(normalized));
  if (recovery) {
    return db.transaction(async (tx) => {
      if (!(await repo.markRecoveryCodeUsed(tx, recovery.id))) throw new Unauthenticated(say('problem.recoveryCodeUsed'));
      return complete(tx, 'recovery code');
    });
  }
  await recordFailedAttempt(db, counter, email, client.ip, 'wrong second-factor code', user.id);
  throw new InvalidInput([{ field: 'code', message: say('problem.codeWrongOrUsed') }]);
}

/** The holder's own latest sign-in and the failures before it (shown on the account page). */
export function lastSignInReport(db: Db, actor: Actor): Promise<{ at: Date; failures: number } | null> {
  if (!actor.userId) throw new Unauthenticated();
  return repo.lastSignInReport(db, actor.userId);
}

export async function signOut(db: Db, session: SessionRow, cookieValue: string, actor: Actor | null): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, cookieValue);
    await appendAudit(tx, actor, { action: 'sign-out', entityType: 'user', entityId: session.userId });
  });
}

/** Starts TOTP enrolment: a new secret is kept on the account, inactive until a code proves the app has it. */
export async function beginTotpEnrolment(db: Db, userId: string): Promise<{ secret: string; email: string }> {
  const user = await repo.findUserById(db, userId);
  if (!user) throw new NotFound('account');
  if (user.totpSecret && !user.totpEnabledAt) return { secret: user.totpSecret, email: user.email };
  const secret = newTotpSecret();
  await repo.setPendingTotpSecret(db, userId, secret);
  return { secret, email: user.email };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(6).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

/**
 * Confirms enrolment with a first code and hands out recovery codes (shown once, stored hashed).
 * An `enrol`-stage session becomes a full one with a new id.
 */
export async function confirmTotpEnrolment(
  db: Db,
  config: SignInSettings,
  session: SessionRow,
  cookieValue: string,
  code: string,
  client: Client,
): Promise<{ recoveryCodes: string[]; signedIn: SignedIn | null }> {
  const user = await repo.findUserById(db, session.userId);
  if (!user?.totpSecret) throw new InvalidInput([{ field: 'code', message: say('problem.noSecretWaiting') }]);
  if (user.totpEnabledAt) throw new InvalidInput([{ field: 'code', message: say('problem.secondFactorExists') }]);
  const step = matchTotpStep(user.totpSecret, code);
  if (step === null) throw new InvalidInput([{ field: 'code', message: say('problem.codeWrongCheckTime') }]);
  const recoveryCodes = newRecoveryCodes();
  const signedIn = await db.transaction(async (tx) => {
    await repo.enableTotp(tx, user.id, step);
    await repo.replaceRecoveryCodes(tx, user.id, recoveryCodes.map((c) => sha256(c.replaceAll('-', ''))));
    await appendAudit(tx, actorOf(user, client.ip), { action: 'totp.enrolled', entityType: 'user', entityId: user.id });
    if (session.stage === 'full') return null;
    // Enrolment completes a sign-in: the browser gets its device cookie here, as after a second factor.
    return { ...(await promoteSession(tx, config, cookieValue, user.id, client)), deviceCookie: await newDeviceCookie(tx, user.email) };
  });
  return { recoveryCodes, signedIn };
}

export async function setLanguage(db: Db, actor: Actor, locale: Locale): Promise<void> {
  if (!actor.userId) return;
  await db.transaction(async (tx) => {
    await repo.setLocale(tx, actor.userId as string, locale);
    await appendAudit(tx, actor, { action: 'user.language-set', entityType: 'user', entityId: actor.userId, detail: { locale } });
  });
}

/** Western or Arabic-Indic digits on Arabic pages; audited like the language. */
export async function setNumeralsPreference(db: Db, actor: Actor, numerals: Numerals): Promise<void> {
  if (!actor.userId) return;
  await db.transaction(async (tx) => {
    await repo.setNumerals(tx, actor.userId as string, numerals);
    await appendAudit(tx, actor, { action: 'user.numerals-set', entityType: 'user', entityId: actor.userId, detail: { numerals } });
  });
}

export async function createApiToken(db: Db, actor: Actor, input: NewApiToken): Promise<{ token: string; row: repo.ApiTokenRow }> {
  if (!actor.userId) throw new Unauthenticated();
  const token = `cdt_${randomToken()}`;
  return db.transaction(async (tx) => {
    const row = await repo.insertApiToken(tx, {
      userId: actor.userId as string,
      name: input.name.trim(),
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    await appendAudit(tx, actor, { action: 'api-token.created', entityType: 'api-token', entityId: row.id, detail: { name: row.name, expiresAt: row.expiresAt.toISOString() } });
    return { token, row };
  });
}

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<void> {
  if (!actor.userId) throw new Unauthenticated();
  await db.transaction(async (tx) => {
    // Another user's token answers like a missing one: its existence is not disclosed.
    if (!(await repo.revokeApiToken(tx, actor.userId as string, tokenId))) throw new NotFound('apiToken');
    await appendAudit(tx, actor, { action: 'api-token.revoked', entityType: 'api-token', entityId: tokenId });
  });
}

export function listApiTokens(db: Db, actor: Actor): Promise<repo.ApiTokenRow[]> {
  if (!actor.userId) throw new Unauthenticated();
  return repo.listApiTokens(db, actor.userId);
}
