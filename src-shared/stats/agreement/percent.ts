import type { Figure, Ratings } from './figure';
import { figure, notComputable, valueCounts } from './figure';

/**
 * Percent agreement: of all pairs of coders who both rated a unit, the share that gave the same
 * value, pooled over units. With two coders and no missing ratings this is simply the share of
 * units they agree on. Units rated by fewer than two coders are not pairable and do not count.
 * Not corrected for chance: two coders who never apply a rare code agree on almost every unit.
 */
export function percentAgreement(ratings: Ratings): Figure {
  let pairs = 0;
  let agreeing = 0;
  for (const unit of ratings) {
    const counts = valueCounts(unit);
    let m = 0;
    for (const n of counts.values()) {
      m += n;
      agreeing += n * (n - 1);
    }
    pairs += m * (m - 1);
  }
  return pairs === 0 ? notComputable('noUnits') : figure(agreeing / pairs);
}

/** Units at least two coders rated: the ones an agreement figure can be based on. */
export function pairableUnits(ratings: Ratings): number {
  let n = 0;
  for (const unit of ratings) if (unit.filter((v) => v !== null).length >= 2) n++;
  return n;
}
