import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('uses documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.sessionIdleMinutes).toBe(30);
    expect(config.sessionAbsoluteHours).toBe(12);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.workers).toBe(1);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES must be between 1'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ WORKERS: 'two', DATABASE_URL: 'postgres://u@db/desk' }, 'WORKERS must be a whole number, got "two"'],
    [{ WORKERS: '0', DATABASE_URL: 'postgres://u@db/desk' }, 'WORKERS must be between 1 and 64, got 0'],
    [{ WORKERS: '2' }, 'WORKERS=2 needs PostgreSQL (DATABASE_URL): the embedded database (DATA_DIR) can be opened by one process only'],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a PostgreSQL URL and overrides', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/desk', PORT: '8080', SESSION_IDLE_MINUTES: '5' });
    expect(config.databaseUrl).toBe('postgres://u@db:5432/desk');
    expect(config.port).toBe(8080);
    expect(config.sessionIdleMinutes).toBe(5);
  });

  it('serves with one process per core on PostgreSQL when WORKERS is auto, and with one on the embedded database', () => {
    expect(loadConfig({ WORKERS: 'auto', DATABASE_URL: 'postgres://u@db/desk' }).workers).toBe(os.availableParallelism());
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(1);
    expect(loadConfig({ WORKERS: '3', DATABASE_URL: 'postgres://u@db/desk' }).workers).toBe(3);
  });
});
