import anyAscii from 'any-ascii';
import { type Unit, arabicUnits, latinUnits } from './letter-classes.ts';
/**
 * Names as the matcher compares them. Each word, whatever its script, is reduced to one comparable
 * form: a skeleton of consonant classes (ق/q/k/g one class, ث/th/t another, ش/sh/ch…), ayn and hamza
 * left out (they are optional in Latin spellings), doubled letters and shadda as one, and beside each
 * consonant the vowel heard after it when the spelling says so (Latin writes every vowel, Arabic
 * script only the long ones). Particles are recognised: kunya (Abu, أبو), nasab (bin, ibn, بن),
 * the article with its assimilated forms (al-, el-, ash-, ar-, ال) and compounds with عبد (Abd al-X,
 * Abdul X, Abdelx, عبد ال…, عبدال…) become one word. The word as written is kept for explanations.
 */

export interface NameToken {
  /** The word as written, in its own script (zero-width and bidi controls, tashkeel and tatweel removed). */
  original: string;
  /** Lower-case Latin form (other scripts romanised): compared for typos between Latin spellings. */
  form: string;
  /** Consonant classes: what the index retrieves candidates by and what spellings across scripts share. */
  key: string;
  /** For each consonant of `key`, the vowel after it: `-` none, a/e/i/u, `?` unknown (short vowels in Arabic script). */
  vowels: string;
  /**
   * Other keys the Latin spelling may stand for: without an attached article ("albaghdadi" →
   * "baghdadi"), without a final h that may be silent (Fatimah = فاطمة, but Saleh = صالح).
   */
  alternates?: string[];
  /** The vowels that go with each alternate key, in the same order. */
  alternateVowels?: string[];
  script: 'latin' | 'arabic';
  /** The word had ع or a hamza, which Latin spellings write as a vowel, an apostrophe or not at all. */
  ayn: boolean;
  /** A link word (Abu, bin, Umm): it counts for little on its own. */
  particle: boolean;
}

