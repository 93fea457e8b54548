import { create } from 'zustand';
import { QuireError } from '../../src-shared/contract';

export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly message: string;
}

interface NoticesState {
  readonly notices: readonly Notice[];
  /** A long operation in progress, shown in the status bar without blocking the window. */
  readonly progress: { readonly task: string; readonly done: number; readonly total: number } | null;
  push(tone: Notice['tone'], message: string): void;
  dismiss(id: number): void;
  setProgress(progress: NoticesState['progress']): void;
}

let next = 1;

export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  progress: null,
  push: (tone, message) => {
    const id = next++;
    set((s) => ({ notices: [...s.notices.slice(-4), { id, tone, message }] }));
    if (tone === 'info') setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), 4000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setProgress: (progress) => set({ progress }),
}));

/** Shows any failure to the user in words they understand; never swallows it. */
export function reportError(error: unknown): void {
  const message = error instanceof QuireError ? error.message : error instanceof Error ? error.message : String(error);
  useNotices.getState().push('error', message);
}

/** Runs an action and reports its failure, for event handlers. */
export function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  return action().catch((error: unknown) => {
    reportError(error);
    return undefined;
  });
}
