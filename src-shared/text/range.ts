/** A `[start, end)` range of UTF-16 code units, and how untrusted ranges are made safe to use. */

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * `range` forced into `[0, length]` with `start <= end` (swapped if reversed, NaN as 0). Callers
 * get offsets from the UI and from stored codings; neither should be able to make a slice throw
 * or silently read the wrong text.
 */
export function clampRange(range: TextRange, length: number): TextRange {
  const s = clamp(range.start, length);
  const e = clamp(range.end, length);
  return s <= e ? { start: s, end: e } : { start: e, end: s };
}

function clamp(n: number, max: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.min(max, Math.max(0, Math.trunc(n)));
}
