/**
 * How strongly two codes go together, from counts every face computes the same way (the core for
 * the CLI and exports, the renderer when the user switches measure).
 */

export const COOCCURRENCE_MEASURES = ['count', 'jaccard', 'c'] as const;
export type CooccurrenceMeasure = (typeof COOCCURRENCE_MEASURES)[number];

/**
 * The c-coefficient of ATLAS.ti: n12 / (n1 + n2 − n12), where n1 and n2 are how often each code
 * occurs and n12 how often they co-occur. Between 0 and 1 when every co-occurrence is one unit of
 * each code; counted by overlapping pairs of passages, one passage may meet several of the other
 * code's and push it past 1, so it is capped there.
 */
export function cCoefficient(n1: number, n2: number, n12: number): number {
  if (n12 <= 0) return 0;
  const denominator = n1 + n2 - n12;
  return denominator <= 0 ? 1 : Math.min(1, n12 / denominator);
}

/** Jaccard's index |A ∩ B| / |A ∪ B| from the size of the intersection and of the union. */
export function jaccardIndex(both: number, either: number): number {
  return either <= 0 ? 0 : Math.min(1, both / either);
}

/** Rounds a coefficient for display and transport (four decimals). */
export const roundCoefficient = (x: number): number => Math.round(x * 10_000) / 10_000;
