import countries from 'i18n-iso-countries';
import type { Db } from '../../db/client.ts';
import { slugOf } from '../../db/seed/branches.ts';
import type { MaybeActor } from '../../platform/actor.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { campaignOfYear as yearCampaign, createCampaign, getCampaign, updateCampaign } from '../funding/campaigns.service.ts';
import { addAgendaItem, createMeeting, linkToEarlierMeeting } from '../meetings/meetings.service.ts';
import { draftReadout, recordClearedOutside, saveVersion } from '../readouts/readouts.service.ts';
import { recordCommitment } from '../taskings/commitments.service.ts';
import { createTasking } from '../taskings/taskings.service.ts';
import { reportContribution } from '../funding/contributions.service.ts';
import { createPartner, getPartner, partnerNamed, updatePartner } from '../partners/partners.service.ts';
import { groupNamed as registryGroupNamed } from '../partners/groups.service.ts';
import { createIncident } from '../threats/threats.service.ts';
import { addSnapshot, siteNamed } from '../detention/sites.service.ts';
import { reportRepatriation } from '../detention/repatriations.service.ts';
import { reportJustice } from '../justice/justice.service.ts';
import { referenceGazetteer, theaterSlugOf } from './gazetteer.ts';
import { earlierMeetingChoices, recordedMeetingStart } from './earlier-meetings.ts';
import { say } from '../../platform/i18n/say.ts';
import type { DocumentRow, FactRow } from './ingest.repo.ts';

export type { DocumentRow, FactRow } from './ingest.repo.ts';
export type FactValues = Record<string, unknown>;
export interface CreatedRecord {
  recordType: string | null;
  recordId: string | null;
}

const NOTED: CreatedRecord = { recordType: null, recordId: null };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const need = (field: string, message: string): never => {
  throw new InvalidInput([{ field, message }]);
};

/** Where the record came from, in its own source field: the document and the exact characters (rule 6). */
const provenance = (document: DocumentRow, fact: FactRow) => `Ingested readout "${document.title}" (${document.fileName}${document.publishedOn ? `, published ${document.publishedOn}` : ''}), characters ${fact.start}–${fact.end}: /ingest/${document.id}#fact-${fact.position}`;

async function partnerIso3(db: Db, actor: MaybeActor, country: string): Promise<string | null> {
  return country ? ((await partnerNamed(db, actor, country))?.iso3 ?? null) : null;
}

/** A registry group by the name the gazetteer reports: its registry name without a bracketed acronym ("Counter ISIS Finance Group"). */
async function groupNamed(db: Db, actor: MaybeActor, name: string): Promise<{ id: string } | undefined> {
  return registryGroupNamed(db, actor, name);
}

/** The meeting accepted from the same document: readouts, commitments and links hang on it. */
function acceptedMeeting(facts: FactRow[]): string {
  const meeting = facts.find((fact) => fact.kind === 'meeting' && fact.status === 'accepted' && fact.recordId);
  return meeting?.recordId ?? need('meeting', say('problem.acceptMeetingFirst'));
}

async function acceptMeeting(db: Db, actor: MaybeActor, document: DocumentRow, fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const date = text(values.date);
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date)) need('date', say('problem.meetingDateNeeded'));
  const format = text(values.format);
  const country = text(values.country);
  const countryIso3 = await partnerIso3(db, actor, country);
  if (country && !countryIso3) need('country', say('problem.notPartnerCountry', { country }));
  const groupName = format === 'small-group' ? 'Small Group' : ((values.workingGroups as string[] | undefined)?.[0] ?? '');
  const group = groupName ? await groupNamed(db, actor, groupName) : undefined;
  const meeting = await createMeeting(db, actor, {
    title: text(values.title) || document.title,
    format: format === 'small-group' ? 'small-group-political-directors' : ['ministerial', 'working-group', 'focus-group'].includes(format) ? format : 'other',
    groupId: group?.id ?? null,
    setting: text(values.setting) || 'unknown',
    city: text(values.city) || null,
    countryIso3,
    startsLocal: `${date.length === 7 ? `${date}-01` : date}T00:00`,
    endsLocal: `${date.length === 7 ? `${date}-01` : date}T00:00`,
    timeZone: 'UTC',
    datePrecision: date.length === 7 ? 'month' : 'day',
    source: provenance(document, fact),
  });
  // What was discussed becomes the agenda: theaters the registry knows, and the rest (affiliates, other places) as topics.
  const theaters = (values.theaters as string[] | undefined) ?? [];
  const theaterSlugs = [...new Set(theaters.map(theaterSlugOf).filter((slug): slug is string => slug !== null))];
  const topics = [...theaters.filter((name) => theaterSlugOf(name) === null), ...((values.branches as string[] | undefined) ?? [])].slice(0, 20);
  if (theaterSlugs.length || topics.length) await addAgendaItem(db, actor, meeting.id, { title: 'Discussion', theaterSlugs, topics });
  return { recordType: 'meeting', recordId: meeting.id };
}

