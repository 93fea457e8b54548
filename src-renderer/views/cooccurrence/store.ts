import { create } from 'zustand';
import type { CooccurrenceBy } from '../../../src-shared/contract';
import type { CooccurrenceMeasure } from '../../../src-shared/stats/cooccurrence';
import { DEFAULT_PAIRS } from './model';

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
  /** The table of codes × codes, or the network of the strongest pairs. */
  readonly view: 'table' | 'network';
  /** How many pairs the network shows. */
  readonly pairs: number;
  /** Only these coders' codings count; empty: everyone's. */
  readonly coderIds: readonly string[];
  set(patch: Partial<Omit<CooccurrenceState, 'set'>>): void;
}

export const useCooccurrence = create<CooccurrenceState>()((set) => ({
  by: 'overlap',
  measure: 'count',
  codeId: null,
  onlyCooccurring: true,
  cell: null,
  view: 'table',
  pairs: DEFAULT_PAIRS,
  coderIds: [],
  set: (patch) => set(patch),
}));
