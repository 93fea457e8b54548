import { landedMethods } from './budgets';
import type { Summary } from './stats';

/** One line of a result table. */
export interface ResultRow {
  readonly operation: string;
  /** What exactly was timed: the contract calls and the data they ran on. */
  readonly detail?: string;
  readonly budgetMs: number | null;
  readonly ours: Summary | null;
  readonly raw: Summary | null;
  /** A figure from elsewhere to compare with (Taguette's, in --peer), ms. */
  readonly peerMs?: number | null;
  /** Set when the core cannot do this yet. */
  readonly notBuilt?: { readonly issue: number | null; readonly landed: readonly string[] };
  readonly note?: string;
}

export function measured(operation: string, detail: string, budgetMs: number | null, ours: Summary, raw: Summary | null, note?: string): ResultRow {
  return { operation, detail, budgetMs, ours, raw, ...(note ? { note } : {}) };
}

export function notBuilt(operation: string, budgetMs: number | null, issue: number | null, methods: readonly string[] = [], note?: string): ResultRow {
  return { operation, budgetMs, ours: null, raw: null, notBuilt: { issue, landed: landedMethods({ methods }) }, ...(note ? { note } : {}) };
}

export function ratio(row: ResultRow): number | null {
  return row.ours && row.raw && row.raw.median > 0 ? row.ours.median / row.raw.median : null;
}

/**
 * Judged on the median (the typical experience); a p95 over budget is called out because a
 * budget that holds only half of the time is felt as a stutter.
 */
export function verdict(row: ResultRow): string {
  if (row.notBuilt) {
    const issue = row.notBuilt.issue === null ? 'no issue filed' : `issue ${row.notBuilt.issue}`;
    if (row.notBuilt.landed.length > 0) return `not measured: ${row.notBuilt.landed.join(', ')} exists now — add it to tests/bench (${issue})`;
    return `not built yet (${issue})`;
  }
  if (!row.ours || row.budgetMs === null) return '—';
  if (row.ours.median >= row.budgetMs) return 'OVER BUDGET';
  if (row.ours.p95 >= row.budgetMs) return 'ok (p95 over)';
  return 'ok';
}
