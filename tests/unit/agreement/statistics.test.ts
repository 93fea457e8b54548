import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, krippendorffAlpha, pairableUnits, percentAgreement, unitizedAlpha, unitizedDisagreement } from '../../../src-shared/stats/agreement';
import type { Figure, Ratings, Stretch } from '../../../src-shared/stats/agreement';

const valueOf = (f: Figure): number => {
  if (f.value === null) throw new Error(`not computable: ${f.reason}`);
  return f.value;
};

/** Units × coders from coders × units rows, `null` for a blank. */
const byUnit = (rows: readonly (readonly (number | null)[])[]): Ratings => rows[0]!.map((_, u) => rows.map((r) => r[u]!));

/** Units rated by two coders from a contingency table: table[a][b] units got value a from the first, b from the second. */
const fromTable = (table: readonly (readonly number[])[]): [number[], number[]] => {
  const a: number[] = [];
  const b: number[] = [];
  table.forEach((row, i) => row.forEach((n, j) => { for (let k = 0; k < n; k++) { a.push(i); b.push(j); } }));
  return [a, b];
};

/** Units rated by many coders from a table of counts per category. */
const fromCounts = (rows: readonly (readonly number[])[]): Ratings => rows.map((row) => row.flatMap((n, value) => Array<number>(n).fill(value)));

