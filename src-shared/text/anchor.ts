/**
 * Carries codings through an edit of a document's text (DESIGN.md, "Codings are anchored").
 * A coding is never dropped: if its quote cannot be found again it gets a best-guess range and is
 * flagged for review by a person.
 */

import { diffText } from './diff';
import { OffsetMapper } from './offset-map';
import { clampRange } from './range';
import { splitsPair } from './surrogates';

/** A coded range of the old text, `[start, end)` in UTF-16 code units. */
export interface Anchor {
  readonly start: number;
  readonly end: number;
}

/**
 * `intact`: same offsets, same quote. `moved`: the same quote at other offsets.
 * `needs_review`: the quoted text was changed or removed; the range is a best guess.
 */
export type AnchorStatus = 'intact' | 'moved' | 'needs_review';

export interface AnchorResult {
  readonly start: number;
  readonly end: number;
  readonly status: AnchorStatus;
}

/** How far from its mapped position a quote is looked for when the diff did not carry it. */
const SEARCH_WINDOW = 2_000;
/** Quotes shorter than this (a word or two) recur everywhere; they must bring context along. */
const SHORT_QUOTE = 12;
/** Code units of context compared on each side of a candidate occurrence. */
const CONTEXT_SPAN = 16;
/** Context (before plus after) a short quote's new occurrence must share with the old one. */
const MIN_SHORT_CONTEXT = 8;
/**
 * Code units one call may scan looking for moved passages in the whole text. A passage pasted
 * far from where it was is still found if its quote is long and occurs once; the budget keeps a
 * wholesale reorganisation of a long document from costing a full scan per coding.
 */
const WHOLE_TEXT_SEARCH_BUDGET = 10_000_000;

/**
 * Re-anchors every range of `oldText` in `newText`. Results are in the order of `anchors`, and
 * always satisfy `0 <= start <= end <= newText.length`.
 *
 * Each range is mapped through a character diff of the two texts. If the mapped range quotes
 * the old text exactly, the coding is intact (or moved). Otherwise it is looked for, in order:
 * in its old line, if that line survived unchanged and occurs once in the new text (paragraphs
 * get reordered); near the mapped position, where a short quote only counts if its surrounding
 * text also matches, so that "да" is not re-anchored to some other "да"; and anywhere, if the
 * quote is long and occurs exactly once. Failing all that, the mapped range is returned as
 * `needs_review`.
 */
export function reanchor(oldText: string, newText: string, anchors: readonly Anchor[]): AnchorResult[] {
  if (oldText === newText) {
    return anchors.map((a) => ({ ...clampRange(a, oldText.length), status: 'intact' }));
  }
  const search: Search = {
    oldText,
    newText,
    mapper: new OffsetMapper(diffText(oldText, newText)),
    budget: WHOLE_TEXT_SEARCH_BUDGET,
    lines: null,
  };
  return anchors.map((a) => reanchorOne(search, clampRange(a, oldText.length)));
}

/** What one call shares between its anchors. */
interface Search {
  readonly oldText: string;
  readonly newText: string;
  readonly mapper: OffsetMapper;
  /** Code units still available for whole-text searches. */
  budget: number;
  /** Start of each line of the new text that occurs once there (built on first need). */
  lines: Map<string, number> | null;
}

function reanchorOne(search: Search, a: Anchor): AnchorResult {
  const { oldText, newText, mapper } = search;
  const quote = oldText.slice(a.start, a.end);
  const start = mapper.map(a.start, 'start');
  const end = Math.max(start, a.start === a.end ? start : mapper.map(a.end, 'end'));
  if (newText.slice(start, end) === quote) return located(a, start, end);

  // A whole surviving line is the strongest evidence, so it goes before the nearby search.
  let found = findInMovedLine(search, a);
  if (found < 0) found = findNear(oldText, newText, a, quote, start);
  if (found < 0 && quote.length >= SHORT_QUOTE && search.budget >= newText.length) {
    search.budget -= newText.length;
    found = findOnly(newText, quote);
  }
  if (found >= 0) return located(a, found, found + quote.length);

  // A best guess never cuts a character in half.
  const guessStart = splitsPair(newText, start) ? start - 1 : start;
  const guessEnd = splitsPair(newText, end) ? end + 1 : end;
  return { start: guessStart, end: guessEnd, status: 'needs_review' };
}

