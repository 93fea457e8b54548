/**
 * Myers' O(ND) difference algorithm over integer tokens (interned lines or words, or code
 * points), with bounds on D and on the work done, so that a wholesale rewrite costs a bounded
 * amount of time and the caller can fall back to something coarser.
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
 * Work allowance shared by the calls of one diff, in steps (diagonals visited plus token
 * comparisons). Every call deducts what it spent, successful or not.
 */
export interface WorkBudget {
  remaining: number;
}

/** The most steps one call may take: about 15 ms on a 2020s laptop (a step costs ~10-15 ns). */
const CALL_LIMIT = 1_000_000;

/**
 * Shortest edit script turning `a` into `b`, as runs in order, or null when it needs more than
 * `maxD` insertions plus deletions, or more work than the budget (or CALL_LIMIT) allows.
 */
export function myersDiff(a: Int32Array, b: Int32Array, maxD: number, budget: WorkBudget): Run[] | null {
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
    budget,
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

function myersCore(a: Int32Array, b: Int32Array, maxD: number, budget: WorkBudget): Run[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const runs: Run[] = [];
    pushRun(runs, DELETE, n);
    pushRun(runs, INSERT, m);
    return runs;
  }
  const limit = Math.min(n + m, maxD);
  const allowance = Math.min(CALL_LIMIT, budget.remaining);
  let work = 0;
  const offset = limit + 1;
  // v[offset + k] = furthest x reached on diagonal k.
  const v = new Int32Array(2 * limit + 3);
  // Round d writes diagonals -d, -d+2, ..., d; the backtrack needs them all, so they are kept
  // in one flat array, round d starting at d(d+1)/2. Slicing v every round would triple the cost.
  let trace = new Int32Array(1024);
  for (let d = 0; d <= limit; d++) {
    if (work > allowance) break;
    const base = (d * (d + 1)) >> 1;
    if (base + d + 1 > trace.length) {
      const grown = new Int32Array(Math.max(trace.length * 2, base + d + 1));
      grown.set(trace);
      trace = grown;
    }
    work += d + 1;
    for (let k = -d; k <= d; k += 2) {
      const down = v[offset + k + 1] ?? 0;
      const right = v[offset + k - 1] ?? 0;
      let x = k === -d || (k !== d && right < down) ? down : right + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      work += x - x0;
      v[offset + k] = x;
      trace[base + ((k + d) >> 1)] = x;
      if (x >= n && y >= m) {
        budget.remaining -= work;
        return backtrack(trace, n, m, d);
      }
    }
  }
  budget.remaining -= work;
  return null;
}

/** Walks the rounds back from the end point, reading round d - 1's diagonals from `trace`. */
function backtrack(trace: Int32Array, n: number, m: number, dFinal: number): Run[] {
  const reversed: Run[] = [];
  let x = n;
  let y = m;
  for (let d = dFinal; d > 0; d--) {
    const previous = ((d - 1) * d) >> 1;
    // Diagonal j of round d - 1 sits at previous + (j + d - 1) / 2.
    const at = (j: number): number => trace[previous + ((j + d - 1) >> 1)] ?? 0;
    const k = x - y;
    const fromDown = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = fromDown ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    pushRun(reversed, EQUAL, Math.min(x - prevX, y - prevY));
    pushRun(reversed, fromDown ? INSERT : DELETE, 1);
    x = prevX;
    y = prevY;
  }
  pushRun(reversed, EQUAL, x);
  const runs: Run[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) {
    const r = reversed[i];
    if (r !== undefined) pushRun(runs, r.op, r.count);
  }
  return runs;
}