describe("Krippendorff's α, nominal", () => {
  it('matches "Computing Krippendorff\'s Alpha-Reliability" (2011): 4 coders × 12 units with blanks, α = 0.743', () => {
    const _ = null;
    const ratings = byUnit([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    expect(valueOf(krippendorffAlpha(ratings))).toBeCloseTo(0.743, 3);
    expect(pairableUnits(ratings)).toBe(11);
  });

  it('matches the same paper\'s binary example for two coders, α = 0.095', () => {
    const ratings = byUnit([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(valueOf(krippendorffAlpha(ratings))).toBeCloseTo(0.095, 3);
    expect(valueOf(percentAgreement(ratings))).toBeCloseTo(0.6, 10);
  });

  it('cannot be computed when every value is the same, and says why', () => {
    expect(krippendorffAlpha([[0, 0], [0, 0]])).toEqual({ value: null, reason: 'noVariation' });
    expect(krippendorffAlpha([[0, null], [null, 1]])).toEqual({ value: null, reason: 'noUnits' });
  });
});

describe("Cohen's κ", () => {
  it('matches Cohen (1960, p. 45): 200 units in three categories, κ = 0.492', () => {
    const [a, b] = fromTable([[88, 14, 18], [10, 40, 10], [2, 6, 12]]);
    expect(valueOf(cohenKappa(a, b))).toBeCloseTo(0.492, 3);
    expect(valueOf(percentAgreement(a.map((x, i) => [x, b[i]!])))).toBeCloseTo(0.7, 10);
  });

  it('matches Cohen (1960, p. 37): po = 0.29, pe = 0.35, so κ is negative', () => {
    const [a, b] = fromTable([[25, 12, 3], [13, 2, 15], [12, 16, 2]]);
    expect(valueOf(cohenKappa(a, b))).toBeCloseTo((0.29 - 0.35) / (1 - 0.35), 2);
  });

  it('counts only units both coders rated, and cannot be computed when both used one same value', () => {
    expect(valueOf(cohenKappa([1, 0, null, 1], [1, 0, 1, null]))).toBe(1);
    expect(cohenKappa([1, 1, 1], [1, 1, 1])).toEqual({ value: null, reason: 'noVariation' });
    expect(cohenKappa([1, null], [null, 1])).toEqual({ value: null, reason: 'noUnits' });
  });
});

describe("Fleiss' κ", () => {
  it('matches Fleiss (1971, p. 379): 30 patients, 6 psychiatrists, 5 diagnoses, κ = 0.430', () => {
    const rows = [
      [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];
    expect(valueOf(fleissKappa(rows).kappa)).toBeCloseTo(0.43, 3);
  });

  it("matches Wikipedia's worked example: 10 subjects, 14 raters, 5 categories, κ = 0.210", () => {
    const ratings = fromCounts([
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]);
    expect(valueOf(fleissKappa(ratings).kappa)).toBeCloseTo(0.21, 3);
  });

  it('leaves out units where a coder is missing and says how many', () => {
    const result = fleissKappa([[1, 1, 1], [0, 0, 0], [1, null, 0], [0, 0, 1]]);
    expect(result.dropped).toBe(1);
    expect(valueOf(result.kappa)).toBeCloseTo(valueOf(fleissKappa([[1, 1, 1], [0, 0, 0], [0, 0, 1]]).kappa), 12);
  });
});

/** The continuum [150, 450) of Krippendorff (2004, p. 254), shifted to start at 0. */
const krippendorff2004 = (category: 'c' | 'k'): Stretch[] => {
  const at = (start: number, length: number) => ({ start: start - 150, end: start - 150 + length });
  const coders = category === 'c' ? [[at(225, 70), at(370, 30)], [at(220, 80), at(355, 20), at(400, 20)]] : [[at(180, 60), at(300, 50)], [at(180, 60), at(300, 50)]];
  return [{ length: 300, coders }];
};

describe("Krippendorff's unitizing α (α_u)", () => {
  it('matches Krippendorff (2004, p. 254): category c, uDo = 0.0144, uDe = 0.0532, α = 0.7286', () => {
    const d = unitizedDisagreement(krippendorff2004('c'));
    expect(d.observed).toBeCloseTo(0.0144, 4);
    expect(d.expected).toBeCloseTo(0.0532, 4);
    expect(valueOf(unitizedAlpha(krippendorff2004('c')))).toBeCloseTo(0.7286, 3);
  });

  it('matches the same example for category k, coded identically: uDe = 0.0490, α = 1', () => {
    expect(unitizedDisagreement(krippendorff2004('k')).expected).toBeCloseTo(0.049, 4);
    expect(valueOf(unitizedAlpha(krippendorff2004('k')))).toBe(1);
  });

  it("matches the observed disagreements of Krippendorff's (1995, p. 57) four pairs of coders on 24 units", () => {
    const pair = (a: [number, number][], b: [number, number][]): Stretch[] => [
      { length: 24, coders: [a, b].map((list) => list.map(([start, length]) => ({ start, end: start + length }))) },
    ];
    const examples: [Stretch[], number][] = [
      [pair([[2, 8], [14, 6]], [[4, 4], [15, 2]]), 0.03125],
      [pair([[0, 18]], [[0, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 3], [9, 1]]), 2.26736],
      [pair([[2, 6], [10, 2], [14, 4], [20, 2]], [[0, 2], [4, 4], [10, 4], [16, 2], [20, 2]]), 0.02777],
      [pair([[0, 2], [2, 8], [10, 4], [14, 6], [20, 4]], [[0, 4], [4, 4], [8, 7], [15, 2], [17, 7]]), 0.38715],
    ];
    for (const [stretches, observed] of examples) expect(unitizedDisagreement(stretches).observed).toBeCloseTo(observed, 4);
  });

  it('treats gaps as not crossing from one document to the next', () => {
    const oneDocument: Stretch[] = [{ length: 20, coders: [[{ start: 2, end: 6 }], [{ start: 3, end: 6 }]] }];
    const withEmpty: Stretch[] = [...oneDocument, { length: 20, coders: [[], []] }];
    expect(unitizedDisagreement(withEmpty).observed).toBeCloseTo(unitizedDisagreement(oneDocument).observed / 4, 12);
  });

  it('cannot be computed when nobody marked the category', () => {
    expect(unitizedAlpha([{ length: 50, coders: [[], []] }])).toEqual({ value: null, reason: 'noVariation' });
    expect(unitizedAlpha([])).toEqual({ value: null, reason: 'noUnits' });
  });
});

describe('invariants', () => {
  const binaryRatings = (coders: number) => fc.array(fc.array(fc.constantFrom(0, 1, null), { minLength: coders, maxLength: coders }), { minLength: 1, maxLength: 40 });
  const within = (a: Figure, b: Figure): void => {
    expect(a.reason).toBe(b.reason);
    if (a.value !== null) expect(a.value).toBeCloseTo(b.value!, 9);
  };

  it('perfect agreement gives 1 for every coefficient', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 2, max: 5 }), (values, m) => {
        fc.pre(new Set(values).size > 1);
        const ratings = values.map((v) => Array<number>(m).fill(v));
        expect(valueOf(percentAgreement(ratings))).toBe(1);
        expect(valueOf(krippendorffAlpha(ratings))).toBeCloseTo(1, 12);
        expect(valueOf(fleissKappa(ratings).kappa)).toBeCloseTo(1, 12);
        expect(valueOf(cohenKappa(values, values))).toBeCloseTo(1, 12);
      }),
    );
  });

  it('does not depend on the order of coders, and stays within bounds', () => {
    fc.assert(
      fc.property(binaryRatings(3), (ratings) => {
        const reversed = ratings.map((u) => [...u].reverse());
        within(percentAgreement(ratings), percentAgreement(reversed));
        within(krippendorffAlpha(ratings), krippendorffAlpha(reversed));
        within(fleissKappa(ratings).kappa, fleissKappa(reversed).kappa);
        const a = ratings.map((u) => u[0]!);
        const b = ratings.map((u) => u[1]!);
        within(cohenKappa(a, b), cohenKappa(b, a));
        const p = percentAgreement(ratings).value;
        if (p !== null) expect(p >= 0 && p <= 1).toBe(true);
        for (const f of [krippendorffAlpha(ratings), fleissKappa(ratings).kappa, cohenKappa(a, b)]) if (f.value !== null) expect(f.value).toBeLessThanOrEqual(1 + 1e-12);
        const k = cohenKappa(a, b).value;
        if (k !== null) expect(k).toBeGreaterThanOrEqual(-1 - 1e-12);
      }),
    );
  });

  it('α_u: identical coders agree perfectly, coder order does not matter, and α_u ≤ 1', () => {
    const spans = fc.array(fc.tuple(fc.nat({ max: 99 }), fc.integer({ min: 1, max: 30 })).map(([start, length]) => ({ start, end: Math.min(100, start + length) })), { maxLength: 6 });
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const same = unitizedAlpha([{ length: 100, coders: [a, a] }]);
        if (a.length > 0) expect(valueOf(same)).toBeCloseTo(1, 12);
        within(unitizedAlpha([{ length: 100, coders: [a, b] }]), unitizedAlpha([{ length: 100, coders: [b, a] }]));
        const f = unitizedAlpha([{ length: 100, coders: [a, b] }]);
        if (f.value !== null) expect(f.value).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('a unit of weight w counts as w copies of it (figures by character)', () => {
    fc.assert(
      fc.property(binaryRatings(3), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }), (ratings, w) => {
        const weights = ratings.map((_, u) => w[u]!);
        const repeated = ratings.flatMap((unit, u) => Array<readonly (number | null)[]>(weights[u]!).fill(unit));
        within(percentAgreement(ratings, weights), percentAgreement(repeated));
        within(krippendorffAlpha(ratings, weights), krippendorffAlpha(repeated));
        within(fleissKappa(ratings, weights).kappa, fleissKappa(repeated).kappa);
        const column = (rows: Ratings, c: number) => rows.map((u) => u[c]!);
        within(cohenKappa(column(ratings, 0), column(ratings, 1), weights), cohenKappa(column(repeated, 0), column(repeated, 1)));
        expect(pairableUnits(ratings, weights)).toBe(pairableUnits(repeated));
      }),
    );
  });
});
