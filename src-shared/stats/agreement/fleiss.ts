import type { Figure, Ratings } from './figure';
import type { Weights } from './figure';
import { figure, notComputable, valueCounts, weightOf } from './figure';

/**
 * Fleiss' κ (Fleiss 1971) for any fixed number of coders per unit. Fleiss' formula needs every
 * unit rated by the same number of coders, so a unit where any coder's rating is missing is left
 * out (`dropped` says how many); Krippendorff's α is the figure that uses such units.
 */
export function fleissKappa(ratings: Ratings, weights?: Weights): { readonly kappa: Figure; readonly dropped: number } {
  const complete = ratings.flatMap((unit, u) => (unit.length >= 2 && unit.every((v) => v !== null) ? [u] : []));
  const dropped = ratings.length - complete.length;
  if (complete.length === 0) return { kappa: notComputable('noUnits'), dropped };
  const m = ratings[complete[0]!]!.length;
  const totals = new Map<number, number>();
  let observed = 0;
  let size = 0;
  for (const u of complete) {
    const w = weightOf(weights, u);
    let same = 0;
    for (const [value, n] of valueCounts(ratings[u]!)) {
      same += n * (n - 1);
      totals.set(value, (totals.get(value) ?? 0) + w * n);
    }
    observed += (w * same) / (m * (m - 1));
    size += w;
  }
  observed /= size;
  let expected = 0;
  const all = size * m;
  for (const n of totals.values()) expected += (n / all) ** 2;
  if (expected >= 1) return { kappa: notComputable('noVariation'), dropped };
  return { kappa: figure((observed - expected) / (1 - expected)), dropped };
}
