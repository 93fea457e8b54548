/**
 * The pseudonym overlay: finds every registered real name and alias in a text, in any inflected
 * Russian form (Иванов, Иванову, Ивановой, Ивановых…), and writes the pseudonym in its place with
 * the same case ending and capitals. Stored text is never changed: this runs on text being shown
 * or exported, and the leak check runs `find` on an export.
 *
 * Matching is case-insensitive and treats ё as е. A hit starts and ends at word boundaries, so a
 * longer word that begins with a name (Ивановка, Иванович) is not a hit; see russian-names.ts for
 * what counts as a form of a name. An initial ("И. Иванов") must be followed by its full stop.
 */
import { foldForSearch } from './normalize';
import { FLEETING, inflect, slotOf, variantsOf } from './russian-names';

/** What the overlay needs of a registry entry. */
export interface PseudonymEntryLike {
  readonly realName: string;
  readonly pseudonym: string;
  readonly aliases: readonly string[];
}

/** One occurrence of a registered name in a text. */
export interface PseudonymHit<E extends PseudonymEntryLike = PseudonymEntryLike> {
  /** Offsets into the text given to `find` (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The words as they stand in the text ("Ивановой"). */
  readonly text: string;
  /** The registered spelling that matched: the real name or one of the aliases. */
  readonly form: string;
  readonly entry: E;
  /** What the overlay writes instead ("Петровой"). */
  readonly replacement: string;
}

