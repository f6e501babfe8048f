import Decimal from 'decimal.js';
import type { Money, MoneyKind } from './extraction.ts';
import { actorsIn } from './actors.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { DocumentLanguage } from './language.ts';
import { spanOf } from './text-spans.ts';

const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', US$: 'USD', 'U.S.$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', 'C$': 'CAD', 'A$': 'AUD', CHF: 'CHF' };
const CURRENCY_WORDS: Record<string, string> = { dollars: 'USD', 'us dollars': 'USD', 'u.s. dollars': 'USD', euro: 'EUR', euros: 'EUR', pounds: 'GBP', 'pounds sterling': 'GBP', 'canadian dollars': 'CAD', 'australian dollars': 'AUD', yen: 'JPY', 'swiss francs': 'CHF', kroner: 'NOK', 'danish kroner': 'DKK', 'norwegian kroner': 'NOK', kronor: 'SEK', 'swedish kronor': 'SEK' };
const CODES = 'USD|EUR|GBP|CAD|AUD|JPY|CHF|SEK|NOK|DKK';
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9 };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3}){1,6}|\d{1,15})(?:\.(\d{1,6}))?`;
const SCALE_WORDS = String.raw`(?:\s?(million|billion|thousand|mn|mln|bn|m|k|b)\b)?`;
const AMOUNT = new RegExp(
  [
    String.raw`(US\$|U\.S\.\$|C\$|A\$|\$|€|£|¥|\b(?:${CODES})\s?)${NUMBER}${SCALE_WORDS}`,
    // French: "45 millions d'euros", "10 millions de dollars".
    String.raw`\b${NUMBER}\s(millions?|milliards?)\s(?:d['’]euros|de dollars)`,
    String.raw`\b${NUMBER}${SCALE_WORDS}\s?(U\.?S\.? dollars|US dollars|dollars|euros?|pounds(?: sterling)?|Canadian dollars|Australian dollars|yen|Swiss francs|(?:Danish |Norwegian )?kroner|(?:Swedish )?kronor|${CODES})\b`,
  ].join('|'),
  'gi',
);

/**
 * French writes "45,5 millions d'euros" (decimal comma) and "10 000 000 €" (spaces, or the narrow
 * no-break space, between thousands; the sign after the figure).
 */
