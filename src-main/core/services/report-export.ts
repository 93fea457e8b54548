/**
 * The code × case matrix as a file: CSV for any spreadsheet or statistics package, XLSX for
 * Excel with the figures, the codings they rest on and what was compared. Built here rather than
 * in the renderer, which then needs neither csv-stringify nor exceljs (~1 MB).
 */
import type { Matrix, MatrixMeasure, MatrixPeriod } from '../../../src-shared/contract';
import { formatPeriod } from '../../../src-shared/model/matrix-periods';
import type { SomeHandlers } from '../context';
import { csvTable } from '../export/csv';

export type ExportLanguage = 'en' | 'ru';

const TEXTS = {
  en: {
    code: 'Code',
    total: 'Total (whole project)',
    documents: 'Documents',
    words: 'Words',
    undated: 'undated',
    sheet: 'Matrix',
    countsSheet: 'Codings',
    aboutSheet: 'About',
    measure: 'Measure',
    columnsBy: 'Columns',
    period: 'Split by',
    periods: { month: 'month', quarter: 'quarter', year: 'year', wave: 'wave' } satisfies Record<MatrixPeriod, string>,
    none: 'none',
    smallBelow: 'Small counts',
    smallNote: (n: number) => `Grey figures rest on fewer than ${n} codings: too few to compare.`,
    codingsTitle: 'Codings behind each cell',
    totalNote: 'The total is over the whole project, including documents in none of the columns.',
    exported: 'Exported',
    measures: {
      codings: 'Codings',
      documents: 'Documents with the code',
      informants: 'Informants',
      chars: 'Coded characters',
      per10k: 'Codings per 10,000 words',
      rowpct: 'Row % (share of the code’s codings in each column)',
      colpct: 'Column % (share of the column’s codings)',
      presence: 'Presence (1: the code occurs)',
    } satisfies Record<MatrixMeasure, string>,
  },
  ru: {
    code: 'Код',
    total: 'Всего (весь проект)',
    documents: 'Документы',
    words: 'Слова',
    undated: 'без даты',
    sheet: 'Матрица',
    countsSheet: 'Кодировки',
    aboutSheet: 'О таблице',
    measure: 'Показатель',
    columnsBy: 'Столбцы',
    period: 'Разбивка',
    periods: { month: 'по месяцам', quarter: 'по кварталам', year: 'по годам', wave: 'по волнам' } satisfies Record<MatrixPeriod, string>,
    none: 'нет',
    smallBelow: 'Малые числа',
    smallNote: (n: number) => `Серые значения основаны менее чем на ${n} кодировках: слишком мало для сравнения.`,
    codingsTitle: 'Кодировки в каждой ячейке',
    totalNote: 'Итог — по всему проекту, включая документы вне столбцов.',
    exported: 'Выгружено',
    measures: {
      codings: 'Кодировки',
      documents: 'Документы с кодом',
      informants: 'Информанты',
      chars: 'Закодированные символы',
      per10k: 'Кодировок на 10 000 слов',
      rowpct: '% по строке (доля кодировок кода в каждом столбце)',
      colpct: '% по столбцу (доля среди кодировок столбца)',
      presence: 'Наличие (1 — код встречается)',
    } satisfies Record<MatrixMeasure, string>,
  },
} as const;

/** A column's header: its label, with the period written out when the matrix is split by one. */
export function columnHeader(column: Matrix['columns'][number], language: ExportLanguage): string {
  return column.period === null ? column.label : `${column.group} · ${formatPeriod(column.period, language, TEXTS[language].undated)}`;
}

/**
 * The matrix as rows of a table: the header, one row per code (its path, the cells, the total),
 * then the documents and words of each column.
 */
export function matrixRows(matrix: Matrix, language: ExportLanguage, values: 'cells' | 'counts' = 'cells'): (string | number | null)[][] {
  const t = TEXTS[language];
  return [
    [t.code, ...matrix.columns.map((c) => columnHeader(c, language)), values === 'cells' ? t.total : null],
    ...matrix.rows.map((r) => [r.path, ...(values === 'cells' ? r.cells : r.counts), values === 'cells' ? r.total : r.counts.reduce((a, b) => a + b, 0)]),
    [t.documents, ...matrix.columns.map((c) => c.documents), null],
    [t.words, ...matrix.columns.map((c) => c.words), null],
  ];
}

/**
 * CSV with a byte-order mark (Excel then reads UTF-8, and so Cyrillic). With `;` between fields,
 * as Excel set to Russian expects, decimals take a comma too.
 */
export function matrixCsv(matrix: Matrix, options: { readonly delimiter: ',' | ';'; readonly language: ExportLanguage }): string {
  const number = (n: number): string => (options.delimiter === ';' ? String(n).replace('.', ',') : String(n));
  const records = matrixRows(matrix, options.language).map((row) => row.map((v) => (v === null ? '' : typeof v === 'number' ? number(v) : v)));
  return csvTable(records, options.delimiter);
}

