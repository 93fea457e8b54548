/**
 * Excel workbooks (.xlsx) as case lists, through exceljs. The zip has already passed `readZip`'s
 * limits. Values become the strings a researcher would type: numbers without float noise
 * (0.1 + 0.2 → "0.3"), dates as ISO "2024-03-05" (with " 14:30" when there is a time), formulas
 * as their last computed result, rich text and links as their text.
 */
import type { CellValue } from 'exceljs';
import { importError, unreadable } from './errors';
import type { ImportLimits } from './limits';
import { shapeTable } from './table-rows';
import type { TableData } from './types';

export const XLSX_FORMAT_NAME = 'an Excel workbook (XLSX)';

export async function readXlsx(bytes: Uint8Array, fileName: string, sheet: string | undefined, limits: ImportLimits): Promise<TableData> {
  // Loaded on first use: exceljs costs ~0.6 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw unreadable(fileName, XLSX_FORMAT_NAME, error, 'Open it in Excel or LibreOffice, save it again (or as CSV), and import the new copy.');
  }
  const sheetNames = workbook.worksheets.map((w) => w.name);
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === sheet);
  if (!worksheet) {
    throw importError(
      fileName,
      sheet === undefined ? 'contains no worksheets.' : `has no sheet called "${sheet}". Its sheets are: ${sheetNames.map((n) => `"${n}"`).join(', ')}.`,
      { sheetNames },
    );
  }
  const raw: string[][] = [];
  const warnings: string[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    if (raw.length > limits.maxTableRows) return;
    const values = row.values as CellValue[];
    raw.push(values.slice(1).map((v) => cellText(v)));
  });
  if (raw.length > limits.maxTableRows) {
    raw.length = limits.maxTableRows;
    warnings.push(`Only the first ${limits.maxTableRows.toLocaleString('en')} rows were read.`);
  }
  const shaped = shapeTable(raw);
  if (shaped.headers.length === 0) throw importError(fileName, `has no rows in the sheet "${worksheet.name}".`);
  return { headers: shaped.headers, rows: shaped.rows, sheetNames, sheet: worksheet.name, encoding: null, delimiter: null, warnings: [...warnings, ...shaped.warnings] };
}

/** One cell as text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  return '';
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number.parseFloat(n.toPrecision(15)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * exceljs gives dates as UTC instants carrying the spreadsheet's wall-clock value, so the UTC
 * fields are the ones the user typed. Excel's day zero (1899-12-30) means a time without a date.
 */
function formatDate(exact: Date): string {
  if (Number.isNaN(exact.getTime())) return '';
  // Serial day fractions carry float noise (14:29:59.9996); round to the second.
  const date = new Date(Math.round(exact.getTime() / 1000) * 1000);
  const time = date.getUTCSeconds() !== 0 ? `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` : `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
  if (date.getUTCFullYear() === 1899 && date.getUTCMonth() === 11 && date.getUTCDate() === 30) return time;
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return hasTime ? `${day} ${time}` : day;
}
