import snowball from 'snowball-stemmers';

/**
 * Words as the search index sees them. FTS5's unicode61 tokenizer (with `remove_diacritics 2`)
 * splits text into runs of letters, digits and marks and drops diacritics from Latin letters; the
 * functions here do the same in JS, so that a word found by the index can be found again in its
 * segment, offsets and all. Input is text already folded by `foldForSearch` (lower case, ё as е).
 */

/** One word of a folded text: where it is, and the form the index compares (`key`). */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** Latin letters with diacritics (Latin-1 Supplement to Extended-B, Latin Extended Additional), or a mark. */
const NEEDS_PLAIN = /[\u00c0-\u024f\u1e00-\u1eff\p{M}]/u;
const LATIN_COMPOSED = /[\u00c0-\u024f\u1e00-\u1eff]/gu;
const MARKS = /\p{M}/gu;

/**
 * A word without diacritics on Latin letters and without combining marks (a stress mark in
 * `дове́рие`), as unicode61 indexes it. Cyrillic letters keep theirs: й stays й.
 */
export function plainWord(word: string): string {
  if (!NEEDS_PLAIN.test(word)) return word;
  return word.replace(LATIN_COMPOSED, (c) => c.normalize('NFD')).replace(MARKS, '');
}

/** The words of folded text, in order; words that are only marks are skipped, as the index does. */
export function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
  const plain = !NEEDS_PLAIN.test(folded);
  for (const m of folded.matchAll(WORD)) {
    const key = plain ? m[0] : plainWord(m[0]);
    if (key.length > 0) words.push({ start: m.index, end: m.index + m[0].length, key });
  }
  return words;
}

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;

/** Stemming costs about 10 µs a word; texts repeat their words, so stems are remembered. */
const STEM_CACHE_LIMIT = 200_000;
let stems = new Map<string, string>();

/**
 * The snowball stem of a word's key: the Russian stemmer for a word in Cyrillic, the English one
 * for a word in Latin letters, the key itself otherwise (numbers, other scripts).
 *
 * @example
 * stemOf('доверию') // 'довер', as for 'доверие'
 * stemOf('respondents') // 'respond'
 */
export function stemOf(key: string): string {
  let stem = stems.get(key);
  if (stem === undefined) {
    stem = CYRILLIC.test(key) ? russian.stem(key) : LATIN.test(key) ? english.stem(key) : key;
    // A stemmer never returns nothing for a word, but the index must not lose a token if it did.
    if (stem.length === 0) stem = key;
    if (stems.size >= STEM_CACHE_LIMIT) stems = new Map();
    stems.set(key, stem);
  }
  return stem;
}
