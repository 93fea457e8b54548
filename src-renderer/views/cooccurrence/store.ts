import { create } from 'zustand';
import type { CooccurrenceBy } from '../../../src-shared/contract';
import type { CooccurrenceMeasure } from '../../../src-shared/stats/cooccurrence';

/** Two codes whose passages are shown (row, column); the same code twice: the code on its own. */
export interface CellPair {
  readonly a: string;
  readonly b: string;
}

/** What the Co-occurrence tab shows, kept outside the view so switching tabs loses nothing. */
interface CooccurrenceState {
  readonly by: CooccurrenceBy;
  readonly measure: CooccurrenceMeasure;
  /** A code subtree, or null: all codes. */
  readonly codeId: string | null;
  readonly onlyCooccurring: boolean;
  readonly cell: CellPair | null;
  set(patch: Partial<Omit<CooccurrenceState, 'set'>>): void;
}

export const useCooccurrence = create<CooccurrenceState>()((set) => ({
  by: 'overlap',
  measure: 'count',
  codeId: null,
  onlyCooccurring: true,
  cell: null,
  set: (patch) => set(patch),
}));
