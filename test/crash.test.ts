import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { auditEvents, fundingCampaigns, fundingContributions, partners, people, readouts, readoutVersions, users } from '../src/db/schema/index.ts';
import { type DemoSignIn, loadDemoData } from '../src/demo/demo.ts';
import { postgresForProcesses, scratchPostgres } from './helpers/database.ts';
import { apiOver, signInOver } from './helpers/http-client.ts';
import { runCli, startServerProcess, stopProcess } from './helpers/processes.ts';

/**
 * A stream of writes — readout edits, contributions, new people, each audited — and the server killed
 * with SIGKILL in the middle of it. After a restart, every write that was answered 2xx is there,
 * nothing is half there, and the audit chain verifies.
 */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanUp(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coalition-desk-crash-'));
  return { env: { DATA_DIR: dataDir }, open: () => openPglite({ dataDir }), cleanUp: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function postgresTarget(): Promise<Target> {
  const scratch = await scratchPostgres('cd_crash');
  return { env: { DATABASE_URL: scratch.url }, open: () => openPostgres(scratch.url, { max: 2 }), cleanUp: () => scratch.drop() };
}

const kinds: [string, () => Promise<Target>][] = [['the embedded database', pgliteTarget], ...(postgresForProcesses('crash recovery') ? ([['PostgreSQL', postgresTarget]] as [string, () => Promise<Target>][]) : [])];
const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps) await cleanUp();
});

const MARK = `crash-${process.pid}`;

