import fs from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { TEST_PASSWORD, type TestContext, buildTestApp } from './app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A journey loads dozens of pages through a real browser: 15–25 s on an idle two-core machine, past
 * the suite's 30 s default when the other test worker is busy too. A hang still fails, two minutes on.
 */
export const JOURNEY_TIMEOUT = 120_000;

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

/**
 * Activates a control the way a keyboard-only user does — focus it, then Enter (Space for checkboxes
 * and radio buttons) — so the journeys prove they complete without a mouse.
 */
export async function activate(control: Locator): Promise<void> {
  const kind = await control.evaluate((element) => (element instanceof HTMLInputElement ? element.type : element.tagName.toLowerCase()));
  await control.focus();
  await control.press(kind === 'checkbox' || kind === 'radio' ? 'Space' : 'Enter');
}

/** Signs a user in through the real sign-in form, in a fresh browser context, and returns the page on the home page. */
export async function signInThroughForm(browser: Browser, baseUrl: string, user: { email: string }, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await activate(page.getByRole('button', { name: 'Sign in' }));
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

/** The language switch in the page header: the account's form when signed in (it keeps the choice), the links otherwise. */
export async function chooseLanguage(page: Page, locale: 'en' | 'fr' | 'ar'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === locale) return;
  const form = page.locator('form.language-switch');
  if (await form.count()) {
    await activate(form.locator(`button[value="${locale}"]`));
  } else {
    await activate(page.locator(`nav.language-switch a[hreflang="${locale}"]`));
  }
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, locale);
}

export const SCREENSHOT_WIDTHS = [375, 768, 1280] as const;

/**
 * Screenshots of the page a journey ends on, at phone, tablet and desktop widths, in English and in
 * Arabic (right to left), written to test-results/ for a person to look at (not committed). The page
 * is left in the language it was in.
 */
export async function screenshotJourneyEnd(page: Page, journey: string): Promise<string[]> {
  const url = page.url();
  const original = (await page.evaluate(() => document.documentElement.lang)) as 'en' | 'fr' | 'ar';
  const written: string[] = [];
  fs.mkdirSync('test-results', { recursive: true });
  for (const locale of ['en', 'ar'] as const) {
    // Both ways of choosing come back to this same page, in the language chosen.
    await chooseLanguage(page, locale);
    for (const width of SCREENSHOT_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const file = `test-results/${journey}-${locale}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
  }
  await chooseLanguage(page, original);
  await page.setViewportSize({ width: 1280, height: 900 });
  const samePage = (address: string) => new URL(address).pathname.replace(/^\/(en|fr|ar)(?=\/|$)/, '') || '/';
  if (samePage(page.url()) !== samePage(url)) throw new Error(`choosing a language left ${url} for ${page.url()}`);
  return written;
}
