import type { ResultRow } from './rows';
import { ratio, verdict } from './rows';

/** Milliseconds with as many decimals as the magnitude deserves. */
export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

export function fmtRatio(r: number | null): string {
  if (r === null) return '—';
  return r >= 10 ? `×${r.toFixed(0)}` : `×${r.toFixed(2)}`;
}

export function fmtBudget(ms: number | null): string {
  return ms === null ? '—' : `< ${fmtMs(ms)}`;
}

/** A plain-text table with a rule under the header; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The budget table: operation, median, p95, budget, raw baseline, ratio, verdict. */
export function budgetTable(rows: readonly ResultRow[]): string {
  return table(
    ['operation', 'median', 'p95', 'budget', 'raw median', 'ours/raw', 'verdict', 'what was timed'],
    rows.map((r) => [
      r.operation,
      fmtMs(r.ours?.median),
      fmtMs(r.ours?.p95),
      fmtBudget(r.budgetMs),
      fmtMs(r.raw?.median),
      fmtRatio(ratio(r)),
      verdict(r),
      [r.detail, r.note].filter(Boolean).join('; '),
    ]),
    [false, true, true, true, true, true, false, false],
  );
}

/** The side-by-side table: Taguette's figure, ours, the ratios. */
export function peerTable(rows: readonly ResultRow[]): string {
  return table(
    ['operation', 'Taguette', 'Quire median', 'p95', 'Quire/Taguette', 'raw median', 'ours/raw', 'what was timed'],
    rows.map((r) => {
      const peerRatio = r.ours && r.peerMs ? r.ours.median / r.peerMs : null;
      return [
        r.operation,
        r.peerMs === null || r.peerMs === undefined ? 'not offered' : fmtMs(r.peerMs),
        r.notBuilt ? verdict(r) : fmtMs(r.ours?.median),
        fmtMs(r.ours?.p95),
        peerRatio === null ? '—' : peerRatio < 0.01 ? `${peerRatio.toFixed(4)} (${Math.round(1 / peerRatio)}× faster)` : peerRatio < 1 ? `${peerRatio.toFixed(3)} (${(1 / peerRatio).toFixed(1)}× faster)` : `${peerRatio.toFixed(2)} (slower)`,
        fmtMs(r.raw?.median),
        fmtRatio(ratio(r)),
        [r.detail, r.note].filter(Boolean).join('; '),
      ];
    }),
    [false, true, true, true, true, true, true, false],
  );
}
