import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../src-shared/contract';
import { formatNumber } from '../../i18n';
import { ariaSort, columnGroups, formatValue, heatColour, heatMax, isSmall, nextSort, sortRows } from './model';
import type { Sort, SortColumn } from './model';
import type { CellRef } from './store';

interface MatrixTableProps {
  readonly matrix: Matrix;
  /** Column labels as shown (case or value with its period). */
  readonly labels: readonly string[];
  readonly caption: string;
  readonly smallBelow: number;
  readonly sort: Sort | null;
  readonly onSort: (sort: Sort | null) => void;
  readonly selected: CellRef | null;
  readonly onOpen: (cell: CellRef) => void;
}

/** A header that sorts the table: a button inside the th, which carries aria-sort. */
function SortHeader({ by, label, full = label, sort, onSort, className, rowSpan }: { by: SortColumn; label: string; full?: string; sort: Sort | null; onSort: (s: Sort | null) => void; className?: string; rowSpan?: number }) {
  const { t } = useTranslation();
  const state = ariaSort(sort, by);
  return (
    <th scope="col" aria-sort={state} className={className} rowSpan={rowSpan}>
      <button type="button" className="compare-sort" title={t('compare.sortBy', { column: full })} aria-label={full === label ? undefined : full} onClick={() => onSort(nextSort(sort, by))}>
        {label}
        <span aria-hidden="true" className="compare-sort-mark">
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The matrix as a table: codes down (indented by depth), cases or values across, each figure
 * heat-coloured within the table, small counts muted and marked, every figure a button that
 * opens the passages behind it.
 */
export function MatrixTable({ matrix, labels, caption, smallBelow, sort, onSort, selected, onOpen }: MatrixTableProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => sortRows(matrix.rows, sort), [matrix.rows, sort]);
  const max = useMemo(() => heatMax(matrix), [matrix]);
  const split = matrix.period !== null;
  const groups = useMemo(() => columnGroups(matrix.columns), [matrix.columns]);
  const value = (n: number): string => formatValue(n, matrix.measure, formatNumber);
  const anySmall = matrix.rows.some((r) => r.counts.some((n) => isSmall(n, smallBelow)));
  // Sorted by a figure, the tree no longer shows: paths say where each code sits.
  const flat = sort !== null;

  return (
    <>
      <div className="compare-table-wrap">
        <table className="compare-table">
          <caption>{caption}</caption>
          <thead>
            {split && (
              <tr>
                <SortHeader by="code" label={t('compare.code')} sort={sort} onSort={onSort} className="compare-code" rowSpan={2} />
                {groups.map((g) => (
                  <th key={`${g.start}`} scope="colgroup" colSpan={g.span} className="compare-group">
                    {g.label}
                  </th>
                ))}
                <SortHeader by="total" label={t('compare.total')} sort={sort} onSort={onSort} className="compare-total" rowSpan={2} />
              </tr>
            )}
            <tr>
              {!split && <SortHeader by="code" label={t('compare.code')} sort={sort} onSort={onSort} className="compare-code" />}
              {matrix.columns.map((c, i) => (
                <SortHeader key={c.key} by={i} label={split ? formatPeriodOnly(labels[i] ?? c.label, c.group) : (labels[i] ?? c.label)} full={labels[i] ?? c.label} sort={sort} onSort={onSort} />
              ))}
              {!split && <SortHeader by="total" label={t('compare.total')} sort={sort} onSort={onSort} className="compare-total" />}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row }) => (
              <tr key={row.codeId}>
                <th scope="row" className="compare-code" title={row.path} style={flat ? undefined : { paddingLeft: 8 + row.depth * 16 }}>
                  {flat ? row.path : row.name}
                </th>
                {row.cells.map((v, c) => {
                  const count = row.counts[c] ?? 0;
                  const column = matrix.columns[c]!;
                  const small = isSmall(count, smallBelow);
                  const text = value(v);
                  if (count === 0) {
                    return (
                      <td key={column.key} className="compare-cell empty">
                        {text}
                      </td>
                    );
                  }
                  const heat = heatColour(v, max);
                  const isSelected = selected?.codeId === row.codeId && selected.columnKey === column.key;
                  const codings = t('compare.codings', { count });
                  return (
                    <td key={column.key} className={`compare-cell${small ? ' small' : ''}${isSelected ? ' selected' : ''}`}>
                      <button
                        type="button"
                        data-cell={`${row.codeId}|${column.key}`}
                        aria-label={`${t('compare.cellLabel', { code: row.path, column: labels[c] ?? column.label, value: text, codings })}${small ? `. ${t('compare.small', { count: smallBelow })}` : ''}`}
                        aria-pressed={isSelected}
                        title={small ? t('compare.small', { count: smallBelow }) : undefined}
                        style={heat ? { backgroundColor: heat.background, ...(small ? {} : { color: heat.color }) } : undefined}
                        onClick={() => onOpen({ codeId: row.codeId, columnKey: column.key })}
                      >
                        {text}
                        {small && (
                          <span className="compare-small-mark" aria-hidden="true">
                            *
                          </span>
                        )}
                      </button>
                    </td>
                  );
                })}
                <td className="compare-cell compare-total">{value(row.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="compare-code">
                {t('compare.documents')}
              </th>
              {matrix.columns.map((c) => (
                <td key={c.key} className="compare-cell">
                  {formatNumber(c.documents)}
                </td>
              ))}
              <td className="compare-total" />
            </tr>
            <tr>
              <th scope="row" className="compare-code">
                {t('compare.words')}
              </th>
              {matrix.columns.map((c) => (
                <td key={c.key} className="compare-cell">
                  {formatNumber(c.words)}
                </td>
              ))}
              <td className="compare-total" />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="compare-legend">
        {anySmall && <span>{t('compare.smallLegend', { count: smallBelow })} </span>}
        <span title={t('compare.totalHelp')}>{t('compare.totalHelp')}</span>
      </p>
    </>
  );
}

/** The period part of a split column's label ("Кольца · Q2 1993" → "Q2 1993"): the group is in the row above. */
function formatPeriodOnly(label: string, group: string): string {
  return label.startsWith(`${group} · `) ? label.slice(group.length + 3) : label;
}
