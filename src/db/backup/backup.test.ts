import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/helpers/app.ts';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { createPartner } from '../../modules/partners/partners.service.ts';
import { createTasking } from '../../modules/taskings/taskings.service.ts';
import { taskings } from '../schema/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { appendAudit, verifyAuditChain } from '../../platform/audit.ts';
import type { Database, Db } from '../client.ts';
import { loadDemoRecords } from '../../demo/demo.ts';
import { backupDatabase } from './backup.ts';
import { BackupFileError } from './backup-file.ts';
import { dumpDatabase } from './dump.ts';
import { RestoreRefused, restoreDatabase } from './restore.ts';

let source: Database;
let target: Database;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-backup-'));
const file = path.join(folder, 'demo.backup');

/** Every table's rows, as the dump reads them: what a person comparing the two databases would compare. */
async function contents(db: Db): Promise<Map<string, (string | null)[][]>> {
  const tables = new Map<string, (string | null)[][]>();
  await dumpDatabase(db, {
    header: async (header) => {
      for (const table of header.tables) tables.set(table.name, []);
    },
    row: async (table, row) => {
      tables.get(table)?.push(row);
    },
  });
  return tables;
}

beforeAll(async () => {
  source = await openTestDatabase();
  const actor = systemActor('test (demo data)');
  await loadDemoRecords(source.db, actor);
  // Generated on top: accounts, and text a backup must carry exactly — scripts, quotes, new lines, emoji.
  for (const role of ['secretariat-officer', 'delegate', 'analyst'] as const) await makeUser(source.db, role);
  const names = ['مملكة الاختبار', 'Pays "test"\nà la ligne', "O'Test\\ 🛰️ Land", 'Tab\there'];
  for (const [index, nameEn] of names.entries()) await createPartner(source.db, actor, { nameEn, kind: 'organisation', classification: 'public', joined: `201${index}` });
  // A sub-tasking: a row pointing at another row of its own table, which a restore must link after both are in.
  const [parent] = await source.db.select().from(taskings).limit(1);
  if (!parent) throw new Error('the demo data has no tasking');
  await createTasking(source.db, actor, { meetingId: parent.meetingId, groupId: parent.groupId, parentId: parent.id, title: 'Sub-tasking written after its parent' });
  for (let index = 0; index < 50; index++) await source.db.transaction((tx) => appendAudit(tx, actor, { action: 'test.generated', entityType: 'test', detail: { index, text: 'نص عربي' } }));
  target = await openTestDatabase();
  await backupDatabase(source.db, file);
}, 180_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The header line of a backup. */
const lines0 = (bytes: Buffer) => zlib.gunzipSync(bytes).toString('utf8').split('\n')[0];

describe('backup and restore', () => {
  it('refuses to overwrite a database holding data, and changes nothing in it', async () => {
    const before = await contents(target.db);
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(RestoreRefused);
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(/the database is not empty \(\d+ tables hold rows.*pass --force/);
    expect(await contents(target.db)).toEqual(before);
  });

  it('restores every table exactly, the audit chain included, and the database carries on from there', async () => {
    const restored = await restoreDatabase(target.db, file, { force: true });
    const expected = await contents(source.db);
    const actual = await contents(target.db);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [table, rows] of expected) expect(actual.get(table), table).toEqual(rows);
    expect(restored.rows).toBe([...expected.values()].reduce((sum, rows) => sum + rows.length, 0));
    expect(expected.get('partners')?.some((row) => row.includes('Pays "test"\nà la ligne'))).toBe(true);
    expect(actual.get('taskings')?.filter((row) => row.includes('Sub-tasking written after its parent'))).toHaveLength(1);
    expect(await verifyAuditChain(target.db)).toEqual(await verifyAuditChain(source.db));
    // Sequences moved past the restored rows: the next audit event links on.
    await target.db.transaction((tx) => appendAudit(tx, systemActor('test'), { action: 'test.after-restore', entityType: 'test' }));
    const verdict = await verifyAuditChain(target.db);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.count).toBe((await verifyAuditChain(source.db)).count + 1);
  });

  it('refuses a damaged, cut-short or altered file before touching the database', async () => {
    const bytes = fs.readFileSync(file);
    const damaged = path.join(folder, 'damaged.backup');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] = (flipped[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    fs.writeFileSync(damaged, flipped);
    await expect(restoreDatabase(target.db, damaged, { force: true })).rejects.toThrow(BackupFileError);

    const cut = path.join(folder, 'cut.backup');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreDatabase(target.db, cut, { force: true })).rejects.toThrow(/cut\.backup: damaged/);

    // Well-formed gzip and JSON, one value changed: only the checksum tells.
    const altered = path.join(folder, 'altered.backup');
    const text = zlib.gunzipSync(bytes).toString('utf8').replace('مملكة الاختبار', 'مملكة أخرى');
    fs.writeFileSync(altered, zlib.gzipSync(text));
    await expect(restoreDatabase(target.db, altered, { force: true })).rejects.toThrow('altered.backup: the checksum does not match the contents; the file was changed or damaged');

    const notOurs = path.join(folder, 'other.backup');
    fs.writeFileSync(notOurs, zlib.gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(target.db, notOurs, { force: true })).rejects.toThrow('other.backup: not a Coalition Desk backup');
    // A decompression bomb: 100 KB of gzip that would unpack to 100 MB on one line.
    const bomb = path.join(folder, 'bomb.backup');
    fs.writeFileSync(bomb, zlib.gzipSync(Buffer.concat([Buffer.from(`${lines0(bytes)}\n`), Buffer.alloc(100 * 1024 * 1024, 0x61)])));
    await expect(restoreDatabase(target.db, bomb, { force: true })).rejects.toThrow('bomb.backup: a line longer than 64 MB: not a backup this version wrote (damaged, or a decompression bomb)');
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  });

  it('refuses a backup made by a newer version, and never overwrites an existing backup file', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] as string);
    header.migration = { tag: '9999_future', when: header.migration.when + 1 };
    // Re-sealed with a correct checksum, as a newer version would have written it.
    const body = [JSON.stringify(header), ...lines.slice(1, -1)].map((line) => `${line}\n`).join('');
    const trailer = { ...JSON.parse(lines.at(-1) as string), sha256: createHash('sha256').update(body).digest('hex') };
    const newer = path.join(folder, 'newer.backup');
    fs.writeFileSync(newer, zlib.gzipSync(`${body}${JSON.stringify(trailer)}\n`));
    await expect(restoreDatabase(target.db, newer, { force: true })).rejects.toThrow(/made under schema migration 9999_future, newer than this version of Coalition Desk knows \(\d{4}_\w+\); upgrade first/);
    await expect(backupDatabase(source.db, file)).rejects.toThrow(`${file} exists already; choose a new name (a backup never overwrites one)`);
  });
});

describe('the catalogue a backup follows', () => {
  it('puts parents before children and defers the links a table makes to itself', async () => {
    const { readCatalog } = await import('./catalog.ts');
    const catalog = await readCatalog(source.db);
    const order = catalog.tables.map((table) => table.name);
    expect(order.indexOf('partners')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('meetings')).toBeLessThan(order.indexOf('readouts'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(catalog.tables.find((table) => table.name === 'audit_events')?.sequenced).toEqual(['seq']);
    expect(catalog.deferred.get('taskings')).toEqual(['parent_id']);
  });
});
