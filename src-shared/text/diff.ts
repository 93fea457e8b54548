/**
 * Character-precise diff of two revisions of a document, built for carrying codings through an
 * edit (see anchor.ts) and for showing what changed.
 *
 * Strategy: strip the common prefix and suffix (a typical edit touches one paragraph of a long
 * transcript, so this alone usually leaves a few hundred characters); diff what is left by lines;
 * refine each changed block of lines by code points, which gives the minimal character script
 * and so the most precise mapping of offsets. Every step is a bounded Myers diff. When a block is
 * too different for a character diff, it is diffed by words and each changed run of words by
 * code points; when lines themselves are too different, the lines that occur once on each side
 * split the problem (patience diff); whatever is still too costly becomes a plain replacement.
 * So the script is exact where it matters and never slow.
 */

import { DELETE, EQUAL, INSERT, myersDiff, type Run, type WorkBudget } from './myers';
import { isHighSurrogate, isLowSurrogate } from './surrogates';

export type EditOp = 'equal' | 'insert' | 'delete';

/**
 * One run of an edit script. Offsets are UTF-16 code units, `[start, end)`, into the old and the
 * new text. An insert is empty on the old side, a delete on the new side; an equal run has the
 * same length on both. Runs are in order and tile both texts; a replacement is a delete followed
 * by an insert, and no two runs of the same kind are adjacent.
 */
export interface Edit {
  readonly op: EditOp;
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

const LINE = 0;
const WORD = 1;
const CHAR = 2;
type Level = typeof LINE | typeof WORD | typeof CHAR;

/** The most insertions plus deletions each level searches for before giving up. */
const MAX_D: Record<Level, number> = { [LINE]: 1000, [WORD]: 1000, [CHAR]: 400 };

/**
 * Myers steps one diff may spend in all (about 80 ms). Past it, changed blocks become plain
 * replacements: a document rewritten from top to bottom gets a coarse script, quickly.
 */
const TOTAL_WORK = 6_000_000;

/** Line regions with more lines than this (both sides) go to the patience diff directly. */
const MAX_MYERS_LINES = 400;

/** Blocks larger than this (old plus new code units) are not refined to characters. */
const MAX_CHAR_BLOCK = 20_000;
/**
 * Changed blocks of lines up to this size (a few paragraphs) are diffed by characters directly;
 * larger ones by words first, which is much cheaper when most of the block was rewritten.
 */
const MAX_CHAR_FIRST = 4_000;

/** Words, runs of spaces or tabs, and any other single character (surrogate pairs kept whole). */
const WORD_TOKEN = /[\p{L}\p{M}\p{N}]+|[ \t]+|[\s\S]/gu;

/** Returns the edit script turning `oldText` into `newText`. */
export function diffText(oldText: string, newText: string): Edit[] {
  const out = new ScriptBuilder();
  if (oldText === newText) {
    out.equal(oldText.length);
    return out.finish();
  }
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, prefix);
  out.equal(prefix);
  const differ = new RegionDiffer(oldText, newText, out);
  differ.diff(LINE, prefix, oldText.length - suffix, prefix, newText.length - suffix);
  out.equal(suffix);
  return out.finish();
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Never end between the halves of a pair (the low halves differ, or one text has a lone high).
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  if (i > 0 && isLowSurrogate(a.charCodeAt(a.length - i))) i--;
  return i;
}

/** Tokens of a region: interned ids and the offset where each token starts (plus the end). */
interface Tokens {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
}

class RegionDiffer {
  private readonly interned = new Map<string, number>();
  private readonly budget: WorkBudget = { remaining: TOTAL_WORK };

  constructor(
    private readonly a: string,
    private readonly b: string,
    private readonly out: ScriptBuilder,
  ) {}

  /**
   * Appends the script for `a[aStart, aEnd)` → `b[bStart, bEnd)` at `level` and finer. Returns
   * false, having appended nothing, when the level's diff is too costly and `fallback` is false.
   */
  diff(level: Level, aStart: number, aEnd: number, bStart: number, bEnd: number, fallback = true): boolean {
    const tooLarge = level === CHAR && aEnd - aStart + bEnd - bStart > MAX_CHAR_BLOCK;
    if (aStart === aEnd || bStart === bEnd || (tooLarge && fallback)) {
      this.out.replace(aEnd - aStart, bEnd - bStart);
      return true;
    }
    if (tooLarge) return false;
    const ta = this.tokenize(level, this.a, aStart, aEnd);
    const tb = this.tokenize(level, this.b, bStart, bEnd);
    if (level === LINE && ta.ids.length + tb.ids.length > MAX_MYERS_LINES) {
      this.patience(ta, tb, true);
      return true;
    }
    const runs = myersDiff(ta.ids, tb.ids, MAX_D[level], this.budget);
    if (runs !== null) this.emit(level, ta, tb, runs);
    else if (!fallback) return false;
    else if (level === LINE) this.patience(ta, tb, false);
    else this.out.replace(aEnd - aStart, bEnd - bStart);
    return true;
  }

