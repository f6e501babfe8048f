import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '/work/wt-20c/src/app.ts';
import { loadConfig } from '/work/wt-20c/src/config.ts';
import { openPostgres } from '/work/wt-20c/src/db/client.ts';
import { findUserByEmail } from '/work/wt-20c/src/modules/account/account.repo.ts';
import { createSession, SESSION_COOKIE } from '/work/wt-20c/src/platform/session.ts';
const seen: string[] = [];
const orig = pg.Client.prototype.query;
(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
  const q = args[0];
  seen.push(typeof q === 'string' ? q : (q?.name ? `[${q.name}] ` : '') + (q?.text ?? ''));
  return (orig as any).apply(this, args);
};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'h20c-q-'));
const database = await openPostgres(process.env.DATABASE_URL as string);
const officer = await findUserByEmail(database.db, process.env.WHO ?? 'officer@demo.coalition-desk.org');
const session = await createSession(database.db, officer!.id, 'full', { idleMinutes: 600, absoluteHours: 12 }, { ip: null, userAgent: 'bench' });
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL ?? '' });
const app = await buildApp({ db: database.db, config, logger: false, listen: database.listen });
const headers = { cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
for (const url of process.argv.slice(2)) {
  for (let i = 0; i < 3; i++) await app.inject({ url, headers });
  seen.length = 0;
  const r = await app.inject({ url, headers });
  console.log(`== ${url} ${r.statusCode} ${r.body.length}B ${seen.length} statements`);
  for (const s of seen) console.log('   ', s.slice(0, 220).replace(/\s+/g, ' '));
}
await app.close();
await database.close();
