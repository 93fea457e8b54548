import { create } from 'zustand';
import type { RetrievalOperator, SpeakerFilter } from '../../../src-shared/contract';
import type { DocumentKind } from '../../../src-shared/model/entities';

/** The query as the builder holds it: dates as typed, one attribute condition. */
export interface QueryDraft {
  readonly codeIds: readonly string[];
  readonly operator: RetrievalOperator;
  readonly distance: number;
  readonly includeSubcodes: boolean;
  readonly attributeId: string | null;
  readonly attributeValue: string | null;
  readonly caseIds: readonly string[];
  readonly kinds: readonly DocumentKind[];
  readonly from: string;
  readonly to: string;
  readonly speakers: SpeakerFilter;
  /** Only these coders' codings; empty: everyone's. */
  readonly coderIds: readonly string[];
}

export const EMPTY_DRAFT: QueryDraft = {
  codeIds: [],
  operator: 'any',
  distance: 200,
  includeSubcodes: false,
  attributeId: null,
  attributeValue: null,
  caseIds: [],
  kinds: [],
  from: '',
  to: '',
  speakers: 'all',
  coderIds: [],
};

/**
 * The Excerpts tab's query, page and selection. Kept outside the view, so opening a passage in
 * the reader (which unmounts the tab) and coming back loses nothing.
 */
interface RetrieveState {
  readonly draft: QueryDraft;
  readonly offset: number;
  /** Keys of the selected excerpts (on the page shown). */
  readonly selected: readonly string[];
  /** Keys of excerpts shown with their wider context. */
  readonly expanded: readonly string[];
  /** The saved query last loaded, if the draft still is it. */
  readonly savedId: string | null;
  edit(patch: Partial<QueryDraft>): void;
  load(draft: QueryDraft, savedId: string | null): void;
  setOffset(offset: number): void;
  setSelected(keys: readonly string[]): void;
  toggleSelected(key: string): void;
  toggleExpanded(key: string): void;
  reset(): void;
}

export const useRetrieve = create<RetrieveState>()((set) => ({
  draft: EMPTY_DRAFT,
  offset: 0,
  selected: [],
  expanded: [],
  savedId: null,
  // A new query starts at its first page with nothing selected.
  edit: (patch) => set((s) => ({ draft: { ...s.draft, ...patch }, offset: 0, selected: [], savedId: null })),
  load: (draft, savedId) => set({ draft, offset: 0, selected: [], savedId }),
  setOffset: (offset) => set({ offset, selected: [] }),
  setSelected: (selected) => set({ selected }),
  toggleSelected: (key) => set((s) => ({ selected: s.selected.includes(key) ? s.selected.filter((k) => k !== key) : [...s.selected, key] })),
  toggleExpanded: (key) => set((s) => ({ expanded: s.expanded.includes(key) ? s.expanded.filter((k) => k !== key) : [...s.expanded, key] })),
  reset: () => set({ draft: EMPTY_DRAFT, offset: 0, selected: [], expanded: [], savedId: null }),
}));
