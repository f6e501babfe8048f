import { type DateContext, dateIn } from './dates.ts';
import type { Commitment, Incident, Reference } from './extraction.ts';
import { cityNamed, type Gazetteer, fromGazetteer } from './gazetteer.ts';
import { type Sentence, spanOf, wordsPattern } from './text-spans.ts';

const ATTACK = /\b(?:(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,3})?(attacks?|bombings?|suicide bombings?|massacres?|assaults?|ambush(?:es)?|killings?|raids?)\b/i;

/** A place after "in"/"at"/"on" that the gazetteer knows (a city, a theater, a country). */
function placeIn(text: string, gazetteer: Gazetteer): { place: string; end: number } | null {
  const pattern = fromGazetteer(gazetteer, 'place-after-preposition', () => {
    const names = [...gazetteer.cities.keys(), ...gazetteer.theaters.flatMap((theater) => theater.variants), ...gazetteer.partners.flatMap((partner) => partner.variants)];
    return new RegExp(`\\b(?:in|at|near|outside)\\s+(?:the\\s+)?(${wordsPattern(names, '').source})`, 'u');
  });
  const match = pattern.exec(text);
  if (match?.[1]) return { place: match[1], end: (match.index ?? 0) + match[0].length };
  // A place the gazetteer does not know, named with what it is: "in Borno State", "in Cabo Delgado Province".
  const region = /\b(?:in|at|near)\s+((?:[A-Z][\w'’-]*\s+){1,2}(?:State|Province|Region|District|Governorate|camp))\b/.exec(text);
  return region?.[1] ? { place: region[1], end: region.index + region[0].length } : null;
}

/**
 * Attacks the readout names, with their date, place and perpetrator: "the horrific terrorist attack
 * ISIS-K perpetrated on August 26 in Kabul". A mention of attacks in general (no date and no place) is
 * not an incident.
 */
export function incidentsIn(sentences: Sentence[], text: string, gazetteer: Gazetteer, dates: DateContext): Incident[] {
  const incidents: Incident[] = [];
  const { perpetrators, perpetratorPattern } = fromGazetteer(gazetteer, 'perpetrators', () => {
    const pairs = gazetteer.branches.flatMap((branch) => branch.variants.map((variant) => [variant, branch.canonical] as const));
    return { perpetrators: pairs, perpetratorPattern: wordsPattern(pairs.map(([variant]) => variant)) };
  });
  for (const sentence of sentences) {
    const attacks = [...sentence.text.matchAll(new RegExp(ATTACK.source, 'gi'))];
    attacks.forEach((attack, attackIndex) => {
    // The incident's own words: from the attack noun phrase to the end of its clause (or the next attack).
    const from = attack.index ?? 0;
    const nextAttack = attacks[attackIndex + 1]?.index;
    const clauseEnd = sentence.text.slice(from, nextAttack).search(/[;]|,\s+(?:and|which|while|as|but)\b|\.\s*$|\s+and\s+(?:its|their|the)\s/);
    const clause = sentence.text.slice(from, clauseEnd < 0 ? nextAttack : from + clauseEnd);
    const date = dateIn(clause, dates);
    const place = placeIn(clause, gazetteer);
    if (!date && !place) return;
    // The attack's own clause names its perpetrator; an affiliate named elsewhere in the sentence is blamed only where the sentence says so ("claimed by", "carried out by").
    const attributed = /\b(?:claimed|perpetrated|carried out|conducted|committed)\s+by\b|\bresponsib/i.test(sentence.text);
    const perpetratorMatch = new RegExp(perpetratorPattern.source, 'u').exec(clause) ?? (attributed ? new RegExp(perpetratorPattern.source, 'u').exec(sentence.text) : null);
    const perpetrator = perpetratorMatch ? (perpetrators.find(([variant]) => variant.toLowerCase() === perpetratorMatch[0].toLowerCase())?.[1] ?? perpetratorMatch[0]) : /\b(Daesh|ISIS|ISIL|Da[’']esh|Daech)\b/.test(clause) ? 'ISIS' : null;
    const ends = [date ? date.index + date.text.length : 0, place?.end ?? 0, perpetratorMatch && perpetratorMatch.index < clause.length ? perpetratorMatch.index + perpetratorMatch[0].length : 0, attack[0].length];
    incidents.push({ ...spanOf(text, sentence.start + from, sentence.start + from + Math.max(...ends)), date: date?.date ?? null, place: place?.place ?? null, perpetrator });
    });
  }
  return incidents;
}

const MEETING_NOUN = /((?:the\s+)?(?:[A-Z][\w'’/-]*\s+){0,6}(?:Ministerial(?:\s+Meeting)?|Small Group(?:\s+[Mm]eeting)?|Conference|Summit|Plenary|[Mm]eeting|Communiqu[eé]|discussions?(?=\s+(?:held|in|at)\s)))\b/g;
const LOOKS_BACK = /\b(from|at the|last|previous|earlier|recalled|recalling|carried forward|carry forward|followed up|following up|follow-up|building on|built on|since|held in|took place|outcomes? of|commitments? made)\b/i;

/**
 * Earlier meetings the readout follows up: "carried forward the important discussion from June at the
 * D-ISIS Coalition Ministerial Meeting in Rome" → the Ministerial, in Rome, in June (of the readout's year).
 */
export function referencesIn(sentences: Sentence[], text: string, gazetteer: Gazetteer, dates: DateContext, skip: Set<Sentence>): Reference[] {
  const references: Reference[] = [];
  for (const sentence of sentences) {
    if (skip.has(sentence)) continue;
    const looksBack = LOOKS_BACK.test(sentence.text);
    for (const meeting of looksBack ? sentence.text.matchAll(MEETING_NOUN) : []) {
      const what = (meeting[1] as string).replace(/^the\s+/i, '').trim();
      if (/^(this|today'?s?)\b/i.test(what) || /^[a-z]/.test(what) && !/\b(in|at)\s+[A-Z]/.test(sentence.text.slice((meeting.index ?? 0) + meeting[0].length, (meeting.index ?? 0) + meeting[0].length + 30))) continue;
      const around = sentence.text.slice(Math.max(0, (meeting.index ?? 0) - 60), (meeting.index ?? 0) + meeting[0].length + 40);
      const after = sentence.text.slice((meeting.index ?? 0) + meeting[0].length, (meeting.index ?? 0) + meeting[0].length + 40);
      // "… of October 2019 and of the Third Conference held on 18–19 October 2022": a date in the meeting's own clause
      // ("held on …", "of …") is its date; the words before it may date another meeting named just before.
      const ownClause = after.slice(0, Math.max(0, after.search(/[,;]|\s(?:and|et)\s|$/)));
      const ownDate = /^\s*(?:(?:that\s+)?(?:was\s+|were\s+)?(?:held|convened|hosted|took place)\s+)?(?:on|of|in)\s/.test(ownClause) ? dateIn(ownClause, dates) : null;
      const when = ownDate ? null : dateIn(around, dates);
      const where = /^\s*(?:(?:that\s+)?(?:was\s+|were\s+)?(?:held|convened|hosted|took place)\s+)?(?:in|at)\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})/.exec(after);
      const city = where?.[1] && cityNamed(gazetteer, where[1]);
      if (!when && !ownDate && !city) continue;
      // The quote runs from the time words (or the meeting) to the place, or to the meeting's own date.
      const meetingAt = meeting.index ?? 0;
      const startInSentence = Math.min(meetingAt, when ? Math.max(0, meetingAt - 60) + when.index : meetingAt);
      const endInSentence = meetingAt + meeting[0].length + Math.max(where && city ? where.index + where[0].length : 0, ownDate ? ownDate.index + ownDate.text.length : 0);
      const reference = { ...spanOf(text, sentence.start + startInSentence, sentence.start + endInSentence), what, when: (ownDate ?? when)?.date ?? null, where: city ? (city as string) : null };
      // "the discussion from June at the Ministerial in Rome" names one meeting twice: keep the fuller mention.
      const same = references.findIndex((other) => other.when === reference.when && other.where === reference.where && Math.abs(other.start - reference.start) < 120);
      if (same < 0) references.push(reference);
      else if ((references[same]?.what.length ?? 0) < what.length) references[same] = reference;
    }
    for (const reference of [...earlierMeetingsIn(sentence, text, gazetteer, dates), ...(dates.french ? frenchEarlierMeetingsIn(sentence, text, gazetteer, dates) : []), ...(dates.arabic ? arabicEarlierMeetingsIn(sentence, text, dates) : [])]) if (!references.some((other) => other.start < reference.end && reference.start < other.end)) references.push(reference);
  }
  return references;
}

/** French words that look back: "ont rappelé", "rappelant", "dans le prolongement de", "s'appuyant sur", "conclusions de", "fait suite à". */
const LOOKS_BACK_FR = /(?<!\p{L})(?:rappel(?:é|ée|és|ées|ant|ent|lent|le)|dans\s+le\s+prolongement|s[’']appuyant\s+sur|conclusions?\s+d|fai(?:t|sait|sant)\s+suite\s+à)(?!\p{L})/iu;
/** "la réunion …", "la 24e réunion …", "leur déclaration à la presse …": a meeting or statement named by its noun. */
const MEETING_NOUN_FR = /(?<!\p{L})(?:la|leur|sa|son|le|l[’'])\s*(?:\d+(?:e|ème|re)\s+)?(?:réunion|conférence|déclaration|sommet|session|communiqué)(?!\p{L})/giu;

/**
 * Earlier meetings a French readout recalls, each dated in its own words: "ont rappelé les conclusions de la
 * réunion ministérielle de Riyad du 8 juin 2023 et de la réunion … tenue à Rome en octobre 2023". Without a
 * date near its noun a meeting may be this one, so none is proposed.
 */
function frenchEarlierMeetingsIn(sentence: Sentence, text: string, gazetteer: Gazetteer, dates: DateContext): Reference[] {
  const found: Reference[] = [];
  const back = LOOKS_BACK_FR.exec(sentence.text);
  if (!back) return found;
  const nouns = [...sentence.text.slice(back.index).matchAll(MEETING_NOUN_FR)].map((match) => back.index + (match.index ?? 0));
  nouns.forEach((at, index) => {
    // Its words run to the next meeting's noun or the clause's end, at most 120 characters.
    const limit = Math.min(nouns[index + 1] ?? sentence.text.length, at + 120);
    const words = sentence.text.slice(at, limit);
    // "la 24e réunion du Groupe, tenue à Rome en octobre 2025": a clause that tells where and when it was held is the meeting's own.
    const cut = Math.max(0, words.search(/[,;.]\s|$/));
    const held = /^,\s+(?:tenue?s?|organisée?s?|qui\s+s[’']est\s+tenue)(?!\p{L})/u.test(words.slice(cut));
    const clause = held ? words.slice(0, cut + 2 + Math.max(0, words.slice(cut + 2).search(/[,;.]\s|$/))) : words.slice(0, cut);
    const when = dateIn(clause, dates);
    // Or held somewhere the gazetteer knows ("la réunion du Groupe tenue à Nairobi en février dernier"): a meeting held elsewhere is another one.
    const heldAt = when ? null : /(?<!\p{L})(?:tenue?s?|organisée?s?)\s+à\s+(\p{Lu}[\p{L}'’-]*)/u.exec(clause);
    const heldCity = heldAt ? cityNamed(gazetteer, heldAt[1]) : undefined;
    if (!when && !heldCity) return;
    const end = when ? when.index + when.text.length : clause.length;
    const place = /(?<!\p{L})(?:de|à)\s+(\p{Lu}[\p{L}'’-]*)/u.exec(clause.slice(0, end))?.[1];
    const where = place ? (cityNamed(gazetteer, place) ?? null) : null;
    found.push({ ...spanOf(text, sentence.start + at, sentence.start + at + end), what: clause.slice(0, end), when: when?.date ?? null, where });
  });
  return found;
}

/** Short vowels Arabic may write over a verb's letters ("عُقد"). */
const HARAKAT = '[\u064B-\u0652]?';
/**
 * "اجتماع برلين الذي عُقد في …", "الاجتماع الوزاري الذي انعقد في …": a meeting or conference, then "which was held" —
 * a meeting told in the past beside this one's. Quoted from the noun to the end of its clause.
 */
const ARABIC_EARLIER = new RegExp(
  `(?<!\\p{L})(?:ال)?(?:اجتماع|مؤتمر|لقاء|اجتماعات)(?:\\s+[^\\s.،؛]+){0,2}?\\s+(?:الذي|التي)\\s+(?:ان)?ع${HARAKAT}ق${HARAKAT}د${HARAKAT}(?:ت)?(?!\\p{L})[^.،؛\\n]{0,60}`,
  'gu',
);

function arabicEarlierMeetingsIn(sentence: Sentence, text: string, dates: DateContext): Reference[] {
  // "الاجتماع الذي عقد اليوم / أمس" (held today, yesterday) is this meeting.
  return [...sentence.text.matchAll(ARABIC_EARLIER)].filter((match) => !/(?<!\p{L})(?:اليوم|أمس|امس)(?!\p{L})/u.test(match[0])).map((match) => {
    const quote = match[0].trimEnd();
    return { ...spanOf(text, sentence.start + (match.index ?? 0), sentence.start + (match.index ?? 0) + quote.length), what: quote, when: dateIn(quote, dates)?.date ?? null, where: null };
  });
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** "previous rounds", "the last meeting", "earlier sessions", "la précédente réunion". */
const EARLIER_NOUN = /\b(?:previous|earlier|prior|preceding|last|past)\s+(?:[\p{L}.’'-]+\s+){0,3}?(?:meetings?|rounds?|sessions?|ministerials?|conferences?|summits?|dialogues?|plenar(?:y|ies))\b|\b(?:précédentes?|dernières?)\s+(?:réunions?|sessions?)\b|\b(?:réunions?|sessions?)\s+précédentes?\b|(?<!\p{L})(?:décidée?s?|adoptée?s?|convenue?s?|prise?s?|annoncée?s?)\s+lors\s+(?:du|de la|de l[’']|des)\s*(?:sommet|réunion|conférence|session|ministérielle)s?\b/iu;
/** "the November 2021 and February 2023 statements of …", "the 2019 Ministerial": a dated earlier statement or meeting. */
const DATED_NOUN = new RegExp(`\\b((?:${MONTH}\\s+)?((?:19|20)\\d\\d)(?:\\s*(?:,|and)\\s*(?:${MONTH}\\s+)?(?:19|20)\\d\\d){0,3})\\s+(?:[A-Z][\\w-]*\\s+){0,3}(statements?|meetings?|communiqu[eé]s?|declarations?|Ministerials?|Summits?|joint statements?)\\b`, 'u');

/**
 * Earlier meetings named without a place the gazetteer knows or a month: "previous rounds have been held in
 * Jordan", "reaffirmed the November 2021 and February 2023 statements of the … Working Group". A dated one
 * counts only when its year is before the readout's latest year (the meeting's own is not earlier).
 */
function earlierMeetingsIn(sentence: Sentence, text: string, gazetteer: Gazetteer, dates: DateContext): Reference[] {
  const found: Reference[] = [];
  const earlier = EARLIER_NOUN.exec(sentence.text);
  if (earlier) {
    const after = sentence.text.slice(earlier.index + earlier[0].length, earlier.index + earlier[0].length + 60);
    const place = /\b(?:in|at)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u.exec(after)?.[1];
    const where = place ? (cityNamed(gazetteer, place) ?? (gazetteer.partners.some((partner) => partner.variants.includes(place)) ? place : null)) : null;
    // The quote ends with the clause that names it: a comma starts another (but not the one inside "July 12, 2018").
    const rest = sentence.text.slice(earlier.index + earlier[0].length);
    const clauseEnd = rest.search(/,\s+(?!(?:19|20)\d\d\b)|;|$/);
    const end = Math.min(sentence.end, sentence.start + earlier.index + earlier[0].length + clauseEnd);
    found.push({ ...spanOf(text, sentence.start + earlier.index, end), what: earlier[0], when: null, where });
  }
  const dated = DATED_NOUN.exec(sentence.text);
  if (dated && dates.fallbackYear && Number(dated[2]) < dates.fallbackYear) {
    // The quote runs from the sentence's start to the end of the clause that names it ("… of the U.S.-GCC Iran Working Group").
    const clauseEnd = sentence.text.slice(dated.index + dated[0].length).search(/[,;]|$/);
    const end = dated.index + dated[0].length + clauseEnd;
    const when = dateIn(dated[1] as string, dates)?.date ?? (dated[2] as string);
    found.push({ ...spanOf(text, sentence.start, sentence.start + end), what: sentence.text.slice(dated.index, end), when, where: null });
  }
  return found;
}

/**
 * What makes a clause a commitment: participants agree, commit, adopt or endorse, pledge, resolve, decide or
 * reaffirm (English and French); a donor announcing money ("announced a new contribution of", "announced $5 million",
 * "a annoncé une contribution", "a annoncé 3 millions") pledges it. Calls, condemnations and concern are not commitments, nor is "affirmed that"
 * (a view, not an undertaking). Letters are told by Unicode, so "réaffirmé" ends where its "é" does.
 */
const COMMITTING =
  /(?<![\p{L}-])(agreed|agree|agrees|reaffirmed|reaffirming|reaffirms|reconfirmed|affirmed|reiterated|intends? to|will continue|(?:are|is|remain|remains|were|was)\s+(?:\p{L}+ly\s+)?committed|committed(?:\s+(?:today|again|themselves|once again|jointly))?\s+to|commit to|commits to|reached\s+(?:an?\s+)?(?:decisions?|agreement|consensus)|will\s+(?:serve|host|co-host|co-chair|chair|lead|co-lead|provide|contribute|deploy|establish|launch|fund)|commitments?\s+(?:to|of)|determination to|vow(?:ed|s)?\s+to|undert(?:ook|ake|akes)\s+to|stands?\s+ready\s+to|(?:are|is|were|remain|remains|remained)\s+determined\s+to|pledged(?!\s+allegiance)|pledges(?!\s+allegiance)|pledge to|announced(?=\s+(?:an?\s+|its\s+|their\s+)?(?:new\s+|additional\s+|further\s+)?(?:contributions?|pledges?|funding|grants?|donations?)\b|\s+(?:a\s+total\s+of\s+|an\s+additional\s+|a\s+further\s+)?(?:USD|EUR|GBP|US\$|\$|€|£)\s?\d)|resolved to|decided|adopted|endorsed|welcomed(?=[^.]{0,80}?\sas\s+(?:the\s+|an?\s+|its\s+)?(?:\d+\p{L}*\s+|new(?:est)?\s+)*members?\b)|ont\s+(?:\p{L}+\s+){0,3}?(?:réaffirmé|réitéré|convenu|décidé|adopté|approuvé)|sont\s+(?:\p{L}+\s+){0,2}?convenue?s|(?:a|ont)\s+annoncé(?=\s+(?:une?\s+|de\s+|des\s+)?(?:nouvel(?:le)?s?\s+|nouveaux\s+)?(?:contributions?|financements?|dons?|enveloppes?)(?![\p{L}])|\s+\d)|se sont engagés|s[’']engagent|engagement à|(?:a|ont)\s+permis\s+d[’']entériner|entérin(?:é|ée|és|ées|er)|(?:leur|son|sa)\s+intention\s+de|(?:a|ont)\s+été\s+(?:adopté|approuvé|entériné)e?s?)(?![\p{L}])/gu;
/**
 * The same in Arabic: "reaffirmed" (أعاد التأكيد, جدد التأكيد), "commitment" (التزام, التزامهم) only after a verb that
 * states it ("stressed / renewed / expressed their commitment": أكدوا التزامهم) — the noun alone is not one — "pledged" (تعهد), "agreed"
 * (اتفق), "adopted" (اعتمد), "announced providing / a contribution" (أعلن عن تقديم / مساهمة), with the joined "and"/"so" (و, ف) and the verb's endings. Not "أكد" alone: "stressed".
 */
const COMMITTING_AR = /(?<!\p{L})(?:[وف]?(?:أعاد|أعادت|أعادوا|جدد|جددت|جددوا)\s+(?:ال)?تأكيد|[وف]?(?:أكد|أكدت|أكدوا|جدد|جددت|جددوا|أعاد|أعادت|أعادوا|أعرب|أعربت|أعربوا)(?:\s+\S+){0,5}?\s+(?:عن\s+|على\s+)?[وفب]?(?:ال)?التزام(?:ه|ها|هم|نا)?|[وف]?(?:تعهد|تعهدت|تعهدوا|اتفق|اتفقت|اتفقوا|اعتمد|اعتمدت|اعتمدوا)|[وف]?(?:أعلن|أعلنت|أعلنوا)(?:\s+\S+){0,6}?\s+عن\s+(?:تقديم|مساهمة|تبرع))(?!\p{L})/gu;
/** "affirmed that …", "reiterated that …": a statement of view. */
const VIEW_FOLLOWS = /^\s+that\b/;
const MAIN_VERB = /\s(?:also\s+)?(?:[a-z]+ed|met|said|gave|led|took|held|saw|spoke|provided|noted|highlighted|stressed|discussed|reiterated|affirmed|agreed|urged|welcomed|intends|remains)\b/;

/** Who commits: the words between the clause's start ("that", a comma, the sentence start) and the verb. */
function actorBefore(sentenceText: string, verbAt: number): { actor: string | null; at: number } {
  const before = sentenceText.slice(0, verbAt);
  const that = before.lastIndexOf(' that ');
  const boundary = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '), that >= 0 ? that + 4 : -1);
  const clauseStart = boundary < 0 ? 0 : boundary + 2;
  // The actor starts after the clause's leading spaces and any joining word ("and the United States …").
  const leading = /^\s*(?:(?:and|but|also)\s+)?/i.exec(before.slice(clauseStart))?.[0].length ?? 0;
  const actor = before.slice(clauseStart + leading).replace(/\s+(?:also|further|again)\s*$/i, '').trim();
  // "… that repatriation remains the best solution and urged …": words with a verb of their own are not a subject.
  const isSubject = actor !== '' && actor.split(/\s+/).length <= 8 && !/\b(remains?|is|are|was|were|has|have|had|not)\b|\band$/i.test(actor);
  return { actor: isSubject ? actor : null, at: clauseStart + leading };
}

/**
 * What participants agreed, affirmed, reiterated, intended or urged, with who: one commitment per
 * subject and verb ("X reiterated … and affirmed …" is one; "…, and noted that the United States
 * intends …" starts another). A participle ("urging …") belongs to the sentence's subject.
 */
/** "Over the last weeks at meetings … leaders have agreed": what was agreed before, reported as background, is not this meeting's. */
const EARLIER_AGREEMENT = /\b(?:over|in|during)\s+the\s+(?:last|past|previous|preceding)\s+(?:few\s+)?(?:days|weeks|months|years)\b|\bat\s+(?:previous|earlier|past|prior)\s+(?:meetings|sessions)\b/i;

export function commitmentsIn(sentences: Sentence[], text: string): Commitment[] {
  const commitments: Commitment[] = [];
  for (const sentence of sentences) {
    if (EARLIER_AGREEMENT.test(sentence.text)) continue;
    // An Arabic sentence commits as a whole: its words are not read for a subject the English way.
    if (/\p{Script=Arabic}/u.test(sentence.text.slice(0, 40))) {
      if (new RegExp(COMMITTING_AR.source, 'u').test(sentence.text)) commitments.push({ ...spanOf(text, sentence.start, sentence.end), actor: null });
      continue;
    }
    const verbs = [...sentence.text.matchAll(COMMITTING)];
    const own: { actor: string | null; from: number }[] = [];
    for (const verb of verbs) {
      const at = verb.index ?? 0;
      if (/^(?:affirmed|reiterated|reaffirmed)$/.test(verb[1] as string) && VIEW_FOLLOWS.test(sentence.text.slice(at + verb[0].length))) continue;
      const participle = /ing\b/.test(verb[1] as string);
      if (participle) {
        const subject = MAIN_VERB.exec(sentence.text);
        own.push({ actor: subject ? sentence.text.slice(0, subject.index).replace(/^.*,\s+/, '').trim() || null : null, from: at });
        continue;
      }
      const previous = own.at(-1);
      const between = previous ? sentence.text.slice(previous.from, at) : '';
      // "reiterated … and affirmed": the same subject goes on; a new clause ("that X intends") is a new commitment.
      if (previous && !/\bthat\s|;\s/.test(between)) continue;
      const { actor, at: actorAt } = actorBefore(sentence.text, at);
      if (previous && !actor) continue;
      // "intend to", "will continue": an undertaking only when someone named gives it ("The co-leads will continue …"), not "while we will continue …".
      if (/^(?:intends? to|will\s+\S+)$/.test(verb[1] as string) && (!actor || /^(?:while\s+|as\s+|if\s+)?(?:we|it|they|this|that)$/i.test(actor) || /\b(?:ISIS|ISIL|Daesh|Da[’']esh|terrorists?|threat)\b/i.test(actor))) continue;
      // With no subject named ("the following declaration was adopted"), the quote still starts at its clause when that is near.
      own.push({ actor, from: actor || at - actorAt <= 120 ? actorAt : at });
    }
    own.forEach((commitment, index) => {
      const nextFrom = own[index + 1]?.from;
      // A commitment ends where the clause introducing the next one begins ("…, and noted that …").
      let end = nextFrom ?? sentence.text.length;
      if (nextFrom !== undefined) {
        const clause = sentence.text.slice(commitment.from, nextFrom).search(/,\s+(?:and\s+)?(?:\w+\s+){0,2}(?:that\s+)?(?:[\w.]+\s+){0,4}$|;\s/);
        if (clause > 0) end = commitment.from + clause;
      }
      // The first commitment of a sentence is quoted from the sentence's start: what leads up to it ("Following the
      // meeting, …", "the foreign minister of Bahrain and senior diplomats from …") is part of what was said.
      // A reporting clause ("…, and noted that the United States intends …") is not: the quote then starts at the commitment's own subject.
      const quoteFrom = index === 0 && !/\sthat\s/.test(sentence.text.slice(0, commitment.from)) ? 0 : commitment.from;
      commitments.push({ ...spanOf(text, sentence.start + quoteFrom, sentence.start + end), actor: commitment.actor });
    });
  }
  return commitments;
}
