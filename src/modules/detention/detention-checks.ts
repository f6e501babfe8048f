import { say } from '../../platform/i18n/say.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { isKnownAlpha3 } from '../partners/countries.ts';
import { CATEGORIES, NATIONALITY_GROUPS } from './detention.schema.ts';

/** Men/women/children and fighters/family members each describe the whole population: each set is summed on its own. */
const CATEGORY_SETS: readonly (readonly string[])[] = [
  ['men', 'women', 'children'],
  ['fighters', 'family-members'],
];

/** The first day a partial date names: 2019 → 2019-01-01, 2019-06 → 2019-06-01. */
export function firstDay(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/** The first date a period names ("2019-01/2019-06", "cumulative 2019-2021", "to 2025-01"), or null when it names none. */
export function periodStart(period: string): string | null {
  // A day only after a month: "2019-2021" is two years, not the 20th of 2019.
  const found = /(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?(?!\d)/.exec(period);
  if (!found) return null;
  return firstDay([found[1], found[2], found[3]].filter(Boolean).join('-'));
}

export function negativeCounts(values: Record<string, number | null | undefined>): FieldProblem[] {
  return Object.entries(values)
    .filter(([, value]) => typeof value === 'number' && value < 0)
    .map(([field, value]) => ({ field, message: say('problem.negative', { value: Number(value) }) }));
}

export interface Breakdown {
  nationalities: { key: string; count: number }[];
  categories: { key: string; count: number }[];
}

/**
 * A breakdown must use known keys and may not exceed the total; one that covers less than the total is
 * accepted only when marked partial, and is then shown as such.
 */
export function breakdownProblems(total: number | null, partial: boolean, breakdown: Breakdown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const part of breakdown.nationalities) {
    const key = part.key.toUpperCase();
    const known = (NATIONALITY_GROUPS as readonly string[]).includes(part.key) || (/^[A-Z]{3}$/.test(key) && isKnownAlpha3(key));
    if (!known) problems.push({ field: 'nationalities', message: say('problem.notNationality', { value: part.key }) });
    if (seen.has(key)) problems.push({ field: 'nationalities', message: say('problem.listedTwice', { value: part.key }) });
    seen.add(key);
    if (part.count < 0) problems.push({ field: 'nationalities', message: say('problem.negativeCount', { key: part.key, count: part.count }) });
  }
  for (const part of breakdown.categories) {
    if (!(CATEGORIES as readonly string[]).includes(part.key)) problems.push({ field: 'categories', message: say('problem.notCategory', { value: part.key, known: CATEGORIES.join(', ') }) });
    if (part.count < 0) problems.push({ field: 'categories', message: say('problem.negativeCount', { key: part.key, count: part.count }) });
  }
  if (problems.length || total === null) return problems;
  const sets: [string, { key: string; count: number }[]][] = [
    ['nationalities', breakdown.nationalities],
    ...CATEGORY_SETS.map((keys): [string, { key: string; count: number }[]] => ['categories', breakdown.categories.filter((part) => keys.includes(part.key))]),
  ];
  for (const [field, parts] of sets) {
    if (parts.length === 0) continue;
    const sum = parts.reduce((total, part) => total + part.count, 0);
    const names = parts.map((part) => part.key).join(' + ');
    if (sum > total) problems.push({ field, message: say('problem.breakdownAboveTotal', { names, sum, total }) });
    else if (sum < total && !partial) problems.push({ field, message: say('problem.breakdownBelowTotal', { names, sum, total }) });
  }
  return problems;
}