  /** Appends token-level `runs`, refining each block of changed tokens. */
  private emit(level: Level, ta: Tokens, tb: Tokens, runs: readonly Run[]): void {
    let i = 0;
    let j = 0;
    let k = 0;
    while (k < runs.length) {
      const run = runs[k];
      if (run === undefined) break;
      if (run.op === EQUAL) {
        this.out.equal(at(ta.starts, i + run.count) - at(ta.starts, i));
        i += run.count;
        j += run.count;
        k++;
        continue;
      }
      // A change block: every delete and insert run up to the next equal run.
      let di = 0;
      let dj = 0;
      for (let r = runs[k]; r !== undefined && r.op !== EQUAL; r = runs[++k]) {
        if (r.op === DELETE) di += r.count;
        else if (r.op === INSERT) dj += r.count;
      }
      this.refine(level, ta, i, i + di, tb, j, j + dj);
      i += di;
      j += dj;
    }
  }

  /** Diffs the changed tokens `[i0, i1)` of `ta` against `[j0, j1)` of `tb` more finely. */
  private refine(level: Level, ta: Tokens, i0: number, i1: number, tb: Tokens, j0: number, j1: number): void {
    const aStart = at(ta.starts, i0);
    const aEnd = at(ta.starts, i1);
    const bStart = at(tb.starts, j0);
    const bEnd = at(tb.starts, j1);
    if (level === CHAR) this.out.replace(aEnd - aStart, bEnd - bStart);
    else if (level === WORD) this.diff(CHAR, aStart, aEnd, bStart, bEnd);
    // Lines go straight to characters where affordable: a word diff first would settle on a word
    // alignment that a character diff might beat, and offsets would then map to the wrong place.
    else if (aEnd - aStart + bEnd - bStart > MAX_CHAR_FIRST || !this.diff(CHAR, aStart, aEnd, bStart, bEnd, false)) {
      this.diff(WORD, aStart, aEnd, bStart, bEnd);
    }
  }

  /**
   * Line diff of a large region (patience diff): match the lines that occur exactly once on each
   * side, in an order-preserving way (a longest increasing subsequence), and diff the gaps
   * between them, which are smaller problems. This is near-linear, where Myers is quadratic in
   * the number of changes. Without such lines, a bounded Myers diff of the lines is tried (if
   * `tryMyers`: it may have failed already), and failing that the region is refined as one block.
   */
  private patience(ta: Tokens, tb: Tokens, tryMyers: boolean): void {
    const n = ta.ids.length;
    const m = tb.ids.length;
    let head = 0;
    while (head < n && head < m && ta.ids[head] === tb.ids[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && ta.ids[n - 1 - tail] === tb.ids[m - 1 - tail]) tail++;
    this.out.equal(at(ta.starts, head) - at(ta.starts, 0));
    const chain = longestIncreasingChain(uniqueCommonPairs(ta.ids, tb.ids, head, n - tail, head, m - tail));
    if (chain.length === 0) {
      const runs = tryMyers
        ? myersDiff(ta.ids.subarray(head, n - tail), tb.ids.subarray(head, m - tail), MAX_D[LINE], this.budget)
        : null;
      if (runs === null) this.refine(LINE, ta, head, n - tail, tb, head, m - tail);
      else this.emit(LINE, this.slice(ta, head, n - tail), this.slice(tb, head, m - tail), runs);
    } else {
      let i = head;
      let j = head;
      for (const [pi, pj] of chain) {
        this.diff(LINE, at(ta.starts, i), at(ta.starts, pi), at(tb.starts, j), at(tb.starts, pj));
        this.out.equal(at(ta.starts, pi + 1) - at(ta.starts, pi));
        i = pi + 1;
        j = pj + 1;
      }
      this.diff(LINE, at(ta.starts, i), at(ta.starts, n - tail), at(tb.starts, j), at(tb.starts, m - tail));
    }
    this.out.equal(at(ta.starts, n) - at(ta.starts, n - tail));
  }

  private slice(t: Tokens, from: number, to: number): Tokens {
    return { ids: t.ids.subarray(from, to), starts: t.starts.subarray(from, to + 1) };
  }

  private tokenize(level: Level, text: string, start: number, end: number): Tokens {
    if (level === CHAR) return codePoints(text, start, end);
    const ids: number[] = [];
    const starts: number[] = [];
    const add = (from: number, to: number): void => {
      const token = text.slice(from, to);
      let id = this.interned.get(token);
      if (id === undefined) {
        id = this.interned.size;
        this.interned.set(token, id);
      }
      ids.push(id);
      starts.push(from);
    };
    if (level === LINE) {
      for (let from = start; from < end; ) {
        const nl = text.indexOf('\n', from);
        const to = nl < 0 || nl >= end ? end : nl + 1;
        add(from, to);
        from = to;
      }
    } else {
      const region = text.slice(start, end);
      WORD_TOKEN.lastIndex = 0;
      for (let m = WORD_TOKEN.exec(region); m !== null; m = WORD_TOKEN.exec(region)) {
        add(start + m.index, start + m.index + m[0].length);
      }
    }
    starts.push(end);
    return { ids: Int32Array.from(ids), starts: Int32Array.from(starts) };
  }
}

function codePoints(text: string, start: number, end: number): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff && i + 1 < end ? 2 : 1;
    ids.push(width === 2 ? cp : text.charCodeAt(i));
    starts.push(i);
    i += width;
  }
  starts.push(end);
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts) };
}