/** Characters that change nothing a reader sees: zero-width, joiners, bidi controls, soft hyphen, BOM, tatweel. */
const INVISIBLE = /[\u00AD\u061C\u0640\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const ARABIC_WORD = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function hasArabic(text: string): boolean {
  return ARABIC_WORD.test(text);
}

/** Words of a name as written: controls and marks removed, split at spaces, punctuation and changes of script. */
export function words(name: string): string[] {
  const cleaned = name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ARABIC_MARKS, '')
    .replace(/['’‘`ʿʾʼ´]/g, '')
    // The article's hyphen typed one letter off ("alj-izrawi", "a-lisawi"): put back after "al".
    .replace(/(?<![\p{L}])([AaEe][Ll])([b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])-(?=\p{L}{3})/gu, '$1-$2')
    .replace(/(?<![\p{L}])([Aa])-([Ll])(?=\p{L}{3})/gu, '$1$2-')
    // …or its l left out ("a-Rida").
    .replace(/(?<![\p{L}])([Aa])-(?=\p{L}{3})/gu, '$1l-');
  const out: string[] = [];
  for (const chunk of cleaned.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (!chunk) continue;
    // "Abuبكر": a change of script inside a word is a word boundary.
    for (const part of chunk.match(/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+|[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+/g) ?? []) out.push(part);
  }
  return out;
}

/** Latin letters only, lower case, accents dropped; other scripts romanised first. */
function latinForm(word: string): string {
  const romanised = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(word) ? anyAscii(word) : word;
  return romanised
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

const LATIN_ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ad', 'ud', 'ar', 'ur', 'as', 'us', 'ash', 'at', 'az', 'an', 'un', 'ath', 'adh', 'ed', 'es', 'er', 'et', 'en']);
const LATIN_PARTICLES = new Map([
  ['bin', 'bin'], ['ibn', 'bin'], ['ben', 'bin'], ['bn', 'bin'], ['ibnu', 'bin'], ['bint', 'bint'], ['binti', 'bint'], ['ould', 'bin'], ['wuld', 'bin'],
  ['abu', 'abu'], ['abou', 'abu'], ['abo', 'abu'], ['aboo', 'abu'], ['abw', 'abu'], ['umm', 'umm'], ['um', 'umm'], ['oum', 'umm'], ['omm', 'umm'],
]);
/** Titles and honorifics written before a name (Dr., Shaykh, Mullah, Hajji): kept, but they count for little, like particles. */
const LATIN_TITLES = new Set(['dr', 'doctor', 'prof', 'professor', 'frere', 'general', 'gen', 'colonel', 'col', 'major', 'captain', 'capt', 'sheikh', 'shaykh', 'sheik', 'shaikh', 'haji', 'hajy', 'hajji', 'hadji', 'hajj', 'haj', 'mullah', 'mulla', 'mawlawi', 'maulvi', 'mawlana', 'maulana', 'qari', 'imam', 'mr', 'mrs', 'ms', 'engineer', 'eng']);
const ARABIC_TITLES = new Set(['الشيخ', 'شيخ', 'الدكتور', 'دكتور', 'الحاج', 'حاج', 'حاجي', 'ملا', 'مولوي', 'مولانا', 'قاري', 'المهندس', 'الامام']);
/** Latin spellings of عبد that a following word completes: "Abd al-Rahman", "Abdul Rahman". */
const LATIN_ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdoul', 'abdol', 'abdur', 'abdus', 'abdil']);
const ARABIC_PARTICLES = new Map([['ابو', 'abu'], ['ابي', 'abu'], ['ابا', 'abu'], ['بن', 'bin'], ['ابن', 'bin'], ['بنت', 'bint'], ['ام', 'umm']]);

/** Alef and hamza carriers, taa marbuta at the end, alef maqsura: the forms one letter takes. */
function foldArabic(word: string): string {
  return word.replace(/[أإآٱ]/g, 'ا').replace(/ۃ/g, 'ة').replace(/[ىےۍ]/g, 'ى').replace(/[یې]/g, 'ي').replace(/[کڪ]/g, 'ك').replace(/[ہھە]/g, 'ه');
}

function fromUnits(units: Unit[], original: string, form: string, script: NameToken['script'], ayn: boolean, particle = false): NameToken {
  let key = '';
  // The first slot says whether the word starts with a vowel (Ahmad, أحمد) or not (Hamid).
  let vowels = units[0]?.vowel !== undefined ? '+' : '-';
  for (const unit of units) {
    if (unit.vowel === undefined) {
      key += unit.consonant;
      vowels += script === 'arabic' ? '?' : '-';
    } else if (key) {
      // The first vowel after a consonant says what follows it; later ones in a run add nothing.
      const last = vowels.length - 1;
      if (vowels[last] === '-' || vowels[last] === '?') vowels = `${vowels.slice(0, last)}${unit.vowel}`;
    }
  }
  // A word of vowels only ("a", "ee"): its form is its key, so it still finds itself.
  if (!key) return { original, form, key: form.slice(0, 3) || original, vowels: '-', script, ayn, particle };
  return { original, form, key, vowels, script, ayn, particle };
}

/** An Arabic-script word as a token; `joined` is where a compound's parts meet (عبد|وهاب), so each part keeps its first letter's value. */
function arabicToken(word: string, original: string, joined?: number): NameToken {
  const folded = foldArabic(word);
  const units = joined === undefined ? arabicUnits(folded) : [...arabicUnits(folded.slice(0, joined)), ...arabicUnits(folded.slice(joined))].filter((unit, index) => index === 0 || unit.vowel !== '+');
  return fromUnits(units, original, anyAscii(folded).toLowerCase().replace(/[^a-z0-9]/g, ''), 'arabic', /[عءأإآؤئ]/.test(word));
}

/** A Latin word as a token; `joined` is where a compound's parts meet ("abd|hadi"), so that no digraph forms across it. */
function latinToken(form: string, original: string, joined?: number): NameToken {
  const units = joined === undefined ? latinUnits(form) : [...latinUnits(form.slice(0, joined)), ...latinUnits(form.slice(joined))];
  const token = fromUnits(units, original, form, 'latin', /['’‘`ʿʾ]/.test(original));
  const alternates = new Map<string, string>();
  const also = (units: Unit[]) => {
    const other = fromUnits(units, original, form, 'latin', false);
    alternates.set(other.key, other.vowels);
  };
  // An article written onto the word ("albaghdadi", "elhaj"): also known without it.
  if (/^(al|el)(?=[b-df-hj-np-tv-z][a-z]{2,})/.test(form)) also(latinUnits(form.slice(2)));
  // "sh" and "zh" may be two letters (Ishaq = إسحاق, Azhar = أظهر) rather than ش and ژ.
  if (/[sz]h/.test(form)) also(latinUnits(form.replace(/([sz])h/g, '$1-h')));
  // A final h after a vowel may be a taa marbuta or the silent ه of الله.
  if (/[aeiou]h$/.test(form)) for (const [key, vowels] of [[token.key, token.vowels] as const, ...alternates]) if (key.length > 1 && key.endsWith('H')) alternates.set(key.slice(0, -1), vowels.slice(0, -1));
  alternates.delete(token.key);
  if (alternates.size) {
    token.alternates = [...alternates.keys()];
    token.alternateVowels = [...alternates.values()];
  }
  return token;
}

const particleToken = (original: string, form: string): NameToken => ({ original, form, key: form, vowels: '-', script: hasArabic(original) ? 'arabic' : 'latin', ayn: false, particle: true });

/** The Arabic-script words of a name as tokens: article and عبد compounds joined, kunya and nasab marked. */
function arabicTokens(list: string[], start: number, out: NameToken[]): number {
  const word = list[start] as string;
  const folded = foldArabic(word);
  const particle = ARABIC_PARTICLES.get(folded);
  if (particle && list.length > 1) {
    out.push(particleToken(word, particle));
    return start + 1;
  }
  if (ARABIC_TITLES.has(folded) && list.length > 1) {
    out.push(particleToken(word, 'title'));
    return start + 1;
  }
  // "ال" alone before the next word.
  if (folded === 'ال' && start + 1 < list.length) return start + 1;
  // عبد + (ال)X, written apart or together: one name.
  if (folded === 'عبد' && start + 1 < list.length && hasArabic(list[start + 1] as string)) {
    const next = list[start + 1] as string;
    out.push(arabicToken(`عبد${stripArabicArticle(foldArabic(next))}`, `${word} ${next}`, 3));
    return start + 2;
  }
  if (folded.startsWith('عبد') && folded.length > 4) {
    out.push(arabicToken(`عبد${stripArabicArticle(folded.slice(3))}`, word, 3));
    return start + 1;
  }
  // "ابوبكر": a kunya written as one word.
  if (folded.startsWith('ابو') && folded.length > 5) {
    out.push(particleToken(word, 'abu'));
    out.push(arabicToken(folded.slice(3), word));
    return start + 1;
  }
  out.push(arabicToken(stripArabicArticle(folded), word));
  return start + 1;
}

function stripArabicArticle(word: string): string {
  if (word.startsWith('ال') && word.length > 3) return word.slice(2);
  // "لل" at the start of الله once the article merged.
  return word;
}

/** The Latin-script words of a name as tokens. */
function latinTokens(list: string[], start: number, out: NameToken[]): number {
  const word = list[start] as string;
  const form = latinForm(word);
  if (!form) return start + 1;
  const hasNext = start + 1 < list.length && latinForm(list[start + 1] as string) !== '';
  const particle = LATIN_PARTICLES.get(form);
  const notAlone = hasNext || start > 0;
  if (particle && notAlone) {
    out.push(particleToken(word, particle));
    return start + 1;
  }
  // A particle, title or article last in a name turned around ("Sayyaf Abu", "Naeem Muhammad Sheikh", "Luna Shibl al") is still one.
  if (LATIN_TITLES.has(form) && notAlone) {
    out.push(particleToken(word, 'title'));
    return start + 1;
  }
  if (LATIN_ARTICLES.has(form) && notAlone) return start + 1;
  if (LATIN_ABD.has(form) && hasNext) {
    let next = start + 1;
    if (LATIN_ARTICLES.has(latinForm(list[next] as string)) && next + 1 < list.length) next++;
    const rest = latinForm(list[next] as string);
    const written = list.slice(start, next + 1).join(' ');
    out.push(latinToken(`abd${rest}`.replace(/^abd(?:[aeiou]?l|[aeiou]?)(?=[a-z]{3,})/, 'abd'), written, 3));
    return next + 1;
  }
  // "Abdelrahman", "Abdullah", "Abdurrahman": the connecting article goes, assimilated letters collapse.
  if (/^abd[a-z]{4,}/.test(form)) {
    out.push(latinToken(form.replace(/^abd(?:[aeiou]?l|[aeiou]?)(?=[a-z]{3,})/, 'abd'), word, 3));
    return start + 1;
  }
  // "Abubakar", "Abouhamza": a kunya written as one word.
  const kunya = /^(abu|abou)([b-df-hj-np-tv-z][a-z]{2,})$/.exec(form);
  if (kunya) {
    out.push(particleToken(word, 'abu'));
    // A surname may only look like a kunya (Aboutorabi, Abubakar): the whole word stays one of its keys.
    const rest = latinToken(kunya[2] as string, word);
    const whole = latinToken(form, word);
    rest.alternates = [...(rest.alternates ?? []), whole.key];
    rest.alternateVowels = [...(rest.alternateVowels ?? []), whole.vowels];
    out.push(rest);
    return start + 1;
  }
  out.push(latinToken(form, word));
  return start + 1;
}

/** A name as tokens, in any script or a mix of scripts. */
export function tokenize(name: string): NameToken[] {
  const list = words(name);
  const tokens: NameToken[] = [];
  let index = 0;
  while (index < list.length) index = hasArabic(list[index] as string) ? arabicTokens(list, index, tokens) : latinTokens(list, index, tokens);
  return tokens;
}

/**
 * The ways a name may be read. Written family name first, a name may put عبد after the word it belongs
 * to ("Rahman Abdul", "MAJID, Hafiz Abdul"), and read forwards عبد then takes the wrong word: a name
 * with عبد in it is also read with its words in reverse order, and the better reading counts.
 */
export function readings(name: string): NameToken[][] {
  const list = words(name);
  const forwards = tokenize(name);
  if (!list.some((word) => LATIN_ABD.has(latinForm(word)) || foldArabic(word) === 'عبد')) return [forwards];
  return [forwards, tokenize(list.reverse().join(' '))];
}

/** The consonant skeleton of a name part in any script. */
export function skeleton(word: string): string {
  return tokenize(word).find((token) => !token.particle)?.key ?? '';
}
