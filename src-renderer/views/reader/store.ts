import { create } from 'zustand';
import type { CoderPair } from './model';

const RECENT_KEY = 'quire.recentCodes';
const RECENT_LIMIT = 9;

/** A passage waiting for a code: selected text, or a whole turn chosen by keyboard. */
export interface PendingPassage {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

/** A place a search hit asked the Reader to show (views/search): consumed by the Reader of that document (reader/jump.ts). */
export type PendingJump = PendingPassage;

export type PickerMode = { readonly kind: 'apply' } | { readonly kind: 'recode'; readonly codingId: string };

interface ReaderState {
  readonly pending: PendingPassage | null;
  readonly selectedCodingId: string | null;
  readonly picker: PickerMode | null;
  /** Most recent first; number keys 1–9 apply them. */
  readonly recentCodeIds: readonly string[];
  /** Hide other coders' codings ("blind" coding). */
  readonly blind: boolean;
  /** Coders whose codings are hidden one by one. */
  readonly hiddenCoderIds: readonly string[];
  /** Two coders compared side by side (their stripes in parallel groups), or null. */
  readonly compare: CoderPair | null;
  readonly pendingJump: PendingJump | null;
  setJump(jump: PendingJump | null): void;
  setPending(pending: PendingPassage | null): void;
  selectCoding(id: string | null): void;
  openPicker(mode: PickerMode): void;
  closePicker(): void;
  used(codeId: string): void;
  setBlind(blind: boolean): void;
  toggleCoder(coderId: string): void;
  setCompare(compare: CoderPair | null): void;
}

function loadRecent(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

export const useReader = create<ReaderState>()((set) => ({
  pending: null,
  selectedCodingId: null,
  picker: null,
  recentCodeIds: loadRecent(),
  blind: false,
  hiddenCoderIds: [],
  compare: null,
  pendingJump: null,
  setJump: (pendingJump) => set({ pendingJump }),
  setPending: (pending) => set({ pending }),
  selectCoding: (selectedCodingId) => set({ selectedCodingId }),
  openPicker: (picker) => set({ picker }),
  closePicker: () => set({ picker: null }),
  used: (codeId) =>
    set((s) => {
      const recentCodeIds = [codeId, ...s.recentCodeIds.filter((id) => id !== codeId)].slice(0, RECENT_LIMIT);
      localStorage.setItem(RECENT_KEY, JSON.stringify(recentCodeIds));
      return { recentCodeIds };
    }),
  setBlind: (blind) => set({ blind }),
  setCompare: (compare) => set({ compare }),
  toggleCoder: (coderId) =>
    set((s) => ({
      hiddenCoderIds: s.hiddenCoderIds.includes(coderId) ? s.hiddenCoderIds.filter((id) => id !== coderId) : [...s.hiddenCoderIds, coderId],
    })),
}));

/** A coding's extent while one of its stripe's ends is being dragged. */
export interface ResizePreview {
  readonly codingId: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The drag's preview, apart from the Reader's store: it changes on every pointer move, and only
 * the painter of the highlights reads it.
 */
export const useResizePreview = create<{ readonly resizing: ResizePreview | null; set(resizing: ResizePreview | null): void }>()((set) => ({
  resizing: null,
  set: (resizing) => set({ resizing }),
}));
