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
 * Re-anchors every range of `oldText` in `newText`. Results are in the order of `anchors`, and
 * always satisfy `0 <= start <= end <= newText.length`.
 *
 * Each range is mapped through a character diff of the two texts. If the mapped range quotes
 * the old text exactly, the coding is intact (or moved). Otherwise the old quote is looked for
 * near the mapped position; a short quote only counts where its surrounding text also matches,
 * so that "да" is not re-anchored to some other "да". Failing that, the mapped range is returned
 * as `needs_review`.
 */
export function reanchor(oldText: string, newText: string, anchors: readonly Anchor[]): AnchorResult[] {
  if (oldText === newText) {
    return anchors.map((a) => ({ ...clampRange(a, oldText.length), status: 'intact' }));
  }
  const mapper = new OffsetMapper(diffText(oldText, newText));
  return anchors.map((a) => reanchorOne(oldText, newText, mapper, clampRange(a, oldText.length)));
}

function reanchorOne(oldText: string, newText: string, mapper: OffsetMapper, a: Anchor): AnchorResult {
  const quote = oldText.slice(a.start, a.end);
  const start = mapper.map(a.start, 'start');
  const end = Math.max(start, a.start === a.end ? start : mapper.map(a.end, 'end'));
  if (newText.slice(start, end) === quote) return located(a, start, end);

  const found = findNear(oldText, newText, a, quote, start);
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
  const last = Math.min(newText.length - quote.length, guess + SEARCH_WINDOW);
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (
    let pos = newText.indexOf(quote, Math.max(0, guess - SEARCH_WINDOW));
    pos >= 0 && pos <= last;
    pos = newText.indexOf(quote, pos + 1)
  ) {
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
