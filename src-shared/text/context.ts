/**
 * The text around a coded passage (stored with each coding so that it can be found again after an
 * edit, and shown in coding retrievals) and the tidying of a raw mouse selection into a range
 * that does not cut words.
 */

import { clampRange, type TextRange } from './range';
import { splitsPair } from './surrogates';

export interface TextContext {
  readonly before: string;
  readonly after: string;
}

/**
 * Up to `size` code units before `start` and after `end`. A window edge that would fall between
 * the two halves of a surrogate pair is moved inwards, so the context never holds half a character
 * (which would not survive a round trip through UTF-8 storage).
 */
export function contextAround(text: string, start: number, end: number, size = 60): TextContext {
  const { start: s, end: e } = clampRange({ start, end }, text.length);
  const width = Math.max(0, Math.floor(size));
  let from = Math.max(0, s - width);
  if (from > 0 && from < s && splitsPair(text, from)) from++;
  let to = Math.min(text.length, e + width);
  if (to < text.length && to > e && splitsPair(text, to)) to--;
  return { before: text.slice(from, s), after: text.slice(e, to) };
}

/**
 * Widens `[start, end)` so that it neither begins nor ends inside a word, then drops leading and
 * trailing whitespace. Word characters are letters, combining marks and digits in any script; an
 * apostrophe between two of them (`don't`, `Д’Артаньян`) belongs to the word. A selection of
 * whitespace only collapses to an empty range where the whitespace began.
 */
export function snapToWordBoundaries(text: string, start: number, end: number): TextRange {
  const range = clampRange({ start, end }, text.length);
  let s = range.start;
  let e = range.end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return { start: range.start, end: range.start };
  // Never leave an edge between the halves of a surrogate pair.
  if (splitsPair(text, s)) s--;
  if (splitsPair(text, e)) e++;
  while (s > 0 && isInsideWord(text, s)) s = stepBack(text, s);
  while (e < text.length && isInsideWord(text, e)) e = stepForward(text, e);
  return { start: s, end: e };
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc']);

/** True when `offset` lies between two characters of the same word. */
function isInsideWord(text: string, offset: number): boolean {
  const before = charBefore(text, offset);
  const after = charAt(text, offset);
  if (before === '' || after === '') return false;
  if (isWordChar(before) && isWordChar(after)) return true;
  // Inside `don't`: either side of the apostrophe.
  if (isWordChar(before) && APOSTROPHES.has(after)) {
    return isWordChar(charAt(text, offset + after.length));
  }
  if (APOSTROPHES.has(before) && isWordChar(after)) {
    return isWordChar(charBefore(text, offset - before.length));
  }
  return false;
}

function isWordChar(ch: string): boolean {
  return ch !== '' && WORD_CHAR.test(ch);
}

/** The whole character (one or two code units) starting at `offset`, or '' at the end. */
function charAt(text: string, offset: number): string {
  if (offset < 0 || offset >= text.length) return '';
  const cp = text.codePointAt(offset) ?? 0;
  return String.fromCodePoint(cp);
}

/** The whole character ending at `offset`, or '' at the start. */
function charBefore(text: string, offset: number): string {
  if (offset <= 0 || offset > text.length) return '';
  return text.slice(stepBack(text, offset), offset);
}

function stepBack(text: string, offset: number): number {
  return offset >= 2 && splitsPair(text, offset - 1) ? offset - 2 : offset - 1;
}

function stepForward(text: string, offset: number): number {
  return splitsPair(text, offset + 1) ? offset + 2 : offset + 1;
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 ||
    code === 0x202f || code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b)
  );
}
