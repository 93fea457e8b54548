/** The Co-occurrence view's logic without React: which codes show, the figures and their heat. */
import type { CooccurrenceMatrix } from '../../../src-shared/contract';
import type { CooccurrenceMeasure } from '../../../src-shared/stats/cooccurrence';

/** The figures of a measure. */
export function valuesOf(matrix: CooccurrenceMatrix, measure: CooccurrenceMeasure): readonly (readonly number[])[] {
  return measure === 'count' ? matrix.counts : measure === 'jaccard' ? matrix.jaccard : matrix.c;
}

/** Indexes of the codes to show: all, or those that co-occur with at least one other. */
export function shownCodes(matrix: CooccurrenceMatrix, onlyCooccurring: boolean): number[] {
  const all = matrix.codes.map((_, i) => i);
  if (!onlyCooccurring) return all;
  return all.filter((i) => matrix.counts[i]!.some((n, j) => j !== i && n > 0));
}

/** The largest figure off the diagonal among the shown codes: the top of the heat scale. */
export function heatMax(values: readonly (readonly number[])[], shown: readonly number[]): number {
  let max = 0;
  for (const i of shown) for (const j of shown) if (i !== j) max = Math.max(max, values[i]![j]!);
  return max;
}

const LOW = [0xe7, 0xf0, 0xfb];
const HIGH = [0x1c, 0x4e, 0x9c];
const hex = (rgb: readonly number[]): string => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** A cell's colours: light to dark blue with the figure, text readable on both. */
export function heat(value: number, max: number): { readonly background: string; readonly color: string } | null {
  if (!(value > 0) || !(max > 0)) return null;
  const t = Math.sqrt(Math.min(1, value / max));
  return { background: hex(LOW.map((low, i) => low + (HIGH[i]! - low) * t)), color: t > 0.6 ? '#ffffff' : '#1a1b1e' };
}

/** Counts as whole numbers, coefficients with two decimals, as the language writes them. */
export function formatter(language: string, measure: CooccurrenceMeasure): (n: number) => string {
  const format = new Intl.NumberFormat(language, measure === 'count' ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (n) => format.format(n);
}

/** One pair of the network: two codes (indexes into the matrix's codes, `a` first in codebook order), the figure, the count. */
export interface Pair {
  readonly a: number;
  readonly b: number;
  readonly value: number;
  readonly count: number;
}

/** How many pairs the network shows unless the researcher asks for more or fewer. */
export const DEFAULT_PAIRS = 20;
export const MAX_PAIRS = 200;

/**
 * The `n` strongest pairs of different shown codes by the chosen figure: those that co-occur at
 * all, strongest first; ties go to the larger count, then to codebook order, so the choice never
 * depends on the order the numbers arrived in.
 */
export function strongestPairs(matrix: CooccurrenceMatrix, values: readonly (readonly number[])[], shown: readonly number[], n: number): Pair[] {
  const order = [...shown].sort((x, y) => x - y);
  const pairs: Pair[] = [];
  for (let x = 0; x < order.length; x++) {
    for (let y = x + 1; y < order.length; y++) {
      const a = order[x]!;
      const b = order[y]!;
      const count = matrix.counts[a]![b]!;
      if (count > 0) pairs.push({ a, b, value: values[a]![b]!, count });
    }
  }
  pairs.sort((p, q) => q.value - p.value || q.count - p.count || p.a - q.a || p.b - q.b);
  return pairs.slice(0, Math.max(0, n));
}
