import { create } from 'zustand';

// 'memos' added for the memos list (views/memos).
export type NavigatorTab = 'documents' | 'codebook' | 'cases' | 'team' | 'memos';

/** Something that opens in a tab of the work area and shows in the inspector. */
export type Target =
  | { readonly kind: 'document'; readonly id: string }
  | { readonly kind: 'code'; readonly id: string }
  | { readonly kind: 'case'; readonly id: string }
  // A memo, field note or report open for writing (views/memos/MemoPane).
  | { readonly kind: 'memo'; readonly id: string }
  // The Compare view (views/compare): codes × cases; the id names the comparison ('main').
  | { readonly kind: 'compare'; readonly id: string }
  // The Excerpts and Co-occurrence views (views/retrieve, views/cooccurrence); the id is 'main'.
  | { readonly kind: 'retrieve'; readonly id: string }
  | { readonly kind: 'cooccurrence'; readonly id: string }
  // The Search view (views/search): full-text search of documents and memos; the id is 'main'.
  | { readonly kind: 'search'; readonly id: string }
  // The Pseudonyms view (views/pseudonyms): the registry and the leak check; the id is 'main'.
  | { readonly kind: 'pseudonyms'; readonly id: string }
  // The Meetings view (views/meetings): meetings, agendas, presenter mode, minutes; the id is 'main'.
  | { readonly kind: 'meetings'; readonly id: string }
  // The Agreement view (views/agreement): inter-coder agreement; the id is 'main'.
  | { readonly kind: 'agreement'; readonly id: string }
  // The Adjudicate view (views/adjudicate): disagreements between two coders; the id is 'main'.
  | { readonly kind: 'adjudicate'; readonly id: string }
  | { readonly kind: 'new-code'; readonly parentId: string | null }
  | { readonly kind: 'new-case'; readonly parentId: string | null };

export const targetKey = (t: Target): string => ('id' in t ? `${t.kind}:${t.id}` : `${t.kind}:${t.parentId ?? ''}`);

export interface DocumentFilters {
  readonly text: string;
  readonly kind: string | null;
  readonly language: string | null;
  readonly from: string;
  readonly to: string;
  readonly role: string | null;
}

const NO_FILTERS: DocumentFilters = { text: '', kind: null, language: null, from: '', to: '', role: null };

interface UiState {
  readonly navigator: NavigatorTab;
  readonly tabs: readonly Target[];
  readonly active: string | null;
  readonly filters: DocumentFilters;
  readonly paletteOpen: boolean;
  showNavigator(tab: NavigatorTab): void;
  open(target: Target): void;
  close(key: string): void;
  activate(key: string): void;
  setFilters(patch: Partial<DocumentFilters>): void;
  setPaletteOpen(open: boolean): void;
  reset(): void;
}

export const useUi = create<UiState>()((set) => ({
  navigator: 'documents',
  tabs: [],
  active: null,
  filters: NO_FILTERS,
  paletteOpen: false,
  showNavigator: (navigator) => set({ navigator }),
  open: (target) =>
    set((s) => {
      const key = targetKey(target);
      return { tabs: s.tabs.some((t) => targetKey(t) === key) ? s.tabs : [...s.tabs, target], active: key };
    }),
  close: (key) =>
    set((s) => {
      const index = s.tabs.findIndex((t) => targetKey(t) === key);
      const tabs = s.tabs.filter((t) => targetKey(t) !== key);
      const neighbour = tabs[Math.min(index, tabs.length - 1)];
      return { tabs, active: s.active === key ? (neighbour ? targetKey(neighbour) : null) : s.active };
    }),
  activate: (active) => set({ active }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  reset: () => set({ tabs: [], active: null, filters: NO_FILTERS }),
}));