describe.each(kinds)('a server killed mid-write on %s', (_kind, makeTarget) => {
  it('keeps every acknowledged write, shows nothing half-written, and its audit chain verifies', async () => {
    const target = await makeTarget();
    cleanUps.push(target.cleanUp);
    // The demo data set, and what the writers need from it.
    const seeded = await target.open();
    await seeded.migrate();
    const signIns = await loadDemoData(seeded.db);
    const account = (role: string) => signIns.find((signIn) => signIn.role === role) as DemoSignIn;
    const [delegate] = await seeded.db.select().from(users).where(eq(users.email, account('delegate').email));
    const [campaign] = await seeded.db.select().from(fundingCampaigns).limit(1);
    const [france] = await seeded.db.select().from(partners).where(eq(partners.iso3, 'FRA'));
    const [readout] = await seeded.db.select().from(readouts).limit(1);
    if (!delegate?.partnerId || !campaign || !france || !readout) throw new Error('the demo data lacks a delegate, campaign, France or readout');
    await seeded.close();

    const server = await startServerProcess('serve', target.env);
    const officer = await signInOver(server.base, account('secretariat-officer').email, account('secretariat-officer').password);
    const reporter = await signInOver(server.base, account('delegate').email, account('delegate').password);
    const acknowledged = { contributions: [] as string[], people: [] as string[], versions: [] as number[] };
    const refusals: string[] = [];
    let killed = false;

    const keepWriting = async (write: (index: number) => Promise<void>) => {
      for (let index = 0; !killed; index++) {
        try {
          await write(index);
        } catch {
          // The connection died with the server: this write was never acknowledged.
        }
      }
    };
    const expectAnswer = async (response: Response, status: number) => {
      if (response.status !== status) refusals.push(`${response.url} ${response.status} ${(await response.text()).slice(0, 200)}`);
      return response.status === status;
    };
    const contribute = async (index: number) => {
      const response = await apiOver(server.base, reporter, 'POST', `/api/v1/funding/campaigns/${campaign.id}/contributions`, { partnerId: delegate.partnerId, stage: 'pledge', amount: `${1000 + index}.25`, currency: campaign.currency, contributedOn: campaign.startsOn, source: `${MARK} contribution ${index}` });
      if (await expectAnswer(response, 201)) acknowledged.contributions.push((await response.json()).id);
    };
    const addPerson = async (index: number) => {
      const response = await apiOver(server.base, officer, 'POST', '/api/v1/people', { partnerId: france.id, name: `${MARK} person ${index}`, classification: 'coalition' });
      if (await expectAnswer(response, 201)) acknowledged.people.push((await response.json()).id);
    };
    let version = readout.currentVersion;
    const editReadout = async () => {
      const form = new URLSearchParams({ _csrf: officer.csrfToken, title: 'Edited while the server may die', bodyMarkdown: `${MARK} version ${version + 1}`, baseVersion: String(version) });
      if (readout.status === 'published') form.set('correctionNote', `${MARK} correction`);
      const response = await fetch(`${server.base}/desk/readouts/${readout.id}`, { method: 'POST', redirect: 'manual', headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      if (await expectAnswer(response, 303)) acknowledged.versions.push(++version);
    };
    const writers = [keepWriting(contribute), keepWriting(addPerson), keepWriting(editReadout)];
    // Kill once every kind of write has been acknowledged a few times, while they keep coming.
    while (Math.min(acknowledged.contributions.length, acknowledged.people.length, acknowledged.versions.length) < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    await stopProcess(server.child, 'SIGKILL');
    killed = true;
    await Promise.all(writers);
    expect(refusals).toEqual([]);

    // Restarted, it serves again (recovery is the database's own), then stops cleanly for the checks.
    const restarted = await startServerProcess('serve', target.env);
    expect((await fetch(`${restarted.base}/readyz`)).status).toBe(200);
    expect(await stopProcess(restarted.child, 'SIGTERM')).toBe(0);

    const after = await target.open();
    try {
      const contributions = await after.db.select().from(fundingContributions).where(like(fundingContributions.source, `${MARK} %`));
      const found = new Set(contributions.map((row) => row.id));
      expect(acknowledged.contributions.filter((id) => !found.has(id))).toEqual([]);
      const persons = await after.db.select({ id: people.id }).from(people).where(like(people.name, `${MARK} %`));
      expect(acknowledged.people.filter((id) => !persons.some((row) => row.id === id))).toEqual([]);
      const versions = await after.db.select().from(readoutVersions).where(eq(readoutVersions.readoutId, readout.id));
      for (const number of acknowledged.versions) expect(versions.find((row) => row.number === number)?.bodyMarkdown).toBe(`${MARK} version ${number}`);
      const [current] = await after.db.select().from(readouts).where(eq(readouts.id, readout.id));
      expect(current?.currentVersion).toBe(Math.max(...versions.map((row) => row.number)));

      // Nothing half-written: each record that is there has its audit event, and each audit event its record.
      const events = await after.db.select().from(auditEvents).where(inArray(auditEvents.action, ['funding.contribution-reported', 'person.created']));
      const audited = new Set(events.map((event) => event.entityId));
      expect(contributions.filter((row) => !audited.has(row.id))).toEqual([]);
      expect(persons.filter((row) => !audited.has(row.id))).toEqual([]);
      const existing = {
        'funding.contribution-reported': new Set((await after.db.select({ id: fundingContributions.id }).from(fundingContributions)).map((row) => row.id)),
        'person.created': new Set((await after.db.select({ id: people.id }).from(people)).map((row) => row.id)),
      };
      expect(events.filter((event) => !existing[event.action as keyof typeof existing].has(event.entityId ?? ''))).toEqual([]);
      const editEvents = await after.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, readout.id), inArray(auditEvents.action, ['readout.edited', 'readout.corrected'])));
      expect(editEvents.length).toBe(versions.length - 1);
      // The running totals kept by trigger agree with the contributions they sum.
      const [totals] = await after.db.execute(sql`select (select coalesce(sum(amount), 0) from funding_totals where campaign_id = ${campaign.id})::text as kept, (select coalesce(sum(amount_in_campaign_currency), 0) from funding_contributions where campaign_id = ${campaign.id})::text as summed`).then((result) => (result as unknown as { rows: { kept: string; summed: string }[] }).rows);
      expect(totals?.kept).toBe(totals?.summed);
    } finally {
      await after.close();
    }
    const verified = await runCli(['audit', 'verify'], target.env);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout.trim()).toMatch(/^ok \d+ events$/);
  }, 300_000);
});
