/**
 * Pure logic of the Compare view: how a matrix reads as a table (sorting, heat colours, small
 * counts, headers grouped by case over periods) and which excerpts lie behind a cell. No React,
 * no i18next and no calls here, so unit tests run it in Node.
 */
import type { Matrix, MatrixColumn, MatrixMeasure, MatrixRow, Wave } from '../../../src-shared/contract';
import type { Attribute, CaseType } from '../../../src-shared/model/entities';
import type { FuzzyDate } from '../../../src-shared/model/dates';
import { formatPeriod, periodOfDate, periodRange, UNDATED_PERIOD, WAVE_PREFIX } from '../../../src-shared/model/matrix-periods';

/** What the table is sorted by: a column's index, the total, or the code's path. */
export type SortColumn = number | 'total' | 'code';
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  readonly by: SortColumn;
  readonly direction: SortDirection;
}

/** The row with its place in codebook order, so sorting can fall back on it. */
export interface OrderedRow {
  readonly row: MatrixRow;
  readonly index: number;
}

const collator = new Intl.Collator(['ru', 'en'], { numeric: true, sensitivity: 'base' });

/**
 * The rows in the order asked for; null keeps codebook order. Ties keep codebook order too, so
 * sorting is stable and predictable.
 */
export function sortRows(rows: readonly MatrixRow[], sort: Sort | null): OrderedRow[] {
  const ordered = rows.map((row, index) => ({ row, index }));
  if (sort === null) return ordered;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const value = (r: MatrixRow): number => (sort.by === 'total' ? r.total : typeof sort.by === 'number' ? (r.cells[sort.by] ?? 0) : 0);
  return ordered.sort((a, b) => {
    const by = sort.by === 'code' ? collator.compare(a.row.path, b.row.path) : value(a.row) - value(b.row);
    return sign * by || a.index - b.index;
  });
}

/**
 * What clicking a sortable header does next: largest first, then smallest first, then back to
 * codebook order (the code column sorts A→Z first).
 */
export function nextSort(current: Sort | null, by: SortColumn): Sort | null {
  const first: SortDirection = by === 'code' ? 'ascending' : 'descending';
  if (current === null || current.by !== by) return { by, direction: first };
  if (current.direction === first) return { by, direction: first === 'ascending' ? 'descending' : 'ascending' };
  return null;
}

/** The `aria-sort` of a header. */
export function ariaSort(current: Sort | null, by: SortColumn): 'ascending' | 'descending' | 'none' {
  return current !== null && current.by === by ? current.direction : 'none';
}

/** A cell rests on so few codings that comparing it is guesswork (but it has some). */
export function isSmall(count: number, smallBelow: number): boolean {
  return count > 0 && count < smallBelow;
}

/** The largest cell of the matrix (not the totals): the top of the heat scale. */
export function heatMax(matrix: Pick<Matrix, 'rows'>): number {
  let max = 0;
  for (const row of matrix.rows) for (const v of row.cells) if (v > max) max = v;
  return max;
}

const LOW = [237, 242, 255] as const; // indigo 0
const HIGH = [59, 91, 219] as const; // indigo 7

/** A colour as #rrggbb. */
const hex = (rgb: readonly number[]): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * The background of a cell by its value within the table, light to dark indigo, and a text colour
 * that stays readable on it; null for empty cells (nothing to colour).
 */
export function heatColour(value: number, max: number): { readonly background: string; readonly color: string } | null {
  if (!(value > 0) || !(max > 0)) return null;
  const t = Math.min(1, value / max);
  const background = hex(LOW.map((low, i) => low + (HIGH[i]! - low) * t));
  return { background, color: t > 0.55 ? '#ffffff' : '#1a1b1e' };
}

/** The endpoints of the heat scale, for a legend and the heatmap chart. */
export const HEAT_RANGE = [hex(LOW), hex(HIGH)] as const;

export function isPercent(measure: MatrixMeasure): boolean {
  return measure === 'rowpct' || measure === 'colpct';
}

/**
 * A cell's text: numbers as the language writes them, percentages with %, presence as a tick or
 * a dash.
 */
export function formatValue(value: number, measure: MatrixMeasure, number: (n: number) => string): string {
  if (measure === 'presence') return value > 0 ? '✓' : '–';
  return isPercent(measure) ? `${number(value)}%` : number(value);
}

/** A run of columns of one case or value over its periods: one cell of the upper header row. */
export interface ColumnGroup {
  readonly label: string;
  readonly start: number;
  readonly span: number;
}

