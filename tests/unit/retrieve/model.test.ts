import { describe, expect, it } from 'vitest';
import { RetrievalQuerySchema } from '../../../src-shared/contract/retrieval';
import type { Code } from '../../../src-shared/model/entities';
import { cCoefficient, jaccardIndex } from '../../../src-shared/stats/cooccurrence';
import { codeOptions, draftProblem, draftToQuery, queryToDraft, shortContext } from '../../../src-renderer/views/retrieve/model';
import { EMPTY_DRAFT } from '../../../src-renderer/views/retrieve/store';
import { heat, heatMax, shownCodes } from '../../../src-renderer/views/cooccurrence/model';

const id = (n: number): string => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const code = (n: number, name: string, parent: number | null, archived = false): Code => ({
  id: id(n), parentId: parent === null ? null : id(parent), name, color: '#3a7bd5', definition: '', inclusion: '', exclusion: '', example: '', order: n, archived, codingCount: 0, documentCount: 0,
});

describe('the Excerpts query builder', () => {
  it('labels codes with their paths and leaves archived ones out', () => {
    expect(codeOptions([code(1, 'Paternalism', null), code(2, 'From above', 1), code(3, 'Old', null, true)])).toEqual([
      { value: id(1), label: 'Paternalism' },
      { value: id(2), label: 'Paternalism › From above' },
    ]);
  });

  it('runs a draft only when it can: codes, a second code for relations, readable dates', () => {
    expect(draftProblem(EMPTY_DRAFT)).toBe('codes');
    expect(draftProblem({ ...EMPTY_DRAFT, codeIds: [id(1)], operator: 'overlaps' })).toBe('second');
    expect(draftProblem({ ...EMPTY_DRAFT, codeIds: [id(1)], from: 'sometime' })).toBe('from');
    expect(draftToQuery({ ...EMPTY_DRAFT, codeIds: [id(1)], to: 'never' })).toBeNull();
    expect(draftToQuery({ ...EMPTY_DRAFT, codeIds: [id(1)], distance: 50 })).toMatchObject({ distance: 0, attributes: [], from: null });
    expect(draftToQuery({ ...EMPTY_DRAFT, codeIds: [id(1), id(2)], operator: 'within', distance: 50, attributeId: id(9), attributeValue: 'foreman' })).toMatchObject({
      distance: 50,
      attributes: [{ attributeId: id(9), values: ['foreman'] }],
    });
  });

  it('turns a saved query back into the same draft, dates at their precision', () => {
    for (const from of ['1993-06-14', '1993-06', '1993', 'autumn 1992', 'Q2 1993', '1992-03-01..1992-05-31']) {
      const draft = { ...EMPTY_DRAFT, codeIds: [id(1), id(2)], operator: 'follows' as const, distance: 120, from, to: '1994', speakers: 'informants' as const, kinds: ['interview' as const] };
      const saved = RetrievalQuerySchema.parse(draftToQuery(draft));
      expect(queryToDraft(saved), from).toEqual(draft);
    }
  });

  it('keeps the coders chosen, from the draft to the query and back', () => {
    const draft = { ...EMPTY_DRAFT, codeIds: [id(1)], coderIds: [id(7), id(8)] };
    expect(draftToQuery(draft)).toMatchObject({ coderIds: [id(7), id(8)] });
    expect(queryToDraft(RetrievalQuerySchema.parse(draftToQuery(draft))).coderIds).toEqual([id(7), id(8)]);
    expect(draftToQuery({ ...EMPTY_DRAFT, codeIds: [id(1)] })).toMatchObject({ coderIds: [] });
  });

  it('shortens context at a word', () => {
    expect(shortContext('short', 'before')).toBe('short');
    const long = 'слово '.repeat(30);
    expect(shortContext(long, 'before').length).toBeLessThanOrEqual(80);
    expect(shortContext(long, 'before').startsWith('слово')).toBe(true);
    expect(shortContext(long, 'after').endsWith('слово')).toBe(true);
  });
});

describe('co-occurrence figures', () => {
  it('computes the coefficients, capped and safe at zero', () => {
    expect(cCoefficient(3, 3, 2)).toBe(0.5);
    expect(cCoefficient(1, 1, 3)).toBe(1); // one passage overlapping several: capped
    expect(cCoefficient(0, 0, 0)).toBe(0);
    expect(jaccardIndex(10, 49)).toBeCloseTo(0.2041, 4);
    expect(jaccardIndex(0, 0)).toBe(0);
  });

  it('shows co-occurring codes and heats cells against the largest off-diagonal figure', () => {
    const matrix = {
      by: 'overlap' as const,
      codes: [0, 1, 2].map((i) => ({ codeId: id(i), name: `c${i}`, path: `c${i}`, depth: 0, color: '#000000' })),
      counts: [[5, 2, 0], [2, 4, 0], [0, 0, 9]],
      jaccard: [[1, 0.3, 0], [0.3, 1, 0], [0, 0, 1]],
      c: [[1, 0.29, 0], [0.29, 1, 0], [0, 0, 1]],
    };
    expect(shownCodes(matrix, true)).toEqual([0, 1]);
    expect(shownCodes(matrix, false)).toEqual([0, 1, 2]);
    expect(heatMax(matrix.counts, [0, 1, 2])).toBe(2);
    expect(heat(0, 2)).toBeNull();
    expect(heat(2, 2)).toEqual({ background: '#1c4e9c', color: '#ffffff' });
  });
});
