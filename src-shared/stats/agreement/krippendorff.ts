import type { Figure, Ratings } from './figure';
import type { Weights } from './figure';
import { figure, notComputable, valueCounts, weightOf } from './figure';

/**
 * Krippendorff's α for nominal data by the coincidence matrix ("Computing Krippendorff's
 * Alpha-Reliability", 2011): each unit rated by m ≥ 2 coders adds its m(m − 1) ordered pairs of
 * values, weighted 1/(m − 1); α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. Any number of
 * coders, and missing ratings are simply absent from their unit; units with one rating are not
 * pairable and drop out. Not computable when all pairable values are the same.
 */
export function krippendorffAlpha(ratings: Ratings, weights?: Weights): Figure {
  const marginals = new Map<number, number>();
  let disagreeing = 0;
  ratings.forEach((unit, u) => {
    const counts = valueCounts(unit);
    let m = 0;
    for (const n of counts.values()) m += n;
    if (m < 2) return;
    const w = weightOf(weights, u);
    let sameSum = 0;
    for (const [value, n] of counts) {
      sameSum += n * (n - 1);
      marginals.set(value, (marginals.get(value) ?? 0) + w * n);
    }
    // Off-diagonal coincidences of this unit: all ordered pairs minus those of equal values.
    disagreeing += (w * (m * (m - 1) - sameSum)) / (m - 1);
  });
  let n = 0;
  let squares = 0;
  for (const nc of marginals.values()) {
    n += nc;
    squares += nc * nc;
  }
  if (n === 0) return notComputable('noUnits');
  const expected = n * n - squares;
  if (expected === 0) return notComputable('noVariation');
  return figure(1 - ((n - 1) * disagreeing) / expected);
}