/** Neighbouring columns of the same case or value, for a grouped header when split by period. */
export function columnGroups(columns: readonly MatrixColumn[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  columns.forEach((c, i) => {
    const last = groups.at(-1);
    if (last && last.label === c.group && last.start + last.span === i) groups[groups.length - 1] = { ...last, span: last.span + 1 };
    else groups.push({ label: c.group, start: i, span: 1 });
  });
  return groups;
}

/** A column's label as shown: the case or value, with its period written out. */
export function columnLabel(column: MatrixColumn, language: 'en' | 'ru', undated: string): string {
  return column.period === null ? column.label : `${column.group} · ${formatPeriod(column.period, language, undated)}`;
}

/** The case id or attribute value a column stands for (its key without the period). */
export function baseKey(column: MatrixColumn): string {
  return column.period === null ? column.key : column.key.slice(0, column.key.length - column.period.length - 1);
}

/** What the columns are grouped by, as the core resolves the name: a case type first, then an attribute. */
export type ColumnsBy = { readonly kind: 'caseType'; readonly caseType: CaseType } | { readonly kind: 'attribute'; readonly attribute: Attribute };

export function resolveColumnsBy(name: string, caseTypes: readonly CaseType[], attributes: readonly Attribute[]): ColumnsBy | null {
  const wanted = name.trim().toLocaleLowerCase();
  const caseType = caseTypes.find((t) => t.name.toLocaleLowerCase() === wanted);
  if (caseType) return { kind: 'caseType', caseType };
  const attribute = attributes.find((a) => a.name.toLocaleLowerCase() === wanted);
  return attribute ? { kind: 'attribute', attribute } : null;
}

/**
 * The choices of what to compare by: case types, then attributes. An attribute named like a case
 * type or an earlier attribute is left out, since the core would take the other one by that name.
 */
export function columnChoices(caseTypes: readonly CaseType[], attributes: readonly Attribute[]): { readonly caseTypes: string[]; readonly attributes: string[] } {
  const taken = new Set(caseTypes.map((t) => t.name.toLocaleLowerCase()));
  const kept: string[] = [];
  for (const a of attributes) {
    const key = a.name.toLocaleLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    kept.push(a.name);
  }
  return { caseTypes: caseTypes.map((t) => t.name), attributes: kept };
}

/** The documents filter of `retrieval.run` that finds the codings of a cell. */
export interface CellFilter {
  readonly caseIds: string[];
  readonly attributes: { attributeId: string; values: string[] }[];
  readonly from: FuzzyDate | null;
  readonly to: FuzzyDate | null;
}

/**
 * How to ask `retrieval.run` for the codings behind a cell: the column's case (with the cases
 * inside it) or attribute value, and its period's dates. Retrieval keeps documents whose dates
 * overlap the period, the matrix places a document by when its date starts: `inPeriod` narrows
 * the excerpts to the cell's own documents. Undated columns ask for all and keep the undated.
 */
export function cellFilter(column: MatrixColumn, by: ColumnsBy, waves: readonly Wave[] = []): CellFilter {
  const key = baseKey(column);
  const range = column.period === null || column.period === UNDATED_PERIOD ? null : periodRange(column.period, waves);
  return {
    caseIds: by.kind === 'caseType' ? [key] : [],
    attributes: by.kind === 'attribute' ? [{ attributeId: by.attribute.id, values: [key] }] : [],
    from: range,
    to: range,
  };
}

/** Whether an excerpt's document belongs to the cell's period (always, when not split). */
export function inPeriod(column: MatrixColumn, period: Matrix['period'], documentDate: FuzzyDate | null, waves: readonly Wave[] = []): boolean {
  if (column.period === null || period === null) return true;
  return periodOfDate(documentDate?.start ?? null, period, waves) === column.period;
}

/**
 * For a matrix split by period: the periods in time order (undated material and material outside
 * every wave left out: they have no place on a time line), and for each case or value its cell per
 * period, null where it has no documents then.
 */
export function timeSeries(matrix: Matrix, rowIndex: number): { readonly periods: string[]; readonly series: { readonly group: string; readonly values: (number | null)[] }[] } {
  const waveOrder = new Map(matrix.waves.map((w, i) => [WAVE_PREFIX + w.name, i]));
  const periods = [...new Set(matrix.columns.flatMap((c) => (c.period !== null && c.period !== UNDATED_PERIOD && c.period !== WAVE_PREFIX ? [c.period] : [])))].sort((x, y) =>
    matrix.period === 'wave' ? (waveOrder.get(x) ?? 0) - (waveOrder.get(y) ?? 0) : x.localeCompare(y),
  );
  const row = matrix.rows[rowIndex];
  const groups = [...new Set(matrix.columns.map((c) => c.group))];
  const series = groups.map((group) => ({
    group,
    values: periods.map((p) => {
      const at = matrix.columns.findIndex((c) => c.group === group && c.period === p);
      return at === -1 || !row ? null : (row.cells[at] ?? null);
    }),
  }));
  return { periods, series };
}

/** The largest cell with where it is, for a chart's summary. */
export function peak(matrix: Matrix): { readonly value: number; readonly row: MatrixRow; readonly column: MatrixColumn } | null {
  let best: { value: number; row: MatrixRow; column: MatrixColumn } | null = null;
  for (const row of matrix.rows) {
    row.cells.forEach((value, c) => {
      if (value > (best?.value ?? 0)) best = { value, row, column: matrix.columns[c]! };
    });
  }
  return best;
}
