import { describe, expect, it } from 'vitest';
import type { Attribute, CaseType } from '../../../src-shared/model/entities';
import {
  ariaSort,
  baseKey,
  cellFilter,
  columnChoices,
  columnGroups,
  columnLabel,
  formatValue,
  heatColour,
  heatMax,
  inPeriod,
  isSmall,
  nextSort,
  peak,
  resolveColumnsBy,
  sortRows,
  timeSeries,
} from '../../../src-renderer/views/compare/model';
import { column, matrix, row, splitByYear } from './fixture';

const rows = [row('Informal relations', 0, [0, 3], [0, 3], 10), row('Type 2', 1, [5, 1], [5, 1], 6), row('Paternalism', 0, [5, 2], [5, 2], 7)];

describe('sorting the table', () => {
  it('keeps codebook order unsorted, and sorts by a column with ties in codebook order', () => {
    expect(sortRows(rows, null).map((r) => r.row.name)).toEqual(['Informal relations', 'Type 2', 'Paternalism']);
    expect(sortRows(rows, { by: 0, direction: 'descending' }).map((r) => r.row.name)).toEqual(['Type 2', 'Paternalism', 'Informal relations']);
    expect(sortRows(rows, { by: 0, direction: 'ascending' }).map((r) => r.row.name)).toEqual(['Informal relations', 'Type 2', 'Paternalism']);
    expect(sortRows(rows, { by: 'total', direction: 'descending' }).map((r) => r.index)).toEqual([0, 2, 1]);
    expect(sortRows(rows, { by: 'code', direction: 'ascending' }).map((r) => r.row.path)).toEqual(['Informal relations', 'Parent › Type 2', 'Paternalism']);
  });

  it('cycles a header: largest first, smallest first, codebook order; the code column A→Z first', () => {
    const first = nextSort(null, 1);
    expect(first).toEqual({ by: 1, direction: 'descending' });
    const second = nextSort(first, 1);
    expect(second).toEqual({ by: 1, direction: 'ascending' });
    expect(nextSort(second, 1)).toBeNull();
    expect(nextSort(second, 'total')).toEqual({ by: 'total', direction: 'descending' });
    expect(nextSort(null, 'code')).toEqual({ by: 'code', direction: 'ascending' });
    expect(ariaSort(second, 1)).toBe('ascending');
    expect(ariaSort(second, 0)).toBe('none');
    expect(ariaSort(null, 'code')).toBe('none');
  });
});

describe('heat colours', () => {
  it('scale from light to dark within the table, with readable text, and leave empty cells alone', () => {
    const m = matrix(rows, [column('a', 'A'), column('b', 'B')]);
    expect(heatMax(m)).toBe(5);
    expect(heatColour(0, 5)).toBeNull();
    expect(heatColour(3, 0)).toBeNull();
    const low = heatColour(0.5, 5)!;
    const high = heatColour(5, 5)!;
    expect(high).toEqual({ background: '#3b5bdb', color: '#ffffff' });
    expect(low.color).toBe('#1a1b1e');
    const lightness = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    expect(lightness(low.background)).toBeGreaterThan(lightness(heatColour(2.5, 5)!.background));
    expect(lightness(heatColour(2.5, 5)!.background)).toBeGreaterThan(lightness(high.background));
    // Never past the top, whatever the value.
    expect(heatColour(50, 5)).toEqual(high);
  });
});

describe('small counts', () => {
  it('flag cells resting on some but fewer codings than the threshold', () => {
    expect(isSmall(0, 5)).toBe(false);
    expect(isSmall(1, 5)).toBe(true);
    expect(isSmall(4, 5)).toBe(true);
    expect(isSmall(5, 5)).toBe(false);
    expect(isSmall(3, 0)).toBe(false);
  });
});

describe('cell text', () => {
  it('writes percentages with %, presence as a tick, numbers by the language', () => {
    const ru = (n: number) => new Intl.NumberFormat('ru').format(n);
    expect(formatValue(33.3, 'rowpct', ru)).toBe('33,3%');
    expect(formatValue(12.5, 'colpct', (n) => String(n))).toBe('12.5%');
    expect(formatValue(12345, 'chars', ru)).toMatch(/^12\s345$/u);
    expect(formatValue(1, 'presence', ru)).toBe('✓');
    expect(formatValue(0, 'presence', ru)).toBe('–');
  });
});

