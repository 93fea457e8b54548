import type { Matrix, MatrixColumn, MatrixMeasure, MatrixPeriod, MatrixRow } from '../../../src-shared/contract';

export const column = (key: string, label: string, extra: Partial<MatrixColumn> = {}): MatrixColumn => ({ key, label, group: label, period: null, documents: 2, words: 1000, ...extra });

export const row = (name: string, depth: number, cells: number[], counts = cells, total = cells.reduce((a, b) => a + b, 0)): MatrixRow => ({
  codeId: `id-${name}`,
  name,
  path: depth === 0 ? name : `Parent › ${name}`,
  depth,
  cells,
  counts,
  total,
});

export function matrix(rows: MatrixRow[], columns: MatrixColumn[], measure: MatrixMeasure = 'codings', period: MatrixPeriod | null = null): Matrix {
  return { measure, columnsBy: 'Enterprise', period, columns, rows, smallBelow: 5, waves: [] };
}

/** Two enterprises over two years, the second without documents in 1994, plus undated material. */
export function splitByYear(): Matrix {
  const columns = [
    column('c1|1993', 'Кольца · 1993', { group: 'Кольца', period: '1993' }),
    column('c1|1994', 'Кольца · 1994', { group: 'Кольца', period: '1994' }),
    column('c2|1993', 'Шахта · 1993', { group: 'Шахта', period: '1993' }),
    column('c2|undated', 'Шахта · undated', { group: 'Шахта', period: 'undated' }),
  ];
  return matrix([row('Paternalism', 0, [2, 4, 1, 3])], columns, 'codings', 'year');
}