async function acceptReadout(db: Db, actor: MaybeActor, document: DocumentRow, facts: FactRow[], values: FactValues): Promise<CreatedRecord> {
  const readout = await draftReadout(db, actor, acceptedMeeting(facts));
  // The draft from the record is version 1; the readout as published becomes version 2.
  await saveVersion(db, actor, readout.id, { title: text(values.title) || document.title, bodyMarkdown: document.text, baseVersion: 1 });
  // Its authors published it already: cleared outside the platform, on the day given at upload, if any.
  await recordClearedOutside(db, actor, readout.id, document.publishedOn ?? null);
  return { recordType: 'readout', recordId: readout.id };
}

async function acceptIncident(db: Db, actor: MaybeActor, document: DocumentRow, fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const date = text(values.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) need('date', say('problem.incidentDayNeeded'));
  const place = text(values.place);
  const gazetteer = referenceGazetteer();
  const country = text(values.country) || gazetteer.cities.get(place) || place;
  const countryIso3 = await partnerIso3(db, actor, country);
  if (!countryIso3) need('country', say('problem.incidentCountryUnknown', { place: place || '—' }));
  const perpetrator = text(values.perpetrator);
  if (!perpetrator) need('perpetrator', say('problem.perpetratorNeeded'));
  const branchSlug = perpetrator === 'ISIS' ? 'isis-core' : slugOf(perpetrator);
  const quote = document.text.slice(fact.start, fact.end);
  const incident = await createIncident(db, actor, {
    occurredOn: date,
    city: gazetteer.cities.has(place) ? place : undefined,
    place: gazetteer.cities.has(place) ? undefined : place || undefined,
    countryIso3,
    branchSlug,
    attribution: /\bclaim/i.test(quote) ? 'claimed' : 'attributed',
    description: quote,
    sources: [{ title: document.title.slice(0, 500), publisher: 'Coalition readout (ingested)', date: document.publishedOn }],
    provenance: provenance(document, fact),
    confirm: values.confirm === true || values.confirm === 'true',
  });
  return { recordType: 'incident', recordId: incident.id };
}

async function acceptCommitment(db: Db, actor: MaybeActor, document: DocumentRow, facts: FactRow[], fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const meetingId = acceptedMeeting(facts);
  const actorName = text(values.actor).replace(/^the\s+/i, '');
  const partner = actorName ? await partnerNamed(db, actor, actorName) : undefined;
  const commitment = await recordCommitment(db, actor, { meetingId, partnerId: partner?.id ?? null, statement: text(values.statement), kind: text(values.kind) || 'affirms', source: provenance(document, fact) });
  return { recordType: 'commitment', recordId: commitment.id };
}

/** One tasking per working group the meeting asked, each recorded through the taskings service. */
async function acceptTasking(db: Db, actor: MaybeActor, document: DocumentRow, facts: FactRow[], fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const meetingId = acceptedMeeting(facts);
  const names = (values.workingGroups as string[] | undefined) ?? [];
  if (!names.length) need('workingGroups', say('problem.workingGroupNeeded'));
  const title = text(values.title) || need('title', say('problem.taskNeeded'));
  const branchSlugs = ((values.branches as string[] | undefined) ?? []).map((branch) => (branch === 'ISIS' ? 'isis-core' : slugOf(branch)));
  const created: string[] = [];
  for (const name of names) {
    const group = await groupNamed(db, actor, name);
    if (!group) need('workingGroups', say('problem.noGroupNamed', { name }));
    created.push((await createTasking(db, actor, { meetingId, groupId: group?.id, title, branchSlugs, source: provenance(document, fact) })).id);
  }
  return { recordType: 'tasking', recordId: created[0] ?? null };
}

