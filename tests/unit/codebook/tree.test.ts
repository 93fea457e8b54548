import { describe, expect, it } from 'vitest';
import type { TreeNodeData } from '@mantine/core';
import type { Code } from '../../../src-shared/model/entities';
import { codeOptions, codeTree, deletionScope, descendantIds, stepMove, validateDrop } from '../../../src-renderer/views/codebook/tree';

const code = (id: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name: id.toUpperCase(),
  color: '#123456',
  definition: '',
  inclusion: '',
  exclusion: '',
  example: '',
  order,
  archived: false,
  codingCount: 1,
  documentCount: 1,
  ...extra,
});

// a ─┬─ a1 ── a1x
//    └─ a2
// b (archived)
// c
const CODES: Code[] = [
  code('c', null, 3),
  code('a2', 'a', 2, { codingCount: 5 }),
  code('a', null, 1, { codingCount: 2 }),
  code('a1', 'a', 1, { codingCount: 3 }),
  code('a1x', 'a1', 1, { codingCount: 4, name: 'Special' }),
  code('b', null, 2, { archived: true }),
];

const shape = (nodes: TreeNodeData[]): unknown => nodes.map((n) => (n.children?.length ? { [n.value]: shape(n.children) } : n.value));

describe('codeTree', () => {
  it('nests codes under their parents in codebook order, whatever order the list comes in', () => {
    expect(shape(codeTree(CODES, { filter: '', showArchived: true }))).toEqual([{ a: [{ a1: ['a1x'] }, 'a2'] }, 'b', 'c']);
  });

  it('carries colour, counts and the archived flag for the row', () => {
    const [, b] = codeTree(CODES, { filter: '', showArchived: true });
    expect(b?.nodeProps).toEqual({ color: '#123456', codings: 1, documents: 1, archived: true });
  });

  it('hides archived codes unless asked, but keeps an archived parent of a live code', () => {
    expect(shape(codeTree(CODES, { filter: '', showArchived: false }))).toEqual([{ a: [{ a1: ['a1x'] }, 'a2'] }, 'c']);
    const withArchivedParent = CODES.map((c) => (c.id === 'a1' ? { ...c, archived: true } : c));
    expect(shape(codeTree(withArchivedParent, { filter: '', showArchived: false }))).toEqual([{ a: [{ a1: ['a1x'] }, 'a2'] }, 'c']);
  });

  it('filters by name, case-insensitively, keeping the ancestors of a match', () => {
    expect(shape(codeTree(CODES, { filter: '  special ', showArchived: true }))).toEqual([{ a: [{ a1: ['a1x'] }] }]);
    expect(codeTree(CODES, { filter: 'nothing like it', showArchived: true })).toEqual([]);
  });
});

describe('validateDrop', () => {
  it('puts a code before, after or inside another', () => {
    expect(validateDrop(CODES, 'c', 'a1', 'before')).toEqual({ ok: true, placement: { id: 'c', parentId: 'a', beforeId: 'a1' } });
    expect(validateDrop(CODES, 'c', 'a1', 'after')).toEqual({ ok: true, placement: { id: 'c', parentId: 'a', beforeId: 'a2' } });
    expect(validateDrop(CODES, 'c', 'a2', 'after')).toEqual({ ok: true, placement: { id: 'c', parentId: 'a', beforeId: null } });
    expect(validateDrop(CODES, 'c', 'a', 'inside')).toEqual({ ok: true, placement: { id: 'c', parentId: 'a', beforeId: null } });
  });

  it('reorders among siblings, leaving the dragged code out when finding the next one', () => {
    expect(validateDrop(CODES, 'a', 'b', 'after')).toEqual({ ok: true, placement: { id: 'a', parentId: null, beforeId: 'c' } });
    expect(validateDrop(CODES, 'b', 'a', 'after')).toEqual({ ok: true, placement: { id: 'b', parentId: null, beforeId: 'c' } });
  });

  it('refuses a drop into the code’s own subtree, at any position', () => {
    for (const position of ['before', 'after', 'inside'] as const) {
      expect(validateDrop(CODES, 'a', 'a1x', position)).toEqual({ ok: false, reason: 'descendant' });
    }
    expect(validateDrop(CODES, 'a', 'a1', 'before')).toEqual({ ok: false, reason: 'descendant' });
    expect(validateDrop(CODES, 'a', 'a', 'inside')).toEqual({ ok: false, reason: 'self' });
    expect(validateDrop(CODES, 'a', 'gone', 'inside')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('allows moving a sub-code up to its parent’s level', () => {
    expect(validateDrop(CODES, 'a1x', 'a', 'after')).toEqual({ ok: true, placement: { id: 'a1x', parentId: null, beforeId: 'b' } });
  });
});

describe('stepMove', () => {
  it('moves one place up or down among siblings and stops at the ends', () => {
    expect(stepMove(CODES, 'a2', 'up')).toEqual({ id: 'a2', parentId: 'a', beforeId: 'a1' });
    expect(stepMove(CODES, 'a1', 'up')).toBeNull();
    expect(stepMove(CODES, 'a', 'down')).toEqual({ id: 'a', parentId: null, beforeId: 'c' });
    expect(stepMove(CODES, 'b', 'down')).toEqual({ id: 'b', parentId: null, beforeId: null });
    expect(stepMove(CODES, 'c', 'down')).toBeNull();
  });
});

describe('what a code takes with it', () => {
  it('finds every descendant and counts their codings for the delete confirmation', () => {
    expect([...descendantIds(CODES, 'a')].sort()).toEqual(['a1', 'a1x', 'a2']);
    expect(deletionScope(CODES, 'a')).toEqual({ subCodes: 3, codings: 2 + 3 + 4 + 5 });
    expect(deletionScope(CODES, 'c')).toEqual({ subCodes: 0, codings: 1 });
  });

  it('labels picker choices with their path and leaves out excluded codes', () => {
    const options = codeOptions(CODES, new Set(['a', 'a1', 'a2', 'b']));
    expect(options).toEqual([
      { value: 'c', label: 'C' },
      { value: 'a1x', label: 'A › A1 › Special' },
    ]);
  });
});
