import { create } from 'zustand';
import type { MatrixMeasure, MatrixPeriod } from '../../../src-shared/contract';
import type { ChartKind } from './charts';
import type { Sort } from './model';

/** A cell whose passages are shown: its code and its column, by key (they survive a refetch). */
export interface CellRef {
  readonly codeId: string;
  readonly columnKey: string;
}

/**
 * What the Compare tab compares and how it shows it. Kept outside the view, so switching tabs
 * (which unmounts it) loses nothing.
 */
interface CompareState {
  /** A code subtree, or null: all codes. */
  readonly codeId: string | null;
  /** A case type or attribute name, as `reports.matrix` takes it; null until chosen. */
  readonly columns: string | null;
  readonly measure: MatrixMeasure;
  readonly period: MatrixPeriod | null;
  readonly smallBelow: number;
  readonly chart: ChartKind;
  /** The code shown over time; null: the first row. */
  readonly trendCodeId: string | null;
  readonly sort: Sort | null;
  readonly cell: CellRef | null;
  /** Whose codings count; empty: everyone's. */
  readonly coderIds: readonly string[];
  set(patch: Partial<Omit<CompareState, 'set' | 'reset'>>): void;
  reset(): void;
}

const INITIAL = {
  codeId: null,
  columns: null,
  measure: 'codings',
  period: null,
  smallBelow: 5,
  chart: 'heatmap',
  trendCodeId: null,
  sort: null,
  cell: null,
  coderIds: [],
} as const;

export const useCompare = create<CompareState>()((set) => ({
  ...INITIAL,
  set: (patch) => set(patch),
  reset: () => set(INITIAL),
}));
