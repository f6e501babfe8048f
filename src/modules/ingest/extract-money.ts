import Decimal from 'decimal.js';
import type { Money, MoneyKind } from './extraction.ts';
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

const KINDS: [RegExp, MoneyKind][] = [
  [/\b(goal|target|appeal)\b/i, 'goal'],
  [/\b(pledg|announc|annonc)/i, 'pledged'],
  [/\bcommit/i, 'committed'],
  [/\b(disburs|delivered|spent|paid|provided|contributed\b|released)/i, 'disbursed'],
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

/**
 * Sums of money with their currency, kind, year and whether the text gives them as a lower bound:
 * "pledged more than $600 million against their 2021 goal of $670 million" → USD 600,000,000 pledged
 * (lower bound, 2021) and USD 670,000,000, the 2021 goal. Amounts are exact decimal text.
 */
export function moneyIn(text: string, readoutYear: number | null = null): Money[] {
  const found: Money[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const index = match.index ?? 0;
    const [, sign, whole1, fraction1, scale1, wholeFr, fractionFr, scaleFr, whole2, fraction2, scale2, word] = match;
    const whole = (whole1 ?? wholeFr ?? whole2 ?? '').replaceAll(',', '');
    const fraction = fraction1 ?? fractionFr ?? fraction2;
    const scale = (scale1 ?? (scaleFr ? (scaleFr.startsWith('milliard') ? 'billion' : 'million') : undefined) ?? scale2 ?? '').toLowerCase();
    const currencyText = (sign ?? word ?? (wholeFr ? (/euros/.test(match[0]) ? 'EUR' : 'USD') : '')).trim();
    const currency = CURRENCY_SIGNS[currencyText] ?? CURRENCY_WORDS[currencyText.toLowerCase()] ?? currencyText.toUpperCase();
    // A bare "$5" with no scale next to a year or a percentage is not a sum worth proposing.
    if (!whole || (!scale && Number(whole) < 1000)) continue;
    const amount = new Decimal(`${whole}${fraction ? `.${fraction}` : ''}`).times(SCALE[scale] ?? 1);
    const clauseStart = Math.max(text.lastIndexOf('.', index) + 1, text.lastIndexOf(';', index) + 1, text.lastIndexOf('\n', index) + 1, index - 160);
    const before = text.slice(clauseStart, index);
    const after = text.slice(index + match[0].length, index + match[0].length + 60);
    const kind = kindBefore(before) ?? (/^\s*(goal|target)\b/i.test(after) ? { kind: 'goal' as const, at: before.length } : null);
    const lowerBound = /\b(more than|over|at least|in excess of|upwards of|exceeding|above)\s*$/i.test(before);
    // "their 2021 goal of $670 million", "the 2023 stabilization goal of …": a year just before the kind word, or between it and the amount.
    const yearBefore = kind ? [...before.slice(Math.max(0, kind.at - 25)).matchAll(/\b(20\d\d)\b/g)].at(-1)?.[1] : undefined;
    const thisYear = /\bthis year/i.test(after.slice(0, 40)) || /\bthis year/i.test(before.slice(Math.max(0, (kind?.at ?? before.length) - 25))) ? readoutYear : null;
    const yearAfter = /^[^.;]{0,40}?\b(?:in|for|against|towards?|during|by)\s+(?:the\s+|their\s+|its\s+)?(?:fiscal\s+year\s+|FY\s?)?(20\d\d)\b/i.exec(after)?.[1];
    const quoteStart = kind && kind.at >= 0 ? clauseStart + kind.at : lowerBound ? index - (/\b(more than|over|at least|in excess of|upwards of|exceeding|above)\s*$/i.exec(before)?.[0].length ?? 0) : index;
    found.push({
      ...spanOf(text, quoteStart, index + match[0].length),
      amount: amount.toFixed(),
      currency,
      amountUsd: currency === 'USD' ? amount.toFixed() : null,
      kind: kind?.kind ?? 'other',
      year: yearBefore ? Number(yearBefore) : yearAfter ? Number(yearAfter) : thisYear,
      lowerBound,
      actor: null,
    });
  }
  return found;
}
