import type { Figure } from './figure';
import { figure, notComputable } from './figure';

/** A coded span, `[start, end)` in characters from the start of its stretch. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One stretch of the continuum (a document): its length and, per coder, the spans that coder
 * marked with the category. Every stretch has the same coders in the same order.
 */
export interface Stretch {
  readonly length: number;
  readonly coders: readonly (readonly Span[])[];
}

/** A section of one coder's continuum: a unit of the category, or a gap (uncoded). */
interface Section {
  readonly start: number;
  readonly end: number;
  readonly unit: boolean;
}

/**
 * A coder's continuum as alternating gaps and units. Overlapping spans of one coder are one unit
 * (α_u needs a coder's units of a category not to overlap); spans that only touch stay two units.
 */
function sectionsOf(length: number, spans: readonly Span[]): Section[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const units: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = units[units.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else units.push({ ...s });
  }
  const sections: Section[] = [];
  let at = 0;
  for (const u of units) {
    if (u.start > at) sections.push({ start: at, end: u.start, unit: false });
    sections.push({ start: u.start, end: u.end, unit: true });
    at = u.end;
  }
  if (at < length) sections.push({ start: at, end: length, unit: false });
  return sections;
}

/** Krippendorff's δ² between two sections of different coders that overlap. */
function distance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over every overlapping pair of sections of two coders (sections are sorted and tile the stretch). */
function pairDistance(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let j = 0;
  for (const g of a) {
    while (j < b.length && b[j]!.end <= g.start) j++;
    for (let k = j; k < b.length && b[k]!.start < g.end; k++) sum += distance(g, b[k]!);
  }
  return sum;
}

export interface UnitizedDisagreement {
  /** uDo: observed disagreement. */
  readonly observed: number;
  /** uDe: the disagreement expected if the same units were placed at random in the continuum. */
  readonly expected: number;
}

/**
 * Krippendorff's unitizing disagreements for one category (Krippendorff 1995; Content Analysis,
 * 2nd ed., 2004, §11.6, the binary uα): the continuum is every stretch laid end to end, of total
 * length L, coded by m coders; gaps never run across stretches.
 *   uDo = 2·Σ_{i<j} Σ_g Σ_h δ²(g_i, h_j) / (m(m − 1)L²)
 *   uDe = (2/L)·Σ_units [ (N − 1)(2l³ − 3l² + l)/3 + l²·Σ_{gaps ≥ l} (gap − l + 1) ] / (mL(mL − 1) − Σ_units l(l − 1))
 * with N the number of units of all coders and gaps those of all coders.
 */
export function unitizedDisagreement(stretches: readonly Stretch[]): UnitizedDisagreement {
  const m = stretches[0]?.coders.length ?? 0;
  let length = 0;
  let observed = 0;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const stretch of stretches) {
    if (stretch.coders.length !== m) throw new Error('unitizedDisagreement: every stretch needs the same coders');
    length += stretch.length;
    const sections = stretch.coders.map((spans) => sectionsOf(stretch.length, spans));
    for (const list of sections) for (const s of list) (s.unit ? units : gaps).push(s.end - s.start);
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) observed += pairDistance(sections[i]!, sections[j]!);
  }
  if (m < 2 || length === 0) return { observed: 0, expected: 0 };
  gaps.sort((a, b) => a - b);
  // suffix[k]: the sum of gaps[k..], so the gaps at least l long are read in one search.
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  const n = units.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    const longer = gaps.length - lo;
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * (suffix[lo]! - longer * (l - 1));
    selfPairs += l * (l - 1);
  }
  const ml = m * length;
  return {
    observed: (2 * observed) / (m * (m - 1) * length * length),
    expected: ((2 / length) * numerator) / (ml * (ml - 1) - selfPairs),
  };
}

/**
 * Krippendorff's unitizing α for one category: 1 − uDo/uDe. Not computable on an empty continuum
 * or when no coder marked any unit of the category.
 */
export function unitizedAlpha(stretches: readonly Stretch[]): Figure {
  const total = stretches.reduce((sum, s) => sum + s.length, 0);
  if (total === 0 || (stretches[0]?.coders.length ?? 0) < 2) return notComputable('noUnits');
  const { observed, expected } = unitizedDisagreement(stretches);
  if (expected <= 0) return notComputable('noVariation');
  return figure(1 - observed / expected);
}
