import { describe, expect, it } from 'vitest';
import type { CooccurrenceMatrix } from '../../../src-shared/contract';
import { strongestPairs, valuesOf } from '../../../src-renderer/views/cooccurrence/model';
import { networkOption } from '../../../src-renderer/views/cooccurrence/network';
import type { EdgeData } from '../../../src-renderer/views/cooccurrence/network';

const code = (n: number, name: string) => ({ codeId: `c${n}`, name, path: name, depth: 0, color: `#00000${n}` });

/**
 * Four codes: A–B co-occur 6 times, A–C 2, B–C 2, D with nobody. Own counts 10, 8, 2, 5.
 * c-coefficient n12 / (n1 + n2 − n12): A–B 6/12 = 0.5, A–C 2/10 = 0.2, B–C 2/8 = 0.25.
 */
const matrix: CooccurrenceMatrix = {
  by: 'overlap',
  codes: [code(1, 'A'), code(2, 'B'), code(3, 'C'), code(4, 'D')],
  counts: [
    [10, 6, 2, 0],
    [6, 8, 2, 0],
    [2, 2, 2, 0],
    [0, 0, 0, 5],
  ],
  jaccard: [
    [1, 0.4, 0.2, 0],
    [0.4, 1, 0.2, 0],
    [0.2, 0.2, 1, 0],
    [0, 0, 0, 1],
  ],
  c: [
    [1, 0.5, 0.2, 0],
    [0.5, 1, 0.25, 0],
    [0.2, 0.25, 1, 0],
    [0, 0, 0, 1],
  ],
};
const all = [0, 1, 2, 3];

describe('the network of strongest pairs', () => {
  it('takes the top pairs by the chosen figure, never a code with itself nor pairs that never co-occur', () => {
    expect(strongestPairs(matrix, valuesOf(matrix, 'c'), all, 10)).toEqual([
      { a: 0, b: 1, value: 0.5, count: 6 },
      { a: 1, b: 2, value: 0.25, count: 2 },
      { a: 0, b: 2, value: 0.2, count: 2 },
    ]);
    expect(strongestPairs(matrix, valuesOf(matrix, 'c'), all, 2).map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('breaks ties by count, then by codebook order, and keeps to the shown codes', () => {
    // Jaccard: A–C and B–C tie at 0.2 with equal counts, so codebook order decides.
    expect(strongestPairs(matrix, valuesOf(matrix, 'jaccard'), all, 3).map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(strongestPairs(matrix, valuesOf(matrix, 'count'), [2, 1], 5)).toEqual([{ a: 1, b: 2, value: 2, count: 2 }]);
    expect(strongestPairs(matrix, valuesOf(matrix, 'count'), all, 0)).toEqual([]);
  });

  it('draws the codes of the pairs as nodes in their colours, sized by their own counts, and edges that name their codes', () => {
    const pairs = strongestPairs(matrix, valuesOf(matrix, 'c'), all, 2);
    const option = networkOption(matrix, pairs, String);
    const series = (Array.isArray(option.series) ? option.series[0] : option.series) as { data: { id: string; name: string; symbolSize: number; itemStyle: { color: string } }[]; edges: (EdgeData & { lineStyle: { width: number } })[] };
    expect(series.data.map((n) => [n.name, n.itemStyle.color])).toEqual([
      ['A', '#000001'],
      ['B', '#000002'],
      ['C', '#000003'],
    ]);
    // sizes grow with the square root of the own count: A (10) is the largest
    expect(series.data[0]!.symbolSize).toBe(30);
    expect(series.data[2]!.symbolSize).toBeCloseTo(8 + 22 * Math.sqrt(2 / 10));
    expect(series.edges.map((e) => e.codeIds)).toEqual([
      ['c1', 'c2'],
      ['c2', 'c3'],
    ]);
    expect(series.edges.map((e) => e.lineStyle.width)).toEqual([8, 4.5]);
  });
});
