import { create } from 'zustand';

/**
 * Presenting runs the meeting (decisions allowed); following shows the same items read-only, for
 * an attendee watching on their own laptop in the browser edition.
 */
export type PresenterMode = 'presenting' | 'following';

interface MeetingsState {
  /** The meeting open below the list. */
  readonly selectedId: string | null;
  /**
   * The meeting shown in presenter mode, at which item: the one with `itemId` wherever the agenda
   * has moved it, or the one at `index` (moved to, or in its place when it was dropped).
   */
  readonly presenter: { readonly meetingId: string; readonly index: number; readonly itemId: string | null; readonly mode: PresenterMode } | null;
  select(id: string | null): void;
  present(meetingId: string, mode: PresenterMode, index?: number): void;
  goTo(index: number): void;
  /** Remembers which item is shown at `index`, so a reordered agenda keeps it on screen. */
  pin(itemId: string, index: number): void;
  leave(): void;
}

/** What the meeting screen shows, kept while the window is open (switching tabs loses nothing). */
export const useMeetings = create<MeetingsState>()((set) => ({
  selectedId: null,
  presenter: null,
  select: (selectedId) => set({ selectedId }),
  present: (meetingId, mode, index = 0) => set({ presenter: { meetingId, mode, index, itemId: null } }),
  goTo: (index) => set((s) => (s.presenter ? { presenter: { ...s.presenter, index, itemId: null } } : {})),
  pin: (itemId, index) => set((s) => (s.presenter ? { presenter: { ...s.presenter, index, itemId } } : {})),
  leave: () => set({ presenter: null }),
}));