async function acceptReference(db: Db, actor: MaybeActor, document: DocumentRow, facts: FactRow[], fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const meetingId = acceptedMeeting(facts);
  const earlierMeetingId = text(values.earlierMeetingId) || need('earlierMeetingId', say('problem.noMatchingMeeting'));
  // Only a meeting the form offered (readable, near the date the text gives) may be linked: checked here, before any query takes the posted id.
  const offered = await earlierMeetingChoices(db, actor, fact.proposal, await recordedMeetingStart(db, actor, facts));
  if (!offered.meetings.some((meeting) => meeting.id === earlierMeetingId)) need('earlierMeetingId', say('problem.earlierMeetingNotOffered'));
  await linkToEarlierMeeting(db, actor, meetingId, { earlierMeetingId, topic: (text(values.what) || 'follow-up').slice(0, 200), source: provenance(document, fact) });
  return { recordType: 'meeting', recordId: earlierMeetingId };
}

const STAGE_OF: Record<string, 'pledge' | 'commitment' | 'disbursement'> = { pledged: 'pledge', committed: 'commitment', disbursed: 'disbursement' };

/** The year's campaign, whatever its currency: one drive is one campaign (a pledge in euros joins the dollar campaign). */
async function campaignOfYear(db: Db, actor: MaybeActor, year: number) {
  return yearCampaign(db, actor, year);
}

/**
 * A sum with a donor becomes that partner's contribution (pledge, commitment or disbursement) in the
 * year's campaign, converted by the funding service at the rate of its date. A goal becomes the year's
 * campaign (or the goal of the campaign that has none); a pledged total with no donor the total the
 * campaign's sources state. Never a second campaign for the same year.
 */
async function acceptMoney(db: Db, actor: MaybeActor, document: DocumentRow, fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const kind = text(values.kind);
  const donor = text(values.actor);
  const year = Number(values.year ?? (document.publishedOn ? document.publishedOn.slice(0, 4) : Number.NaN));
  const currency = text(values.currency);
  const amount = text(values.amount);
  if (donor && STAGE_OF[kind]) {
    const partner = await partnerNamed(db, actor, donor);
    if (!partner) need('actor', say('problem.notPartnerCountry', { country: donor }));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) need('year', say('problem.sumYearNeeded'));
    const campaign = await campaignOfYear(db, actor, year);
    if (!campaign) need('year', say('problem.noCampaignForYear', { year: String(year) }));
    const contributedOn = text(values.date) || document.publishedOn || need('date', say('problem.contributionDateNeeded'));
    const contribution = await reportContribution(db, actor, campaign?.id as string, { partnerId: partner?.id, stage: STAGE_OF[kind], amount, currency, contributedOn, source: provenance(document, fact) });
    return { recordType: 'contribution', recordId: contribution.id };
  }
  if (kind !== 'goal' && kind !== 'pledged') return NOTED;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) need('year', say('problem.sumYearNeeded'));
  const lowerBound = values.lowerBound === true || values.lowerBound === 'true';
  const existing = await campaignOfYear(db, actor, year);
  if (!existing) {
    const campaign = await createCampaign(db, actor, {
      name: `Stabilization ${year}`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      currency,
      ...(kind === 'goal' ? { goalAmount: amount, goalIsLowerBound: lowerBound } : { statedPledged: amount, statedPledgedIsLowerBound: lowerBound }),
      source: provenance(document, fact),
      asOf: document.publishedOn,
    });
    return { recordType: 'campaign', recordId: campaign.id };
  }
  const campaign = await getCampaign(db, actor, existing.id);
  // A total in another currency than the campaign's cannot be written into it as it is: said, not converted silently.
  if (campaign.currency !== currency) need('currency', say('problem.campaignCurrencyDiffers', { year: String(year), currency: campaign.currency }));
  if (kind === 'goal' && campaign.goalAmount !== null) need('amount', say('problem.goalExists', { year: String(year), amount: `${campaign.currency} ${campaign.goalAmount}` }));
  await updateCampaign(db, actor, campaign.id, {
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    currency: campaign.currency,
    goalAmount: kind === 'goal' ? amount : campaign.goalAmount,
    goalIsLowerBound: kind === 'goal' ? lowerBound : campaign.goalIsLowerBound,
    statedPledged: kind === 'pledged' ? amount : campaign.statedPledged,
    statedPledgedIsLowerBound: kind === 'pledged' ? lowerBound : campaign.statedPledgedIsLowerBound,
    theaterSlugs: campaign.theaterSlugs,
    channels: campaign.channels,
    notes: campaign.notes,
    source: [campaign.source, provenance(document, fact)].filter(Boolean).join('; ').slice(0, 5000),
    asOf: document.publishedOn ?? campaign.asOf,
    classification: campaign.classification,
    restrictedGroupIds: campaign.restrictedGroupIds,
    version: campaign.version,
  });
  return { recordType: 'campaign', recordId: campaign.id };
}

