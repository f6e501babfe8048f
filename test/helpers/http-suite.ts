import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestContext } from './app.ts';

/** The test app and what `prepare` made (the file's signed-in users and records), read inside tests. */
export type HttpSuite<Fixtures> = { ctx: TestContext } & Fixtures;

/**
 * The set-up every HTTP test file shares, like browserJourney for the browser tests: a test app built
 * before the first test (with `env` as its environment, e.g. a lower login limit), the file's users and
 * records made by `prepare` in order, and the app closed after the last test. The returned object is
 * filled in before the first test runs.
 */
export function httpSuite<Fixtures extends object = Record<never, never>>(prepare?: (ctx: TestContext) => Promise<Fixtures>, env: Record<string, string> = {}): HttpSuite<Fixtures> {
  const suite = {} as HttpSuite<Fixtures>;
  beforeAll(async () => {
    const ctx = await buildTestApp(env);
    Object.assign(suite, { ctx });
    if (prepare) Object.assign(suite, await prepare(ctx));
  });
  afterAll(async () => {
    await suite.ctx?.close();
  });
  return suite;
}