const NUMBER_FORMATS: Readonly<Record<MatrixMeasure, string>> = {
  codings: '#,##0',
  documents: '#,##0',
  informants: '#,##0',
  chars: '#,##0',
  per10k: '0.0',
  rowpct: '0.0"%"',
  colpct: '0.0"%"',
  presence: '0',
};

const GREY = { argb: 'FF868E96' };

/** The matrix as an Excel workbook: the measure (heat-coloured, small counts in grey), the codings, and what was compared. */
export async function matrixXlsx(matrix: Matrix, language: ExportLanguage, now = new Date()): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~0.6 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const t = TEXTS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quire';
  workbook.created = now;
  const split = matrix.period !== null;
  const headerRows = split ? 2 : 1;
  const width = matrix.columns.length;

  const sheet = (name: string, values: 'cells' | 'counts', format: string, title: string): void => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 + headerRows }] });
    ws.addRow([title]).font = { bold: true };
    const [header, ...rest] = matrixRows(matrix, language, values);
    if (split) {
      // Two header rows: the case or value over its periods, then the periods.
      const groups = ws.addRow([t.code, ...matrix.columns.map((c) => c.group), header!.at(-1)]);
      ws.addRow([null, ...matrix.columns.map((c) => formatPeriod(c.period ?? '', language, t.undated)), null]);
      let start = 0;
      for (let i = 1; i <= width; i++) {
        if (i === width || matrix.columns[i]!.group !== matrix.columns[start]!.group) {
          if (i - start > 1) ws.mergeCells(2, start + 2, 2, i + 1);
          start = i;
        }
      }
      ws.mergeCells(2, 1, 3, 1);
      ws.mergeCells(2, width + 2, 3, width + 2);
      groups.font = { bold: true };
      ws.getRow(3).font = { bold: true };
    } else ws.addRow(header!).font = { bold: true };
    const body = rest.slice(0, matrix.rows.length);
    body.forEach((values, r) => {
      const row = ws.addRow(values);
      const code = matrix.rows[r]!;
      row.outlineLevel = Math.min(code.depth, 7);
      for (let c = 0; c < width + 1; c++) {
        const cell = row.getCell(c + 2);
        cell.numFmt = format;
        if (c < width && code.counts[c]! > 0 && code.counts[c]! < matrix.smallBelow) cell.font = { color: GREY, italic: true };
      }
    });
    for (const values of rest.slice(matrix.rows.length)) {
      const row = ws.addRow(values);
      row.font = { italic: true };
      row.eachCell((cell, c) => {
        if (c > 1) cell.numFmt = '#,##0';
      });
    }
    const first = 2 + headerRows;
    const last = first + matrix.rows.length - 1;
    if (matrix.rows.length > 0 && width > 0) {
      ws.addConditionalFormatting({
        ref: `${ws.getCell(first, 2).address}:${ws.getCell(last, width + 1).address}`,
        rules: [{ type: 'colorScale', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: 'FFFFFFFF' }, { argb: 'FF748FFC' }] }],
      });
    }
    ws.addRow([]);
    if (values === 'cells') {
      ws.addRow([t.smallNote(matrix.smallBelow)]).font = { color: GREY };
      ws.addRow([t.totalNote]).font = { color: GREY };
    }
    ws.getColumn(1).width = Math.min(70, Math.max(20, ...matrix.rows.map((r) => r.path.length)));
    for (let c = 2; c <= width + 2; c++) ws.getColumn(c).width = 14;
  };

  sheet(t.sheet, 'cells', NUMBER_FORMATS[matrix.measure], t.measures[matrix.measure]);
  if (matrix.measure !== 'codings') sheet(t.countsSheet, 'counts', '#,##0', t.codingsTitle);
  const about = workbook.addWorksheet(t.aboutSheet);
  about.addRows([
    [t.measure, t.measures[matrix.measure]],
    [t.columnsBy, matrix.columnsBy],
    [t.period, matrix.period ? t.periods[matrix.period] : t.none],
    [t.smallBelow, t.smallNote(matrix.smallBelow)],
    [t.exported, now.toISOString().slice(0, 16).replace('T', ' ')],
    ['', t.totalNote],
  ]);
  about.getColumn(1).width = 20;
  about.getColumn(2).width = 80;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A file name from what was compared: letters (Cyrillic too) and digits, dashes between. */
export function exportFileName(matrix: Matrix, extension: string): string {
  const by = matrix.columnsBy.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'columns';
  return `quire-${by}-${matrix.measure}${matrix.period ? `-${matrix.period}` : ''}.${extension}`;
}

export const reportExportHandlers: SomeHandlers<'reports.matrixExport'> = {
  'reports.matrixExport': async (ctx, { format, delimiter, language, ...input }) => {
    const matrix = await ctx.call('reports.matrix', input);
    if (format === 'csv') {
      const csv = matrixCsv(matrix, { delimiter, language });
      return { fileName: exportFileName(matrix, 'csv'), mimeType: 'text/csv;charset=utf-8', data: Buffer.from(csv, 'utf8').toString('base64') };
    }
    const bytes = await matrixXlsx(matrix, language);
    return {
      fileName: exportFileName(matrix, 'xlsx'),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
  },
};
