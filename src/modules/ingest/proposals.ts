import type { Extraction } from './extraction.ts';

export type FactKind = 'meeting' | 'readout' | 'speaker' | 'new-member' | 'money' | 'incident' | 'reference' | 'commitment' | 'tasking' | 'detention' | 'repatriation' | 'prosecution';

export interface ProposedFact {
  kind: FactKind;
  proposal: Record<string, unknown>;
  start: number;
  end: number;
}

/** The commitment register's kinds, told by the verb that made the commitment. */
export function commitmentKind(quote: string): 'intends' | 'pledges' | 'agrees' | 'affirms' | 'urges' {
  if (/\bintend/i.test(quote)) return 'intends';
  if (/\bpledg/i.test(quote)) return 'pledges';
  if (/\bagree/i.test(quote)) return 'agrees';
  if (/\b(urg|call|stress)/i.test(quote)) return 'urges';
  return 'affirms';
}

/** Whether a quote names a group: by the distinctive words of its registry name ("Foreign Terrorist Fighters", "Finance"). */
function quoteNamesGroup(quote: string, group: string): boolean {
  const words = group.replace(/\b(Working|Focus|Group|Coalition|Counter|ISIS)\b/g, ' ').trim().split(/\s+/).filter((word) => word.length > 2);
  return words.length > 0 && words.every((word) => quote.toLowerCase().includes(word.toLowerCase()));
}

/** What the groups are asked to do: the words after "agreed to", "decided to" …, as a title. */
function taskingTitle(quote: string): string {
  const asked = /\b(?:agreed|decided|resolved|intends?|committed|tasked \w+) to (.+)$/i.exec(quote)?.[1] ?? quote;
  return (asked.charAt(0).toUpperCase() + asked.slice(1)).slice(0, 500);
}

/**
 * An extraction as the facts a reviewer decides one by one, each with its span: the meeting (with its
 * agenda theaters and groups), the readout itself, speakers, new members, money, incidents, earlier
 * meetings followed up, commitments. A fact without a span is not proposed.
 */
export function proposedFacts(extraction: Extraction, textLength: number): ProposedFact[] {
  const facts: ProposedFact[] = [];
  const { evidence } = extraction;
  if (evidence.meeting) {
    facts.push({
      kind: 'meeting',
      proposal: { title: extraction.title, date: extraction.date, format: extraction.meetingFormat, setting: extraction.setting, city: extraction.location?.city ?? null, country: extraction.location?.country ?? null, theaters: extraction.theaters, workingGroups: extraction.workingGroups, branches: extraction.branches },
      ...evidence.meeting,
    });
    facts.push({ kind: 'readout', proposal: { title: extraction.title }, start: 0, end: textLength });
  }
  extraction.speakers.forEach((speaker, index) => {
    const span = evidence.speakers[index];
    if (span) facts.push({ kind: 'speaker', proposal: { ...speaker }, ...span });
  });
  extraction.newMembers.forEach((member, index) => {
    const span = evidence.newMembers[index];
    if (span) facts.push({ kind: 'new-member', proposal: { partner: member }, ...span });
  });
  // A sum the text gives no year for is proposed for the year of the meeting that announced it; the reviewer may change it.
  const meetingYear = extraction.date ? Number(extraction.date.slice(0, 4)) : null;
  // A donor's sum becomes a contribution, which needs the day it was made: the reviewer gives it (the form proposes the meeting's).
  for (const { quote: _quote, start, end, ...money } of extraction.money) facts.push({ kind: 'money', proposal: { ...money, year: money.year ?? meetingYear, ...(money.actor ? { date: null } : {}) }, start, end });
  for (const { quote: _quote, start, end, ...incident } of extraction.incidents) facts.push({ kind: 'incident', proposal: incident, start, end });
  for (const { quote: _quote, start, end, ...reference } of extraction.references) facts.push({ kind: 'reference', proposal: reference, start, end });
  for (const { quote, start, end, actor } of extraction.commitments) {
    facts.push({ kind: 'commitment', proposal: { actor, statement: quote, kind: commitmentKind(quote) }, start, end });
    // "agreed to focus work in the … Working Groups on countering the ISIS-K threat" also tasks those groups.
    const groups = extraction.workingGroups.filter((group) => quoteNamesGroup(quote, group));
    if (groups.length) facts.push({ kind: 'tasking', proposal: { title: taskingTitle(quote), workingGroups: groups, branches: extraction.branches.filter((branch) => quote.includes(branch)) }, start, end });
  }
  // Head counts, repatriations and prosecutions: figures a reviewer turns into the detention and justice registers.
  for (const { site, population, date, start, end } of extraction.detention) facts.push({ kind: 'detention', proposal: { site, population, date }, start, end });
  for (const { state, count, kind, date, start, end } of extraction.repatriations) facts.push({ kind: 'repatriation', proposal: { state, count, kind, date }, start, end });
  for (const { state, count, kind, accused, date, start, end } of extraction.prosecutions) facts.push({ kind: 'prosecution', proposal: { state, count, kind, accused, date, court: null }, start, end });
  return facts;
}
