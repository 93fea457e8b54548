import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CooccurrenceMatrix } from '../../../src-shared/contract';
import type { CooccurrenceMeasure } from '../../../src-shared/stats/cooccurrence';
import { formatter, heat } from './model';
import type { CellPair } from './store';

interface TableProps {
  readonly matrix: CooccurrenceMatrix;
  readonly values: readonly (readonly number[])[];
  readonly measure: CooccurrenceMeasure;
  readonly shown: readonly number[];
  readonly max: number;
  readonly caption: string;
  readonly selected: CellPair | null;
  readonly onOpen: (cell: CellPair) => void;
}

interface RowProps extends Omit<TableProps, 'caption' | 'selected'> {
  readonly i: number;
  /** The selected column's code when the selected cell is in this row. */
  readonly selectedColumn: string | null;
}

/** One code's row; rows re-render only when the selection enters or leaves them. */
const Row = memo(function Row({ matrix, values, measure, shown, max, i, selectedColumn, onOpen }: RowProps) {
  const { t, i18n } = useTranslation();
  const format = formatter(i18n.language, measure);
  const figures = formatter(i18n.language, 'jaccard');
  const row = matrix.codes[i]!;
  return (
    <tr>
      <th scope="row" title={row.path} style={{ paddingLeft: 8 + row.depth * 12 }}>
        {row.name}
      </th>
      {shown.map((j) => {
        const column = matrix.codes[j]!;
        const count = matrix.counts[i]![j]!;
        const own = i === j;
        const isSelected = selectedColumn === column.codeId;
        if (count === 0) return <td key={column.codeId} className={own ? 'cooc-own cooc-empty' : 'cooc-empty'} />;
        const value = own ? count : values[i]![j]!;
        const colours = own ? null : heat(value, max);
        const label = own
          ? t('retrieve.cooccurrence.ownTitle', { code: row.path, count })
          : t('retrieve.cooccurrence.cellTitle', { a: row.path, b: column.path, count, jaccard: figures(matrix.jaccard[i]![j]!), c: figures(matrix.c[i]![j]!) });
        return (
          <td key={column.codeId} className={`${own ? 'cooc-own' : ''}${isSelected ? ' selected' : ''}`} style={colours ?? undefined} title={label}>
            <button type="button" aria-label={label} aria-pressed={isSelected} onClick={() => onOpen({ a: row.codeId, b: column.codeId })}>
              {own ? formatter(i18n.language, 'count')(count) : format(value)}
            </button>
          </td>
        );
      })}
    </tr>
  );
});

/**
 * Codes × codes as a real table: codes down and across with their paths as titles, each figure a
 * heat-coloured button naming both codes and every measure, which opens the passages behind it.
 * The diagonal holds each code's own count.
 */
export function CooccurrenceTable({ matrix, values, measure, shown, max, caption, selected, onOpen }: TableProps) {
  const { t } = useTranslation();
  return (
    <div className="cooc-wrap">
      <table className="cooc-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="cooc-corner">
              {t('retrieve.cooccurrence.code')}
            </th>
            {shown.map((j) => (
              <th key={matrix.codes[j]!.codeId} scope="col" title={matrix.codes[j]!.path}>
                <span className="cooc-col">{matrix.codes[j]!.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <Row
              key={matrix.codes[i]!.codeId}
              matrix={matrix}
              values={values}
              measure={measure}
              shown={shown}
              max={max}
              i={i}
              selectedColumn={selected && selected.a === matrix.codes[i]!.codeId ? selected.b : null}
              onOpen={onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
