import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The arrows of ARCHITECTURE.md's layout point one way: entry (app, server, cli, config) → demo and
 * reference data → modules → platform → db. These are the places issue 22 found going the other way, checked on the imports of
 * every source file (tests aside), so that a new one is caught when it is written; and the modules
 * that got a repo layer keep their queries there.
 */
const SRC = path.resolve('src');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files a source file imports, as paths relative to src/ (packages left out). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((match) => match[1] ?? match[2] ?? '');
  return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => path.relative(SRC, path.resolve(path.dirname(file), specifier)));
}

/** Each file under `folder` (relative to src/) that imports something matching `forbidden`, with what it imports. */
function offending(folder: string, forbidden: RegExp, except: RegExp = /^$/): string[] {
  return sourceFiles(path.join(SRC, folder))
    .filter((file) => !except.test(path.relative(SRC, file)))
    .flatMap((file) => importsOf(file).filter((target) => forbidden.test(target)).map((target) => `${path.relative(SRC, file)} → ${target}`));
}

/** Everything above storage, as paths relative to src/. */
const UPWARD_FROM_DB = /^(modules|platform|demo|reference)\/|^(config|app|server|cli)\.tsx?$/;

describe('the direction of imports', () => {
  it('reads the configuration at the entry only: no module or platform part imports config.ts, and config.ts imports no module', () => {
    expect(offending('modules', /^config\.ts$/)).toEqual([]);
    expect(offending('platform', /^config\.ts$/)).toEqual([]);
    expect(importsOf(path.join(SRC, 'config.ts')).filter((target) => target.startsWith('modules/'))).toEqual([]);
  });

  it('keeps storage at the bottom: src/db imports nothing from the platform, the modules, the demo, the reference loaders or the entry', () => {
    expect(offending('db', UPWARD_FROM_DB)).toEqual([]);
  });

  it('keeps the demo data set and the reference loaders above the modules: nothing below them imports them', () => {
    expect(offending('modules', /^(demo|reference)\//)).toEqual([]);
    expect(offending('platform', /^(demo|reference)\//)).toEqual([]);
  });

  it('keeps the platform below the modules', () => {
    expect(offending('platform', /^modules\//)).toEqual([]);
  });

  it('leaves the queries of account, users, audit and screening to their repos: their services hold the rules', () => {
    const services = ['account', 'users', 'audit', 'screening'].flatMap((module) => sourceFiles(path.join(SRC, 'modules', module)).filter((file) => /\.service\.ts$/.test(file)));
    expect(services.length).toBeGreaterThanOrEqual(7);
    const querying = services.filter((file) => /\b(?:db|tx)\s*\.(?:select|insert|update|delete|execute)\b/.test(fs.readFileSync(file, 'utf8')));
    expect(querying.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('keeps the ingest module to its own tables: other modules through their services, its queries in its repo (issues 17 and 22)', () => {
    // Their arithmetic (funding's exact money) is no storage: the one helper allowed besides services.
    expect(offending('modules/ingest', /^modules\/(?!ingest\/)(?!.*\.service\.ts$)(?!funding\/money\.ts$)/)).toEqual([]);
    expect(offending('modules/ingest', /^db\/schema\/(?!ingest\.ts$)/)).toEqual([]);
    expect(offending('modules/ingest', /^db\/schema\//, /^modules\/ingest\/ingest\.repo\.ts$/)).toEqual([]);
    const querying = sourceFiles(path.join(SRC, 'modules/ingest'))
      .filter((file) => !/ingest\.repo\.ts$/.test(file))
      .filter((file) => /\b(?:db|tx)\s*\.(?:select|selectDistinct|insert|update|delete|execute)\b|from 'drizzle-orm'/.test(fs.readFileSync(file, 'utf8')));
    expect(querying.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('finds the imports it checks (the check itself can fail)', () => {
    expect(importsOf(path.join(SRC, 'db/backup/restore.ts'))).toContain('db/derived-tables.ts');
    expect(offending('modules/ingest', /^db\/schema\/ingest\.ts$/)).toEqual(['modules/ingest/ingest.repo.ts → db/schema/ingest.ts']);
    // The demo set sits above the modules, so it is the case the storage check would catch were it under src/db.
    expect(offending('demo', UPWARD_FROM_DB).length).toBeGreaterThan(0);
    expect(importsOf(path.join(SRC, 'demo/demo.ts'))).toContain('modules/users/users.service.ts');
  });
});
