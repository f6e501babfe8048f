// The two locales the rules read, not the whole package (its many locales take seconds to load on a busy machine).
import * as chronoEnglish from 'chrono-node/en';
import * as chronoFrench from 'chrono-node/fr';
import * as chronoSpanish from 'chrono-node/es';
import { westernDigits } from './extract-money.ts';

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
// Spanish only for a page's own date line ("13 de marzo de 2019" on a reposted page): readouts are read in English, French and Arabic.
const spanish = datesOnly(chronoSpanish.casual);

/** Publication date (if given), and a year to fall back on when a date in the text has none. */
export interface DateContext {
  publishedOn: Date | null;
  fallbackYear: number | null;
  /** Read dates the French way too ("le 14 mars 2024"). */
  french?: boolean;
  /** The date line the page itself carries, if any (see pageDate). */
  pageDate?: Date | null;
  /** Read dates the Arabic way ("7 أيار 2019", "٢٥ مارس ٢٠٢٤"). */
  arabic?: boolean;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A date in a piece of text, as precise as the text: "August 26" → the readout's year (the year before
 * if that would be after publication), "June" → YYYY-MM, "today"/"yesterday" → the publication date or
 * the day before. Null when the text holds no date or the year cannot be known.
 */
export function dateIn(text: string, context: DateContext): { date: string; index: number; text: string } | null {
  if (context.arabic) return arabicDateIn(text, context);
  const parsed = parsedDateIn(text, context);
  // chrono's French reads "8 juin 2023" but not a month with its year alone ("en octobre 2023"): that is read here, and the earlier of the two wins.
  const month = context.french ? FRENCH_MONTH_YEAR.exec(text) : null;
  if (!month || (parsed && parsed.index <= month.index)) return parsed;
  const number = FRENCH_MONTHS.indexOf((month[1] as string).toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre')) + 1;
  return { date: `${month[2]}-${String(number).padStart(2, '0')}`, index: month.index, text: month[0] };
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** "octobre 2023", "en mai 2019": a French month and its year, with no day before it (a day makes it chrono's full date). */
const FRENCH_MONTH_YEAR = /(?<!\d\s{0,2}|\p{L})(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+((?:19|20)\d\d)(?!\d)/iu;

function parsedDateIn(text: string, context: DateContext): { date: string; index: number; text: string } | null {
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
    // "on 13 and 14 May 2025", "les 21 et 22 janvier", "4–5 March": a meeting over days is dated by its first day.
    const firstDay = known('day') && /^\d/.test(result.text) ? /(?<!\d)(\d{1,2})\s*(?:and|et|&|to|au|[-–—])\s*$/.exec(text.slice(Math.max(0, result.index - 12), result.index)) : null;
    if (firstDay && Number(firstDay[1]) < value.getUTCDate()) value.setUTCDate(Number(firstDay[1]));
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

/**
 * The months as Arabic writes them: the Levantine and Iraqi names (كانون الثاني … كانون الأول) and the
 * names taken from the European ones (يناير … ديسمبر), with the spellings with and without hamza.
 * A closed set of twelve months, not a list of texts' words.
 */
const ARABIC_MONTHS: [RegExp, number][] = [
  [/^(?:كانون الثاني|يناير|جانفي)$/, 1],
  [/^(?:شباط|فبراير|فيفري)$/, 2],
  [/^(?:آذار|اذار|مارس)$/, 3],
  [/^(?:نيسان|أبريل|ابريل|إبريل|أفريل|افريل)$/, 4],
  [/^(?:أيار|ايار|مايو|ماي)$/, 5],
  [/^(?:حزيران|يونيو|يونيه|جوان)$/, 6],
  [/^(?:تموز|يوليو|يوليه|جويلية)$/, 7],
  [/^(?:آب|اب|أغسطس|اغسطس|أوت)$/, 8],
  [/^(?:أيلول|ايلول|سبتمبر)$/, 9],
  [/^(?:تشرين الأول|تشرين الاول|أكتوبر|اكتوبر)$/, 10],
  [/^(?:تشرين الثاني|نوفمبر)$/, 11],
  [/^(?:كانون الأول|كانون الاول|ديسمبر)$/, 12],
];
const ARABIC_MONTH_WORD = 'كانون الثاني|كانون الأول|كانون الاول|تشرين الأول|تشرين الاول|تشرين الثاني|يناير|جانفي|شباط|فبراير|فيفري|آذار|اذار|مارس|نيسان|أبريل|ابريل|إبريل|أفريل|افريل|أيار|ايار|مايو|ماي|حزيران|يونيو|يونيه|جوان|تموز|يوليو|يوليه|جويلية|آب|اب|أغسطس|اغسطس|أوت|أيلول|ايلول|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر';
/** "7 أيار 2019", "7 أيار/مايو 2019", "٢٥ مارس ٢٠٢٤", "في 3 شباط الماضي" (digits made Western first, one for one). */
const ARABIC_DATE = new RegExp(`(?<![\\d])(\\d{1,2})\\s+(?:شهر\\s+)?(${ARABIC_MONTH_WORD})(?:\\s*[/(]\\s*(?:${ARABIC_MONTH_WORD})\\s*\\)?)?(?![\\p{L}])(?:\\s*(?:من\\s+)?(?:عام|سنة)?\\s*(\\d{4}))?`, 'u');

function arabicMonth(word: string): number | null {
  return ARABIC_MONTHS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

/** A day-and-month date in Arabic, with its year or the readout's. */
function arabicDateIn(text: string, context: DateContext): { date: string; index: number; text: string } | null {
  const match = ARABIC_DATE.exec(westernDigits(text));
  if (!match) return null;
  const day = Number(match[1]);
  const month = arabicMonth(match[2] ?? '');
  const year = match[3] ? Number(match[3]) : (context.publishedOn?.getUTCFullYear() ?? context.fallbackYear);
  if (!month || !year || day < 1 || day > 31) return null;
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, index: match.index, text: text.slice(match.index, match.index + match[0].length) };
}

/** A dateline before a sentence: a place, a date, perhaps an agency in brackets, then a dash ("ROME, 12 May 2022 (Agency) — "). */
export const DATELINE_PREFIX = /^\p{Lu}[^\n.!?—–]{0,90}?\d[^\n.!?—–]{0,30}?(?:\s+--\s+|\s*[—–]\s*|\s+-\s+)/u;

/** A full date (day, month and year) in a piece of text, in any of the languages a page's date is written in. */
function fullDate(text: string): Date | null {
  for (const parser of [english, french, spanish]) {
    const [result] = parser.parse(text, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
    if (!result || !(['day', 'month', 'year'] as const).every((part) => result.start.isCertain(part))) continue;
    const value = result.start.date();
    return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  return null;
}

/**
 * The page's own date: a short line near the top that is a full date and little else ("September 25, 2014",
 * "jeudi 25 septembre 2014", "13 de marzo de 2019", "٧ أيار ٢٠١٩"). Reposted pages carry one in their
 * site's language, so English, French and Spanish are all read here.
 */
export function pageDate(text: string): Date | null {
  const lines = text.slice(0, 800).split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 10);
  for (const line of lines) {
    if (line.length > 48 || !/\d{4}/.test(westernDigits(line))) continue;
    const arabic = arabicDateIn(line, { publishedOn: null, fallbackYear: null });
    if (arabic && /^\d{4}-\d{2}-\d{2}$/.test(arabic.date) && line.length - arabic.text.length <= 12) return new Date(`${arabic.date}T00:00:00Z`);
    for (const parser of [english, french, spanish]) {
      const [result] = parser.parse(line, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
      if (!result || !(['day', 'month', 'year'] as const).every((part) => result.start.isCertain(part))) continue;
      // A weekday or "le" may stand beside it; a sentence with a date in it is not a date line.
      if (line.length - result.text.length > 12) continue;
      const value = result.start.date();
      return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
    }
  }
  // A wire's dateline opening the first paragraph: "ROME, 12 May 2022 (Agency) — …".
  for (const line of lines.slice(0, 5)) {
    const prefix = DATELINE_PREFIX.exec(line.slice(0, 120));
    const date = prefix ? fullDate(prefix[0]) : null;
    if (date) return date;
  }
  return null;
}
