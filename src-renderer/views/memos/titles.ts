import { create } from 'zustand';
import type { Memo } from '../../../src-shared/model/entities';

/**
 * Titles of memos seen by the memo views, for the work area's tab labels. Memos are not in the
 * shared data cache (a project can hold thousands), so the views that load them report here.
 */
export const useMemoTitles = create<{ readonly titles: Readonly<Record<string, string>>; note(memos: readonly Memo[]): void }>()((set) => ({
  titles: {},
  note: (memos) => set((s) => ({ titles: { ...s.titles, ...Object.fromEntries(memos.map((m) => [m.id, displayTitle(m)])) } })),
}));

/** A memo's title, or its first line when it has none. */
export function displayTitle(memo: Pick<Memo, 'title' | 'text'>): string {
  return memo.title.trim() || memo.text.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 80) || '';
}
