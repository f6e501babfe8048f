import { actorsIn } from './actors.ts';
import { type DateContext, dateIn } from './dates.ts';
import type { Commitment, DetentionFigure, RepatriationFigure, TaskingProposal } from './extraction.ts';
import type { Gazetteer } from './gazetteer.ts';
import { groupsIn } from './extract-groups.ts';
import { westernDigits } from './extract-money.ts';
import { type Sentence, spanOf } from './text-spans.ts';

/** A count of people as readouts write it: "30,000", "30 000", "some 2,500", "45". */
const COUNT = String.raw`(\d{1,3}(?:[,  \u202f]\d{3}){1,3}|\d{1,7})`;
const PEOPLE = `(?:people|persons|residents|detainees|individuals|inhabitants|women|children|men|fighters|family members|nationals|citizens|orphans|personnes|détenus|femmes|enfants|ressortissants|combattants)`;
const countOf = (digits: string) => Number(digits.replace(/\D/g, ''));

/** Where people are held: a sentence about a camp or a detention place. */
const HELD = /\b(?:camps?|detention|detained|detainees|prisons?|facilit(?:y|ies)|held|camp de|centres? de détention)\b/i;
/** A named site: "al-Hol", "the Roj camp", "Camp Ashraf", "Ghwayran prison". */
const SITE = /\b((?:al-|Al-|el-)[A-Z][\w'’-]+|[A-Z][\w'’-]+(?=\s+(?:camp|prison|detention facility|detention centre|detention center)\b)|(?<=\bcamp (?:of|at|in) )[A-Z][\w'’-]+)/u;
const POPULATION = new RegExp(String.raw`(?:(?:some|about|around|nearly|almost|more than|over|at least|approximately|roughly|près de|plus de|environ)\s+)?${COUNT}\s+(?:[\p{L}-]+\s+){0,3}?${PEOPLE}`, 'giu');

/**
 * Camp and detention figures: a sentence that names where people are held and how many, with the site
 * and the date it gives ("al-Hol, which holds some 30,000 people"). Counts only, never who.
 */
export function detentionIn(sentences: Sentence[], text: string, dates: DateContext): DetentionFigure[] {
  const figures: DetentionFigure[] = [];
  for (const sentence of sentences) {
    if (!HELD.test(sentence.text) || /repatri|rapatri/i.test(sentence.text)) continue;
    const digits = westernDigits(sentence.text);
    for (const match of digits.matchAll(POPULATION)) {
      const population = countOf(match[1] ?? '');
      if (population < 10) continue;
      const at = match.index ?? 0;
      const site = SITE.exec(sentence.text)?.[1] ?? null;
      const date = dateIn(sentence.text, dates);
      const siteAt = site ? sentence.text.indexOf(site) : at;
      figures.push({ ...spanOf(text, sentence.start + Math.min(siteAt, at), sentence.start + Math.max(at + match[0].length, siteAt + (site?.length ?? 0))), site, population, date: date?.date ?? null });
    }
  }
  return figures;
}

const REPATRIATE = /\b(?:repatriat\w*|rapatri\w*|brought home|returned home)\b/i;
const RETURNED = new RegExp(String.raw`${COUNT}\s+((?:[\p{L}-]+\s+){0,3}?${PEOPLE}(?:\s+(?:and|et)\s+(?:[\p{L}-]+\s+){0,2}?${PEOPLE})?)`, 'iu');

/**
 * Repatriations: a sentence that says a state brought people home, with how many and who they were
 * ("Kazakhstan repatriated 45 women and children from al-Hol"). The state is the partner named before
 * the verb, or after "to" when the sentence is passive ("45 children were repatriated to Uzbekistan").
 */
export function repatriationsIn(sentences: Sentence[], text: string, gazetteer: Gazetteer, dates: DateContext): RepatriationFigure[] {
  const figures: RepatriationFigure[] = [];
  for (const sentence of sentences) {
    const verb = REPATRIATE.exec(sentence.text);
    if (!verb) continue;
    const digits = westernDigits(sentence.text);
    const counted = RETURNED.exec(digits);
    if (!counted) continue;
    const count = countOf(counted[1] ?? '');
    if (count < 1) continue;
    const actors = actorsIn(sentence.text, gazetteer);
    const before = actors.filter((actor) => actor.end <= verb.index).at(-1);
    const toState = actors.find((actor) => actor.start > verb.index && /\b(?:to|vers|en|au)\s+(?:the\s+)?$/i.test(sentence.text.slice(Math.max(0, actor.start - 12), actor.start)));
    const state = before ?? toState ?? null;
    const from = Math.min(verb.index, counted.index, state?.start ?? Number.POSITIVE_INFINITY);
    const to = Math.max(verb.index + verb[0].length, counted.index + counted[0].length, state?.end ?? 0);
    figures.push({ ...spanOf(text, sentence.start + from, sentence.start + to), state: state?.partner ?? null, count, kind: counted[2]?.trim() ?? null, date: dateIn(sentence.text, dates)?.date ?? null });
  }
  return figures;
}

/**
 * Taskings: a commitment that names working groups asks them for something — one proposal with the
 * groups and the subject ("agreed to focus work in the … Working Groups on countering the ISIS-K threat"
 * → those groups, "countering the ISIS-K threat").
 */
export function taskingsIn(commitments: Commitment[], gazetteer: Gazetteer): TaskingProposal[] {
  const taskings: TaskingProposal[] = [];
  for (const commitment of commitments) {
    const groups = groupsIn(commitment.quote, gazetteer);
    if (!groups.length) continue;
    const afterGroups = /\bGroups?\s+(?:on|to)\s+(.+)$/i.exec(commitment.quote)?.[1];
    const asked = /\b(?:agreed|decided|resolved|intends?|committed|tasked \w+|asked \w+) to (.+)$/i.exec(commitment.quote)?.[1];
    taskings.push({ quote: commitment.quote, start: commitment.start, end: commitment.end, groups, subject: (afterGroups ?? asked ?? commitment.quote).trim() });
  }
  return taskings;
}
