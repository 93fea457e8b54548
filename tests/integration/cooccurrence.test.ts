import { describe, expect, it } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import { newProject } from './support';

/**
 * Two documents coded by hand (offsets; each line is a paragraph):
 *
 *   D1  line 0 [0, 40)    x1 = X [0, 20)   y1 = Y [10, 30)   y2 = Y [15, 18)
 *       line 1 [41, 81)   x2 = X [41, 45)  z1 = Z [50, 60)
 *       line 2 [82, 122)  y3 = Y [100, 110)
 *   D2  line 0 [0, 40)    x3 = X [0, 5)    z2 = Z [3, 8)
 *
 * Z sits inside X in the codebook; Y stands alone.
 *
 * overlap:  own counts X 3, Y 3, Z 2; pairs X–Y 2 (x1·y1, x1·y2), X–Z 1 (x3·z2), Y–Z 0.
 *           characters: X 29, Y 30, Z 15; shared X∩Y 10, X∩Z 2.
 * segment:  segments with X 3, Y 2, Z 2; X–Y 1, X–Z 2, Y–Z 0.
 * document: X 2, Y 1, Z 2; X–Y 1, X–Z 2, Y–Z 1.
 */
async function handCoded() {
  const { client } = await newProject();
  const X = await client.call('codes.create', { name: 'X' });
  const Y = await client.call('codes.create', { name: 'Y' });
  const Z = await client.call('codes.create', { name: 'Z', parentId: X.id });
  const line = (c: string) => c.repeat(40);
  const d1 = await client.call('documents.create', { title: 'D1', kind: 'interview', date: '1993-06', text: [line('x'), line('y'), line('z')].join('\n') });
  const d2 = await client.call('documents.create', { title: 'D2', kind: 'field_note', date: '1993-07', text: line('w') });
  const codings: [string, string, number, number][] = [
    [d1.id, X.id, 0, 20],
    [d1.id, Y.id, 10, 30],
    [d1.id, Y.id, 15, 18],
    [d1.id, X.id, 41, 45],
    [d1.id, Z.id, 50, 60],
    [d1.id, Y.id, 100, 110],
    [d2.id, X.id, 0, 5],
    [d2.id, Z.id, 3, 8],
  ];
  await client.call('codings.applyMany', { codings: codings.map(([documentId, codeId, start, end]) => ({ documentId, codeId, start, end })) });
  return { client, X, Y, Z, d1, d2 };
}

/** The matrix as a lookup by code name, whatever the order. */
async function cells(client: QuireClient, by: 'overlap' | 'sameSegment' | 'sameDocument', extra: { kinds?: ('interview' | 'field_note')[] } = {}) {
  const m = await client.call('cooccurrence.matrix', { by, ...extra });
  const at = (name: string) => m.codes.findIndex((c) => c.name === name);
  return {
    m,
    count: (a: string, b: string) => m.counts[at(a)]![at(b)],
    jaccard: (a: string, b: string) => m.jaccard[at(a)]![at(b)],
    c: (a: string, b: string) => m.c[at(a)]![at(b)],
  };
}

function expectSymmetric(matrix: readonly (readonly number[])[]): void {
  matrix.forEach((row, i) => row.forEach((v, j) => expect(v, `[${i}][${j}]`).toBe(matrix[j]![i])));
}