/** The day a new member joined: the accepted meeting's date that welcomed it, or the readout's publication date. */
function joinedOn(facts: FactRow[], document: DocumentRow): string | null {
  const meeting = facts.find((fact) => fact.kind === 'meeting' && fact.status === 'accepted');
  return text((meeting?.accepted as FactValues | null)?.date) || document.publishedOn;
}

/** A new member becomes a partner of the registry with the day it joined; one already there gets that day if it had none. */
async function acceptNewMember(db: Db, actor: MaybeActor, document: DocumentRow, facts: FactRow[], fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const name = text(values.partner) || need('partner', say('problem.partnerNameNeeded'));
  const joined = text(values.joined) || joinedOn(facts, document);
  const known = await partnerNamed(db, actor, name);
  if (known) {
    const partner = await getPartner(db, actor, known.id);
    if (partner.joined || !joined) return { recordType: 'partner', recordId: partner.id };
    const updated = await updatePartner(db, actor, partner.id, {
      kind: partner.kind,
      iso3: partner.iso3,
      nameEn: partner.nameEn,
      nameFr: partner.nameFr,
      nameAr: partner.nameAr,
      joined,
      status: partner.status,
      source: [partner.source, provenance(document, fact)].filter(Boolean).join('; ').slice(0, 5000),
      asOf: partner.asOf,
      confidence: partner.confidence,
      classification: partner.classification,
      restrictedGroupIds: partner.restrictedGroupIds,
      version: partner.version,
    });
    return { recordType: 'partner', recordId: updated.id };
  }
  const iso3 = countries.getAlpha3Code(name, 'en') ?? null;
  const created = await createPartner(db, actor, { kind: iso3 ? 'state' : 'organisation', iso3, nameEn: name, joined: joined || null, source: provenance(document, fact), asOf: document.publishedOn });
  return { recordType: 'partner', recordId: created.id };
}

/** A date as readouts give it: a day, a month or a year (YYYY-MM-DD, YYYY-MM, YYYY). */
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A figure's date as the reviewer kept or typed it: none given is said so (the readout dated nothing), a malformed one is said to be malformed. */
function figureDate(values: FactValues): string {
  const date = text(values.date);
  if (!date) need('date', say('problem.undatedFigure'));
  if (!PARTIAL_DATE.test(date)) need('date', say('problem.figureDateNeeded'));
  return date;
}

/** A whole number of people the reviewer kept or typed; null when it is not one. */
function headCount(value: unknown): number | null {
  const count = typeof value === 'number' ? value : Number(text(value).replace(/[\s,\u00a0\u202f]/g, ''));
  return Number.isInteger(count) && count >= 0 ? count : null;
}

/** A state by the name a readout gives it: a partner of the registry, or any state by its English name (a state that is no partner repatriates its nationals too). */
async function stateIso3(db: Db, actor: MaybeActor, name: string): Promise<string | null> {
  if (!name) return null;
  return (await partnerIso3(db, actor, name.replace(/^the\s+/i, ''))) ?? countries.getAlpha3Code(name.replace(/^the\s+/i, ''), 'en') ?? null;
}

