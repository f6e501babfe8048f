import { latestYearIn, pageDate } from './dates.ts';
import { commitmentsIn, incidentsIn, referencesIn } from './extract-events.ts';
import { meetingFacts } from './extract-meeting.ts';
import { groupsIn } from './extract-groups.ts';
import { branchesIn, theatersIn } from './extract-mentions.ts';
import { newMembersIn } from './extract-new-members.ts';
import { detentionIn, repatriationsIn, taskingsIn } from './extract-figures.ts';
import { prosecutionsIn } from './extract-prosecutions.ts';
import { amountsWithoutCurrency, moneyIn } from './extract-money.ts';
import { documentLanguage, type LanguageReading } from './language.ts';
import { speakersIn } from './extract-speakers.ts';
import { partsOfSpeech } from './parts-of-speech.ts';
import type { Extraction } from './extraction.ts';
import { fromGazetteer, type Gazetteer, referenceGazetteer } from './gazetteer.ts';
import { sentencesOf, spanOf } from './text-spans.ts';
import type { Span } from './extraction.ts';
import { say } from '../../platform/i18n/say.ts';

/** Where a name is first written (a registry name not written as such falls back to the start of the text). */
function firstMention(text: string, name: string): Span {
  const at = text.indexOf(name);
  return at >= 0 ? spanOf(text, at, at + name.length) : spanOf(text, 0, Math.min(text.length, text.indexOf('\n') > 0 ? text.indexOf('\n') : 80));
}

/**
 * Whether a name the rules found is read as a proper noun where it is written: "General view" (a photo
 * caption) and "Coastal States" are capitalised but are no one's name. English only (the model's language).
 */
function namesAPerson(text: string, name: string): boolean {
  const at = text.indexOf(name);
  if (at < 0) return true;
  const tags = partsOfSpeech(text.slice(Math.max(0, text.lastIndexOf('\n', at) + 1), text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at)));
  const lineStart = Math.max(0, text.lastIndexOf('\n', at) + 1);
  // Particles inside names ("Charles de Gaulle", "bin Salman") are tagged as prepositions: they are not looked at.
  const words = [...name.matchAll(/\S+/g)].filter((word) => !/^(?:de|di|da|du|van|von|bin|ibn|el|al|la|le)$/.test(word[0])).map((word) => tags.get(at - lineStart + (word.index ?? 0)));
  // A name may hold a word the model takes for a common noun ("Rose"), never an article, preposition, pronoun or number (the small model mistakes names for verbs: "Rose"); and one word at least is a proper noun.
  return words.every((tag) => !tag || !/^(?:AUX|ADP|DET|PRON|NUM|CCONJ)$/.test(tag)) && words.some((tag) => !tag || tag === 'PROPN');
}

/** Cookie notices and share bars that saved pages carry: never facts. */
const BOILERPLATE = /This website uses cookies|We use cookies|Share this:|Print this page|Subscribe to/gi;
/** How much text may come before a notice for it to be the page's top (a banner above the article), not its end. */
const PAGE_TOP = 200;