describe('code co-occurrence', () => {
  it('by overlap: pairs of passages, the c-coefficient on them and Jaccard on characters', async () => {
    const { client } = await handCoded();
    const { m, count, jaccard, c } = await cells(client, 'overlap');
    expect(m.codes.map((x) => [x.path, x.depth])).toEqual([
      ['X', 0],
      ['X › Z', 1],
      ['Y', 0],
    ]);
    expect([count('X', 'X'), count('Y', 'Y'), count('Z', 'Z')]).toEqual([3, 3, 2]);
    expect([count('X', 'Y'), count('X', 'Z'), count('Y', 'Z')]).toEqual([2, 1, 0]);
    expect([c('X', 'Y'), c('X', 'Z'), c('Y', 'Z')]).toEqual([0.5, 0.25, 0]); // 2/(3+3−2), 1/(3+2−1)
    expect([jaccard('X', 'Y'), jaccard('X', 'Z'), jaccard('Y', 'Z')]).toEqual([0.2041, 0.0476, 0]); // 10/49, 2/42
    expect([jaccard('X', 'X'), c('Y', 'Y')]).toEqual([1, 1]);
    for (const matrix of [m.counts, m.jaccard, m.c]) expectSymmetric(matrix);
    // The diagonal is each code's own count, as the codebook shows it.
    const codes = await client.call('codes.list', {});
    for (const [i, code] of m.codes.entries()) expect(m.counts[i]![i]).toBe(codes.find((x) => x.id === code.codeId)!.codingCount);
  });

  it('by segment and by document: units holding both codes, where Jaccard and c agree', async () => {
    const { client } = await handCoded();
    const seg = await cells(client, 'sameSegment');
    expect([seg.count('X', 'X'), seg.count('Y', 'Y'), seg.count('Z', 'Z')]).toEqual([3, 2, 2]);
    expect([seg.count('X', 'Y'), seg.count('X', 'Z'), seg.count('Y', 'Z')]).toEqual([1, 2, 0]);
    expect([seg.jaccard('X', 'Y'), seg.jaccard('X', 'Z')]).toEqual([0.25, 0.6667]);
    expect(seg.m.c).toEqual(seg.m.jaccard);
    expectSymmetric(seg.m.counts);
    const doc = await cells(client, 'sameDocument');
    expect([doc.count('X', 'X'), doc.count('Y', 'Y'), doc.count('Z', 'Z')]).toEqual([2, 1, 2]);
    expect([doc.count('X', 'Y'), doc.count('X', 'Z'), doc.count('Y', 'Z')]).toEqual([1, 2, 1]);
    expect([doc.jaccard('X', 'Y'), doc.jaccard('X', 'Z'), doc.c('Y', 'Z')]).toEqual([0.5, 1, 0.5]);
    expectSymmetric(doc.m.counts);
  });

  it('limits codes to a subtree or a list, and documents by the filters', async () => {
    const { client, X, Y } = await handCoded();
    expect((await client.call('cooccurrence.matrix', { codeId: X.id })).codes.map((c) => c.name)).toEqual(['X', 'Z']);
    expect((await client.call('cooccurrence.matrix', { codeIds: [Y.id, X.id] })).codes.map((c) => c.name)).toEqual(['X', 'Y']);
    const interviews = await cells(client, 'overlap', { kinds: ['interview'] });
    expect([interviews.count('X', 'X'), interviews.count('X', 'Z'), interviews.count('X', 'Y')]).toEqual([2, 0, 2]);
  });

  it('drills down to the passages behind a cell, as many as it counts', async () => {
    const { client, X, Y, Z } = await handCoded();
    const cell = (by: 'overlap' | 'sameSegment' | 'sameDocument', a: string, b: string) => client.call('cooccurrence.excerpts', { by, codeIds: [a, b] });
    const pairs = await cell('overlap', X.id, Y.id);
    expect(pairs.total).toBe(2);
    expect(pairs.excerpts.map((e) => [e.start, e.end, e.related.map((r) => [r.start, r.end])])).toEqual([
      [0, 20, [[10, 30]]],
      [0, 20, [[15, 18]]],
    ]);
    expect(new Set(pairs.excerpts.map((e) => e.key)).size).toBe(2);
    expect((await cell('overlap', X.id, X.id)).total).toBe(3);
    const segments = await cell('sameSegment', X.id, Z.id);
    expect(segments.excerpts.map((e) => [e.documentTitle, e.start, e.end])).toEqual([
      ['D1', 41, 60],
      ['D2', 0, 8],
    ]);
    expect((await cell('sameDocument', Y.id, Z.id)).excerpts.map((e) => e.documentTitle)).toEqual(['D1']);
    for (const by of ['overlap', 'sameSegment', 'sameDocument'] as const) {
      const m = await client.call('cooccurrence.matrix', { by });
      for (const [i, a] of m.codes.entries()) {
        for (const [j, b] of m.codes.entries()) expect((await cell(by, a.codeId, b.codeId)).total, `${by} ${a.name}×${b.name}`).toBe(m.counts[i]![j]);
      }
    }
  });
});
