import type { GroupRow } from '../partners/partners.repo.ts';
import { meetingWhen } from '../meetings/meeting-time.ts';
import { meetingTownInEnglish } from '../meetings/meeting-place.ts';
import type { AgendaItemRow, MeetingRow, ParticipantRow, TheaterRow } from '../meetings/meetings.repo.ts';

const FORMAT_TITLES: Record<MeetingRow['format'], string | null> = {
  'small-group-political-directors': 'Political Directors Small Group Meeting',
  'small-group-ministers': 'Small Group Ministerial Meeting',
  ministerial: 'Ministerial Meeting',
  'working-group': null,
  'focus-group': null,
  other: null,
};

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A first draft made only of what the meeting record holds: its kind, date, setting, who took part in
 * which role, and the agenda with its theaters and recorded outcomes. Nothing is invented; an officer
 * then writes the prose.
 */
export function draftFromRecord(input: {
  meeting: MeetingRow;
  group: GroupRow | null;
  participants: ParticipantRow[];
  agenda: AgendaItemRow[];
  theaters: TheaterRow[];
}): { title: string; bodyMarkdown: string } {
  const { meeting, group, participants, agenda } = input;
  const titleCore = FORMAT_TITLES[meeting.format] ?? (group ? `${group.name} Meeting` : meeting.title);
  const title = `Readout of the ${titleCore}`;
  const when = meeting.datePrecision === 'year' || meeting.datePrecision === 'month' ? `in ${meetingWhen(meeting, 'en')}` : `on ${meetingWhen(meeting, 'en')}`;
  const setting =
    meeting.setting === 'virtual' ? 'in a virtual setting' : meeting.setting === 'unknown' ? '' : `in ${meetingTownInEnglish(meeting)}${meeting.setting === 'hybrid' ? ' and online' : ''}`;
  const who = group ? `Representatives of the ${group.name}` : 'Coalition partners';
  const paragraphs = [`${who} met ${[when, setting].filter(Boolean).join(' ')}.`];

  const named = (p: ParticipantRow) => (p.personName ? `${p.personTitle ? `${p.personTitle} ` : ''}${p.personName} (${p.partnerNameEn})` : p.partnerNameEn);
  const byRole = (role: ParticipantRow['role']) => participants.filter((p) => p.role === role).map(named);
  const chairs = [...byRole('host'), ...byRole('chair')];
  if (chairs.length) paragraphs.push(`The meeting was chaired or hosted by ${list(chairs)}.`);
  const briefers = byRole('briefer');
  if (briefers.length) paragraphs.push(`${list(briefers)} briefed the participants.`);

  if (agenda.length) {
    const theaterName = new Map(input.theaters.map((t) => [t.slug, t.nameEn]));
    const lines = agenda.map((item) => {
      const where = item.theaterSlugs.map((slug) => theaterName.get(slug) ?? slug);
      return `- ${item.title}${where.length ? ` (${list(where)})` : ''}${item.outcome ? `: ${item.outcome}` : ''}`;
    });
    paragraphs.push(`The agenda covered:\n\n${lines.join('\n')}`);
  }
  return { title, bodyMarkdown: paragraphs.join('\n\n') };
}
