import { describe, expect, it } from 'vitest';
import { actionFor, describe as describeShortcut, SHORTCUTS } from '../../../src-renderer/components/editor/actions';
import { safeUrl } from '../../../src-renderer/components/editor/commands';
import { filterMemos } from '../../../src-renderer/views/memos/filter';
import type { Memo } from '../../../src-shared/model/entities';

const press = (code: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('editor shortcuts', () => {
  it('map key presses to actions by physical key, so a Russian layout works too', () => {
    expect(actionFor(press('Digit1', { ctrl: true, alt: true }), false)).toBe('h1');
    expect(actionFor(press('Digit8', { ctrl: true, shift: true }), false)).toBe('bullet');
    expect(actionFor(press('KeyZ', { ctrl: true, shift: true }), false)).toBe('redo');
    expect(actionFor(press('KeyZ', { ctrl: true }), false)).toBe('undo');
    expect(actionFor(press('KeyB', { meta: true }), true)).toBe('bold');
    expect(actionFor(press('KeyB', { ctrl: true }), true)).toBeNull();
    expect(actionFor(press('KeyB'), false)).toBeNull();
  });

  it('are unique and written for aria-keyshortcuts', () => {
    const all = Object.values(SHORTCUTS).map((s) => describeShortcut(s, false));
    expect(new Set(all).size).toBe(all.length);
    expect(describeShortcut(SHORTCUTS.h2, false)).toBe('Control+Alt+2');
    expect(describeShortcut(SHORTCUTS.redo, true)).toBe('Meta+Shift+Z');
  });
});

describe('links', () => {
  it('accept web and mail addresses only', () => {
    expect(safeUrl('example.org/x')).toBe('https://example.org/x');
    expect(safeUrl('irina@example.org')).toBe('mailto:irina@example.org');
    expect(safeUrl('http://a.b')).toBe('http://a.b');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('  ')).toBeNull();
  });
});

describe('the memos list filter', () => {
  const memo = (id: string, targetType: Memo['targetType'], authorId: string, text: string): Memo => ({
    id, targetType, targetId: targetType === 'project' ? null : 'x', title: '', content: null, text, authorId, createdAt: '', updatedAt: '',
  });
  const memos = [memo('1', 'code', 'irina', 'Патернализм: всё ещё'), memo('2', 'project', 'irina', 'plan'), memo('3', 'code', 'oleg', 'other')];
  it('filters by target type, author and words, folding ё', () => {
    expect(filterMemos(memos, { targetType: 'code', authorId: null, text: '' }).map((m) => m.id)).toEqual(['1', '3']);
    expect(filterMemos(memos, { targetType: 'code', authorId: 'irina', text: '' }).map((m) => m.id)).toEqual(['1']);
    expect(filterMemos(memos, { targetType: null, authorId: null, text: 'ВСЕ ЕЩЕ' }).map((m) => m.id)).toEqual(['1']);
  });
});
