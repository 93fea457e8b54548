import { stringify } from 'csv-stringify/sync';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Columns aligned right in the table view (numbers). */
  readonly numeric?: readonly number[];
}

/** Display width: combining marks take no column, most other characters one. */
const width = (s: string): number => [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
const pad = (s: string, n: number, right: boolean): string => (right ? ' '.repeat(n - width(s)) + s : s + ' '.repeat(n - width(s)));

/** Renders a table for a terminal, as CSV for a spreadsheet, or as JSON for R and Python. */
export function render(table: Table, format: Format): string {
  if (format === 'csv') return stringify([table.headers as string[], ...table.rows.map((r) => r.map(String))]);
  if (format === 'json') {
    return `${JSON.stringify(
      table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]]))),
      null,
      2,
    )}\n`;
  }
  const cells = [table.headers.map(String), ...table.rows.map((r) => r.map(String))];
  const widths = table.headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const numeric = new Set(table.numeric ?? []);
  const line = (r: readonly string[]): string => r.map((c, i) => pad(c, widths[i]!, numeric.has(i))).join('  ').trimEnd();
  return `${[line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')}\n`;
}
