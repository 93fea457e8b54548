/**
 * What every agreement coefficient returns: a number, or the reason it cannot be computed. A
 * coefficient is a ratio of observed to expected (dis)agreement; when nothing could disagree by
 * chance the ratio is 0/0, and reporting 1 or NaN there would mislead, so the reason is kept.
 */

/**
 * - `noUnits`: no unit was rated by enough coders (two for a pair, all of them for Fleiss' κ).
 * - `noVariation`: every rating is the same value (e.g. nobody ever applied the code, or everyone
 *   applied it everywhere), so chance agreement is already perfect and the coefficient is 0/0.
 */
export const NOT_COMPUTABLE = ['noUnits', 'noVariation'] as const;
export type NotComputable = (typeof NOT_COMPUTABLE)[number];

export type Figure = { readonly value: number; readonly reason: null } | { readonly value: null; readonly reason: NotComputable };

export const figure = (value: number): Figure => ({ value, reason: null });
export const notComputable = (reason: NotComputable): Figure => ({ value: null, reason });

/**
 * Ratings as units × coders: `ratings[u][c]` is coder c's value for unit u, null when coder c did
 * not rate unit u (missing, which is not the same as "did not apply the code"). Values are
 * category numbers; only equality between them matters (nominal data).
 */
export type Ratings = readonly (readonly (number | null)[])[];

/**
 * How much each unit weighs: 1 each by default; a run of characters weighs its length, so that
 * figures "by character" need not list every character.
 */
export type Weights = readonly number[] | undefined;

export const weightOf = (weights: Weights, u: number): number => (weights ? weights[u]! : 1);

/** How often each value occurs among the non-missing ratings of one unit. */
export function valueCounts(unit: readonly (number | null)[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of unit) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Coefficients as every face shows them: three decimals (κ = 0.614). */
export const roundCoefficient = (x: number): number => Math.round(x * 1000) / 1000;
/** A share (0..1) as a percentage with one decimal, as every face shows it (83.3). */
export const roundPercent = (share: number): number => Math.round(share * 1000) / 10;
