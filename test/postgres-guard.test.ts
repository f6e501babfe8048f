import { afterEach, describe, expect, it, vi } from 'vitest';
import { postgresForProcesses } from './helpers/database.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('tests that need PostgreSQL', () => {
  it('fail under CI=true when no PostgreSQL is given, instead of skipping silently', () => {
    vi.stubEnv('TEST_DATABASE_URL', '');
    vi.stubEnv('CI', 'true');
    expect(() => postgresForProcesses('two processes on one PostgreSQL')).toThrow('TEST_DATABASE_URL is not set: under CI=true two processes on one PostgreSQL must be checked on PostgreSQL');
  });

  it('are skipped, with a warning, on a developer machine without PostgreSQL', () => {
    vi.stubEnv('TEST_DATABASE_URL', '');
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(postgresForProcesses('crash recovery')).toBe(false);
    expect(warn).toHaveBeenCalledWith('crash recovery: not checked — set TEST_DATABASE_URL to a PostgreSQL server');
  });
});
