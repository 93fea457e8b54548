/**
 * Splits canonical text into the rows the reader shows: paragraphs, and speaker turns in
 * transcripts. Turn detection is deliberately conservative: a field note line like
 * "Он сказал так: ..." or "Дата: 12.06.93" must stay a paragraph, because a wrong speaker would
 * then be linked to a case and counted in every speaker-based analysis.
 */

import { isSpeakerLabel } from './speakers';

export type SegmentKind = 'paragraph' | 'turn';

/** One non-empty line of canonical text. Offsets are UTF-16 code units, `[start, end)`. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly kind: SegmentKind;
  /** The speaker label as written (without the colon); null for paragraphs and dash-led turns. */
  readonly speaker: string | null;
  /** A leading timestamp without its brackets, e.g. `00:12:31`; null when the line has none. */
  readonly timestamp: string | null;
}

/** `[00:12:31]`, `[12:31]`, `(00:12:31)`, optionally with fractions of a second. */
const BRACKETED_TIMESTAMP = /^[ \t]*[[(](\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)[\])][ \t]*/;
/**
 * A bare timestamp needs hours, minutes and seconds: a bare `12:31` at the start of a field note
 * is far more often a clock time in running prose than a transcript position.
 */
const BARE_TIMESTAMP = /^[ \t]*(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)[ \t]+/;

/** Em dash, en dash, horizontal bar, or a hyphen followed by a space. */
const DASH_LEAD = /^[ \t]*(?:[\u2014\u2013\u2015]|-[ \t])/;

/** Labels are short; anything longer before the first colon is prose. */
const MAX_LABEL_LENGTH = 40;

interface LineInfo {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly timestamp: string | null;
  readonly dashLed: boolean;
}

/**
 * Returns the segments of `text` in order: one per non-empty line, never containing `\n`.
 *
 * A line is a `turn` when it starts (after an optional timestamp) with a speaker label, a colon
 * and a space (`И: ...`, `[00:12:31] Иван Петрович: ...`). In a document where most non-empty
 * lines start with a dash, the dash-led lines are turns too, with `speaker` null: such dialogues
 * alternate speakers without naming them, and guessing names would invent data.
 */
export function splitSegments(text: string): Segment[] {
  const lines: LineInfo[] = [];
  let dashCount = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (/\S/.test(line)) {
      const info = parseLine(line, start, end);
      if (info.dashLed) dashCount++;
      lines.push(info);
    }
    start = end + 1;
  }

  const dialogue = dashCount >= 2 && dashCount * 2 > lines.length;
  return lines.map((l): Segment => {
    if (l.speaker !== null) {
      return { start: l.start, end: l.end, kind: 'turn', speaker: l.speaker, timestamp: l.timestamp };
    }
    if (dialogue && l.dashLed) {
      return { start: l.start, end: l.end, kind: 'turn', speaker: null, timestamp: null };
    }
    return { start: l.start, end: l.end, kind: 'paragraph', speaker: null, timestamp: l.timestamp };
  });
}

function parseLine(line: string, start: number, end: number): LineInfo {
  const stamp = BRACKETED_TIMESTAMP.exec(line) ?? BARE_TIMESTAMP.exec(line);
  const timestamp = stamp?.[1] ?? null;
  const rest = stamp ? stamp[0].length : 0;
  return {
    start,
    end,
    speaker: readSpeaker(line, rest),
    timestamp,
    dashLed: stamp === null && DASH_LEAD.test(line),
  };
}

/** The label before `: ` starting at `from`, if it reads as a speaker label. */
function readSpeaker(line: string, from: number): string | null {
  // Leading spaces plus the label plus slack for spaces before the colon.
  const colon = line.indexOf(':', from);
  if (colon < 0 || colon - from > MAX_LABEL_LENGTH + 8) return null;
  const next = line.charCodeAt(colon + 1);
  if (next !== 0x20 && next !== 0x09) return null;
  const label = line.slice(from, colon).trim();
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;
  return isSpeakerLabel(label) ? label : null;
}

/**
 * Index of the segment containing `offset` (`start <= offset < end`), or -1 when the offset falls
 * on a line break, a blank line or outside the text. `segments` must be sorted and
 * non-overlapping, as `splitSegments` returns them.
 */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = segments[mid];
    if (s === undefined) return -1;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