/**
 * Index pairs `[i, j]` of tokens that occur exactly once in `a[aFrom, aTo)` and once in
 * `b[bFrom, bTo)`, sorted by `i`.
 */
function uniqueCommonPairs(a: Int32Array, b: Int32Array, aFrom: number, aTo: number, bFrom: number, bTo: number): Array<[number, number]> {
  const seen = new Map<number, { countA: number; indexA: number; countB: number; indexB: number }>();
  for (let i = aFrom; i < aTo; i++) {
    const id = a[i] ?? -1;
    const e = seen.get(id);
    if (e) e.countA++;
    else seen.set(id, { countA: 1, indexA: i, countB: 0, indexB: -1 });
  }
  for (let j = bFrom; j < bTo; j++) {
    const e = seen.get(b[j] ?? -1);
    if (e) {
      e.countB++;
      e.indexB = j;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const e of seen.values()) {
    if (e.countA === 1 && e.countB === 1) pairs.push([e.indexA, e.indexB]);
  }
  return pairs.sort((p, q) => p[0] - q[0]);
}

/** Longest subsequence of `pairs` (sorted by first index) whose second index increases. */
function longestIncreasingChain(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  // Patience sorting: tails[len] = index into pairs of the smallest tail of a chain of len + 1.
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], p) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[tails[mid] ?? 0]?.[1] ?? 0) < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = tails[lo - 1] ?? -1;
    tails[lo] = p;
  });
  const chain: Array<[number, number]> = [];
  for (let p = tails[tails.length - 1] ?? -1; p >= 0; p = previous[p] ?? -1) {
    const pair = pairs[p];
    if (pair) chain.push(pair);
  }
  return chain.reverse();
}

function at(values: Int32Array, index: number): number {
  return values[index] ?? 0;
}

/**
 * Collects runs in order and hands out the normalised script: equal runs merged, and each change
 * between two equal runs as one delete followed by one insert.
 */
class ScriptBuilder {
  private readonly edits: Edit[] = [];
  private oldPos = 0;
  private newPos = 0;
  private pendingOld = 0;
  private pendingNew = 0;

  equal(length: number): void {
    if (length <= 0) return;
    this.flushChange();
    const last = this.edits[this.edits.length - 1];
    if (last !== undefined && last.op === 'equal') {
      this.edits[this.edits.length - 1] = { ...last, oldEnd: last.oldEnd + length, newEnd: last.newEnd + length };
    } else {
      this.edits.push({
        op: 'equal',
        oldStart: this.oldPos,
        oldEnd: this.oldPos + length,
        newStart: this.newPos,
        newEnd: this.newPos + length,
      });
    }
    this.oldPos += length;
    this.newPos += length;
  }

  replace(deleted: number, inserted: number): void {
    this.pendingOld += deleted;
    this.pendingNew += inserted;
  }

  finish(): Edit[] {
    this.flushChange();
    return this.edits;
  }

  private flushChange(): void {
    const { oldPos: o, newPos: n, pendingOld: del, pendingNew: ins } = this;
    if (del > 0) this.edits.push({ op: 'delete', oldStart: o, oldEnd: o + del, newStart: n, newEnd: n });
    if (ins > 0) this.edits.push({ op: 'insert', oldStart: o + del, oldEnd: o + del, newStart: n, newEnd: n + ins });
    this.oldPos += del;
    this.newPos += ins;
    this.pendingOld = 0;
    this.pendingNew = 0;
  }
}
