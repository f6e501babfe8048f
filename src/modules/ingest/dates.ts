// The two locales the rules read, not the whole package (its many locales take seconds to load on a busy machine).
import * as chronoEnglish from 'chrono-node/en';
import * as chronoFrench from 'chrono-node/fr';

/**
 * chrono-node's parsers for dates only: readouts state days, months and years ("on 14 March 2024",
 * "in June", "yesterday"), never clock times or spans ("3 days later"), and those parsers' patterns
 * are most of the cost of the first parse of a process (about 1 s of the command line's start).
 */
function datesOnly(parser: typeof chronoEnglish.casual) {
  const clone = parser.clone();
  clone.parsers = clone.parsers.filter((each) => !/Time|Relative|Ago|Later/.test(each.constructor.name));
  return clone;
}
const english = datesOnly(chronoEnglish.casual);
const french = datesOnly(chronoFrench.casual);

/** Publication date (if given), and a year to fall back on when a date in the text has none. */
export interface DateContext {
  publishedOn: Date | null;
  fallbackYear: number | null;
  /** Read dates the French way too ("le 14 mars 2024"). */
  french?: boolean;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A date in a piece of text, as precise as the text: "August 26" → the readout's year (the year before
 * if that would be after publication), "June" → YYYY-MM, "today"/"yesterday" → the publication date or
 * the day before. Null when the text holds no date or the year cannot be known.
 */
export function dateIn(text: string, context: DateContext): { date: string; index: number; text: string } | null {
  const reference = context.publishedOn ?? new Date(Date.UTC(context.fallbackYear ?? 2000, 11, 31));
  const parser = context.french ? french : english;
  for (const result of parser.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false })) {
    const start = result.start;
    // "today", "yesterday", "on Monday": days counted from the publication date, which must be known.
    const casual = /\b(today|yesterday|tonight|this (morning|afternoon|evening)|aujourd'hui|hier)\b/i.test(result.text) || (start.isCertain('weekday') && !start.isCertain('day'));
    if (casual && !context.publishedOn) continue;
    const known = (component: 'year' | 'month' | 'day') => start.isCertain(component);
    if (!casual && !known('month') && !known('year')) continue;
    if (!casual && !known('day') && !known('month')) continue;
    const yearKnown = known('year') || casual || context.publishedOn !== null || context.fallbackYear !== null;
    if (!yearKnown) continue;
    const value = start.date();
    // A readout reports the past: "on Monday" is the Monday before publication, not the one after.
    if (casual && context.publishedOn && value.getTime() > context.publishedOn.getTime() + 86_400_000 - 1) value.setUTCDate(value.getUTCDate() - 7);
    let year = known('year') || casual ? value.getUTCFullYear() : (context.publishedOn?.getUTCFullYear() ?? (context.fallbackYear as number));
    const month = value.getUTCMonth();
    // "August 26" in a readout published in March means last August.
    if (!known('year') && !casual && context.publishedOn && Date.UTC(year, month, known('day') ? value.getUTCDate() : 1) > context.publishedOn.getTime()) year--;
    const date = casual || known('day') ? iso(new Date(Date.UTC(year, month, value.getUTCDate()))) : `${year}-${String(month + 1).padStart(2, '0')}`;
    return { date: known('month') || casual ? date : String(year), index: result.index, text: result.text };
  }
  return null;
}

/** The latest year a text names (2000–2099): the readout's year when no publication date is given. */
export function latestYearIn(text: string): number | null {
  const years = [...text.matchAll(/\b(20\d\d)\b/g)].map((match) => Number(match[1]));
  return years.length ? Math.max(...years) : null;
}
