import { z } from 'zod';
import { query } from './define';
import { reportMethods } from './reports';

/** What a code × case matrix can be exported as. */
export const MATRIX_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type MatrixExportFormat = (typeof MATRIX_EXPORT_FORMATS)[number];

/** A file made by the core for the renderer (or the CLI) to save. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  /** The file's bytes, base64. */
  readonly data: string;
}

export const reportExportMethods = {
  /**
   * The matrix of `reports.matrix` as a file: CSV (UTF-8 with a byte-order mark, so Excel reads
   * Cyrillic) or an Excel workbook (the measure, the codings it rests on, and what was compared).
   * `delimiter: ';'` is for Excel set to Russian: semicolons between fields and decimal commas.
   * `language` is that of the fixed headers (Code, Total, Documents, Words) and period labels.
   */
  'reports.matrixExport': query(
    reportMethods['reports.matrix'].input.extend({
      format: z.enum(MATRIX_EXPORT_FORMATS),
      delimiter: z.enum([',', ';']).default(','),
      language: z.enum(['en', 'ru']).default('en'),
    }),
  ).returns<ExportedFile>(),
};
