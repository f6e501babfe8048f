import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { addAgendaItem, addParticipant, createMeeting, linkToEarlierMeeting, type MeetingRow } from '../modules/meetings/meetings.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../db/client.ts';
import { loadDemoReadout } from './demo-readout.ts';
import { groups, partners, people } from '../db/schema/partners.ts';
import { readCsv } from '../db/seed/data-files.ts';
import { nameTranslations } from '../db/seed/translations.ts';

/** Where each host country's meetings were held, for showing their dates in local time. */
const ZONES: Record<string, string> = {
  Bahrain: 'Asia/Bahrain',
  Belgium: 'Europe/Brussels',
  Benin: 'Africa/Porto-Novo',
  France: 'Europe/Paris',
  Italy: 'Europe/Rome',
  Jordan: 'Asia/Amman',
  Kuwait: 'Asia/Kuwait',
  Morocco: 'Africa/Casablanca',
  Niger: 'Africa/Niamey',
  'Saudi Arabia': 'Asia/Riyadh',
  Spain: 'Europe/Madrid',
  Türkiye: 'Europe/Istanbul',
  'United Arab Emirates': 'Asia/Dubai',
  'United Kingdom': 'Europe/London',
  'United States': 'America/New_York',
};

/** The CSV's groups by words in the title; its `format` column is coarser than the platform's. */
function groupSlugAndFormat(row: Record<string, string>): { slug: string | null; format: MeetingRow['format'] } {
  const title = row.title ?? '';
  if (row.format === 'ministerial') return { slug: 'coalition-ministerial', format: 'ministerial' };
  if (row.format === 'small-group') return { slug: 'small-group', format: /minist/i.test(title) ? 'small-group-ministers' : 'small-group-political-directors' };
  if (/Africa Focus/i.test(title)) return { slug: 'africa-focus-group', format: 'focus-group' };
  if (/Finance/i.test(title)) return { slug: 'counter-isis-finance-group', format: 'working-group' };
  if (/Foreign Terrorist/i.test(title)) return { slug: 'foreign-terrorist-fighters-working-group', format: 'working-group' };
  if (/Stabili/i.test(title)) return { slug: 'stabilization-working-group', format: 'working-group' };
  if (/Terrorist Travel/i.test(title)) return { slug: 'terrorist-travel-working-group', format: 'working-group' };
  return { slug: null, format: row.format === 'working-group' ? 'working-group' : 'other' };
}

/**
 * A date as precise as the source (YYYY, YYYY-MM or YYYY-MM-DD), as the local times of that whole
 * period where it was held, to the second: a meeting form's fields.
 */
function period(date: string, zone: string) {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  const end = start.endOf(precision === 'day' ? 'day' : precision);
  const local = "yyyy-MM-dd'T'HH:mm:ss";
  return { startsLocal: start.toFormat(local), endsLocal: end.toFormat(local), datePrecision: precision as MeetingRow['datePrecision'] };
}

/**
 * The coalition's dated meetings from the reference data, with their hosts and chairs as participants,
 * and the seed readout's meeting given the agenda and the link to Rome that the readout itself states.
 */
export async function loadDemoMeetings(db: Db, actor: Actor): Promise<number> {
  const rows = readCsv('meetings.csv');
  const partnerByName = new Map((await db.select().from(partners)).map((p) => [p.nameEn, p]));
  const groupBySlug = new Map((await db.select().from(groups)).map((g) => [g.slug, g]));
  const titles = nameTranslations('meeting');
  const loaded: MeetingRow[] = [];
  for (const row of rows) {
    const { slug, format } = groupSlugAndFormat(row);
    const zone = ZONES[row.country ?? ''] ?? 'UTC';
    const meeting = await createMeeting(db, actor, {
      title: row.title ?? '',
      titleFr: titles(row.title ?? '').fr,
      titleAr: titles(row.title ?? '').ar,
      format,
      groupId: slug ? (groupBySlug.get(slug)?.id ?? null) : null,
      setting: (['virtual', 'in-person', 'hybrid'].includes(row.setting ?? '') ? row.setting : 'unknown') as MeetingRow['setting'],
      city: row.city || null,
      countryIso3: partnerByName.get(row.country ?? '')?.iso3 ?? null,
      timeZone: zone,
      ...period(row.date ?? '', zone),
      notes: row.notes ?? '',
      source: row.source ?? '',
      classification: 'public',
    });
    loaded.push(meeting);
    // "Italy (Di Maio); United States (Blinken)": each named partner chaired or hosted.
    for (const part of (row.chair_or_host ?? '').split(';')) {
      const name = part.replace(/\(.*$/, '').trim();
      const partner = partnerByName.get(name);
      if (partner) await addParticipant(db, actor, meeting.id, { partnerId: partner.id, role: /\(host\)/.test(part) ? 'host' : 'chair' });
    }
  }
  // The seed readout's meeting is known only by its year; Rome is the June 2021 ministerial it carries forward.
  const seedMeeting = loaded.find((m) => m.title === 'Political Directors Small Group meeting' && m.datePrecision === 'year');
  const rome = loaded.find((m) => m.title === 'Coalition Ministerial' && m.city === 'Rome');
  const usa = partnerByName.get('United States');
  if (seedMeeting && usa) {
    const [envoy] = await db.select().from(people).where(eq(people.name, 'John Godfrey'));
    if (envoy) await addParticipant(db, actor, seedMeeting.id, { partnerId: usa.id, personId: envoy.id, role: 'briefer' });
    await addAgendaItem(db, actor, seedMeeting.id, { title: 'Update on progress in Iraq and Syria', theaterSlugs: ['iraq', 'syria'], topics: ['stabilization', 'detention and repatriation'] });
    await addAgendaItem(db, actor, seedMeeting.id, {
      title: 'Defeating Daesh/ISIS global branches',
      theaterSlugs: ['afghanistan', 'africa'],
      topics: ['isis-k', 'isis branches in africa'],
      outcome: 'Small Group representatives agreed to focus work in the Communications, Countering-ISIS Finance, and Foreign Terrorist Fighters Working Groups on countering the ISIS-K threat.',
    });
    if (rome) await linkToEarlierMeeting(db, actor, seedMeeting.id, { earlierMeetingId: rome.id, topic: 'isis branches in africa' });
    await loadDemoReadout(db, actor, seedMeeting.id, 2021);
  }
  return rows.length;
}
