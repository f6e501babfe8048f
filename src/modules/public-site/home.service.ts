import type { Db } from '../../db/client.ts';
import type { Actor, MaybeActor } from '../../platform/actor.ts';
import { can, isSecretariat } from '../../platform/authz.ts';
import { todayUtc } from '../../platform/calendar-day.ts';
import { populationTrend } from '../detention/sites.service.ts';
import { repatriationsAwaitingVerification } from '../detention/repatriations.service.ts';
import { campaignSummary, listCampaigns, listPublicCampaigns, publicCampaignSummary } from '../funding/campaigns.service.ts';
import { contributionsAwaitingVerification } from '../funding/contributions.service.ts';
import { listDocuments } from '../ingest/documents.service.ts';
import { upcomingMeetingsWithAgenda } from '../meetings/meetings.service.ts';
import { listPartners } from '../partners/partners.service.ts';
import { inbox, listPublished } from '../readouts/readouts.service.ts';
import { listAlerts } from '../screening/batches.service.ts';
import { openTaskingsByDueDate, taskingsNeedingAttention } from '../taskings/taskings.service.ts';
import { allIncidents, listBranches, listIncidents } from '../threats/threats.service.ts';

/**
 * The home pages read each module through its own service, so every section is limited exactly as
 * that module's pages are; a section the reader may not see is `null` and not shown at all.
 */
const SHORT_LIST = 5;

/** The pledge drive a home page shows: the newest campaign with a goal (campaigns come newest first). */
function currentDrive<T extends { goalAmount: string | null }>(campaigns: T[]): T | undefined {
  return campaigns.find((campaign) => campaign.goalAmount !== null) ?? campaigns[0];
}

function branchNames(branches: { slug: string; shortName: string }[]): Record<string, string> {
  return Object.fromEntries(branches.map((branch) => [branch.slug, branch.shortName]));
}

async function taskingsDue(db: Db, actor: Actor) {
  if (!can(actor, 'tasking.read')) return null;
  // The secretariat follows every open tasking; a co-lead those of the groups their partner leads.
  const found = isSecretariat(actor) ? await openTaskingsByDueDate(db, actor, SHORT_LIST) : await taskingsNeedingAttention(db, actor);
  const today = todayUtc();
  // Overdue first, then soonest due; taskings with no due date last.
  const sorted = [...found.rows].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return { rows: sorted.slice(0, SHORT_LIST), total: found.total, today };
}

async function pledgeDrive(db: Db, actor: Actor) {
  if (!can(actor, 'funding.read')) return null;
  const campaign = currentDrive(await listCampaigns(db, actor));
  if (!campaign) return { campaign: null, summary: null };
  return campaignSummary(db, actor, campaign.id);
}

export async function myDesk(db: Db, actor: Actor) {
  const [readouts, taskings, contributions, repatriations, alerts, drafts, meetings, drive, detention, incidents, branches] = await Promise.all([
    can(actor, 'readout.manage') ? inbox(db, actor) : null,
    taskingsDue(db, actor),
    can(actor, 'contribution.verify') ? contributionsAwaitingVerification(db, actor, SHORT_LIST) : null,
    can(actor, 'repatriation.verify') ? repatriationsAwaitingVerification(db, actor) : null,
    can(actor, 'screening.run') ? listAlerts(db, actor) : null,
    can(actor, 'ingest.run') ? listDocuments(db, actor).then((rows) => rows.filter((row) => row.waiting > 0)) : null,
    upcomingMeetingsWithAgenda(db, actor, SHORT_LIST),
    pledgeDrive(db, actor),
    can(actor, 'detention.read') ? populationTrend(db, actor) : null,
    can(actor, 'threat.read') ? listIncidents(db, actor, { pageSize: SHORT_LIST }) : null,
    can(actor, 'threat.read') ? listBranches(db, actor) : [],
  ]);
  return { readouts, taskings, contributions, repatriations, alerts, drafts, meetings, drive, detention, incidents, branchNames: branchNames(branches) };
}

export type MyDesk = Awaited<ReturnType<typeof myDesk>>;

/** What anyone may read, as an anonymous visitor reads it: published, public, sourced and verified only. */
export async function publicFront(db: Db, actor: MaybeActor) {
  const reader = null; // signed-in readers see the front page exactly as the public does
  const [readouts, campaigns, partners, meetings, incidents, branches] = await Promise.all([
    listPublished(db, reader, { pageSize: SHORT_LIST }),
    listPublicCampaigns(db, actor),
    listPartners(db, reader, { sort: 'joined', dir: 'desc', pageSize: SHORT_LIST, status: 'member' }),
    upcomingMeetingsWithAgenda(db, reader, SHORT_LIST),
    allIncidents(db, reader, {}),
    listBranches(db, reader),
  ]);
  const campaign = currentDrive(campaigns);
  const drive = campaign ? await publicCampaignSummary(db, actor, campaign.id) : null;
  return { readouts: readouts.rows, drive, members: partners, meetings, incidents, branchNames: branchNames(branches) };
}

export type PublicFront = Awaited<ReturnType<typeof publicFront>>;
