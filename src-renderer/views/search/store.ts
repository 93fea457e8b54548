import { create } from 'zustand';
import type { SearchQuery } from '../../../src-shared/contract';

export type SearchMode = SearchQuery['mode'];
export type SearchScope = SearchQuery['scope'];

/** A search as it was run: the results shown are its answer. */
export interface Submitted {
  readonly query: string;
  readonly mode: SearchMode;
  readonly scope: SearchScope;
}

/**
 * The Search tab's box, choices and last search. Kept outside the view, so opening a hit in the
 * Reader (which unmounts the tab) and coming back loses nothing.
 */
interface SearchState {
  readonly text: string;
  readonly mode: SearchMode;
  readonly scope: SearchScope;
  readonly submitted: Submitted | null;
  /** How many hits to show: grows by a page with "Show more". */
  readonly shown: number;
  /** Bumped to ask the view to focus its box (Ctrl+Shift+F while it is open). */
  readonly focusRequest: number;
  setText(text: string): void;
  setMode(mode: SearchMode): void;
  setScope(scope: SearchScope): void;
  submit(): void;
  showMore(): void;
  requestFocus(): void;
}

export const PAGE = 100;

export const useSearch = create<SearchState>()((set) => ({
  text: '',
  mode: 'words',
  scope: 'all',
  submitted: null,
  shown: PAGE,
  focusRequest: 0,
  setText: (text) => set({ text }),
  // A new mode or scope searches again at once when there is a search to repeat.
  setMode: (mode) => set((s) => ({ mode, shown: PAGE, submitted: s.submitted && { ...s.submitted, mode } })),
  setScope: (scope) => set((s) => ({ scope, shown: PAGE, submitted: s.submitted && { ...s.submitted, scope } })),
  submit: () => set((s) => ({ shown: PAGE, submitted: s.text.trim() === '' ? null : { query: s.text, mode: s.mode, scope: s.scope } })),
  showMore: () => set((s) => ({ shown: s.shown + PAGE })),
  requestFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
}));