/** A news page's list of other articles set inside the body: "Related posts:", "Read also", "À lire aussi", "Most read". */
const TEASER_HEADING = /^[ \t]*(?:Related (?:posts|articles|stories|news)|Read (?:also|more)|See also|Most read|More on this|À lire aussi|A lire aussi|Lire aussi|Sur le même sujet)[ \t]*:?[ \t]*$/gimu;
/** A teaser: a bulleted line, or a short headline that does not end a sentence. */
const TEASER_LINE = /^[ \t]*(?:[–—•*-][ \t]+.*|[^\n]{1,120}(?<![.!?»"”:]))[ \t]*$/u;

/** The readout with each such list blanked out (heading and teasers, up to the next blank line), at the same offsets. */
function withoutTeasers(input: string): string {
  const pieces: string[] = [];
  let kept = 0;
  for (const heading of input.matchAll(TEASER_HEADING)) {
    if (heading.index < kept) continue;
    let end = heading.index + heading[0].length;
    // The teasers follow on the next lines; the article goes on after a blank line or a full sentence.
    for (let next = end + 1; next < input.length; ) {
      const newline = input.indexOf('\n', next);
      const lineEnd = newline < 0 ? input.length : newline;
      const line = input.slice(next, lineEnd);
      if (line.trim() === '' || !TEASER_LINE.test(line)) break;
      end = lineEnd;
      next = lineEnd + 1;
    }
    // Built piece by piece, once: the text is not copied again for every list.
    pieces.push(input.slice(kept, heading.index), input.slice(heading.index, end).replace(/[^\n]/g, ' '));
    kept = end;
  }
  pieces.push(input.slice(kept));
  return pieces.join('');
}

/**
 * The readout without its page furniture, at the same offsets: a notice at the page's top (a cookie banner above
 * the headline) is blanked out to the end of its line and the article read on; a notice further down ends the article.
 */
function withoutBoilerplate(input: string): string {
  let text = withoutTeasers(input);
  BOILERPLATE.lastIndex = 0;
  for (let found = BOILERPLATE.exec(text); found; found = BOILERPLATE.exec(text)) {
    if (text.slice(0, found.index).trim().length >= PAGE_TOP) return text.slice(0, found.index);
    const lineEnd = text.indexOf('\n', found.index);
    const end = lineEnd < 0 ? text.length : lineEnd;
    text = text.slice(0, found.index) + ' '.repeat(end - found.index) + text.slice(end);
    BOILERPLATE.lastIndex = end;
  }
  return text;
}

/** What the rules cover in this text's language, said plainly; and when two languages are mixed. */
function languageNotes(reading: LanguageReading): string[] {
  const notes: string[] = [];
  if (reading.language === 'ar') notes.push(say('ingest.note.arabic'));
  if (reading.language === 'fr') notes.push(say('ingest.note.french'));
  if (reading.mixed) notes.push(say('ingest.note.mixedLanguages'));
  return notes;
}

/** A readout read as far as it can be without parts of speech: all but its speakers and the places they mask. */
export interface ReadoutBegun {
  readonly text: string;
  readonly language: LanguageReading['language'];
  readonly gazetteer: Gazetteer;
  readonly speakerCandidates: ReturnType<typeof speakersIn>;
  readonly meeting: ReturnType<typeof meetingFacts>;
  readonly newMembers: ReturnType<typeof newMembersIn>;
  readonly rest: Omit<Extraction, 'speakers' | 'theaters' | 'evidence'> & { evidence: Omit<Extraction['evidence'], 'speakers'> };
}

/**
 * Proposes every fact of a readout — the meeting, who spoke, what was discussed, figures, incidents,
 * earlier meetings followed up, commitments — each with the verbatim span it came from. Deterministic
 * and offline: rules and the registry's names.
 */
export function extractReadout(input: string, options: { publishedOn?: string | null; gazetteer?: Gazetteer } = {}): Extraction {
  return finishReadout(beginReadout(input, options));
}

/**
 * Everything that needs no part of speech (all but the speakers' check and the theaters, which the
 * speakers' roles mask). The command line runs it while another thread still loads the model.
 */
export function beginReadout(input: string, options: { publishedOn?: string | null; gazetteer?: Gazetteer } = {}): ReadoutBegun {
  const gazetteer = options.gazetteer ?? referenceGazetteer();
  // Offsets stay those of the input: boilerplate is blanked or cut off the end, nothing else moves.
  const text = withoutBoilerplate(input);
  // Without a publication date given, a date standing alone on a line near the top ("November 23, 2015", "jeudi 25 septembre 2014") is the page's own: "today" is that day.
  const ownDate = pageDate(text);
  const publishedOn = options.publishedOn ? new Date(`${options.publishedOn}T00:00:00Z`) : ownDate;
  // The language is read from the text itself: the reader's interface language has nothing to do with it.
  const reading = documentLanguage(text);
  const notes = languageNotes(reading);
  const dates = { publishedOn, fallbackYear: publishedOn?.getUTCFullYear() ?? latestYearIn(text), french: reading.language === 'fr', arabic: reading.language === 'ar', pageDate: ownDate };
  const sentences = sentencesOf(text);
  const meeting = meetingFacts(text, sentences, gazetteer, dates);
  const titleSentence = sentences.find((sentence) => sentence.text === meeting.title);
  const newMembers = newMembersIn(text, gazetteer);
  // A state's name is never a person's ("Saudi Arabia, Foreign Minister …").
  const speakerCandidates = speakersIn(sentences, fromGazetteer(gazetteer, 'partner-names-lower-case', () => new Set(gazetteer.partners.flatMap((partner) => partner.variants.map((variant) => variant.toLowerCase())))));
  // A headline states what the body says again: its commitments are the body's.
  const commitments = commitmentsIn(sentences.filter((sentence) => sentence !== titleSentence), text);
  const unpriced = amountsWithoutCurrency(text);
  const skip = new Set([meeting.meetingSentence, titleSentence].filter((sentence) => sentence !== undefined && sentence !== null));
  const rest = {
    title: meeting.title,
    date: meeting.date,
    meetingFormat: meeting.meetingFormat,
    setting: meeting.setting,
    location: meeting.location,
    branches: branchesIn(text, gazetteer),
    workingGroups: groupsIn(text, gazetteer),
    newMembers: newMembers.members,
    money: moneyIn(text, dates.publishedOn?.getUTCFullYear() ?? null, { language: reading.language, gazetteer }),
    incidents: incidentsIn(sentences, text, gazetteer, dates),
    references: referencesIn(sentences, text, gazetteer, dates, skip),
    commitments,
    detention: detentionIn(sentences, text, dates),
    repatriations: repatriationsIn(sentences, text, gazetteer, dates),
    taskings: taskingsIn(commitments, gazetteer),
    prosecutions: prosecutionsIn(sentences, text, gazetteer, dates),
    notes: [...notes, ...(meeting.yearGuessed && meeting.date ? [say('ingest.note.yearGuessed', { year: meeting.date.slice(0, 4) })] : []), ...(sentences.length === 0 ? [say('ingest.note.noSentences')] : []), ...unpriced.map((words) => say('ingest.note.amountWithoutCurrency', { words }))],
    evidence: {
      meeting: meeting.meetingSentence ? spanOf(text, meeting.meetingSentence.start, meeting.meetingSentence.end) : titleSentence ? spanOf(text, titleSentence.start, titleSentence.end) : null,
      newMembers: newMembers.members.map((member) => firstMention(text, member)),
    },
  };
  return { text, language: reading.language, gazetteer, speakerCandidates, meeting, newMembers, rest };
}

/** The speakers (checked against the parts of speech in English) and the theaters, which their roles mask. */
export function finishReadout(begun: ReadoutBegun): Extraction {
  const { text, meeting, newMembers, rest } = begun;
  const speakers = begun.language === 'en' ? begun.speakerCandidates.filter((speaker) => namesAPerson(text, speaker.name)) : begun.speakerCandidates;
  // Places that are part of something else: the speakers' roles, the meeting's own place.
  const masked = [
    ...newMembers.spans,
    ...speakers.flatMap((speaker) => [...text.matchAll(new RegExp((speaker.role ?? '\uFFFF').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }))),
    ...(meeting.location?.city ? [...text.matchAll(new RegExp(`\\b(?:in|at)\\s+${meeting.location.city.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:,\\s*\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?)?`, 'gu'))].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length })) : []),
  ];
  const { title, date, meetingFormat, setting, location, evidence, ...facts } = rest;
  // The keys in the order the JSON contract has always printed them.
  return {
    title,
    date,
    meetingFormat,
    setting,
    location,
    speakers,
    theaters: theatersIn(text, begun.gazetteer, masked, meeting.location),
    ...facts,
    evidence: { meeting: evidence.meeting, speakers: speakers.map((speaker) => firstMention(text, speaker.name)), newMembers: evidence.newMembers },
  };
}
