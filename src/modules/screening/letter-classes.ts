/**
 * Letters of either script as the sounds analysts keep when they transliterate: consonant classes
 * (one capital letter each) and vowels (a, e, i, u). Arabic letters that Latin spellings render in
 * several ways share a class with all of them — ق/ك/غ with q, k, c, g and gh; ج with j, dj and zh;
 * خ/ح/ه with h, kh; ش/چ with sh, ch; ث/ت/ط with t, th; ذ/ض/د with d, dh — and ع and hamza have none,
 * because Latin writes them as a vowel, an apostrophe or nothing.
 */

export interface Unit {
  consonant?: string;
  vowel?: string;
}

const LATIN_DIGRAPHS: [string, Unit][] = [
  ['sch', { consonant: 'X' }],
  ['tch', { consonant: 'X' }],
  ['dzh', { consonant: 'J' }],
  ['dj', { consonant: 'J' }],
  ['zh', { consonant: 'J' }],
  ['kh', { consonant: 'H' }],
  ['gh', { consonant: 'K' }],
  ['sh', { consonant: 'X' }],
  ['ch', { consonant: 'X' }],
  ['th', { consonant: 'T' }],
  ['dh', { consonant: 'D' }],
  ['ph', { consonant: 'F' }],
  ['ck', { consonant: 'K' }],
  ['ou', { vowel: 'u' }],
  ['oo', { vowel: 'u' }],
  ['ee', { vowel: 'i' }],
];

const LATIN_LETTERS: Record<string, Unit[]> = {
  a: [{ vowel: 'a' }], e: [{ vowel: 'e' }], i: [{ vowel: 'i' }], o: [{ vowel: 'u' }], u: [{ vowel: 'u' }],
  b: [{ consonant: 'B' }], p: [{ consonant: 'B' }], t: [{ consonant: 'T' }], d: [{ consonant: 'D' }], z: [{ consonant: 'Z' }], s: [{ consonant: 'S' }],
  j: [{ consonant: 'J' }], k: [{ consonant: 'K' }], q: [{ consonant: 'K' }], c: [{ consonant: 'K' }], g: [{ consonant: 'K' }], h: [{ consonant: 'H' }],
  f: [{ consonant: 'F' }], v: [{ consonant: 'F' }], x: [{ consonant: 'K' }, { consonant: 'S' }], l: [{ consonant: 'L' }], m: [{ consonant: 'M' }], n: [{ consonant: 'N' }], r: [{ consonant: 'R' }],
};

const isVowelLetter = (letter: string | undefined) => letter !== undefined && /[aeiouy]/.test(letter);

/** Adjacent repeats of one consonant (written doubles, shadda, an assimilated article) count once. */
function collapse(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const last = out.at(-1);
    if (unit.consonant && last?.consonant === unit.consonant) continue;
    out.push(unit);
  }
  return out;
}

/** A lower-case Latin word (a–z, 0–9) as units. */
export function latinUnits(form: string): Unit[] {
  const units: Unit[] = [];
  let index = 0;
  outer: while (index < form.length) {
    const letter = form[index] as string;
    // "Oualid", "Ouafa": a French ou before a vowel at the start is w.
    if (letter === '-') {
      // A mark between letters that must not be read as one sound ("s-h").
      index++;
      continue;
    }
    if (index === 0 && form.startsWith('ou') && isVowelLetter(form[2])) {
      units.push({ consonant: 'W' });
      index += 2;
      continue;
    }
    for (const [digraph, unit] of LATIN_DIGRAPHS) {
      if (form.startsWith(digraph, index)) {
        units.push(unit);
        index += digraph.length;
        continue outer;
      }
    }
    if (letter === 'w' || letter === 'y') {
      // A semivowel starting the word before a vowel is a consonant (Walid, Yusuf); elsewhere it lengthens a vowel.
      if (index === 0 && isVowelLetter(form[1])) units.push({ consonant: letter === 'w' ? 'W' : 'Y' });
      else units.push({ vowel: letter === 'w' ? 'u' : 'i' });
    } else if (/[0-9]/.test(letter)) units.push({ consonant: letter });
    else units.push(...(LATIN_LETTERS[letter] ?? []));
    index++;
  }
  return collapse(units);
}

const ARABIC_CONSONANTS: Record<string, string> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'ث': 'T', 'ج': 'J', 'ژ': 'J', 'چ': 'X', 'ح': 'H', 'خ': 'H', 'ه': 'H', 'د': 'D', 'ض': 'D', 'ذ': 'D', 'ڈ': 'D',
  'ر': 'R', 'ڑ': 'R', 'ز': 'Z', 'ظ': 'Z', 'س': 'S', 'ص': 'S', 'ش': 'X', 'غ': 'K', 'ف': 'F', 'ڤ': 'F', 'ق': 'K', 'ك': 'K', 'گ': 'K', 'ل': 'L', 'م': 'M',
  'ن': 'N', 'ں': 'N', 'ٹ': 'T',
};