const FRENCH_AMOUNT = /(?<![\d,.])(\d{1,3}(?:[  \u202f.]\d{3}){1,6}|\d{1,15})(?:,(\d{1,6}))?(?:\s?(millions?|milliards?|Md|M)\b)?\s?(d['’]euros|de dollars|euros?|dollars|€|\$|EUR\b|USD\b)/gi;

/** Arabic: "٥٠ مليون دولار", "50 مليون يورو" (digits already made Western, one for one). */
const ARABIC_AMOUNT = /(?<![\d,.])(\d{1,3}(?:[,٬]\d{3}){1,6}|\d{1,15})(?:[.٫](\d{1,6}))?\s?(مليون|مليار|ألف)?\s?(دولار|يورو)/g;

/** A pledge of a figure with a scale and no currency at all ("pledged 25 million"): said in a note, never proposed. */
const NO_CURRENCY = /\b(?:pledg\w*|committ?\w*|contribut\w*|provid\w*|disburs\w*)\s+(?:(?:more than|over|at least|some|about)\s+)?(\d[\d,.]{0,20}\s(?:million|billion|thousand))\b(?!\s*(?:\p{L}+\s+)?(?:dollars|euros?|pounds|yen|francs|kron\w+|USD|EUR|GBP))/giu;

/** Arabic-Indic digits and separators as Western ones, one character for one, so offsets do not move. */
export const westernDigits = (text: string) =>
  text.replace(/[٠-٩۰-۹٬٫]/g, (digit) => {
    if (digit === '٬') return ',';
    if (digit === '٫') return '.';
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });

const FRENCH_SCALE: Record<string, number> = { million: 1e6, millions: 1e6, m: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9 };
const ARABIC_SCALE: Record<string, number> = { مليون: 1e6, مليار: 1e9, ألف: 1e3 };
const FRENCH_CURRENCY = (word: string) => (/euro|€|EUR/i.test(word) ? 'EUR' : 'USD');

const KINDS: [RegExp, MoneyKind][] = [
  [/\b(goal|target|appeal|objectif)\b/i, 'goal'],
  [/\b(pledg|announc|annonc|promis|prometta)|تعهد/i, 'pledged'],
  [/\b(commit|engag)/i, 'committed'],
  [/\b(disburs|delivered|spent|paid|provided|contributed\b|released|versé|décaiss)/i, 'disbursed'],
];

/** The kind word nearest before the amount in its clause ("pledged more than $600 million" → pledged). */
function kindBefore(before: string): { kind: MoneyKind; at: number } | null {
  let best: { kind: MoneyKind; at: number } | null = null;
  for (const [pattern, kind] of KINDS) {
    const global = new RegExp(pattern.source, 'gi');
    for (const match of before.matchAll(global)) if (!best || (match.index ?? 0) > best.at) best = { kind, at: match.index ?? 0 };
  }
  return best;
}

interface AmountFound {
  index: number;
  length: number;
  amount: Decimal;
  currency: string;
}

/** The figures in the text's own way of writing numbers: English, French or Arabic. */
function amountsIn(text: string, language: DocumentLanguage): AmountFound[] {
  const found: AmountFound[] = [];
  const number = (whole: string, fraction: string | undefined) => new Decimal(`${whole}${fraction ? `.${fraction}` : ''}`);
  if (language === 'fr') {
    for (const match of text.matchAll(FRENCH_AMOUNT)) {
      const [, whole = '', fraction, scale, currency = ''] = match;
      if (!scale && Number(whole.replace(/\D/g, '')) < 1000) continue;
      found.push({ index: match.index ?? 0, length: match[0].length, amount: number(whole.replace(/\D/g, ''), fraction).times(FRENCH_SCALE[(scale ?? '').toLowerCase()] ?? 1), currency: FRENCH_CURRENCY(currency) });
    }
    return found;
  }
  if (language === 'ar') {
    const western = westernDigits(text);
    for (const match of western.matchAll(ARABIC_AMOUNT)) {
      const [, whole = '', fraction, scale, currency = ''] = match;
      found.push({ index: match.index ?? 0, length: match[0].length, amount: number(whole.replace(/\D/g, ''), fraction).times(ARABIC_SCALE[scale ?? ''] ?? 1), currency: currency === 'يورو' ? 'EUR' : 'USD' });
    }
    // Arabic readouts also write sums the English way ("$50 million").
  }
  for (const match of text.matchAll(AMOUNT)) {
    const [, sign, whole1, fraction1, scale1, wholeFr, fractionFr, scaleFr, whole2, fraction2, scale2, word] = match;
    const whole = (whole1 ?? wholeFr ?? whole2 ?? '').replaceAll(',', '');
    const fraction = fraction1 ?? fractionFr ?? fraction2;
    const scale = (scale1 ?? (scaleFr ? (scaleFr.startsWith('milliard') ? 'billion' : 'million') : undefined) ?? scale2 ?? '').toLowerCase();
    const currencyText = (sign ?? word ?? (wholeFr ? (/euros/.test(match[0]) ? 'EUR' : 'USD') : '')).trim();
    const currency = CURRENCY_SIGNS[currencyText] ?? CURRENCY_WORDS[currencyText.toLowerCase()] ?? currencyText.toUpperCase();
    // A bare "$5" with no scale next to a year or a percentage is not a sum worth proposing.
    if (!whole || (!scale && Number(whole) < 1000)) continue;
    found.push({ index: match.index ?? 0, length: match[0].length, amount: number(whole, fraction).times(SCALE[scale] ?? 1), currency });
  }
  return found;
}

/** Figures that look like sums but name no currency ("pledged 25 million"): quoted in a note, never guessed. */
export const amountsWithoutCurrency = (text: string) => [...text.matchAll(NO_CURRENCY)].map((match) => match[0]);

export interface MoneyOptions {
  language?: DocumentLanguage;
  gazetteer?: Gazetteer;
}

/**
 * Sums of money with their currency, kind, year, donor and whether the text gives them as a lower bound:
 * "pledged more than $600 million against their 2021 goal of $670 million" → USD 600,000,000 pledged
 * (lower bound, 2021) and USD 670,000,000, the 2021 goal; "Italy pledged EUR 25 million" → Italy's.
 * Amounts are exact decimal text.
 */
export function moneyIn(text: string, readoutYear: number | null = null, options: MoneyOptions = {}): Money[] {
  const found: Money[] = [];
  for (const { index, length, amount, currency } of amountsIn(text, options.language ?? 'en')) {
    const clauseStart = Math.max(text.lastIndexOf('.', index) + 1, text.lastIndexOf(';', index) + 1, text.lastIndexOf('\n', index) + 1, index - 160);
    const before = text.slice(clauseStart, index);
    const after = text.slice(index + length, index + length + 60);
    const kind = kindBefore(before) ?? (/^\s*(goal|target)\b/i.test(after) ? { kind: 'goal' as const, at: before.length } : null);
    const lowerBound = /\b(more than|over|at least|in excess of|upwards of|exceeding|above|plus de|au moins)\s*$/i.test(before);
    // "their 2021 goal of $670 million", "the 2023 stabilization goal of …": a year just before the kind word, or between it and the amount.
    const yearBefore = kind ? [...before.slice(Math.max(0, kind.at - 25)).matchAll(/\b(20\d\d)\b/g)].at(-1)?.[1] : undefined;
    const thisYear = /\bthis year/i.test(after.slice(0, 40)) || /\bthis year/i.test(before.slice(Math.max(0, (kind?.at ?? before.length) - 25))) ? readoutYear : null;
    const yearAfter = /^[^.;]{0,40}?\b(?:in|for|against|to|towards?|during|by)\s+(?:the\s+|their\s+|its\s+)?(?:fiscal\s+year\s+|FY\s?)?(20\d\d)\b/i.exec(after)?.[1];
    const quoteStart = kind && kind.at >= 0 ? clauseStart + kind.at : lowerBound ? index - (/\b(more than|over|at least|in excess of|upwards of|exceeding|above|plus de|au moins)\s*$/i.exec(before)?.[0].length ?? 0) : index;
    // The donor: the partner named nearest before the verb (or the amount) in the same clause — "Italy pledged …", "the German Government announced …".
    const donorWindow = text.slice(clauseStart, kind ? clauseStart + kind.at : index);
    // A place the money goes to ("stabilization in Iraq and Syria") is not its donor: the donor is named as the subject, not after a preposition.
    const subjectStart = Math.max(donorWindow.lastIndexOf('–'), donorWindow.lastIndexOf('—'), donorWindow.lastIndexOf(':')) + 1;
    const donor = options.gazetteer
      ? actorsIn(donorWindow, options.gazetteer)
          .filter((mention) => mention.start >= subjectStart && !/\b(?:in|of|from|to|for|against|at|on|with|by|into|across|within|throughout|towards?|au|en|de|du|des|à|pour)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?$/i.test(donorWindow.slice(Math.max(0, mention.start - 16), mention.start)))
          .at(-1)?.partner
      : undefined;
    found.push({
      ...spanOf(text, Math.min(quoteStart, index), index + length),
      amount: amount.toFixed(),
      currency,
      amountUsd: currency === 'USD' ? amount.toFixed() : null,
      kind: kind?.kind ?? 'other',
      year: yearBefore ? Number(yearBefore) : yearAfter ? Number(yearAfter) : thisYear,
      lowerBound,
      actor: donor ?? null,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
