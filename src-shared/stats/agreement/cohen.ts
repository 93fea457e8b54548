import type { Figure, Weights } from './figure';
import { figure, notComputable, weightOf } from './figure';

/**
 * Cohen's κ for two coders: (po − pe) / (1 − pe), po the share of units they agree on and pe the
 * agreement expected from each coder's own distribution of values (Cohen 1960). Only units both
 * rated count (`null` is missing). Not computable when pe = 1: both coders gave one and the same
 * value to every unit.
 */
export function cohenKappa(a: readonly (number | null)[], b: readonly (number | null)[], weights?: Weights): Figure {
  if (a.length !== b.length) throw new Error('cohenKappa: the two coders must rate the same units');
  const ofA = new Map<number, number>();
  const ofB = new Map<number, number>();
  let n = 0;
  let agree = 0;
  for (let u = 0; u < a.length; u++) {
    const x = a[u]!;
    const y = b[u]!;
    if (x === null || y === null) continue;
    const w = weightOf(weights, u);
    n += w;
    if (x === y) agree += w;
    ofA.set(x, (ofA.get(x) ?? 0) + w);
    ofB.set(y, (ofB.get(y) ?? 0) + w);
  }
  if (n === 0) return notComputable('noUnits');
  let pe = 0;
  for (const [value, count] of ofA) pe += (count / n) * ((ofB.get(value) ?? 0) / n);
  // Exactly 1 only when both used a single, shared value; rounding cannot reach it otherwise.
  if (pe >= 1) return notComputable('noVariation');
  return figure((agree / n - pe) / (1 - pe));
}
