import fs from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

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
