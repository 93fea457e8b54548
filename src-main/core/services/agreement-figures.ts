/**
 * The figures of one row of the agreement table (a code, a document, a case, or everything) from
 * its ratings: every item is one unit for one code, rated 1 (coded), 0 (not coded) or null (the
 * coder did not code that document at all).
 */
import { FEW_UNITS, RARE_SHARE } from '../../../src-shared/contract/agreement';
import type { AgreementFigures, AgreementWarning, PairAgreement } from '../../../src-shared/contract/agreement';
import { cohenKappa, fleissKappa, krippendorffAlpha, pairableUnits, percentAgreement } from '../../../src-shared/stats/agreement';
import type { Figure } from '../../../src-shared/stats/agreement';

/**
 * All the units of one document that got the same ratings for one code: the statistics only count
 * how often each combination of ratings occurs, so identical units are kept once, with a weight.
 */
export interface Item {
  /** Index of the document in the list of documents looked at. */
  readonly document: number;
  /** Index of the chosen code. */
  readonly code: number;
  /** One rating per chosen coder. */
  readonly values: readonly (0 | 1 | null)[];
  /** How many units this stands for: characters for the `characters` unit. */
  weight: number;
  /** How many units (or runs of characters) this stands for: the decisions coders made. */
  runs: number;
}

export function figuresOf(items: readonly Item[], coderIds: readonly string[], unitizedAlpha: Figure | null): AgreementFigures {
  const ratings = items.map((i) => i.values);
  const weights = items.map((i) => i.weight);
  let applied = 0;
  let rated = 0;
  let missing = false;
  for (const item of items) {
    for (const v of item.values) {
      if (v === null) missing = true;
      else {
        rated += item.weight;
        applied += v * item.weight;
      }
    }
  }
  const prevalence = rated > 0 ? applied / rated : null;
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < coderIds.length; i++) {
    for (let j = i + 1; j < coderIds.length; j++) {
      const a = ratings.map((r) => r[i]!);
      const b = ratings.map((r) => r[j]!);
      const two = ratings.map((r) => [r[i]!, r[j]!]);
      pairs.push({
        coderIds: [coderIds[i]!, coderIds[j]!],
        units: pairableUnits(two, weights),
        percent: percentAgreement(two, weights),
        kappa: cohenKappa(a, b, weights),
        alpha: krippendorffAlpha(two, weights),
      });
    }
  }
  // Few units means few decisions: for runs of characters, few runs, whatever their length.
  const decisions = pairableUnits(ratings, items.map((i) => i.runs));
  const warnings: AgreementWarning[] = [];
  if (decisions < FEW_UNITS) warnings.push('fewUnits');
  if (prevalence !== null && prevalence < RARE_SHARE) warnings.push('rareCode');
  if (prevalence !== null && prevalence > 1 - RARE_SHARE) warnings.push('commonCode');
  if (missing) warnings.push('missingCoders');
  return {
    units: items.reduce((sum, i) => sum + i.weight, 0),
    pairable: pairableUnits(ratings, weights),
    percent: percentAgreement(ratings, weights),
    fleiss: fleissKappa(ratings, weights).kappa,
    alpha: krippendorffAlpha(ratings, weights),
    unitizedAlpha,
    prevalence,
    warnings,
    pairs,
  };
}