/** A folded Arabic-script word (see normalize.ts) as units. */
export function arabicUnits(word: string): Unit[] {
  const units: Unit[] = [];
  const letters = [...word];
  letters.forEach((letter, index) => {
    // ع or hamza starting the word: Latin starts it with a vowel ("Umar", "Ahmad").
    if (index === 0 && /[عءا]/.test(letter)) units.push({ vowel: '+' });
    const last = index === letters.length - 1;
    if (letter === 'ا') {
      if (index > 0) units.push({ vowel: 'a' });
    }
    else if (letter === 'ى') units.push({ vowel: 'a' });
    else if (letter === 'و') units.push(index === 0 ? { consonant: 'W' } : { vowel: 'u' });
    else if (letter === 'ي') units.push(index === 0 ? { consonant: 'Y' } : { vowel: 'i' });
    else if (letter === 'ؤ') units.push({ vowel: 'u' });
    else if (letter === 'ئ') units.push({ vowel: 'i' });
    else if (letter === 'ة') units.push(last ? { vowel: 'a' } : { consonant: 'T' });
    else if (letter === 'ه' && last && index > 0) {
      // A final ه is silent in Latin spellings as often as not: عبد الله = Abdulla(h).
    } else if (/[0-9٠-٩]/.test(letter)) units.push({ consonant: String(Number.parseInt(letter, 10) || '٠١٢٣٤٥٦٧٨٩'.indexOf(letter)) });
    else {
      const consonant = ARABIC_CONSONANTS[letter];
      if (consonant) units.push({ consonant });
      // ع and ء have no class: Latin writes them as a vowel, an apostrophe or not at all.
    }
  });
  return collapse(units);
}

/**
 * How far apart two consonant classes are as transliterations of one letter: ث is t or s, ذ/ظ d or z,
 * ج j or g, ش sh or s, خ kh or k; p/b are one already. 0 is the same class, 1 unrelated.
 */
const NEAR: Record<string, number> = { TS: 0.35, DZ: 0.35, JK: 0.4, JZ: 0.5, SX: 0.4, HK: 0.5, JX: 0.5, BF: 0.6, TD: 0.5, WF: 0.6, SZ: 0.5 };

/** The costs as a table by character code, so the edit distance allocates nothing. */
const COSTS = new Float32Array(128 * 128).fill(1);
for (let code = 0; code < 128; code++) COSTS[code * 128 + code] = 0;
for (const [pair, cost] of Object.entries(NEAR)) {
  const [a, b] = [pair.charCodeAt(0), pair.charCodeAt(1)];
  COSTS[a * 128 + b] = cost;
  COSTS[b * 128 + a] = cost;
}

export function substitutionCost(a: string, b: string): number {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  if (x === y) return 0;
  return x < 128 && y < 128 ? (COSTS[x * 128 + y] as number) : 1;
}

const rows = [new Float32Array(64), new Float32Array(64)];

/** Edit distance between two consonant keys with near classes cheap, then as a similarity in [0, 1]. */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > 2) return 0;
  if (b.length >= 63) return 0;
  let previous = rows[0] as Float32Array;
  let current = rows[1] as Float32Array;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const x = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const y = b.charCodeAt(j - 1);
      const substitution = x === y ? 0 : x < 128 && y < 128 ? (COSTS[x * 128 + y] as number) : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + substitution);
    }
    [previous, current] = [current, previous];
  }
  return Math.max(0, 1 - (previous[b.length] as number) / longer);
}

/**
 * How well the vowels beside the same consonants agree: 1 when every known vowel agrees, lower when
 * one spelling has a vowel where the other has none (Salma/Salim) or a different one. Unknown vowels
 * (Arabic script writes only the long ones) neither help nor hurt.
 */
export function vowelAgreement(a: string, b: string): number {
  let compared = 0;
  let agreed = 0;
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const x = a[index] as string;
    const y = b[index] as string;
    // Arabic script leaves short vowels unwritten: an unknown slot neither helps nor hurts.
    if (x === '?' || y === '?') continue;
    compared++;
    if (x === y) agreed++;
    else if (x !== '-' && y !== '-') agreed += (x === 'e' && y !== 'u') || (y === 'e' && x !== 'u') || x === '+' || y === '+' ? 0.8 : 0.5;
  }
  return compared ? agreed / compared : 1;
}