/** A head count becomes a population snapshot of the named site on the fact's date, through the detention service. */
async function acceptDetention(db: Db, actor: MaybeActor, document: DocumentRow, fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const name = text(values.site) || need('site', say('problem.siteNameNeeded'));
  const site = (await siteNamed(db, actor, name)) ?? need('site', say('problem.noDetentionSiteNamed', { name }));
  const date = figureDate(values);
  const total = headCount(values.population) ?? need('population', say('problem.headCountNeeded'));
  const snapshot = await addSnapshot(db, actor, site.id, { asOf: date, total, source: provenance(document, fact) });
  // The record made is the snapshot, not the site: the review links to that figure among the site's others.
  return { recordType: 'detention-snapshot', recordId: snapshot.id };
}

/** Words that name one category of people: the whole count is that category. */
const CATEGORY_OF: Record<string, 'women' | 'children' | 'men'> = { women: 'women', children: 'children', orphans: 'children', men: 'men', femmes: 'women', enfants: 'children', hommes: 'men' };

/** A repatriation becomes one by the named state, with its count and who they were, through the detention service. */
async function acceptRepatriation(db: Db, actor: MaybeActor, document: DocumentRow, fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const state = text(values.state) || need('state', say('problem.stateNeeded'));
  const receivingIso3 = (await stateIso3(db, actor, state)) ?? need('state', say('problem.unknownState', { name: state }));
  const date = figureDate(values);
  const people = headCount(values.count) ?? need('count', say('problem.headCountNeeded'));
  const kind = text(values.kind);
  const category = CATEGORY_OF[kind.toLowerCase()];
  const repatriation = await reportRepatriation(db, actor, { receivingIso3, period: date, people, ...(category ? { [category]: people } : {}), note: kind, source: provenance(document, fact) });
  return { recordType: 'repatriation', recordId: repatriation.id };
}

const PROSECUTION_KINDS = ['convicted', 'charged', 'acquitted', 'repatriated-and-prosecuted'];

/** A prosecution figure becomes a justice record of the named state, through the justice service. */
async function acceptProsecution(db: Db, actor: MaybeActor, document: DocumentRow, fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  const state = text(values.state) || need('state', say('problem.stateNeeded'));
  const iso3 = (await stateIso3(db, actor, state)) ?? need('state', say('problem.unknownState', { name: state }));
  const date = figureDate(values);
  const count = headCount(values.count) ?? need('count', say('problem.headCountNeeded'));
  const kind = text(values.kind);
  if (!PROSECUTION_KINDS.includes(kind)) need('kind', say('problem.prosecutionKindNeeded'));
  const record = await reportJustice(db, actor, {
    stateIso3: iso3,
    periodEnd: date,
    kind,
    count,
    // The readout seldom names the court: said so, never guessed.
    courtOrBody: text(values.court) || say('ingest.courtNotNamed'),
    description: document.text.slice(fact.start, fact.end).slice(0, 2000),
    sources: [provenance(document, fact).slice(0, 2000)],
  });
  return { recordType: 'justice-record', recordId: record.id };
}

/** Creates the record an accepted fact stands for, through the same service as hand entry (permissions, audit). */
export async function applyFact(db: Db, actor: MaybeActor, document: DocumentRow, facts: FactRow[], fact: FactRow, values: FactValues): Promise<CreatedRecord> {
  switch (fact.kind) {
    case 'meeting':
      return acceptMeeting(db, actor, document, fact, values);
    case 'readout':
      return acceptReadout(db, actor, document, facts, values);
    case 'incident':
      return acceptIncident(db, actor, document, fact, values);
    case 'commitment':
      return acceptCommitment(db, actor, document, facts, fact, values);
    case 'reference':
      return acceptReference(db, actor, document, facts, fact, values);
    case 'tasking':
      return acceptTasking(db, actor, document, facts, fact, values);
    case 'money':
      return acceptMoney(db, actor, document, fact, values);
    case 'new-member':
      return acceptNewMember(db, actor, document, facts, fact, values);
    case 'detention':
      return acceptDetention(db, actor, document, fact, values);
    case 'repatriation':
      return acceptRepatriation(db, actor, document, fact, values);
    case 'prosecution':
      return acceptProsecution(db, actor, document, fact, values);
    default:
      // Speakers are kept as reviewed facts of the document; people are added to the registry by hand.
      return NOTED;
  }
}
