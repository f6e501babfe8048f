import { actorsIn } from './actors.ts';
import { type DateContext, dateIn } from './dates.ts';
import type { ProsecutionFigure } from './extraction.ts';
import type { Gazetteer } from './gazetteer.ts';
import { westernDigits } from './extract-money.ts';
import { type Sentence, spanOf } from './text-spans.ts';

/** The verbs of bringing people to justice, and the justice register's kind each one means (a French word may end in "é", where \b does not hold). */
const VERBS: [RegExp, ProsecutionFigure['kind']][] = [
  [/\b(?:repatriated and (?:prosecuted|charged)|rapatrié\p{L}* et poursuivi\p{L}*)(?!\p{L})/iu, 'repatriated-and-prosecuted'],
  [/\b(?:convicted|sentenced|found guilty|condamné\p{L}*)(?!\p{L})/iu, 'convicted'],
  [/\b(?:prosecuted|charged|indicted|brought to trial|poursuivi\p{L}*|inculpé\p{L}*)(?!\p{L})/iu, 'charged'],
  [/\b(?:acquitted|acquitté\p{L}*)(?!\p{L})/iu, 'acquitted'],
];

const COUNT = String.raw`(\d{1,3}(?:[,  \u202f]\d{3}){1,3}|\d{1,7})`;
/** Who was tried, as readouts say it: returnees, foreign terrorist fighters, ISIS members… */
const ACCUSED = String.raw`(?:returnees|foreign terrorist fighters|FTFs|(?:ISIS|Daesh|ISIL)(?:[- ](?:affiliated|linked))?\s+(?:members|fighters|suspects|militants)|terrorist suspects|suspects|individuals|people|persons|fighters|nationals|combattants terroristes étrangers|revenants|personnes|individus)`;
const COUNTED = new RegExp(String.raw`(?:(?:some|about|around|nearly|almost|more than|over|at least|approximately|plus de|près de|environ)\s+)?${COUNT}\s+(?:[\p{L}-]+\s+){0,2}?(${ACCUSED})`, 'iu');

/**
 * Prosecutions and convictions: a sentence in which a state convicted, sentenced, prosecuted or charged a
 * number of returnees or foreign terrorist fighters ("Iraq has convicted 120 foreign terrorist fighters",
 * "45 returnees were prosecuted in Belgium"). The state is the partner named before the verb, or after
 * "in"/"by" when the sentence is passive. Counts only: never a person's name.
 */
export function prosecutionsIn(sentences: Sentence[], text: string, gazetteer: Gazetteer, dates: DateContext): ProsecutionFigure[] {
  const figures: ProsecutionFigure[] = [];
  for (const sentence of sentences) {
    const found = VERBS.map(([pattern, kind]) => ({ verb: pattern.exec(sentence.text), kind })).find((candidate) => candidate.verb !== null);
    if (!found?.verb) continue;
    const verb = found.verb;
    // Arabic-Indic digits become Western ones, one for one: offsets stay those of the sentence.
    const counted = COUNTED.exec(westernDigits(sentence.text));
    if (!counted) continue;
    const count = Number((counted[1] ?? '').replace(/\D/g, ''));
    if (count < 1) continue;
    const actors = actorsIn(sentence.text, gazetteer);
    const before = actors.filter((actor) => actor.end <= verb.index).at(-1);
    const passive = actors.find((actor) => actor.start > verb.index && /\b(?:in|by|en|au|par)\s+(?:the\s+)?$/i.test(sentence.text.slice(Math.max(0, actor.start - 12), actor.start)));
    const state = before ?? passive ?? null;
    const from = Math.min(verb.index, counted.index, state?.start ?? Number.POSITIVE_INFINITY);
    const to = Math.max(verb.index + verb[0].length, counted.index + counted[0].length, state?.end ?? 0);
    // A year said on its own ("In 2023, Iraq convicted …") is a date the date parser does not read.
    const year = /\b(?:in|during|en|au cours de)\s+((?:19|20)\d\d)\b/i.exec(sentence.text)?.[1] ?? null;
    figures.push({ ...spanOf(text, sentence.start + from, sentence.start + to), state: state?.partner ?? null, count, kind: found.kind, accused: counted[2] ?? null, date: dateIn(sentence.text, dates)?.date ?? year });
  }
  return figures;
}
