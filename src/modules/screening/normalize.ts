import anyAscii from 'any-ascii';
/**
 * Names as the matcher compares them. Arabic-script names are normalised (alef and hamza forms, taa
 * marbuta, alef maqsura, diacritics and tatweel) and transliterated to Latin, so either script finds the
 * other; particles are recognised rather than dropped; common given-name spellings share one form;
 * and every token has a consonant skeleton, the key the index retrieves candidates by.
 */

const ARABIC_TO_LATIN: Record<string, string> = {
  'ا': 'a', 'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd',
  'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ي': 'y', 'ء': '', 'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'گ': 'g', 'ک': 'k', 'ی': 'y',
};

/** Arabic letters written several ways, reduced to one: alef forms, taa marbuta, alef maqsura, hamza carriers. */
function normalizeArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '') // diacritics
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي');
}

const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** Cyrillic, Greek, Chinese, Korean…: any-ascii's romanisation, its run-together syllables ("JinZhengEn") split. */
function otherScriptToLatin(text: string): string {
  return anyAscii(text).replace(/([a-z])([A-Z])/g, '$1 $2');
}

export function hasArabic(text: string): boolean {
  return /[\u0600-\u06FF]/.test(text);
}

function transliterate(text: string): string {
  // "ال" at the start of a word is the article: written "al-" in Latin sources.
  return normalizeArabic(text)
    .replace(/(^|\s)ال/g, '$1al ')
    // A final taa marbuta (now ه) is a vowel in Latin spellings: أسامة → "asama", not "asamah".
    .replace(/ه(?=\s|$)/g, 'a')
    .replace(/[\u0600-\u06FF]/g, (letter) => ARABIC_TO_LATIN[letter] ?? '');
}

/** Spellings of one given name, mapped to a single form (the first): transliteration, not translation. */
const VARIANT_GROUPS: string[][] = [
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'mohamud', 'mohd', 'mhd', 'mehmet', 'muhamad', 'mohammud'],
  ['ahmad', 'ahmed', 'ahmet'],
  ['usama', 'osama', 'ousama', 'oussama'],
  ['yusuf', 'yousef', 'youssef', 'yousuf', 'yusef', 'yosef'],
  ['husayn', 'hussein', 'hussain', 'husain', 'hossein', 'husein'],
  ['hasan', 'hassan'],
  ['umar', 'omar', 'omer'],
  ['uthman', 'othman', 'osman', 'usman'],
  ['ibrahim', 'ebrahim', 'ibraheem'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha'],
  ['khalid', 'khaled'],
  ['said', 'saeed', 'saad', 'sayed', 'sayyid'],
  ['abdallah', 'abdullah', 'abdulla', 'abdalla'],
  ['abubakr', 'abubakar', 'abubaker'],
  ['sulayman', 'suleiman', 'sulaiman', 'soliman', 'suleyman'],
  ['isa', 'issa', 'eissa'],
  ['musa', 'moussa', 'mousa'],
  ['yahya', 'yahia', 'yehia'],
  ['abdulrahman', 'abdelrahman', 'abdurrahman', 'abdalrahman', 'abdrahman'],
  ['abdulaziz', 'abdelaziz', 'abdalaziz', 'abdaziz'],
];
const CANONICAL = new Map(VARIANT_GROUPS.flatMap((group) => group.map((name) => [name, group[0] as string])));

/** Particles that attach to the next word ("al-Baghdadi"), and the family-link words, in their usual spellings. */
const ARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ud', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath']);
const FAMILY = new Map([
  ['bin', 'bin'], ['ibn', 'bin'], ['ben', 'bin'], ['bn', 'bin'], ['bint', 'bint'],
  ['abu', 'abu'], ['abou', 'abu'], ['abo', 'abu'], ['abw', 'abu'], ['umm', 'umm'], ['um', 'umm'],
]);

export interface NameToken {
  /** As written in the listed or queried name (after case folding). */
  original: string;
  /** Normalised Latin form, particles folded in and variants unified: what is compared. */
  form: string;
  /** Consonant skeleton: what the index is keyed by. */
  key: string;
  /** A link word (bin, abu): it counts for little on its own. */
  particle: boolean;
}

/** The consonant skeleton of a Latin token: vowels and semivowels dropped, sound-alike letters merged, doubles collapsed. */
export function skeleton(form: string): string {
  const merged = form
    .replace(/ph/g, 'f')
    .replace(/(kh|gh)/g, (pair) => pair[0] as string)
    .replace(/(th|dh|sh|ch)/g, (pair) => pair[0] as string)
    .replace(/[qc]/g, 'k')
    .replace(/v/g, 'f')
    .replace(/[aeiouyw]/g, '');
  return (merged || form).replace(/(.)\1+/g, '$1');
}

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents: "Hüseyin" → "huseyin"
    .replace(/['’`ʿʾ]/g, '') // apostrophes and ayn/hamza marks inside transliterations
    .replace(/[^\p{L}\p{N}\s]/gu, ' ');
}

/** A name as tokens: transliterated, particles joined or marked, variants unified. */
export function tokenize(name: string): NameToken[] {
  const latin = fold(hasArabic(name) ? transliterate(name) : OTHER_SCRIPT.test(name) ? otherScriptToLatin(name) : name);
  const words = latin.split(/\s+/).filter(Boolean);
  const tokens: NameToken[] = [];
  for (let index = 0; index < words.length; index++) {
    let word = words[index] as string;
    const original = word;
    // "al Baghdadi", "al-Baghdadi", "albaghdadi" all become "baghdadi"; the article alone is dropped.
    if (ARTICLES.has(word) && index + 1 < words.length) continue;
    if (/^(al|el)(?=[a-z]{4,})/.test(word) && !CANONICAL.has(word)) word = word.replace(/^(al|el)/, '');
    // "Abd al-Rahman", "Abdul Rahman", "Abdurrahman" → "abdrahman"-like forms, unified below.
    if (word === 'abd' || word === 'abdul' || word === 'abdel' || word === 'abdal') {
      let next = words[index + 1];
      if (next && ARTICLES.has(next)) {
        index++;
        next = words[index + 1];
      }
      if (next) {
        word = `abd${next}`;
        index++;
      }
    }
    word = word.replace(/^abd(ul|el|al|ur|ar|us|as|un|an|u)(?=[a-z]{3,})/, 'abd');
    const family = FAMILY.get(word);
    const form = family ?? CANONICAL.get(word) ?? CANONICAL.get(word.replace(/^abd/, 'abdul')) ?? word;
    tokens.push({ original, form, key: skeleton(form), particle: family !== undefined });
  }
  return tokens;
}