function located(a: Anchor, start: number, end: number): AnchorResult {
  return { start, end, status: start === a.start && end === a.end ? 'intact' : 'moved' };
}

/**
 * Start of the occurrence of `quote` in `newText` within SEARCH_WINDOW of `guess` that best
 * continues the old coding, or -1. Long quotes take the nearest occurrence; short ones the one
 * whose context agrees best with the old context, nearest first among equals.
 */
function findNear(oldText: string, newText: string, a: Anchor, quote: string, guess: number): number {
  if (quote.length === 0) return -1;
  const short = quote.length < SHORT_QUOTE;
  // Search a slice, so that a quote missing from the window does not cost a scan to the end.
  const from = Math.max(0, guess - SEARCH_WINDOW);
  const nearby = newText.slice(from, guess + SEARCH_WINDOW + quote.length);
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let at = nearby.indexOf(quote); at >= 0; at = nearby.indexOf(quote, at + 1)) {
    const pos = from + at;
    const distance = Math.abs(pos - guess);
    const score = short ? contextAgreement(oldText, a, newText, pos, pos + quote.length) : 0;
    if (short && score < MIN_SHORT_CONTEXT) continue;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = pos;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Where the coding is if a whole line (paragraph or turn) it lies in survived unchanged but moved:
 * paragraphs get reordered, and a line that occurs once in the new text is as good as context
 * gets, even for a one-word coding. Tries the line holding the coding's start, then the one
 * holding its end; the candidate must quote the old text exactly. -1 otherwise.
 */
function findInMovedLine(search: Search, a: Anchor): number {
  const { oldText, newText } = search;
  const length = a.end - a.start;
  if (length === 0) return -1;
  search.lines ??= uniqueLines(newText);
  const quote = oldText.slice(a.start, a.end);
  for (const offset of [a.start, a.end - 1]) {
    const lineStart = oldText.lastIndexOf('\n', offset - 1) + 1;
    const newline = oldText.indexOf('\n', offset);
    const line = oldText.slice(lineStart, newline < 0 ? oldText.length : newline);
    const at = line === '' ? undefined : search.lines.get(line);
    if (at === undefined || at < 0) continue;
    const candidate = at + (offset - lineStart) - (offset === a.start ? 0 : length - 1);
    if (candidate >= 0 && newText.startsWith(quote, candidate)) return candidate;
  }
  return -1;
}

/** Start of every non-empty line of `text`, or -1 for lines that occur more than once. */
function uniqueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end > start) {
      const line = text.slice(start, end);
      lines.set(line, lines.has(line) ? -1 : start);
    }
    start = end + 1;
  }
  return lines;
}

/** Start of the only occurrence of `quote` in `text`, or -1 if there is none or several. */
function findOnly(text: string, quote: string): number {
  const first = text.indexOf(quote);
  if (first < 0 || text.indexOf(quote, first + 1) >= 0) return -1;
  return first;
}

/**
 * How many code units of context, up to CONTEXT_SPAN on each side, read the same around the old
 * range and around `[start, end)` in the new text. Both ranges touching the start (or end) of
 * their text counts as full agreement on that side.
 */
function contextAgreement(oldText: string, a: Anchor, newText: string, start: number, end: number): number {
  let before = 0;
  while (before < CONTEXT_SPAN) {
    const o = a.start - 1 - before;
    const n = start - 1 - before;
    if (o < 0 && n < 0) before = CONTEXT_SPAN;
    else if (o >= 0 && n >= 0 && oldText.charCodeAt(o) === newText.charCodeAt(n)) before++;
    else break;
  }
  let after = 0;
  while (after < CONTEXT_SPAN) {
    const o = a.end + after;
    const n = end + after;
    if (o >= oldText.length && n >= newText.length) after = CONTEXT_SPAN;
    else if (o < oldText.length && n < newText.length && oldText.charCodeAt(o) === newText.charCodeAt(n)) after++;
    else break;
  }
  return before + after;
}
