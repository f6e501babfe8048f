import fs from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { TEST_PASSWORD, type TestContext, buildTestApp } from './app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run here. Without Chromium they are skipped with a notice, except under
 * CI=true, where a missing browser is a failure (the suite must not pass by testing less).
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium)`);
  console.warn(`[browser tests skipped] no Chromium at ${CHROMIUM_PATH}; install Debian's chromium package to run them`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine's closed network refuses Chromium's background calls; these flags stop them.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * Serves a test app on a free port for the browser. Chromium treats http://localhost as a secure
 * context, so the __Host- session cookie is accepted there.
 */
export async function serveForBrowser(app: { listen(options: { port: number; host: string }): Promise<unknown>; server: { address(): unknown } }): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number } | null;
  return `http://localhost:${address?.port ?? 0}`;
}

/** Signs a user in through the real sign-in form, in a fresh browser context, and returns the page on the home page. */
export async function signInThroughForm(browser: Browser, baseUrl: string, user: { email: string }, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

export interface BrowserJourney<Fixtures> {
  ctx: TestContext;
  browser: Browser;
  baseUrl: string;
  /** What `prepare` made: the journey's users and records. */
  fixtures: Fixtures;
  /** A fresh browser context signed in as the user, through the real form. */
  signIn(user: { email: string }, password?: string): Promise<Page>;
}

/**
 * The set-up every browser journey shares, for the describe block it is called in: a test app, the
 * journey's own users and records (`prepare`), the app served on a free port, and Chromium — all closed
 * after the block.
 */
export function browserJourney<Fixtures>(prepare: (ctx: TestContext) => Promise<Fixtures>): BrowserJourney<Fixtures> {
  const journey = {} as BrowserJourney<Fixtures>;
  beforeAll(async () => {
    journey.ctx = await buildTestApp();
    journey.fixtures = await prepare(journey.ctx);
    journey.baseUrl = await serveForBrowser(journey.ctx.app);
    journey.browser = await launchChromium();
    journey.signIn = (user, password = TEST_PASSWORD) => signInThroughForm(journey.browser, journey.baseUrl, user, password);
  }, 60_000);
  afterAll(async () => {
    await journey.browser?.close();
    await journey.ctx?.close();
  });
  return journey;
}
