import { describe, expect, it } from 'vitest';
import { moved, placeOn, withAdded } from '../../../src-renderer/views/meetings/model';

const ref = (targetId: string) => ({ kind: 'coding', targetId }) as const;

describe('agenda editing', () => {
  it('moves an entry up, down, to the ends, and leaves the list alone for an entry that is not there', () => {
    expect(moved(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 99)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 3, 0)).toEqual(['a', 'b', 'c']);
  });

  it('adds chosen items at the end, each once, keeping what is on the agenda where it is', () => {
    const agenda = [ref('1'), ref('2')];
    expect(withAdded(agenda, [ref('3'), ref('1'), ref('3'), { kind: 'memo', targetId: '1' }])).toEqual([ref('1'), ref('2'), ref('3'), { kind: 'memo', targetId: '1' }]);
    expect(agenda).toHaveLength(2);
  });
});

describe('presenter mode’s place on a changing agenda', () => {
  const items = (...ids: string[]) => ids.map((id) => ({ id }));
  it('stays on the item shown when the agenda is reordered', () => {
    expect(placeOn(items('a', 'b', 'c'), { index: 1, itemId: 'b' })).toBe(1);
    expect(placeOn(items('b', 'c', 'a'), { index: 1, itemId: 'b' })).toBe(0);
  });

  it('goes to the item that took a dropped one’s place, within the agenda', () => {
    expect(placeOn(items('a', 'c'), { index: 1, itemId: 'b' })).toBe(1);
    expect(placeOn(items('a'), { index: 2, itemId: 'c' })).toBe(0);
    expect(placeOn(items('a', 'b'), { index: 1, itemId: null })).toBe(1);
    expect(placeOn(items(), { index: 3, itemId: 'x' })).toBe(0);
  });
});
