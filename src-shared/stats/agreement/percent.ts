import type { Figure, Ratings } from './figure';
import type { Weights } from './figure';
import { figure, notComputable, valueCounts, weightOf } from './figure';

/**
 * Percent agreement: of all pairs of coders who both rated a unit, the share that gave the same
 * value, pooled over units. With two coders and no missing ratings this is simply the share of
 * units they agree on. Units rated by fewer than two coders are not pairable and do not count.
 * Not corrected for chance: two coders who never apply a rare code agree on almost every unit.
 */
export function percentAgreement(ratings: Ratings, weights?: Weights): Figure {
  let pairs = 0;
  let agreeing = 0;
  ratings.forEach((unit, u) => {
    const w = weightOf(weights, u);
    let m = 0;
    for (const n of valueCounts(unit).values()) {
      m += n;
      agreeing += w * n * (n - 1);
    }
    pairs += w * m * (m - 1);
  });
  return pairs === 0 ? notComputable('noUnits') : figure(agreeing / pairs);
}

/** Units at least two coders rated: the ones an agreement figure can be based on. */
export function pairableUnits(ratings: Ratings, weights?: Weights): number {
  let n = 0;
  ratings.forEach((unit, u) => {
    if (unit.filter((v) => v !== null).length >= 2) n += weightOf(weights, u);
  });
  return n;
}
