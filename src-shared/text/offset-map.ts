/**
 * Maps offsets of an old text to offsets of a new text through an edit script, in O(log n) per
 * offset. The two ends of a range are mapped differently at the edge of an insertion: text typed
 * right before or right after a coded passage must not be pulled into the coding.
 */

import type { Edit } from './diff';

/** Which end of a range an offset is: starts move past insertions, ends stay before them. */
export type RangeSide = 'start' | 'end';

/**
 * Changes at most this long on both sides are treated as a unit: an end inside a replaced word
 * maps to the edge of its replacement. Longer ones map proportionally, so a passage inside a
 * rewritten page lands roughly where it was rather than at the page's edges.
 */
const SMALL_CHANGE = 64;

export class OffsetMapper {
  // Change hunks (a delete, an insert, or a delete followed by an insert), sorted by old start.
  private readonly oldStart: number[] = [];
  private readonly oldEnd: number[] = [];
  private readonly newStart: number[] = [];
  private readonly newEnd: number[] = [];

  constructor(edits: readonly Edit[]) {
    for (const e of edits) {
      if (e.op === 'equal') continue;
      const last = this.oldStart.length - 1;
      if (last >= 0 && this.oldEnd[last] === e.oldStart && this.newEnd[last] === e.newStart) {
        // The insert half of a replacement: widen the hunk opened by its delete.
        this.oldEnd[last] = e.oldEnd;
        this.newEnd[last] = e.newEnd;
      } else {
        this.oldStart.push(e.oldStart);
        this.oldEnd.push(e.oldEnd);
        this.newStart.push(e.newStart);
        this.newEnd.push(e.newEnd);
      }
    }
  }

  /** The offset in the new text corresponding to `offset` in the old text. */
  map(offset: number, side: RangeSide): number {
    const h = this.lastHunkStartingAtOrBefore(offset);
    if (h < 0) return offset;
    const oS = this.oldStart[h] ?? 0;
    const oE = this.oldEnd[h] ?? 0;
    const nS = this.newStart[h] ?? 0;
    const nE = this.newEnd[h] ?? 0;
    if (offset > oE) return offset + (nE - oE);
    if (oS === oE) return side === 'start' ? nE : nS;
    if (offset === oS) return nS;
    if (offset === oE) return nE;
    // Inside deleted text.
    const deleted = oE - oS;
    const inserted = nE - nS;
    if (inserted === 0) return nS;
    if (deleted <= SMALL_CHANGE && inserted <= SMALL_CHANGE) return side === 'start' ? nS : nE;
    const scaled = ((offset - oS) * inserted) / deleted;
    return nS + (side === 'start' ? Math.floor(scaled) : Math.ceil(scaled));
  }

  private lastHunkStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.oldStart.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.oldStart[mid] ?? 0) <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
