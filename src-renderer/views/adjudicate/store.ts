import { create } from 'zustand';
import { DEFAULT_BOUNDARY_TOLERANCE } from '../../../src-shared/model/disagreements';

/**
 * Whose codings the Adjudicate tab compares, on which documents and codes. Kept outside the view,
 * so switching tabs (which unmounts it) loses nothing.
 */
interface AdjudicateState {
  /** Null until chosen: the first two members of the team. */
  readonly coderA: string | null;
  readonly coderB: string | null;
  /** Empty: all documents, all codes. */
  readonly documentIds: readonly string[];
  readonly codeIds: readonly string[];
  readonly tolerance: number;
  set(patch: Partial<Omit<AdjudicateState, 'set'>>): void;
}

export const useAdjudicate = create<AdjudicateState>()((set) => ({
  coderA: null,
  coderB: null,
  documentIds: [],
  codeIds: [],
  tolerance: DEFAULT_BOUNDARY_TOLERANCE,
  set: (patch) => set(patch),
}));