describe('columns split by period', () => {
  it('group neighbouring columns of one case for the upper header row', () => {
    expect(columnGroups(splitByYear().columns)).toEqual([
      { label: 'Кольца', start: 0, span: 2 },
      { label: 'Шахта', start: 2, span: 2 },
    ]);
    expect(columnGroups([column('a', 'A'), column('b', 'B')]).map((g) => g.span)).toEqual([1, 1]);
  });

  it('label a column with its period written out, and find its case key', () => {
    const [first, , , undated] = splitByYear().columns;
    expect(columnLabel(first!, 'en', 'undated')).toBe('Кольца · 1993');
    expect(columnLabel(undated!, 'ru', 'без даты')).toBe('Шахта · без даты');
    expect(columnLabel(column('x', 'Кольца'), 'en', 'undated')).toBe('Кольца');
    expect(baseKey(first!)).toBe('c1');
    expect(baseKey(undated!)).toBe('c2');
    expect(baseKey(column('a|b', 'value with a bar'))).toBe('a|b');
  });

  it('give one line per case over the dated periods, with gaps where a case has no material', () => {
    expect(timeSeries(splitByYear(), 0)).toEqual({
      periods: ['1993', '1994'],
      series: [
        { group: 'Кольца', values: [2, 4] },
        { group: 'Шахта', values: [1, null] },
      ],
    });
  });

  it('find the largest cell for a chart summary', () => {
    const top = peak(splitByYear())!;
    expect([top.value, top.column.key]).toEqual([4, 'c1|1994']);
    expect(peak(matrix([row('Empty', 0, [0])], [column('a', 'A')]))).toBeNull();
  });
});

describe('the passages behind a cell', () => {
  const caseTypes: CaseType[] = [{ id: 't1', name: 'Enterprise', parentId: null }, { id: 't2', name: 'Region', parentId: null }];
  const attribute = (id: string, name: string): Attribute => ({ id, name, target: 'case', caseTypeId: 't1', valueType: 'choice', choices: null });
  const attributes = [attribute('a1', 'Industry'), attribute('a2', 'Region'), attribute('a3', 'industry')];

  it('resolve what the columns are as the core does: a case type before an attribute of that name', () => {
    expect(resolveColumnsBy('enterprise', caseTypes, attributes)).toMatchObject({ kind: 'caseType', caseType: { id: 't1' } });
    expect(resolveColumnsBy('Region', caseTypes, attributes)).toMatchObject({ kind: 'caseType' });
    expect(resolveColumnsBy('INDUSTRY', caseTypes, attributes)).toMatchObject({ kind: 'attribute', attribute: { id: 'a1' } });
    expect(resolveColumnsBy('shoe size', caseTypes, attributes)).toBeNull();
    expect(columnChoices(caseTypes, attributes)).toEqual({ caseTypes: ['Enterprise', 'Region'], attributes: ['Industry'] });
  });

  it('filter by the column’s case or attribute value, and by its period’s dates', () => {
    const by = resolveColumnsBy('enterprise', caseTypes, attributes)!;
    expect(cellFilter(column('case-1', 'Кольца'), by)).toEqual({ caseIds: ['case-1'], attributes: [], from: null, to: null });
    const [, y1994, , undated] = splitByYear().columns;
    const year = { start: '1994-01-01', end: '1994-12-31', precision: 'year' };
    expect(cellFilter(y1994!, by)).toEqual({ caseIds: ['c1'], attributes: [], from: year, to: year });
    expect(cellFilter(undated!, by)).toMatchObject({ caseIds: ['c2'], from: null, to: null });
    const industry = resolveColumnsBy('industry', caseTypes, attributes)!;
    expect(cellFilter(column('mining', 'mining'), industry)).toEqual({ caseIds: [], attributes: [{ attributeId: 'a1', values: ['mining'] }], from: null, to: null });
  });

  it('keep only the passages of documents whose date starts in the period', () => {
    const [y1993, , , undated] = splitByYear().columns;
    const date = (start: string, end: string) => ({ start, end, precision: 'range' as const });
    expect(inPeriod(y1993!, 'year', date('1993-11-01', '1994-02-28'))).toBe(true);
    expect(inPeriod(y1993!, 'year', date('1992-11-01', '1993-02-28'))).toBe(false);
    expect(inPeriod(y1993!, 'year', null)).toBe(false);
    expect(inPeriod(undated!, 'year', null)).toBe(true);
    expect(inPeriod(column('a', 'A'), null, null)).toBe(true);
  });
});
