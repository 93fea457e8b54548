import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportFileName, matrixCsv, matrixRows } from '../../../src-main/core/services/report-export';
import { column, matrix, row, splitByYear } from './fixture';

const perTenK = matrix(
  [row('Paternalism', 0, [12.5, 0], [3, 0], 8.1), row('Klassnost', 1, [2, 33.3], [1, 7], 4)],
  [column('c1', 'Кольца', { documents: 3, words: 2400 }), column('c2', 'Шахта «Берёзовая»', { documents: 1, words: 2100 })],
  'per10k',
);

describe('the matrix as CSV', () => {
  it('starts with a byte-order mark, has the column labels, the code paths, totals, documents and words', () => {
    const csv = matrixCsv(perTenK, { delimiter: ',', language: 'en' });
    expect(csv.startsWith('\uFEFFCode,')).toBe(true);
    const records = parse(csv.slice(1)) as string[][];
    expect(records).toEqual([
      ['Code', 'Кольца', 'Шахта «Берёзовая»', 'Total (whole project)'],
      ['Paternalism', '12.5', '0', '8.1'],
      ['Parent › Klassnost', '2', '33.3', '4'],
      ['Documents', '3', '1', ''],
      ['Words', '2400', '2100', ''],
    ]);
    expect(csv).toContain('\r\n');
  });

  it('uses semicolons and decimal commas for Excel in Russian, with Russian headers', () => {
    const csv = matrixCsv(perTenK, { delimiter: ';', language: 'ru' });
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Код;Кольца;Шахта «Берёзовая»;Всего (весь проект)');
    expect(lines[1]).toBe('Paternalism;12,5;0;8,1');
    expect(lines[4]).toBe('Слова;2400;2100;');
  });

  it('writes a split column as its case and period, and quotes what needs quoting', () => {
    const rows = matrixRows(splitByYear(), 'ru');
    expect(rows[0]).toEqual(['Код', 'Кольца · 1993', 'Кольца · 1994', 'Шахта · 1993', 'Шахта · без даты', 'Всего (весь проект)']);
    const odd = matrix([row('Said "no", then yes', 0, [1])], [column('x', 'a, b')]);
    expect(matrixCsv(odd, { delimiter: ',', language: 'en' })).toContain('Code,"a, b",Total (whole project)\r\n"Said ""no"", then yes",1,1');
  });

  it('quotes a line break inside a cell, so pandas and R keep it in its field, with either delimiter', () => {
    const odd = matrix([row('Paternalism\nand care', 0, [1])], [column('x', 'Rings;\r\nshop 3')]);
    const comma = matrixCsv(odd, { delimiter: ',', language: 'en' });
    expect(comma).toContain('Code,"Rings;\r\nshop 3",Total (whole project)\r\n"Paternalism\nand care",1,1\r\n');
    expect((parse(comma.slice(1)) as string[][]).map((r) => r[0])).toEqual(['Code', 'Paternalism\nand care', 'Documents', 'Words']);
    const semicolon = matrixCsv(odd, { delimiter: ';', language: 'en' });
    expect(semicolon).toContain('Code;"Rings;\r\nshop 3";Total (whole project)\r\n"Paternalism\nand care";1;1\r\n');
    expect((parse(semicolon.slice(1), { delimiter: ';' }) as string[][])[0]).toEqual(['Code', 'Rings;\r\nshop 3', 'Total (whole project)']);
  });

  it('lists the codings behind the cells on request', () => {
    expect(matrixRows(perTenK, 'en', 'counts').slice(1, 3)).toEqual([
      ['Paternalism', 3, 0, 3],
      ['Parent › Klassnost', 1, 7, 8],
    ]);
  });

  it('names the file after what was compared', () => {
    expect(exportFileName(perTenK, 'csv')).toBe('quire-enterprise-per10k.csv');
    expect(exportFileName({ ...splitByYear(), columnsBy: 'Shop / section' }, 'xlsx')).toBe('quire-shop-section-codings-year.xlsx');
    expect(exportFileName({ ...perTenK, columnsBy: 'Отрасль' }, 'csv')).toBe('quire-отрасль-per10k.csv');
  });
});
