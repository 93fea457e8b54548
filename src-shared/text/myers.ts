/**
 * Myers' O(ND) difference algorithm over integer tokens (interned lines or words, or code
 * points), with a bound on D so that a wholesale rewrite costs a bounded amount of work and the
 * caller can fall back to something coarser.
 */

export const EQUAL = 0;
export const DELETE = 1;
export const INSERT = 2;
export type RunOp = typeof EQUAL | typeof DELETE | typeof INSERT;

/** A run of `count` tokens with the same operation. */
export interface Run {
  readonly op: RunOp;
  readonly count: number;
}

/**
 * Upper bound on the cells Myers may visit in one call (tokens × D). Keeps the worst case of one
 * call near 10-20 ms however large the region is.
 */
const WORK_LIMIT = 4_000_000;

/**
 * Shortest edit script turning `a` into `b`, as runs in order, or null when it needs more than
 * `maxD` insertions plus deletions (or more work than WORK_LIMIT allows).
 */
export function myersDiff(a: Int32Array, b: Int32Array, maxD: number): Run[] | null {
  let prefix = 0;
  const shorter = Math.min(a.length, b.length);
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const middle = myersCore(
    a.subarray(prefix, a.length - suffix),
    b.subarray(prefix, b.length - suffix),
    maxD,
  );
  if (middle === null) return null;
  const runs: Run[] = [];
  pushRun(runs, EQUAL, prefix);
  for (const r of middle) pushRun(runs, r.op, r.count);
  pushRun(runs, EQUAL, suffix);
  return runs;
}

function pushRun(runs: Run[], op: RunOp, count: number): void {
  if (count <= 0) return;
  const last = runs[runs.length - 1];
  if (last !== undefined && last.op === op) runs[runs.length - 1] = { op, count: last.count + count };
  else runs.push({ op, count });
}

function myersCore(a: Int32Array, b: Int32Array, maxD: number): Run[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const runs: Run[] = [];
    pushRun(runs, DELETE, n);
    pushRun(runs, INSERT, m);
    return runs;
  }
  const limit = Math.min(n + m, maxD, Math.floor(WORK_LIMIT / (n + m)));
  const offset = limit + 1;
  // v[offset + k] = furthest x reached on diagonal k.
  const v = new Int32Array(2 * limit + 3);
  // trace[d] = v for diagonals -d-1 .. d+1 as it stood before round d, for the backtrack.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = v[offset + k + 1] ?? 0;
      const right = v[offset + k - 1] ?? 0;
      let x = k === -d || (k !== d && right < down) ? down : right + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, dFinal: number): Run[] {
  const reversed: Run[] = [];
  let x = n;
  let y = m;
  for (let d = dFinal; d >= 0; d--) {
    const t = trace[d];
    if (t === undefined) break;
    const k = x - y;
    // t holds diagonals -d-1 .. d+1, so diagonal k sits at index k + d + 1.
    const down = t[k + 1 + d + 1] ?? 0;
    const right = t[k - 1 + d + 1] ?? 0;
    const fromDown = k === -d || (k !== d && right < down);
    const prevK = fromDown ? k + 1 : k - 1;
    const prevX = fromDown ? down : right;
    const prevY = prevX - prevK;
    pushRun(reversed, EQUAL, Math.min(x - prevX, y - prevY));
    if (d > 0) pushRun(reversed, fromDown ? INSERT : DELETE, 1);
    x = prevX;
    y = prevY;
  }
  const runs: Run[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) {
    const r = reversed[i];
    if (r !== undefined) pushRun(runs, r.op, r.count);
  }
  return runs;
}