export interface Pseudonymizer<E extends PseudonymEntryLike = PseudonymEntryLike> {
  /** Every hit, in text order, none overlapping (the longest registered form wins at a place). */
  find(text: string): PseudonymHit<E>[];
  /** The text with every hit replaced by its pseudonym. */
  apply(text: string): string;
  /** The text with `hits` (what `find` gave for it) replaced: `apply` for a caller that looked first. */
  replace(text: string, hits: readonly PseudonymHit<E>[]): string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** What may stand between the words of a multi-word name in a text. */
const SEPARATOR = String.raw`[\s.«»"„“”'‘’\-‐–—]+`;
const BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;

interface Token {
  /** Folded (lower case, ё as е). */
  readonly word: string;
  /** A single letter followed by a full stop in the registered form ("И."). */
  readonly initial: boolean;
}

/** The words of a name, folded; initials marked. */
export function nameTokens(name: string): Token[] {
  const folded = foldForSearch(name.normalize('NFC'));
  return [...folded.matchAll(WORD)].map((m) => ({ word: m[0], initial: m[0].length === 1 && folded[m.index + 1] === '.' }));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regular expression source for one token, with a capture group per word for its ending. */
function tokenSource(token: Token): string {
  if (token.initial) return `${escape(token.word)}\\.`;
  const variants = variantsOf(token.word).map((v) => {
    const endings = [...v.endings].sort((a, b) => b.length - a.length).map(escape);
    return `${escape(v.stem)}(?:${endings.join('|')})`;
  });
  return `(${variants.join('|')})`;
}

interface Form<E> {
  readonly entry: E;
  readonly form: string;
  readonly tokens: readonly Token[];
  /** Index of this form's first capture group in the combined expression. */
  readonly group: number;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The overlay for a registry. Entries with no usable words are left out. */
export function pseudonymizer<E extends PseudonymEntryLike>(entries: readonly E[]): Pseudonymizer<E> {
  const candidates = entries.flatMap((entry) => [entry.realName, ...entry.aliases].map((form) => ({ entry, form, tokens: nameTokens(form) })));
  // Longer names first, so "Юрий Иванов" wins over "Иванов" where both start. Forms are grouped by
  // their first letter behind a lookahead, so each place in a text tries one group, not every
  // form: with hundreds of entries that is what keeps a long export quick to check.
  const first = (c: (typeof candidates)[number]): string => [...c.tokens[0]!.word][0]!;
  const usable = candidates
    .filter((c) => c.tokens.length > 0)
    .sort((a, b) => first(a).localeCompare(first(b)) || b.tokens.length - a.tokens.length || b.form.length - a.form.length);
  const formsByLetter = new Map<string, Form<E>[]>();
  const groups = new Map<string, string[]>();
  let group = 1;
  for (const c of usable) {
    const letter = first(c);
    append(formsByLetter, letter, { ...c, group });
    append(groups, letter, `(${c.tokens.map(tokenSource).join(SEPARATOR)})`);
    group += 1 + c.tokens.filter((t) => !t.initial).length;
  }
  const alternatives = [...groups].map(([letter, sources]) => `(?=${escape(letter)})(?:${sources.join('|')})`);
  // Every first letter in one class up front: the engine skips the places no name can start at
  // without trying the word-boundary test there (three times quicker over an export's excerpts).
  const firsts = `(?=[${[...groups.keys()].map(escape).join('')}])`;
  const pattern = alternatives.length === 0 ? null : new RegExp(`${firsts}${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'gu');
  // The same expression on the text as it stands, ignoring case and reading е as е or ё: it finds
  // whatever the folded search would (or more), so a text it finds nothing in — almost every one
  // in an export — is not folded at all. İ is the one letter the two disagree on.
  const eitherE = (source: string): string => source.replace(/е/g, '[её]');
  const firstsAsWritten = `(?=[${[...groups.keys()].map(escape).join('')}${groups.has('е') ? 'ё' : ''}])`;
  const anywhere = pattern && new RegExp(`${firstsAsWritten}${BEFORE}(?:${alternatives.map(eitherE).join('|')})${AFTER}`, 'iu');

  const find = (text: string): PseudonymHit<E>[] => {
    if (!pattern || (!anywhere!.test(text) && !text.includes('\u0130'))) return [];
    const folded = foldForSearch(text);
    const hits: PseudonymHit<E>[] = [];
    // `exec` on the one expression rather than `matchAll`, which clones it for every text: an
    // export renames 100,000 excerpts, and the clones cost more than the matching.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
      const letter = String.fromCodePoint(folded.codePointAt(m.index)!);
      const form = formsByLetter.get(letter)!.find((f) => m[f.group] !== undefined)!;
      const start = m.index;
      const end = start + m[0].length;
      const original = text.slice(start, end);
      hits.push({ start, end, text: original, form: form.form, entry: form.entry, replacement: replacementFor(form, m, original) });
    }
    return hits;
  };

  const replace = (text: string, hits: readonly PseudonymHit<E>[]): string => {
    if (hits.length === 0) return text;
    let out = '';
    let at = 0;
    for (const hit of hits) {
      out += text.slice(at, hit.start) + hit.replacement;
      at = hit.end;
    }
    return out + text.slice(at);
  };

  return {
    find,
    apply: (text) => replace(text, find(text)),
    replace,
  };
}

/** The grammatical slot of each full word of a hit, from the ending it carries. */
function slotsOfHit<E>(form: Form<E>, m: RegExpExecArray | RegExpMatchArray): number[] {
  const result: number[] = [];
  let g = form.group + 1;
  for (const token of form.tokens) {
    if (token.initial) continue;
    const found = m[g++] ?? '';
    const variants = variantsOf(token.word);
    const main = variants[0]!;
    // A bare stem matched by one of the genitive-plural variants (Колец, Юр), not the main stem.
    const fleeting = variants.slice(1).some((v) => v.endings.length === 1 && v.endings[0] === '' && found === v.stem);
    const stem = found.startsWith(main.stem) ? main.stem : (variants.find((v) => found.startsWith(v.stem))?.stem ?? found);
    const ending = fleeting ? FLEETING : found.slice(stem.length);
    result.push(slotOf(token.word, ending, fleeting));
  }
  return result;
}

/** The pseudonym in the case the hit stands in, with the hit's capitals. */
function replacementFor<E extends PseudonymEntryLike>(form: Form<E>, m: RegExpExecArray | RegExpMatchArray, original: string): string {
  const wordSlots = slotsOfHit(form, m);
  // The head word (the last full word, the surname in "Юрий Иванов") gives the case when the
  // pseudonym has a different number of words.
  const head = wordSlots[wordSlots.length - 1] ?? 0;
  const pseudonymWords = [...form.entry.pseudonym.matchAll(WORD)];
  const full = pseudonymWords.filter((w) => !(w[0].length === 1 && form.entry.pseudonym[w.index + 1] === '.'));
  const sameShape = full.length === wordSlots.length;
  let out = '';
  let at = 0;
  let k = 0;
  for (const w of pseudonymWords) {
    out += form.entry.pseudonym.slice(at, w.index);
    const initial = w[0].length === 1 && form.entry.pseudonym[w.index + 1] === '.';
    out += initial ? w[0] : inflect(w[0], sameShape ? wordSlots[k++]! : head);
    at = w.index + w[0].length;
  }
  out += form.entry.pseudonym.slice(at);
  return withCapitalsOf(original, out);
}

/** Upper case throughout when the hit is ("ИВАНОВ"); a lower-case first letter when the hit has one. */
function withCapitalsOf(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters[0];
  if (first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase()) return replacement[0]!.toLowerCase() + replacement.slice(1);
  return replacement;
}

/** A registered name found where it must not be: an export or any text checked for leaks. */
export interface Leak<E extends PseudonymEntryLike = PseudonymEntryLike> extends PseudonymHit<E> {
  /** 1-based line (paragraph) of the text the hit starts on. */
  readonly line: number;
  /** The hit with some words either side, on one line, for a report. */
  readonly context: string;
}

const CONTEXT_CHARS = 60;

/** Every hit of the registry in a text, with its line and context, for the leak check. */
export function findLeaks<E extends PseudonymEntryLike>(overlay: Pseudonymizer<E>, text: string): Leak<E>[] {
  const hits = overlay.find(text);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  return hits.map((hit) => {
    for (; at < hit.start; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    const lineEnd = text.indexOf('\n', hit.end);
    const from = Math.max(lineStart, hit.start - CONTEXT_CHARS);
    const to = Math.min(lineEnd < 0 ? text.length : lineEnd, hit.end + CONTEXT_CHARS);
    const context = `${from > lineStart ? '…' : ''}${text.slice(from, to).trim()}${to < (lineEnd < 0 ? text.length : lineEnd) ? '…' : ''}`;
    return { ...hit, line, context };
  });
}
