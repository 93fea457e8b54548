/**
 * How the Agreement view writes its figures: rounded as the CLI rounds them (so both show the
 * same numbers), then formatted by the interface language.
 */
import type { AgreementFigures } from '../../../src-shared/contract/agreement';
import type { AgreementWarning } from '../../../src-shared/contract/agreement';
import { roundCoefficient, roundPercent } from '../../../src-shared/stats/agreement';
import type { Figure, NotComputable } from '../../../src-shared/stats/agreement';

/** A coefficient as shown ("0,614" in Russian), or null when it cannot be computed. */
export function coefficientText(f: Figure | null, format: (n: number) => string): string | null {
  return f === null || f.value === null ? null : format(roundCoefficient(f.value));
}

/** A share as a percentage ("83,3 %" in Russian), or null. */
export function percentText(f: Figure, format: (n: number) => string): string | null {
  return f.value === null ? null : `${format(roundPercent(f.value))} %`;
}

/** What to read with care in a row: its warnings, then why any of its figures is missing. */
export function cautions(f: AgreementFigures, twoCoders: boolean): { warnings: readonly AgreementWarning[]; reasons: readonly NotComputable[] } {
  const figures = [f.percent, f.alpha, f.fleiss, f.unitizedAlpha, twoCoders ? f.pairs[0]!.kappa : null];
  const reasons = new Set<NotComputable>();
  for (const x of figures) if (x?.reason) reasons.add(x.reason);
  return { warnings: f.warnings, reasons: [...reasons] };
}
