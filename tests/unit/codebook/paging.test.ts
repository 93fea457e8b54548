import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src-shared/model/entities';
import { keepSelected, pageInfo, pickExamples } from '../../../src-renderer/views/codebook/paging';

describe('pageInfo', () => {
  it('pages a hundred at a time with one-based positions', () => {
    expect(pageInfo(250, 0)).toEqual({ page: 0, pages: 3, offset: 0, from: 1, to: 100, hasPrevious: false, hasNext: true });
    expect(pageInfo(250, 2)).toEqual({ page: 2, pages: 3, offset: 200, from: 201, to: 250, hasPrevious: true, hasNext: false });
  });

  it('clamps a page that no longer exists (the list shrank after a merge) to the last one', () => {
    expect(pageInfo(150, 5).page).toBe(1);
    expect(pageInfo(150, -1).page).toBe(0);
  });

  it('shows nothing for an empty list, as one page', () => {
    expect(pageInfo(0, 0)).toEqual({ page: 0, pages: 1, offset: 0, from: 0, to: 0, hasPrevious: false, hasNext: false });
  });

  it('takes other page sizes', () => {
    expect(pageInfo(10, 1, 4)).toMatchObject({ offset: 4, from: 5, to: 8, pages: 3 });
  });
});

const coding = (id: string, documentId: string, extra: Partial<Coding> = {}): Coding => ({
  id,
  documentId,
  revisionId: 'r',
  codeId: 'code',
  start: 0,
  end: 5,
  quote: `quote ${id}`,
  contextBefore: '',
  contextAfter: '',
  coderId: 'm',
  createdAt: '1993-01-01T00:00:00Z',
  status: 'ok',
  comment: null,
  ...extra,
});

describe('pickExamples', () => {
  it('prefers different documents and reviewed codings', () => {
    const list = [coding('1', 'd1', { status: 'needs_review' }), coding('2', 'd1'), coding('3', 'd1'), coding('4', 'd2'), coding('5', 'd3')];
    expect(pickExamples(list, 3).map((c) => c.id)).toEqual(['2', '4', '5']);
  });

  it('fills up from the same document when there are few, and skips empty quotes', () => {
    const list = [coding('1', 'd1'), coding('2', 'd1', { quote: '  ' }), coding('3', 'd1')];
    expect(pickExamples(list, 3).map((c) => c.id)).toEqual(['1', '3']);
  });
});

describe('keepSelected', () => {
  it('drops selected codings that are no longer listed', () => {
    expect([...keepSelected(new Set(['1', '2', '9']), [coding('1', 'd'), coding('2', 'd')])]).toEqual(['1', '2']);
  });
});
