/**
 * Extracts as an Excel workbook: the tidy rows of the CSV on one sheet, written row by row with
 * exceljs' streaming writer, so 100,000 excerpts never sit in memory as a workbook.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_TEXTS } from './texts';
import { tidyHeader, tidyRow } from './tidy';
import type { ExtractsWriter, WriterFactory } from './writer';

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_LIMIT = 32_767;
const fit = (v: string | number): string | number => (typeof v === 'string' && v.length > CELL_LIMIT ? `${v.slice(0, CELL_LIMIT - 1)}…` : v);

export const xlsxWriter: WriterFactory = (out, head): ExtractsWriter => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        out.write(chunk);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Quire';
  const header = tidyHeader(head);
  const sheet = workbook.addWorksheet(EXPORT_TEXTS[head.language].sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, key: String(i), width: h === EXPORT_TEXTS[head.language].columns.excerpt ? 80 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let heading: string | null = null;
  return {
    group(h) {
      heading = h;
    },
    excerpts(batch) {
      for (const e of batch) sheet.addRow(tidyRow(head, heading, e).map(fit)).commit();
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
      await finished;
    },
  };
};
