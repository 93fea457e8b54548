/**
 * How much a decoded text looks like real writing. Used to choose among legacy 8-bit encodings,
 * where every byte decodes to *something*: Russian text in Windows-1251 read as KOI8-R comes out
 * as "рТЙЧЕФ", read as DOS 866 as box-drawing lines, read as Windows-1252 as "Ïðèâåò". Each
 * wrong reading breaks a property real text has, so a text scores well only if its words
 *
 * - stay in one script (Cyrillic or Latin, never both in one word),
 * - have a normal case shape ("слово", "Слово", "СЛОВО", not "сЛОВО"),
 * - do not run several accented Latin letters together (that is Cyrillic read as Latin-1),
 *
 * its non-letter characters are ordinary punctuation (not box drawing or C1 controls), and its
 * Cyrillic letter pairs are often among the commonest Russian bigrams.
 * Only words with non-ASCII characters count: the ASCII part reads the same in every candidate.
 */

/** The commonest Russian letter pairs (about half of all letter pairs in ordinary prose). */
const COMMON_BIGRAMS = new Set(
  (
    'ст но то на ен ов ни ра во ко ро ет пр по ал ре ла не ка ть ос ли ва ер ом та го ол ле ан ор ел ' +
    'од ин ат ит от ны ед ак он ся ло ри де ве ск ил ес ой ми ме ма ий ав ви об да ль за ди тр ем ег ет ' +
    'ам ие ая ых ел до ую ые ого че бы мо ша ть ым их вс ли ту'
  ).split(' '),
);

/**
 * Russian letter frequencies in percent (ё counted with е in most corpora; given a small share).
 * Misreading Windows-1251 as KOI8-R and back permutes letters, so the average log-frequency of
 * the letters drops by ~0.7 bits even when every word has a normal case shape.
 */
const LETTER_FREQUENCY: Readonly<Record<string, number>> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49,
  м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44,
  й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.2,
};

/** Non-letters that are ordinary in Russian and English prose. */
const ORDINARY_MARKS = new Set([...'«»—–―“”„‘’‚…№•·°§©®™€£$¹²³±×\u00a0\u2009\u202f\u2011\u00ad']);

export interface Plausibility {
  /** 0–1: the share of evidence that looks like real writing, refined by letter pairs. */
  readonly score: number;
  /** How many words and marks with non-ASCII characters were judged (more = surer). */
  readonly evidence: number;
}

const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function plausibility(text: string): Plausibility {
  let good = 0;
  let bad = 0;
  let pairs = 0;
  let commonPairs = 0;
  let cyrillicWords = 0;
  let letters = 0;
  let logFrequency = 0;
  let latinWords = 0;
  const words = text.match(/\p{L}+|[^\p{L}\s\p{ASCII}]/gu) ?? [];
  for (const word of words) {
    if (!/\P{ASCII}/u.test(word)) continue;
    if (!LETTER.test(word)) {
      if (ORDINARY_MARKS.has(word)) continue;
      bad++;
      continue;
    }
    const verdict = judgeWord(word);
    if (verdict === 'cyrillic') {
      good++;
      cyrillicWords++;
      const lower = word.toLowerCase();
      for (const c of lower) {
        letters++;
        logFrequency += Math.log2((LETTER_FREQUENCY[c] ?? 0.01) / 100);
      }
      for (let i = 0; i + 1 < lower.length; i++) {
        pairs++;
        if (COMMON_BIGRAMS.has(lower.slice(i, i + 2))) commonPairs++;
      }
    } else if (verdict === 'latin') {
      good++;
      latinWords++;
    } else {
      bad++;
    }
  }
  const evidence = good + bad;
  if (evidence === 0) return { score: 0, evidence: 0 };
  const wordScore = good / evidence;
  if (cyrillicWords <= latinWords) return { score: wordScore, evidence };
  // Real Russian prose has about half of its pairs among these; misread text a fifth or less.
  const pairScore = pairs === 0 ? 0.5 : Math.min(1, commonPairs / pairs / 0.5);
  // Russian averages about -4.3 bits per letter; a permuted reading falls to -5 or below.
  const letterScore = Math.max(0, Math.min(1, (logFrequency / letters + 6.5) / 2.2));
  return { score: wordScore * (0.4 + 0.3 * pairScore + 0.3 * letterScore), evidence };
}

type Verdict = 'cyrillic' | 'latin' | 'bad';

function judgeWord(word: string): Verdict {
  const chars = [...word];
  const cyr = chars.filter((c) => CYRILLIC.test(c)).length;
  const lat = chars.filter((c) => LATIN.test(c)).length;
  if (cyr > 0 && lat > 0) return 'bad';
  if (cyr + lat !== chars.length) return 'bad'; // Greek, symbols-as-letters and the like
  if (!hasNormalCase(word)) return 'bad';
  if (lat > 0) {
    // Accented letters come one or two at a time in Western words ("été", "Straße").
    let run = 0;
    for (const c of chars) {
      run = c.charCodeAt(0) > 0x7f ? run + 1 : 0;
      if (run > 2) return 'bad';
    }
    return 'latin';
  }
  return 'cyrillic';
}

/** "слово", "Слово", "СЛОВО" (and one-letter words); not "сЛОВО" or "СлОВО". */
function hasNormalCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}
