/** The language of the readout itself, told by its own words and script — never by the reader's interface. */
export type DocumentLanguage = 'en' | 'fr' | 'ar';

/** The commonest short words of each language: together they make up a large share of any running text. */
const FUNCTION_WORDS: Record<'en' | 'fr', Set<string>> = {
  en: new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'on', 'for', 'with', 'that', 'by', 'was', 'as', 'its', 'their', 'were', 'has', 'have']),
  fr: new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'une', 'un', 'pour', 'dans', 'sur', 'au', 'aux', 'est', 'qui', 'par', 'avec', 'ont', 'été']),
};

export interface LanguageReading {
  language: DocumentLanguage;
  /** Another language makes up a good part of the text too (a bilingual release, a quoted passage). */
  mixed: boolean;
}

/**
 * Counts function words of English and French and letters of Arabic script, in one pass over the words.
 * The language with the larger share wins; a second language with at least a third of the first's share
 * makes the text mixed.
 */
export function documentLanguage(text: string): LanguageReading {
  let english = 0;
  let french = 0;
  let arabic = 0;
  let total = 0;
  for (const match of text.matchAll(/[\p{L}’']+/gu)) {
    const word = match[0].toLowerCase();
    total++;
    if (/\p{Script=Arabic}/u.test(word)) arabic++;
    else if (FUNCTION_WORDS.en.has(word)) english++;
    else if (FUNCTION_WORDS.fr.has(word) || /^[ldjnqs][’']/.test(word)) french++;
  }
  // Arabic words are counted whole (every one, not just function words): weigh them like a function-word share.
  const shares: [DocumentLanguage, number][] = [
    ['en', english],
    ['fr', french],
    ['ar', arabic / 3],
  ];
  shares.sort((a, b) => b[1] - a[1]);
  const [first, second] = shares as [[DocumentLanguage, number], [DocumentLanguage, number]];
  if (total === 0 || first[1] === 0) return { language: 'en', mixed: false };
  return { language: first[0], mixed: second[1] >= first[1] / 3 && second[1] >= 5 };
}
