/**
 * Case lists from spreadsheets: `readTable` reads a CSV (any delimiter, any encoding Quire
 * detects) or an Excel workbook (.xlsx; the first sheet unless one is named) into headers and
 * rows of strings. The same size limits and error messages as document import apply.
 */
import { readCsv } from './csv';
import { importError } from './errors';
import { asImportError, extensionOf } from './extract';
import { formatBytes, resolveLimits } from './limits';
import { sniff } from './sniff';
import type { ReadTableOptions, TableData } from './types';
import { readXlsx, XLSX_FORMAT_NAME } from './xlsx';
import { readZip } from './zip';

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<TableData> {
  const limits = resolveLimits(options.limits);
  if (bytes.length === 0) throw importError(fileName, 'is empty (0 bytes). Check that you picked the right file and that it was saved completely.');
  if (bytes.length > limits.maxFileBytes) {
    throw importError(fileName, `is too large to import (${formatBytes(bytes.length)}; the limit is ${formatBytes(limits.maxFileBytes)} per file).`, {
      size: bytes.length,
      limit: limits.maxFileBytes,
    });
  }
  const ext = extensionOf(fileName);
  try {
    const sniffed = sniff(bytes);
    if (sniffed.kind === 'zip') {
      const zip = await readZip(bytes, fileName, { formatName: XLSX_FORMAT_NAME, limits, want: (name) => name.endsWith('.xml') || name.endsWith('.rels') });
      if (!zip.names.includes('xl/workbook.xml')) {
        throw importError(fileName, 'is not an Excel workbook (.xlsx). Case lists can be read from .xlsx or CSV files.');
      }
      return await readXlsx(bytes, fileName, options.sheet, limits);
    }
    if (sniffed.kind === 'ole') {
      throw importError(fileName, 'is an old Excel 97–2003 workbook (.xls) or a password-protected one. Save it as .xlsx or CSV (without a password) and import that.');
    }
    if (sniffed.kind !== 'unknown') {
      throw importError(fileName, `is not a table Quire can read: it looks like ${sniffed.kind === 'binary' ? sniffed.what : `a ${sniffed.kind.toUpperCase()} file`}. Case lists are read from .xlsx or CSV files.`);
    }
    if (ext === 'xlsx' || ext === 'xlsm') throw importError(fileName, 'is named like an Excel workbook but is not one. It may be damaged, or saved under the wrong name.');
    if (ext === 'ods' || ext === 'numbers') throw importError(fileName, 'is a spreadsheet format Quire cannot read. Save it as .xlsx or CSV and import that.');
    return readCsv(bytes, fileName, { encoding: options.encoding, delimiter: options.delimiter }, limits);
  } catch (error) {
    throw asImportError(error, fileName, 'a table');
  }
}
