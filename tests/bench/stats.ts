/**
 * Summary statistics of timing samples. Pure, so the unit tests can pin them down: a bench whose
 * arithmetic is wrong reports confident nonsense.
 */

export interface Summary {
  /** Number of timed repetitions (warm-up runs excluded). */
  readonly n: number;
  readonly median: number;
  /** Nearest-rank 95th percentile: with few samples this is the slowest or second slowest run. */
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new RangeError('No samples to summarise.');
  for (const s of samples) if (!Number.isFinite(s)) throw new RangeError(`Not a finite sample: ${s}`);
  return [...samples].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(samples: readonly number[]): number {
  const s = sorted(samples);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Nearest-rank percentile (the smallest sample with at least p% of samples at or below it).
 * Chosen over interpolation because it always names a time that was actually measured.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile out of range: ${p}`);
  const s = sorted(samples);
  return s[Math.ceil((p / 100) * s.length) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const s = sorted(samples);
  return { n: s.length, median: median(s), p95: percentile(s, 95), min: s[0]!, max: s[s.length - 1]! };
}

/**
 * How time grows with size between two points, as the exponent k in time ∝ size^k
 * (1 = linear, 0 = constant, 2 = quadratic).
 */
export function growthExponent(size1: number, time1: number, size2: number, time2: number): number {
  if (size1 <= 0 || size2 <= 0 || time1 <= 0 || time2 <= 0 || size1 === size2) throw new RangeError('Growth needs two distinct positive sizes and positive times.');
  return Math.log(time2 / time1) / Math.log(size2 / size1);
}
