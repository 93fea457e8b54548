import { create } from 'zustand';
import type { ImportFailure, ImportReport } from '../../../src-shared/contract/imports';
import type { ImportRow, StagedManifest } from './model';

/**
 * The import dialog's working state. One at a time, global, so the command palette, the
 * navigator's button and a drop onto the window all reach the same dialog.
 */
export interface ImportState {
  readonly opened: boolean;
  /** `choose` until files are staged; `report` after the commit. */
  readonly phase: 'choose' | 'staging' | 'preview' | 'committing' | 'report';
  /** The file being read now (0-based `done` of `total`). */
  readonly progress: { readonly done: number; readonly total: number; readonly name: string } | null;
  readonly rows: readonly ImportRow[];
  readonly failures: readonly ImportFailure[];
  readonly manifests: readonly StagedManifest[];
  readonly manifestId: string | null;
  /** The filename pattern last applied (what the rows were suggested from). */
  readonly pattern: string;
  readonly patternError: string | null;
  readonly manifestError: string | null;
  /** The row shown in the detail pane. */
  readonly selected: string | null;
  /** Rows with a preview on its way (another encoding or clean-up). */
  readonly busy: readonly string[];
  readonly report: DialogReport | null;
  /**
   * Import nothing if any file fails (read or imported). Kept when the dialog closes: a team that
   * wants whole batches wants them every time.
   */
  readonly allOrNothing: boolean;
}

/** The core's report, plus why nothing was imported when "all or nothing" kept the batch out. */
export interface DialogReport extends ImportReport {
  /** How many files failed and so kept every file out; null when the import went ahead. */
  readonly allOrNothingFailures: number | null;
}

/** The state of a fresh dialog; the user's standing choices (`allOrNothing`) are not reset. */
export const EMPTY: Omit<ImportState, 'opened' | 'allOrNothing'> = {
  phase: 'choose',
  progress: null,
  rows: [],
  failures: [],
  manifests: [],
  manifestId: null,
  pattern: '',
  patternError: null,
  manifestError: null,
  selected: null,
  busy: [],
  report: null,
};

export const useImport = create<ImportState>()(() => ({ opened: false, allOrNothing: false, ...EMPTY }));

/** Changes one row in place. */
export function patchRow(stagedId: string, patch: (row: ImportRow) => ImportRow): void {
  useImport.setState((s) => ({ rows: s.rows.map((r) => (r.stagedId === stagedId ? patch(r) : r)) }));
}

export function setBusy(stagedId: string, busy: boolean): void {
  useImport.setState((s) => ({ busy: busy ? [...s.busy.filter((b) => b !== stagedId), stagedId] : s.busy.filter((b) => b !== stagedId) }));
}
